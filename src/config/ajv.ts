import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonObject } from '../protocol/messages.js';

// ajv-formats ships CommonJS whose default export TypeScript sees as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Airbyte's spec annotations: meaningful to its UI, not to validation. */
const AIRBYTE_KEYWORDS = ['airbyte_secret', 'order', 'pattern_descriptor', 'group', 'always_show', 'airbyte_hidden'];

let ajv: Ajv | undefined;
const compiled = new Map<JsonObject, ValidateFunction>();

/**
 * The validator of a schema shipped in schemas/, compiled once per process. It fills in the schema's
 * defaults (`useDefaults`), so it changes the value it validates, and keeps each failing subschema
 * with its errors (`verbose`) so messages can quote the spec's examples.
 */
export function validatorFor(schema: JsonObject): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    ajv ??= createAjv();
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** "page_size must be <= 100; start_date must look like 2024-01-01T00:00:00Z (YYYY-MM-DDTHH:mm:ssZ)" */
export function describeAjvErrors(errors: ErrorObject[] | null | undefined, root: string): string {
  const all = (errors ?? []).filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'if');
  const pathOf = (error: ErrorObject): string => (root + error.instancePath.replace(/\//g, '.')).replace(/^\./, '') || root;
  // A value that breaks the pattern usually breaks the format too: one message says it.
  const patternBroken = new Set(all.filter((e) => e.keyword === 'pattern').map(pathOf));
  const seen = new Set<string>();
  for (const error of all) {
    const path = pathOf(error);
    if (error.keyword === 'format' && patternBroken.has(path)) continue;
    seen.add(describeOne(error, path));
  }
  return [...seen].join('; ');
}

function createAjv(): Ajv {
  const instance = addFormats(new Ajv({ allErrors: true, strict: false, useDefaults: true, verbose: true }));
  instance.addVocabulary(AIRBYTE_KEYWORDS);
  return instance;
}

function describeOne(error: ErrorObject, path: string): string {
  const example = exampleOf(error.parentSchema);
  if (error.keyword === 'pattern' && example !== undefined) return `${path} must look like ${example}`;
  if (error.keyword === 'format' && example !== undefined) {
    return `${path} must be a valid ${String((error.params as { format: unknown }).format)}, like ${example}`;
  }
  if (error.keyword === 'required')
    return `${path} is missing required field '${(error.params as { missingProperty: string }).missingProperty}'`;
  const extra =
    error.keyword === 'enum'
      ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`
      : '';
  return `${path} ${error.message ?? 'is invalid'}${extra}`;
}

/** "2024-01-01T00:00:00Z (YYYY-MM-DDTHH:mm:ssZ)": the spec's first example and its pattern_descriptor. */
function exampleOf(schema: unknown): string | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const { examples, pattern_descriptor: descriptor } = schema as { examples?: unknown; pattern_descriptor?: unknown };
  const example = Array.isArray(examples) && examples.length > 0 ? JSON.stringify(examples[0]).replace(/^"|"$/g, '') : undefined;
  if (example === undefined) return typeof descriptor === 'string' ? descriptor : undefined;
  return typeof descriptor === 'string' ? `${example} (${descriptor})` : example;
}
