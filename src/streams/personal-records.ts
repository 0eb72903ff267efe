import type { StreamDeclaration } from '../engine/declarations.js';
import { fanOut } from '../engine/selectors.js';
import type { PersonalRecord } from '../generated/personal_records.js';
import { overviewRequest } from './member-requests.js';

/** One row per personal record (discipline and class length), from the overview. */
export const personalRecords: StreamDeclaration = {
  name: 'personal_records',
  schemaFile: 'personal_records.json',
  primaryKey: [['discipline'], ['slug']],
  reads: overviewRequest,
  records: fanOut('personal_records[].records[]', ({ outer: [group] }): Partial<PersonalRecord> => ({
    discipline: group?.['slug'] as string,
    discipline_name: (group?.['name'] as string | null | undefined) ?? null,
  })),
};
