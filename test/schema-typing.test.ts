import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadSchemaFile } from './helpers/real-payloads.js';

/**
 * The typing rule of schemas/README.md, enforced: an `integer` is a count, an id, epoch or whole seconds, a rank, a
 * position or an index; anything measured is a `number`, even where every captured value was whole.
 */

const SCHEMAS_DIR = fileURLToPath(new URL('../schemas/', import.meta.url));

/** Words that make a field a measurement when they appear in its name (as a whole `_` part) or its description. */
const MEASURED_WORDS = [
  'output',
  'power',
  'watt',
  'watts',
  'cadence',
  'rpm',
  'resistance',
  'speed',
  'mph',
  'kph',
  'pace',
  'incline',
  'heart_rate',
  'bpm',
  'distance',
  'calories',
  'kcal',
  'kj',
  'joules',
  'average',
  'avg',
  'max',
  'min',
  'upper',
  'lower',
  'target',
  'score',
  'weight',
  'volume',
  'altitude',
  'elevation',
  'accuracy',
  'latitude',
  'longitude',
  'value',
  'ftp',
  'percent',
  'percentage',
  'rating',
  'intensity',
];

/**
 * Integers that use a measured word but are counts, ids or whole seconds by meaning. Keyed by field name, or by
 * path (`a.b[].c`) where the same name is measured elsewhere. Every entry must still match a field.
 */
const NOT_MEASURED: Record<string, string> = {
  heart_rate_z1_duration: 'whole seconds spent in heart-rate zone 1',
  heart_rate_z2_duration: 'whole seconds spent in heart-rate zone 2',
  heart_rate_z3_duration: 'whole seconds spent in heart-rate zone 3',
  heart_rate_z4_duration: 'whole seconds spent in heart-rate zone 4',
  heart_rate_z5_duration: 'whole seconds spent in heart-rate zone 5',
  cadence_time_in_range: 'whole seconds within the cadence target',
  resistance_time_in_range: 'whole seconds within the resistance target',
  'target_metrics_performance_data.time_in_metric[].value': 'whole seconds within a target range',
  'target_metrics_compliance.pace_intensities_mapping[].value': 'a pace-intensity level (0 to 6): the key of the mapping, not a reading',
  target_number: 'target repetitions, or seconds of a hold: a count',
  target_reps: 'target repetitions: a count',
  difficulty_rating_count: 'how many members rated the difficulty',
  overall_rating_count: 'how many members rated the class',
  explicit_rating: 'a content-rating code',
  bucket: 'an intensity class, 1 = lowest: an ordinal rank',
  leaderboard_distance_rank: 'a leaderboard position',
  total_leaderboard_distance_users: 'how many members are on the distance leaderboard',
  best_weekly: 'a count of weeks (its description compares it with current_weekly)',
  max_concurrency: 'how many requests may be in flight (config)',
  max_retries: 'how many times a request is retried (config)',
};

type Node = Record<string, unknown>;

interface IntegerField {
  file: string;
  path: string;
  name: string;
  description: string;
}

const isNode = (value: unknown): value is Node => value !== null && typeof value === 'object' && !Array.isArray(value);

function allowsInteger(node: Node): boolean {
  const type = node['type'];
  return type === 'integer' || (Array.isArray(type) && type.includes('integer'));
}

/** Every subschema that can hold an `integer`: properties, patternProperties, additionalProperties, items, combinators. */
function integerFields(file: string, schema: Node): IntegerField[] {
  const found: IntegerField[] = [];
  const walk = (node: Node, path: string, name: string): void => {
    if (allowsInteger(node))
      found.push({ file, path, name, description: typeof node['description'] === 'string' ? node['description'] : '' });
    const join = (key: string): string => (path === '' ? key : `${path}.${key}`);
    for (const [key, child] of Object.entries(isNode(node['properties']) ? node['properties'] : {}))
      if (isNode(child)) walk(child, join(key), key);
    for (const [pattern, child] of Object.entries(isNode(node['patternProperties']) ? node['patternProperties'] : {}))
      if (isNode(child)) walk(child, join(`/${pattern}/`), name);
    if (isNode(node['additionalProperties'])) walk(node['additionalProperties'], join('*'), name);
    const items = node['items'];
    for (const item of Array.isArray(items) ? items : [items]) if (isNode(item)) walk(item, `${path}[]`, name);
    for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
      const branches = node[keyword];
      if (Array.isArray(branches)) for (const branch of branches) if (isNode(branch)) walk(branch, path, name);
    }
  };
  walk(schema, '', '');
  return found;
}

