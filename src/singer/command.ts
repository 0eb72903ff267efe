import { readJsonFile } from '../config/files.js';
import { configError } from '../errors.js';
import { parseSingerState, unselectedStatesNote } from '../protocol/state-input.js';
import { STREAMS } from '../streams/registry.js';
import { loadConfig } from '../commands/inputs.js';
import type { CommandContext } from '../commands/runtime.js';
import { assertStatesUsable, runSync } from '../commands/sync.js';
import { about } from './about.js';
import { selectFromCatalog, singerCatalog } from './catalog.js';
import { SingerSink, writeSingerLog } from './sink.js';

export interface SingerOptions {
  config?: string;
  state?: string;
  catalog?: string;
  properties?: string;
  discover?: boolean;
  about?: boolean;
  format?: string;
  /** `true` (--test): at most one record per stream, no state; `'schema'` (--test=schema): SCHEMA messages only. */
  test?: boolean | string;
  debug?: boolean;
}

export const CAPABILITIES = ['catalog', 'discover', 'state', 'about', 'test'];

/** What a connection test (--test) reads of each selected stream. */
const TEST_RECORD_LIMIT = 1;

/** The Singer tap: same engine, Singer messages on stdout, everything for people on stderr. */
export async function singerCommand(ctx: CommandContext, options: SingerOptions): Promise<number> {
  if (options.about === true) return about(ctx, options.format, CAPABILITIES);
  if (options.config === undefined) throw configError('--config is required (or --about).');
  const config = await loadConfig(ctx, options.config, async (warning) => writeSingerLog(ctx.stderr, ctx.redactor, 'WARN', warning));
  if (options.discover === true) {
    ctx.stdout.write(JSON.stringify(singerCatalog(STREAMS), null, 2) + '\n');
    return 0;
  }
  const catalogPath = options.catalog ?? options.properties;
  const selection = selectFromCatalog(catalogPath === undefined ? undefined : await readJsonFile(catalogPath, 'catalog'), STREAMS);
  const stateFile = options.state === undefined ? undefined : await readJsonFile(options.state, 'state');
  const states = parseSingerState(
    stateFile,
    STREAMS.map((s) => s.name),
  );
  assertStatesUsable(config, selection.selected, states);
  const test = testMode(options.test);
  const recordLimit = test === 'records' ? TEST_RECORD_LIMIT : undefined;
  const sink = new SingerSink({
    stdout: ctx.stdout,
    stderr: ctx.stderr,
    redactor: ctx.redactor,
    streams: STREAMS,
    deselected: selection.deselected,
    carried: Object.fromEntries(states),
    configPath: options.config,
    writeState: test === undefined,
    recordLimit,
    now: ctx.now,
  });
  const note = unselectedStatesNote(
    states,
    selection.selected.map((s) => s.declaration.name),
    test === undefined,
  );
  if (note !== undefined) await sink.log('INFO', note);
  if (test === 'schema') {
    for (const { declaration } of selection.selected) await sink.sendSchema(declaration.name);
    return 0;
  }
  // A connection test goes through the real read path, one record per stream at most.
  return runSync(ctx, sink, config, selection.selected, states, recordLimit === undefined ? {} : { recordLimit });
}

function testMode(option: boolean | string | undefined): 'records' | 'schema' | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true || option === 'all') return 'records';
  if (option === 'schema') return 'schema';
  throw configError(`--test takes no value (one record per stream) or "schema", not ${JSON.stringify(option)}.`);
}
