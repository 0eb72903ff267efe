import type { StreamDeclaration } from '../engine/declarations.js';
import type { Challenge } from '../generated/challenges.js';
import type { JsonObject } from '../protocol/messages.js';
import { challengeDetail } from './member-requests.js';

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One row per joined challenge running now: the list item (summary, participants, the current tier of the
 * progress) with the detail (tiers, the progress in numbers); where both have an object, its fields are
 * merged, the detail's winning.
 */
export const challenges: StreamDeclaration = {
  name: 'challenges',
  schemaFile: 'challenges.json',
  primaryKey: [['id']],
  reads: challengeDetail,
  records: (detail, { partition }): Challenge[] => [{ ...mergeOneLevel(partition.item ?? {}, detail), id: partition.key }],
};

function mergeOneLevel(listed: JsonObject, detail: JsonObject): JsonObject {
  const merged: JsonObject = { ...listed, ...detail };
  for (const [key, value] of Object.entries(detail)) {
    const before = listed[key];
    if (isObject(before) && isObject(value)) merged[key] = { ...before, ...value };
  }
  return merged;
}
