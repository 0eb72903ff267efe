import { cursorOf, type StreamDeclaration } from '../engine/declarations.js';
import type { WorkoutMetrics } from '../generated/workout_metrics.js';
import { performanceGraph } from './workout-requests.js';

/** Each workout's performance graph as one record: the graph plus the workout's id and creation time. */
export const workoutMetrics: StreamDeclaration = {
  name: 'workout_metrics',
  schemaFile: 'workout_metrics.json',
  primaryKey: [['id']],
  reads: performanceGraph,
  cursorField: 'workout_created_at',
  records: (graph, { partition }): WorkoutMetrics[] => [
    { ...graph, id: partition.key, workout_id: partition.key, workout_created_at: cursorOf(partition) },
  ],
  onePerItem: true,
};
