/** The most items a list page holds: larger limits are silently capped (peloton-api.md section 2). */
const MAX_LIMIT = 100;

/** A requested page size as the API applies it: at least 1, at most 100. */
export const pageLimit = (requested: number): number => Math.min(Math.max(requested, 1), MAX_LIMIT);

/** A page of a list: its items, where it is and how long the whole list is. */
export interface Page {
  data: unknown[];
  page: number;
  limit: number;
  total: number;
}

/** The paging fields of Peloton's list envelopes (0-based pages of `limit`). */
export function pagingFields({ data, page, limit, total }: Page): Record<string, unknown> {
  const pageCount = Math.ceil(total / limit);
  return {
    data,
    total,
    count: data.length,
    page,
    limit,
    page_count: pageCount,
    show_previous: page > 0,
    show_next: page < pageCount - 1,
  };
}

/** The envelope Peloton wraps a page of the workout list in (peloton-api.md section 2). */
export interface ListPage extends Page {
  /** The API's pointer past this page, or null on the last one. */
  next: { workout_id: unknown; created_at: unknown } | null;
  /** Workouts per "YYYY-MM" over the whole history. */
  summary: Record<string, number>;
}

export function workoutListEnvelope(page: ListPage): Record<string, unknown> {
  return {
    ...pagingFields(page),
    sort_by: '-created_at,-pk',
    next: page.next,
    summary: page.summary,
    aggregate_stats: [],
    total_heart_rate_zone_durations: null,
  };
}
