import type { PerDistinctValueChildStream } from '../engine/declarations.js';
import type { Workout } from '../generated/workouts.js';
import type { JsonObject } from '../protocol/messages.js';

const CLASS_ID = /^[0-9a-f]{32}$/;
/** Just Ride / Just Run / freestyle workouts point to this id: there is no class behind it. */
const NO_CLASS = '0'.repeat(32);

/** Each distinct class among the workouts read: its plan, targets, music and averages. */
export const rideDetails: PerDistinctValueChildStream = {
  kind: 'per_distinct_value',
  name: 'ride_details',
  parent: 'workouts',
  schemaFile: 'ride_details.json',
  primaryKey: [['id']],
  cursorField: 'workout_created_at',
  // Gym workouts carry dashed UUIDs that the details route refuses: no request for anything but a class id.
  valueOf: (workout: Workout) => {
    const id = workout.ride?.id;
    return typeof id === 'string' && CLASS_ID.test(id) && id !== NO_CLASS ? id : undefined;
  },
  path: (rideId) => `/api/ride/${rideId}/details`,
  skipOn: ['4xx'],
  describe: (rideId) => `the details of class ${rideId}`,
  toRecord: (details: JsonObject, rideId, workout: Workout) => ({ ...details, id: rideId, workout_created_at: workout.created_at }),
};
