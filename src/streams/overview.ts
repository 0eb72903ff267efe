import type { StreamDeclaration } from '../engine/declarations.js';
import { overviewRequest } from './member-requests.js';

/** Streaks, personal records, workout and achievement counts of the signed-in member, keyed by the user id. */
export const overview: StreamDeclaration = {
  name: 'overview',
  schemaFile: 'overview.json',
  primaryKey: [['id']],
  reads: overviewRequest,
  records: (body, { scope }) => [{ ...body, id: scope.userId }],
  onePerItem: true,
};
