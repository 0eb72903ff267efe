import type { StreamDeclaration } from '../engine/declarations.js';
import { workoutList } from './workout-requests.js';

/** One row per workout: when, what discipline, which class and instructor, total output. */
export const workouts: StreamDeclaration = {
  name: 'workouts',
  schemaFile: 'workouts.json',
  primaryKey: [['id']],
  reads: workoutList,
  cursorField: 'created_at',
  records: (workout) => [workout],
  onePerItem: true,
};
