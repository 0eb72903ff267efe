import type { PerRecordChildStream } from '../engine/declarations.js';
import type { Workout } from '../generated/workouts.js';
import type { JsonObject } from '../protocol/messages.js';

/** Each workout's detail: the list item plus FTP, Strive Score, heart-rate zone time, strength movements. */
export const workoutDetails: PerRecordChildStream = {
  kind: 'per_record',
  name: 'workout_details',
  parent: 'workouts',
  schemaFile: 'workout_details.json',
  primaryKey: [['id']],
  cursorField: 'created_at',
  path: (workout: Workout) => `/api/workout/${encodeURIComponent(workout.id)}`,
  query: () => ({ joins: 'ride,ride.instructor' }),
  // Scores and zone times fill in when the workout ends: read the detail once it is final.
  waitsForFinalParent: true,
  skipOn: [404],
  describe: (workout: Workout) => `the detail of workout ${workout.id} (deleted?)`,
  toRecord: (detail: JsonObject) => detail,
};
