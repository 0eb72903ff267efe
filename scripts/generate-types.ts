import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { PACKAGE_ROOT } from '../src/package-root.js';

const root = PACKAGE_ROOT + '/';

/** Which schema becomes which generated file, and the name of its root type. */
export const GENERATED_TYPES = [
  { schema: 'schemas/spec.json', output: 'src/generated/spec.ts', typeName: 'PelotonConfig' },
  { schema: 'schemas/workouts.json', output: 'src/generated/workouts.ts', typeName: 'Workout' },
  { schema: 'schemas/workout_metrics.json', output: 'src/generated/workout_metrics.ts', typeName: 'WorkoutMetrics' },
  { schema: 'schemas/workout_details.json', output: 'src/generated/workout_details.ts', typeName: 'WorkoutDetail' },
  { schema: 'schemas/user.json', output: 'src/generated/user.ts', typeName: 'PelotonUser' },
  { schema: 'schemas/overview.json', output: 'src/generated/overview.ts', typeName: 'Overview' },
  { schema: 'schemas/ride_details.json', output: 'src/generated/ride_details.ts', typeName: 'RideDetails' },
] as const;

const BANNER = `/* Generated from the JSON schema by \`npm run generate\` (json-schema-to-typescript). Do not edit. */`;

export async function renderTypes(entry: (typeof GENERATED_TYPES)[number]): Promise<string> {
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
