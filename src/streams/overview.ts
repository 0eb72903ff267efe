import type { SingleObjectStream } from '../engine/declarations.js';
import type { JsonObject } from '../protocol/messages.js';

/** Streaks, personal records, workout and achievement counts of the signed-in member. */
export const overview: SingleObjectStream = {
  kind: 'single',
  name: 'overview',
  schemaFile: 'overview.json',
  primaryKey: [['id']],
  path: ({ userId }) => `/api/user/${encodeURIComponent(userId)}/overview`,
  query: () => ({ version: 1 }),
  // This route answers only the web platform.
  headers: { 'peloton-platform': 'web' },
  toRecord: (body: JsonObject, { userId }) => ({ ...body, id: userId }),
};
