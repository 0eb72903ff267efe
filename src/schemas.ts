import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';
import type { JsonObject } from './protocol/messages.js';

const schemasDir = join(PACKAGE_ROOT, 'schemas');
const cache = new Map<string, JsonObject>();

/** Loads a JSON schema shipped in schemas/ (the single source of truth for spec and streams). */
export function loadSchema(fileName: string): JsonObject {
  let schema = cache.get(fileName);
  if (schema === undefined) {
    schema = JSON.parse(readFileSync(join(schemasDir, fileName), 'utf8')) as JsonObject;
    cache.set(fileName, schema);
  }
  return schema;
}
