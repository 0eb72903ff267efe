import { readJsonFile } from '../config/files.js';
import { configError } from '../errors.js';
import type { JsonObject } from '../protocol/messages.js';
import { cursorFieldOf } from '../engine/declarations.js';
import { loadSchema } from '../schemas.js';
import { STREAMS } from '../streams/registry.js';
import { CONNECTOR_VERSION } from '../version.js';
import { loadConfig } from '../commands/inputs.js';
import type { CommandContext } from '../commands/runtime.js';
import { assertStatesUsable, runSync } from '../commands/sync.js';
import { bookmarksFrom, selectFromCatalog, singerCatalog } from './catalog.js';
import { SingerSink } from './sink.js';

export interface SingerOptions {
  config?: string;
  state?: string;
  catalog?: string;
  properties?: string;
  discover?: boolean;
  about?: boolean;
  format?: string;
}

export const CAPABILITIES = ['catalog', 'discover', 'state', 'about'];

/** The Singer tap: same engine, Singer messages on stdout, everything for people on stderr. */
export async function singerCommand(ctx: CommandContext, options: SingerOptions): Promise<number> {
  if (options.about === true) return about(ctx, options.format);
  if (options.config === undefined) throw configError('--config is required (or --about).');
  const config = await loadConfig(ctx, options.config);
  if (options.discover === true) {
    ctx.stdout.write(JSON.stringify(singerCatalog(STREAMS), null, 2) + '\n');
    return 0;
  }
  const catalogPath = options.catalog ?? options.properties;
  const selection = selectFromCatalog(catalogPath === undefined ? undefined : await readJsonFile(catalogPath, 'catalog'), STREAMS);
  const bookmarks = bookmarksFrom(options.state === undefined ? undefined : await readJsonFile(options.state, 'state'));
  const states = new Map(Object.entries(bookmarks).filter(([name]) => STREAMS.some((s) => s.name === name)));
  assertStatesUsable(config, selection.selected, states);
  const sink = new SingerSink(ctx.stdout, ctx.stderr, ctx.redactor, STREAMS, selection.deselected, bookmarks, options.config, ctx.now);
  return runSync(ctx, sink, config, selection.selected, states);
}

function about(ctx: CommandContext, format = 'json'): number {
  const info = {
    name: 'tap-peloton',
    description: 'Peloton workouts and per-workout performance metrics (Singer tap mode of source-peloton).',
    version: CONNECTOR_VERSION,
    capabilities: CAPABILITIES,
    streams: STREAMS.map((s) => ({ name: s.name, key_properties: s.primaryKey.map((p) => p.join('.')), replication_key: cursorFieldOf(s) ?? null })),
    settings: loadSchema('spec.json'),
  };
  if (format === 'json') {
    ctx.stdout.write(JSON.stringify(info, null, 2) + '\n');
    return 0;
  }
  const properties = (info.settings['properties'] ?? {}) as Record<string, JsonObject>;
  const lines = [
    `# ${info.name} ${info.version}`,
    '',
    info.description,
    '',
    `Capabilities: ${CAPABILITIES.join(', ')}`,
    '',
    '## Streams',
    ...info.streams.map((s) => `- ${s.name} (key ${s.key_properties.join(', ')}, ${s.replication_key === null ? 'full table' : `replication key ${s.replication_key}`})`),
    '',
    '## Settings',
    ...Object.entries(properties).map(([name, p]) => `- ${name}: ${String(p['description'] ?? p['title'] ?? '')}`),
  ];
  ctx.stdout.write(lines.join('\n') + '\n');
  return 0;
}
