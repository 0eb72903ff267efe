import { resolveConfig, type ResolvedConfig } from '../config/config.js';
import { readJsonFile } from '../config/files.js';
import { secretsIn } from '../protocol/redactor.js';
import { loadSchema } from '../schemas.js';
import type { Redactor } from '../protocol/redactor.js';

interface ConfigReader {
  redactor: Redactor;
  now: () => number;
}

/** Reads --config as it stands, registering its secrets with the redactor before anything is printed. */
export async function readConfigFile(ctx: Pick<ConfigReader, 'redactor'>, path: string): Promise<unknown> {
  const raw = await readJsonFile(path, 'config');
  for (const secret of secretsIn(loadSchema('spec.json'), raw)) ctx.redactor.add(secret);
  return raw;
}

/** Reads and validates --config, with every default resolved. */
export async function loadConfig(ctx: ConfigReader, path: string): Promise<ResolvedConfig> {
  return resolveConfig(await readConfigFile(ctx, path), new Date(ctx.now()));
}
