import type { RecordSource, StreamDeclaration } from '../engine/declarations.js';
import { fanOut } from '../engine/selectors.js';
import type { WorkoutLocation } from '../generated/workout_locations.js';
import { performanceGraph, workoutKeys } from './workout-requests.js';

/** One row per GPS coordinate of an outdoor workout, with the class segment it belongs to. */
export const workoutLocations: StreamDeclaration = {
  name: 'workout_locations',
  schemaFile: 'workout_locations.json',
  primaryKey: [['workout_id'], ['seconds_offset_from_start']],
  reads: performanceGraph,
  cursorField: 'workout_created_at',
  records: fanOut('location_data[].coordinates[]', ({ outer: [segment] }, { partition }: RecordSource): Partial<WorkoutLocation> => ({
    ...workoutKeys(partition),
    segment_id: (segment?.['segment_id'] as string | null | undefined) ?? null,
    is_gap: (segment?.['is_gap'] as boolean | null | undefined) ?? null,
  })),
};
