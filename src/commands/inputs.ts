import { resolveConfig, type ResolvedConfig } from '../config/config.js';
import { readJsonFile } from '../config/files.js';
import { unknownFieldWarnings } from '../config/unknown-fields.js';
import { secretsIn } from '../protocol/redactor.js';
import { specSchema } from '../config/spec.js';
import type { Redactor } from '../protocol/redactor.js';

interface ConfigReader {
  redactor: Redactor;
  now: () => number;
}

/** Where a command's warnings go: a LOG message in Airbyte mode, a stderr line in tap mode. */
export type Warn = (message: string) => Promise<void>;

/** Reads --config as it stands, registering its secrets with the redactor before anything is printed. */
export async function readConfigFile(ctx: Pick<ConfigReader, 'redactor'>, path: string): Promise<unknown> {
  const raw = await readJsonFile(path, 'config');
  for (const secret of secretsIn(specSchema(), raw)) ctx.redactor.add(secret);
  return raw;
}

/** Reads and validates --config, with every default resolved; warns about each field the spec does not know. */
export async function loadConfig(ctx: ConfigReader, path: string, warn: Warn): Promise<ResolvedConfig> {
  const raw = await readConfigFile(ctx, path);
  for (const warning of unknownFieldWarnings(raw)) await warn(warning);
  return resolveConfig(raw, new Date(ctx.now()));
}
