import type { RecordSource, StreamDeclaration } from '../engine/declarations.js';
import { fanOut } from '../engine/selectors.js';
import type { RowerStroke } from '../generated/rower_strokes.js';
import { performanceGraph, workoutKeys } from './workout-requests.js';

/** One row per stroke of a rowing workout: its output, stroke rate and form errors. */
export const rowerStrokes: StreamDeclaration = {
  name: 'rower_strokes',
  schemaFile: 'rower_strokes.json',
  primaryKey: [['workout_id'], ['id']],
  reads: performanceGraph,
  cursorField: 'workout_created_at',
  records: fanOut('caesar_metrics.output.data[]', (_stroke, { partition }: RecordSource): Partial<RowerStroke> => ({
    ...workoutKeys(partition),
  })),
};
