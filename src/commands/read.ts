import { resolveCatalog } from '../config/catalog.js';
import { readJsonFile } from '../config/files.js';
import { parseAirbyteState, unselectedStatesNote } from '../protocol/state-input.js';
import { STREAMS } from '../streams/registry.js';
import { loadConfig } from './inputs.js';
import type { CommandContext } from './runtime.js';
import { assertStatesUsable, runSync } from './sync.js';

export interface ReadOptions {
  config: string;
  catalog: string;
  state?: string | undefined;
}

/** Airbyte `read`: every input (state included) is checked before anything is fetched. */
export async function readCommand(ctx: CommandContext, options: ReadOptions): Promise<number> {
  const config = await loadConfig(ctx, options.config, (warning) => ctx.output.log('WARN', warning));
  const selected = resolveCatalog(await readJsonFile(options.catalog, 'catalog'), STREAMS);
  const stateFile = options.state === undefined ? undefined : await readJsonFile(options.state, 'state');
  const states = parseAirbyteState(
    stateFile,
    STREAMS.map((s) => s.name),
  );
  assertStatesUsable(config, selected, states);
  const note = unselectedStatesNote(
    states,
    selected.map((s) => s.declaration.name),
    false,
  );
  if (note !== undefined) await ctx.output.log('INFO', note);
  return runSync(ctx, ctx.output, config, selected, states);
}
