import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Real Peloton response bodies beside the project (read at run time, never copied into it). */
export const REAL_PAYLOADS_DIR = join(projectRoot, '..', 'shared', 'real-payloads');

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonBody = { [key: string]: Json };

export interface Payload {
  file: string;
  body: JsonBody;
}

export function realPayloadsAvailable(): boolean {
  return existsSync(join(REAL_PAYLOADS_DIR, 'workouts'));
}

/** Every `*.json` body of one folder of real-payloads/, in file-name order. */
export function readPayloads(folder: string): Payload[] {
  const dir = join(REAL_PAYLOADS_DIR, folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((file) => ({ file: `${folder}/${file}`, body: JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonBody }));
}

/**
 * The overview evidence as JSON bodies: the 2024 reconstruction without its `_reconstructed_from` note, and the
 * 2022 excerpt cut back to its last complete value. Neither is a full body (see overview/MANIFEST.md).
 */
export function readOverviewEvidence(): Payload[] {
  const dir = join(REAL_PAYLOADS_DIR, 'overview');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((file) => {
      const body = parseTruncatedJson(readFileSync(join(dir, file), 'utf8'));
      delete body['_reconstructed_from'];
      return { file: `overview/${file}`, body };
    });
}

/**
 * Parses JSON text that may stop in the middle of a value: drops the unfinished value and closes the open
 * arrays and objects. Complete JSON comes back unchanged.
 */
export function parseTruncatedJson(text: string): JsonBody {
  const closers: string[] = [];
  let inString = false;
  let escaped = false;
  // The text up to the last point where a value or member was complete, and the closers open there.
  let safeEnd = 0;
  let safeClosers: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{') closers.push('}');
    else if (char === '[') closers.push(']');
    else if (char === '}' || char === ']') {
      closers.pop();
      safeEnd = i + 1;
      safeClosers = [...closers];
    } else if (char === ',') {
      safeEnd = i;
      safeClosers = [...closers];
    }
  }
  if (closers.length === 0 && !inString) return JSON.parse(text) as JsonBody;
  return JSON.parse(text.slice(0, safeEnd) + safeClosers.reverse().join('')) as JsonBody;
}

const validators = new Map<string, ValidateFunction>();

/** An ajv validator (formats included) for a schema of schemas/, e.g. `workouts.json`. */
export function schemaValidator(schemaFile: string): ValidateFunction {
  let validate = validators.get(schemaFile);
  if (validate === undefined) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    validate = ajv.compile(loadSchemaFile(schemaFile));
    validators.set(schemaFile, validate);
  }
  return validate;
}

export function loadSchemaFile(schemaFile: string): JsonBody {
  return JSON.parse(readFileSync(join(projectRoot, 'schemas', schemaFile), 'utf8')) as JsonBody;
}

/**
 * Field paths present in a value: `ride.instructor.name`, `metrics[].zones[].slug` (`[]` = any array item,
 * arrays of arrays give `[][]`). The value itself is not a path.
 */
export function seenPaths(value: Json, prefix = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) {
      into.add(`${prefix}[]`);
      seenPaths(item, `${prefix}[]`, into);
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      into.add(path);
      seenPaths(child, path, into);
    }
  }
  return into;
}

/** Paths a schema declares, in the notation of seenPaths; a patternProperties key becomes `*`. */
export function declaredPaths(schema: JsonBody): Set<string> {
  const into = new Set<string>();
  const definitions = (schema['definitions'] ?? {}) as Record<string, JsonBody>;
  const walk = (node: JsonBody, prefix: string, refs: string[]): void => {
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      const name = ref.replace('#/definitions/', '');
      const target = definitions[name];
      if (target === undefined) throw new Error(`Unresolved $ref ${ref}`);
      if (!refs.includes(name)) walk(target, prefix, [...refs, name]);
    }
    for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
      for (const branch of (node[keyword] ?? []) as JsonBody[]) walk(branch, prefix, refs);
    }
    const join = (key: string): string => (prefix === '' ? key : `${prefix}.${key}`);
    for (const [key, child] of Object.entries((node['properties'] ?? {}) as Record<string, JsonBody>)) {
      into.add(join(key));
      walk(child, join(key), refs);
    }
    for (const child of Object.values((node['patternProperties'] ?? {}) as Record<string, JsonBody>)) {
      into.add(join('*'));
      walk(child, join('*'), refs);
    }
    const items = node['items'];
    if (items !== undefined && items !== null && typeof items === 'object' && !Array.isArray(items)) {
      into.add(`${prefix}[]`);
      walk(items, `${prefix}[]`, refs);
    } else if (isArraySchema(node)) {
      // An array without an item schema declares its items as anything.
      into.add(`${prefix}[]`);
    }
  };
  walk(schema, '', []);
  return into;
}

function isArraySchema(node: JsonBody): boolean {
  const type = node['type'];
  return type === 'array' || (Array.isArray(type) && type.includes('array'));
}

/** Whether a seen path is declared, directly or through a patternProperties key (`*` in a declared path). */
export function isDeclared(path: string, declared: Set<string>): boolean {
  if (declared.has(path)) return true;
  for (const candidate of declared) {
    if (!candidate.includes('*')) continue;
    const pattern = candidate.replace(/[.[\]]/g, (char) => `\\${char}`).replace(/\*/g, '[^.]+?');
    if (new RegExp(`^${pattern}$`).test(path)) return true;
  }
  return false;
}

export interface Coverage {
  topSeen: string[];
  topUndeclared: string[];
  nestedSeen: string[];
  nestedUndeclared: string[];
  declaredCount: number;
}

/** Which fields the bodies carry that the schema does not declare, at the top level and below. */
export function coverage(schema: JsonBody, bodies: JsonBody[]): Coverage {
  const seen = new Set<string>();
  for (const body of bodies) seenPaths(body, '', seen);
  const declared = declaredPaths(schema);
  const all = [...seen].sort();
  const top = all.filter((path) => !path.includes('.') && !path.includes('['));
  const nested = all.filter((path) => !top.includes(path));
  return {
    topSeen: top,
    topUndeclared: top.filter((path) => !isDeclared(path, declared)),
    nestedSeen: nested,
    nestedUndeclared: nested.filter((path) => !isDeclared(path, declared)),
    declaredCount: declared.size,
  };
}

/** One line, e.g. `coverage workouts: top level 61/61 seen fields declared, nested 212/230 seen paths declared (290 declared in all)`. */
export function coverageLine(stream: string, result: Coverage): string {
  const top = result.topSeen.length - result.topUndeclared.length;
  const nested = result.nestedSeen.length - result.nestedUndeclared.length;
  const missing =
    result.nestedUndeclared.length === 0
      ? ''
      : `; undeclared: ${result.nestedUndeclared.slice(0, 8).join(', ')}${result.nestedUndeclared.length > 8 ? ', ...' : ''}`;
  return `coverage ${stream}: top level ${top}/${result.topSeen.length} seen fields declared, nested ${nested}/${result.nestedSeen.length} seen paths declared (${result.declaredCount} paths declared in all)${missing}`;
}
