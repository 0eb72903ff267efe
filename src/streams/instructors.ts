import type { StreamDeclaration } from '../engine/declarations.js';
import { instructorList } from './instructor-requests.js';

/** Peloton's instructors as the instructor list sends them. */
export const instructors: StreamDeclaration = {
  name: 'instructors',
  schemaFile: 'instructors.json',
  primaryKey: [['id']],
  reads: instructorList,
  records: (instructor) => [instructor],
  onePerItem: true,
};
