import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats ships CommonJS whose default export TypeScript sees as the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/** Airbyte's spec annotations: meaningful to its UI, not to validation. */
const AIRBYTE_KEYWORDS = ['airbyte_secret', 'order', 'pattern_descriptor', 'group', 'always_show', 'airbyte_hidden'];

export function createAjv(options: { useDefaults?: boolean } = {}): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: options.useDefaults ?? false });
  addFormats(ajv);
  ajv.addVocabulary(AIRBYTE_KEYWORDS);
  return ajv;
}

/** "page_size must be <= 100; start_date must match format "date-time"" */
export function describeAjvErrors(errors: ErrorObject[] | null | undefined, root: string): string {
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    if (error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const path = (root + error.instancePath.replace(/\//g, '.')).replace(/^\./, '') || root;
    const extra =
      error.keyword === 'enum'
        ? ` (${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')})`
        : '';
    const what =
      error.keyword === 'required'
        ? `${path} is missing required field '${(error.params as { missingProperty: string }).missingProperty}'`
        : `${path} ${error.message ?? 'is invalid'}${extra}`;
    seen.add(what);
  }
  return [...seen].join('; ');
}