/** The measured words a field's name or description uses. */
function measuredWordsOf(field: Pick<IntegerField, 'name' | 'description'>): string[] {
  const nameParts = field.name.toLowerCase().split('_');
  const descriptionWords = field.description
    .toLowerCase()
    .replace(/heart[- ]rate/g, 'heart_rate')
    .split(/[^a-z0-9_]+/);
  return MEASURED_WORDS.filter((word) =>
    word.includes('_')
      ? `_${field.name.toLowerCase()}_`.includes(`_${word}_`) || descriptionWords.includes(word)
      : nameParts.includes(word) || descriptionWords.includes(word),
  );
}

const allowedKey = (field: IntegerField): string | undefined =>
  [field.path, field.name].find((key) => Object.prototype.hasOwnProperty.call(NOT_MEASURED, key));

/** Integer fields that read as measurements and are not on the allow-list, as `file: path (words)`. */
function measuredIntegers(fields: IntegerField[]): string[] {
  return fields
    .filter((field) => measuredWordsOf(field).length > 0 && allowedKey(field) === undefined)
    .map((field) => `${field.file}: ${field.path} (${measuredWordsOf(field).join(', ')})`);
}

const schemaFiles = readdirSync(SCHEMAS_DIR)
  .filter((name) => name.endsWith('.json'))
  .sort();
const fields = schemaFiles.flatMap((file) => integerFields(file, loadSchemaFile(file)));

describe('typing by meaning', () => {
  it('reads every schema of schemas/', () => {
    expect(schemaFiles).toEqual(expect.arrayContaining(['spec.json', 'workouts.json', 'workout_metrics.json', 'ride_details.json']));
    expect(fields.length).toBeGreaterThan(50);
  });

  it('no schema types a measured quantity as integer', () => {
    expect(measuredIntegers(fields)).toEqual([]);
  });

  it('every allow-list entry still names a measured-sounding integer field', () => {
    const used = new Set(fields.filter((field) => measuredWordsOf(field).length > 0).map(allowedKey));
    expect(Object.keys(NOT_MEASURED).filter((key) => !used.has(key))).toEqual([]);
  });

  it('finds integers in nested properties, items, tuples, combinators, patternProperties and additionalProperties', () => {
    const schema: Node = {
      type: 'object',
      properties: {
        id: { type: 'integer', description: 'Row id.' },
        avg_output: { type: ['integer', 'null'] },
        laps: {
          type: 'array',
          items: { type: 'object', properties: { split: { type: 'integer', description: 'Watts over the lap.' } } },
        },
        pair: { type: 'array', items: [{ type: 'string' }, { type: 'integer', description: 'Heart rate.' }] },
        either: { anyOf: [{ type: 'null' }, { type: 'object', properties: { upper: { type: 'integer' } } }] },
        choice: { oneOf: [{ type: 'object', properties: { lower: { type: 'integer' } } }] },
        by_zone: { type: 'object', patternProperties: { '^z': { type: 'integer', description: 'kJ in the zone.' } } },
        extra: { type: 'object', additionalProperties: { type: 'integer', description: 'Cadence, rpm.' } },
      },
    };
    expect(measuredIntegers(integerFields('synthetic.json', schema))).toEqual([
      'synthetic.json: avg_output (output, avg)',
      'synthetic.json: laps[].split (watts)',
      'synthetic.json: pair[] (heart_rate)',
      'synthetic.json: either.upper (upper)',
      'synthetic.json: choice.lower (lower)',
      'synthetic.json: by_zone./^z/ (kj)',
      'synthetic.json: extra.* (cadence, rpm)',
    ]);
  });
});
