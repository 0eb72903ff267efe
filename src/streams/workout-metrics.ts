import type { ChildStreamDeclaration } from '../engine/declarations.js';

export const workoutMetrics: ChildStreamDeclaration = {
  kind: 'child',
  name: 'workout_metrics',
  parent: 'workouts',
  schemaFile: 'workout_metrics.json',
  primaryKey: [['id']],
  cursorField: 'workout_created_at',
  path: (workout) => `/api/workout/${encodeURIComponent(String(workout['id']))}/performance_graph`,
  query: (config) => ({ every_n: config.metricsEveryN }),
  toRecord: (graph, workout) => ({ ...graph, id: workout['id'], workout_id: workout['id'], workout_created_at: workout['created_at'] }),
};
