import type { StreamDeclaration } from '../engine/declarations.js';
import type { Challenge } from '../generated/challenges.js';
import { challengeDetail } from './member-requests.js';

/** One row per joined challenge running now: the list's summary and participants with the detail's tiers and progress. */
export const challenges: StreamDeclaration = {
  name: 'challenges',
  schemaFile: 'challenges.json',
  primaryKey: [['id']],
  reads: challengeDetail,
  records: (detail, { partition }): Challenge[] => [{ ...partition.item, ...detail, id: partition.key }],
};
