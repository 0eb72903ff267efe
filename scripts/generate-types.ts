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

export async function renderTypes(entry: GeneratedType): Promise<string> {
  const schema = JSON.parse(await readFile(root + entry.schema, 'utf8')) as JSONSchema;
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
