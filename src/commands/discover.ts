import { supportedSyncModes } from '../engine/capabilities.js';
import { cursorFieldOf } from '../engine/declarations.js';
import type { AirbyteStream, CatalogMessage } from '../protocol/messages.js';
import { loadSchema } from '../schemas.js';
import { STREAMS } from '../streams/registry.js';
import { loadConfig } from './inputs.js';
import type { CommandContext } from './runtime.js';

export function catalogStreams(): AirbyteStream[] {
  return STREAMS.map((stream) => {
    const cursorField = cursorFieldOf(stream);
    return {
      name: stream.name,
      json_schema: loadSchema(stream.schemaFile),
      supported_sync_modes: supportedSyncModes(stream),
      source_defined_cursor: cursorField !== undefined,
      ...(cursorField === undefined ? {} : { default_cursor_field: [cursorField] }),
      source_defined_primary_key: stream.primaryKey,
      // A full refresh reads everything again: its state is not for resuming a full refresh mid-job.
      is_resumable: false,
    };
  });
}

export async function discoverCommand(ctx: CommandContext, configPath: string): Promise<number> {
  await loadConfig(ctx, configPath, (warning) => ctx.output.log('WARN', warning));
  const message: CatalogMessage = { type: 'CATALOG', catalog: { streams: catalogStreams() } };
  await ctx.output.write(message);
  return 0;
}
