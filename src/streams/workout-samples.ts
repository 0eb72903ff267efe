import type { RecordSource, StreamDeclaration } from '../engine/declarations.js';
import { systemError } from '../errors.js';
import type { WorkoutSample } from '../generated/workout_samples.js';
import type { JsonObject } from '../protocol/messages.js';
import { performanceGraph, workoutKeys } from './workout-requests.js';

/** Fields every sample row has; a metric slug may not take one of these names. */
const ROW_FIELDS = new Set(['workout_id', 'workout_created_at', 'offset']);

/**
 * One row per sample of a performance graph: `seconds_since_pedaling_start` is the x axis of every metric's
 * (and alternative's) `values`, so row i holds each slug's values[i]. At every_n > 1 Peloton sends the
 * maximum of each bucket, not a sample (README, "workout_samples").
 */
export const workoutSamples: StreamDeclaration = {
  name: 'workout_samples',
  schemaFile: 'workout_samples.json',
  primaryKey: [['workout_id'], ['offset']],
  reads: performanceGraph,
  cursorField: 'workout_created_at',
  records: sampleRows,
};

function* sampleRows(graph: JsonObject, { partition }: RecordSource): Generator<WorkoutSample> {
  const offsets = graph['seconds_since_pedaling_start'];
  if (offsets === undefined || offsets === null) return;
  const fail = (why: string): never => {
    throw systemError(`The performance graph of workout ${partition.key} ${why}; the API may have changed.`);
  };
  if (!Array.isArray(offsets)) return fail("has a 'seconds_since_pedaling_start' that is not a list");
  const columns = seriesOf(graph, offsets.length, fail);
  const slugs = [...columns.keys()];
  const series = [...columns.values()];
  const { workout_id, workout_created_at } = workoutKeys(partition);
  // Index loops: this runs once per sample of every graph, the hottest loop of a read.
  for (let i = 0; i < offsets.length; i++) {
    const row: WorkoutSample = { workout_id, workout_created_at, offset: offsets[i] as number };
    for (let c = 0; c < slugs.length; c++) row[slugs[c] as string] = ((series[c] as unknown[])[i] ?? null) as number | null;
    yield row;
  }
}

/** Every metric's and alternative's values, by slug; each must be as long as the x axis. */
function seriesOf(graph: JsonObject, length: number, fail: (why: string) => never): Map<string, unknown[]> {
  const columns = new Map<string, unknown[]>();
  const metrics = graph['metrics'];
  if (metrics === undefined || metrics === null) return columns;
  if (!Array.isArray(metrics)) return fail("has a 'metrics' that is not a list");
  const add = (series: unknown): void => {
    const { slug, values } = (typeof series === 'object' && series !== null ? series : {}) as JsonObject;
    if (typeof slug !== 'string' || !Array.isArray(values)) return fail('has a metric without a slug or values');
    if (ROW_FIELDS.has(slug) || columns.has(slug)) return fail(`has the metric slug '${slug}' twice or as a reserved name`);
    if (values.length !== length) return fail(`has ${values.length} '${slug}' values for ${length} offsets`);
    columns.set(slug, values);
  };
  for (const metric of metrics) {
    add(metric);
    const alternatives = (metric as JsonObject)['alternatives'];
    if (Array.isArray(alternatives)) for (const alternative of alternatives) add(alternative);
  }
  return columns;
}
