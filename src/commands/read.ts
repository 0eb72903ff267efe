import { resolveCatalog } from '../config/catalog.js';
import { readJsonFile } from '../config/files.js';
import type { JsonObject } from '../protocol/messages.js';
import { parseStateInput } from '../protocol/state-input.js';
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
  const config = await loadConfig(ctx, options.config);
  const selected = resolveCatalog(await readJsonFile(options.catalog, 'catalog'), STREAMS);
  const states =
    options.state === undefined
      ? new Map<string, JsonObject>()
      : parseStateInput(
          await readJsonFile(options.state, 'state'),
          STREAMS.map((s) => s.name),
        );
  assertStatesUsable(config, selected, states);
  return runSync(ctx, ctx.output, config, selected, states);
}
