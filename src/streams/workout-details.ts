import type { StreamDeclaration } from '../engine/declarations.js';
import { workoutDetail } from './workout-requests.js';

/** Each workout's detail as Peloton sends it. */
export const workoutDetails: StreamDeclaration = {
  name: 'workout_details',
  schemaFile: 'workout_details.json',
  primaryKey: [['id']],
  reads: workoutDetail,
  cursorField: 'created_at',
  records: (detail) => [detail],
  onePerItem: true,
};
