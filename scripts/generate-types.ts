import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { loadSchema } from '../src/schemas.js';
import { STREAMS } from '../src/streams/registry.js';

const root = PACKAGE_ROOT + '/';

export interface GeneratedType {
  schema: string;
  output: string;
  typeName: string;
}

/**
 * Which schema becomes which generated file: the spec, and every declared stream's schema (its root
 * type named by the schema's title), so a new stream's types come with its declaration.
 */
export const GENERATED_TYPES: GeneratedType[] = [
  { schema: 'schemas/spec.json', output: 'src/generated/spec.ts', typeName: 'PelotonConfig' },
  ...STREAMS.map((stream) => ({
    schema: `schemas/${stream.schemaFile}`,
    output: `src/generated/${stream.schemaFile.replace(/\.json$/, '.ts')}`,
    typeName: String(loadSchema(stream.schemaFile)['title']),
  })),
];

const BANNER = `/* Generated from the JSON schema by \`npm run generate\` (json-schema-to-typescript). Do not edit. */`;

const TS_TYPES: Record<string, string> = { string: 'string', integer: 'number', number: 'number', boolean: 'boolean', null: 'null' };

/** The TypeScript types of a subschema's JSON `type`, or undefined when it is not a list of primitive types. */
function primitiveTypes(node: JSONSchema): string[] | undefined {
  const types = typeof node.type === 'string' ? [node.type] : node.type;
  if (types === undefined || types.length === 0) return undefined;
  const mapped = types.map((type) => TS_TYPES[type]);
  return mapped.every((type) => type !== undefined) ? mapped : undefined;
}

/**
 * JSON Schema lets a typed `additionalProperties` sit beside properties of other types (a sample row: string ids
 * and number-only metric columns); TypeScript requires every property to fit the index signature. So the root's index
 * signature becomes the union of all its property types (`unknown` if one is not primitive). Nested objects keep
 * `additionalProperties: true` by convention, which needs no such care.
 */
function fitIndexSignatures(node: JSONSchema): JSONSchema {
  const extra = node.additionalProperties;
  const properties = Object.values(node.properties ?? {});
  if (typeof extra !== 'object' || properties.length === 0) return node;
  const parts = [extra, ...properties].map(primitiveTypes);
  const union = parts.every((types) => types !== undefined) ? [...new Set(parts.flat())].join(' | ') : 'unknown';
  return { ...node, additionalProperties: { ...extra, tsType: union } };
}

export async function renderTypes(entry: GeneratedType): Promise<string> {
  const schema = fitIndexSignatures(JSON.parse(await readFile(root + entry.schema, 'utf8')) as JSONSchema);
  return compile({ ...schema, title: entry.typeName }, entry.typeName, {
    bannerComment: BANNER,
    additionalProperties: true,
    strictIndexSignatures: true,
    format: false,
    cwd: root + 'schemas',
  });
}

async function main(): Promise<void> {
  for (const entry of GENERATED_TYPES) {
    await writeFile(root + entry.output, await renderTypes(entry));
    process.stdout.write(`wrote ${entry.output}\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
