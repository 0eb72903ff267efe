import { cursorOf, type StreamDeclaration } from '../engine/declarations.js';
import { classDetails } from './workout-requests.js';

/** Each distinct class among the workouts read, once per sync, with the newest workout that took it. */
export const rideDetails: StreamDeclaration = {
  name: 'ride_details',
  schemaFile: 'ride_details.json',
  primaryKey: [['id']],
  reads: classDetails,
  cursorField: 'workout_created_at',
  records: (details, { partition }) => [{ ...details, id: partition.key, workout_created_at: cursorOf(partition) }],
};
