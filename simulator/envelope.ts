/** The envelope Peloton wraps a page of the workout list in (peloton-api.md section 2). */
export interface ListPage {
  data: unknown[];
  page: number;
  limit: number;
  total: number;
  /** The API's pointer past this page, or null on the last one. */
  next: { workout_id: unknown; created_at: unknown } | null;
  /** Workouts per "YYYY-MM" over the whole history. */
  summary: Record<string, number>;
}

export function workoutListEnvelope({ data, page, limit, total, next, summary }: ListPage): Record<string, unknown> {
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
    sort_by: '-created_at,-pk',
    next,
    summary,
    aggregate_stats: [],
    total_heart_rate_zone_durations: null,
  };
}
