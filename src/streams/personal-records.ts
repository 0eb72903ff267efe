import type { StreamDeclaration } from '../engine/declarations.js';
import { fanOut } from '../engine/selectors.js';
import { overviewRequest } from './member-requests.js';

/** One row per personal record (discipline and class length), from the overview. */
export const personalRecords: StreamDeclaration = {
  name: 'personal_records',
  schemaFile: 'personal_records.json',
  primaryKey: [['discipline'], ['slug']],
  reads: overviewRequest,
  records: fanOut('personal_records[].records[]', ({ outer: [group] }) => ({
    discipline: group?.['slug'],
    discipline_name: group?.['name'],
  })),
};
