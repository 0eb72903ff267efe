import type { PerRecordChildStream } from '../engine/declarations.js';
import type { WorkoutMetrics } from '../generated/workout_metrics.js';
import type { Workout } from '../generated/workouts.js';
import type { JsonObject } from '../protocol/messages.js';

/** Each workout's performance graph, sampled every `metrics_every_n` seconds. */
export const workoutMetrics: PerRecordChildStream = {
  kind: 'per_record',
  name: 'workout_metrics',
  parent: 'workouts',
  schemaFile: 'workout_metrics.json',
  primaryKey: [['id']],
  cursorField: 'workout_created_at',
  path: (workout: Workout) => `/api/workout/${encodeURIComponent(workout.id)}/performance_graph`,
  query: ({ config }) => ({ every_n: config.metricsEveryN }),
  // A workout still in progress has a graph still growing: fetch it once the workout is final.
  waitsForFinalParent: true,
  skipOn: [404],
  describe: (workout: Workout) => `the performance graph of workout ${workout.id} (deleted?)`,
  toRecord: (graph: JsonObject, workout: Workout): WorkoutMetrics => ({
    ...graph,
    id: workout.id,
    workout_id: workout.id,
    workout_created_at: workout.created_at,
  }),
};
