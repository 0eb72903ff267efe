import type { ListStream } from '../engine/declarations.js';
import type { Workout } from '../generated/workouts.js';
import type { JsonObject } from '../protocol/messages.js';

/** A workout still IN_PROGRESS after this long was abandoned; it will not change any more. */
const ABANDONED_AFTER_SECONDS = 2 * 86_400;

export const workouts: ListStream = {
  kind: 'list',
  name: 'workouts',
  schemaFile: 'workouts.json',
  primaryKey: [['id']],
  cursorField: 'created_at',
  idField: 'id',
  path: ({ userId }) => `/api/user/${encodeURIComponent(userId)}/workouts`,
  query: () => ({ joins: 'ride,ride.instructor', sort_by: '-created' }),
  recordSelector: 'data',
  pagination: {
    pageParam: 'page',
    sizeParam: 'limit',
    firstPage: 0,
    isLastPage: (envelope, page) =>
      envelope['show_next'] === false || (typeof envelope['page_count'] === 'number' && page >= envelope['page_count'] - 1),
  },
  isFinal: (workout: Workout, nowSeconds) => workout.status !== 'IN_PROGRESS' || workout.created_at < nowSeconds - ABANDONED_AFTER_SECONDS,
  estimateNewerThan: (envelope, after) => estimateFromMonthlySummary(envelope, after),
};

/**
 * The envelope's `summary` counts workouts per "YYYY-MM" over the whole history: whole months after
 * `after` count fully, the month containing it in proportion to the time left in it.
 */
export function estimateFromMonthlySummary(envelope: JsonObject, after: number): number {
  const total = typeof envelope['total'] === 'number' ? envelope['total'] : 0;
  const summary = envelope['summary'];
  if (!Number.isFinite(after)) return total;
  if (typeof summary !== 'object' || summary === null) return total;
  const afterDate = new Date(after * 1000);
  const afterMonth = afterDate.toISOString().slice(0, 7);
  let rows = 0;
  for (const [month, count] of Object.entries(summary as Record<string, unknown>)) {
    if (typeof count !== 'number') continue;
    if (month > afterMonth) rows += count;
    else if (month === afterMonth) {
      const start = Date.UTC(afterDate.getUTCFullYear(), afterDate.getUTCMonth(), 1);
      const end = Date.UTC(afterDate.getUTCFullYear(), afterDate.getUTCMonth() + 1, 1);
      rows += (count * (end - after * 1000)) / (end - start);
    }
  }
  return Math.min(total, Math.round(rows));
}
