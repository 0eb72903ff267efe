import type { SpecMessage } from '../protocol/messages.js';
import { PROTOCOL_VERSION } from '../protocol/messages.js';
import { supportsIncremental } from '../engine/capabilities.js';
import { loadSchema } from '../schemas.js';
import { STREAMS } from '../streams/registry.js';
import type { CommandContext } from './runtime.js';

export const DOCUMENTATION_URL = 'https://github.com/source-peloton/source-peloton#readme';

export function specMessage(): SpecMessage {
  return {
    type: 'SPEC',
    spec: {
      documentationUrl: DOCUMENTATION_URL,
      connectionSpecification: loadSchema('spec.json'),
      supportsIncremental: STREAMS.some(supportsIncremental),
      supported_destination_sync_modes: ['overwrite', 'append', 'append_dedup'],
      protocol_version: PROTOCOL_VERSION,
    },
  };
}

export async function specCommand(ctx: CommandContext): Promise<number> {
  await ctx.output.write(specMessage());
  return 0;
}
