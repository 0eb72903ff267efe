import { loadConfig } from './inputs.js';
import type { AirbyteStream, CatalogMessage } from '../protocol/messages.js';
import { loadSchema } from '../schemas.js';
import { STREAMS } from '../streams/registry.js';
import type { CommandContext } from './runtime.js';

export function catalogStreams(): AirbyteStream[] {
  return STREAMS.map((stream) => ({
    name: stream.name,
    json_schema: loadSchema(stream.schemaFile),
    supported_sync_modes: ['full_refresh', 'incremental'],
    source_defined_cursor: true,
    default_cursor_field: [stream.cursorField],
    source_defined_primary_key: stream.primaryKey,
    is_resumable: true,
  }));
}

export async function discoverCommand(ctx: CommandContext, configPath: string): Promise<number> {
  await loadConfig(ctx, configPath);
  const message: CatalogMessage = { type: 'CATALOG', catalog: { streams: catalogStreams() } };
  await ctx.output.write(message);
  return 0;
}
