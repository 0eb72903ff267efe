import type { StreamDeclaration } from '../engine/declarations.js';
import { supportedSyncModes } from '../engine/capabilities.js';
import type { SelectedStream } from '../engine/read.js';
import { configError } from '../errors.js';
import type { SyncMode } from '../protocol/messages.js';

const SYNC_MODES: readonly SyncMode[] = ['full_refresh', 'incremental'];
const DESTINATION_SYNC_MODES = ['append', 'overwrite', 'append_dedup', 'update', 'overwrite_dedup'];

/** Validates a configured catalog and returns the selected streams in the source's own order. */
export function resolveCatalog(input: unknown, streams: readonly StreamDeclaration[]): SelectedStream[] {
  const fail = (why: string): never => {
    throw configError(`The catalog is invalid: ${why}. Run \`discover\` to see the streams this source offers.`);
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail('it must be a JSON object with a "streams" list');
  const entries = (input as { streams?: unknown }).streams;
  if (!Array.isArray(entries)) return fail('it must have a "streams" list');

  const chosen = new Map<string, SyncMode>();
  entries.forEach((entry: unknown, index) => {
    const where = `streams[${index}]`;
    if (typeof entry !== 'object' || entry === null) return fail(`${where} must be an object`);
    const { stream, sync_mode: syncMode = 'full_refresh', destination_sync_mode: destinationSyncMode } = entry as Record<string, unknown>;
    const name = typeof stream === 'object' && stream !== null ? (stream as { name?: unknown }).name : undefined;
    if (typeof name !== 'string') return fail(`${where}.stream.name must be a string`);
    const declaration = streams.find((s) => s.name === name);
    if (declaration === undefined)
      return fail(
        `${where} names the stream '${name}', which this source does not have (it has ${streams.map((s) => `'${s.name}'`).join(', ')})`,
      );
    if (!SYNC_MODES.includes(syncMode as SyncMode))
      return fail(`${where} ('${name}') has sync_mode ${JSON.stringify(syncMode)}; supported: full_refresh, incremental`);
    if (!supportedSyncModes(declaration).includes(syncMode as SyncMode)) {
      return fail(
        `${where} asks for ${String(syncMode)} on the stream '${name}', which supports only ${supportedSyncModes(declaration).join(' and ')} (it has no cursor); select full_refresh for it`,
      );
    }
    if (destinationSyncMode !== undefined && !DESTINATION_SYNC_MODES.includes(destinationSyncMode as string)) {
      return fail(`${where} ('${name}') has an unknown destination_sync_mode ${JSON.stringify(destinationSyncMode)}`);
    }
    if (chosen.has(name)) return fail(`the stream '${name}' appears twice`);
    chosen.set(name, syncMode as SyncMode);
    return undefined;
  });
  return streams
    .filter((s) => chosen.has(s.name))
    .map((declaration) => ({ declaration, syncMode: chosen.get(declaration.name) ?? 'full_refresh' }));
}
