import type { RecordSource, StreamDeclaration } from '../engine/declarations.js';
import { fanOut } from '../engine/selectors.js';
import type { StrengthSet } from '../generated/strength_sets.js';
import { workoutDetail, workoutKeys } from './workout-requests.js';

/** One row per tracked strength set (movement, reps or time, weights), in the order the detail lists them. */
export const strengthSets: StreamDeclaration = {
  name: 'strength_sets',
  schemaFile: 'strength_sets.json',
  primaryKey: [['workout_id'], ['position']],
  reads: workoutDetail,
  cursorField: 'workout_created_at',
  records: fanOut(
    'movement_tracker_data.completed_movements_summary_data.repetition_summary_data[]',
    ({ index }, { partition }: RecordSource): Partial<StrengthSet> => ({
      ...workoutKeys(partition),
      position: index,
    }),
  ),
};
