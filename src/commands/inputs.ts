import { resolveConfig, type ResolvedConfig } from '../config/config.js';
import { readJsonFile } from '../config/files.js';
import { secretsIn } from '../protocol/redactor.js';
import { loadSchema } from '../schemas.js';
import type { Redactor } from '../protocol/redactor.js';

/** Reads and validates --config, registering its secrets with the redactor before anything is printed. */
export async function loadConfig(ctx: { output: { redactor: Redactor }; now(): number }, path: string): Promise<ResolvedConfig> {
  const raw = await readJsonFile(path, 'config');
  for (const secret of secretsIn(loadSchema('spec.json'), raw)) ctx.output.redactor.add(secret);
  return resolveConfig(raw, new Date(ctx.now()));
}
