import { cursorOf, type RecordSource, type StreamDeclaration } from '../engine/declarations.js';
import { fanOut } from '../engine/selectors.js';
import type { ClassSong } from '../generated/class_songs.js';
import { classDetails } from './workout-requests.js';

/** One row per song of each class taken, in playlist order. */
export const classSongs: StreamDeclaration = {
  name: 'class_songs',
  schemaFile: 'class_songs.json',
  primaryKey: [['ride_id'], ['position']],
  reads: classDetails,
  cursorField: 'workout_created_at',
  records: fanOut('playlist.songs[]', ({ index }, { partition }: RecordSource): Partial<ClassSong> => ({
    ride_id: partition.key,
    position: index,
    workout_created_at: cursorOf(partition),
  })),
};
