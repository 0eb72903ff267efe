import { resolveConfig, type ResolvedConfig } from '../config/config.js';
import { readJsonFile } from '../config/files.js';
import { secretsIn } from '../protocol/redactor.js';
import { loadSchema } from '../schemas.js';
import type { CommandContext } from './runtime.js';

/** Reads and validates --config, registering its secrets with the redactor before anything is printed. */
export async function loadConfig(ctx: CommandContext, path: string): Promise<ResolvedConfig> {
  const raw = await readJsonFile(path, 'config');
  for (const secret of secretsIn(loadSchema('spec.json'), raw)) ctx.output.redactor.add(secret);
  return resolveConfig(raw, new Date(ctx.now()));
}
