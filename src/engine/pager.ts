import { systemError } from '../errors.js';
import type { JsonObject } from '../protocol/messages.js';
import type { ListStream, RequestScope } from './declarations.js';
import type { ReadContext } from './read-context.js';

/** A list record with what the engine needs to know of it. */
export interface ListRecord {
  data: JsonObject;
  id: string;
  cursor: number;
  final: boolean;
}

export interface Page {
  envelope: JsonObject;
  records: ListRecord[];
}

/** Pages remembered to drop records that an offset shift shows twice. */
const REMEMBERED_PAGES = 3;
const MAX_STEP_BACKS = 20;

/**
 * Reads a page-number-paginated list newest first, down to `floor` (exclusive) or the API's end.
 * Offsets move when workouts are added or deleted mid-read: repeated records are dropped by id, and
 * a shrinking `total` steps back so nothing slides past unread. A page holding only records already
 * seen is a server repeating itself: that stops the read rather than looping.
 */
export async function* readPages(ctx: ReadContext, stream: ListStream, scope: RequestScope, floor: number): AsyncGenerator<Page> {
  const { pagination } = stream;
  const pageSize = ctx.config.pageSize;
  const baseQuery = { ...stream.query(scope), [pagination.sizeParam]: pageSize };
  const recent: Array<Set<string>> = [];
  let page = pagination.firstPage;
  let previousTotal: number | undefined;
  let stepBacks = 0;

  for (;;) {
    // Urgent: the next page feeds every child request, so it must not wait behind the current page's.
    const envelope = await ctx.api.getJson({
      path: stream.path(scope),
      query: { ...baseQuery, [pagination.pageParam]: page },
      stream: stream.name,
      urgent: true,
    });
    const raw = envelope[stream.recordSelector];
    if (!Array.isArray(raw)) {
      throw systemError(`Peloton's ${stream.name} page ${page} has no '${stream.recordSelector}' list; the API may have changed.`);
    }
    const total = typeof envelope['total'] === 'number' ? envelope['total'] : undefined;
    if (
      previousTotal !== undefined &&
      total !== undefined &&
      total < previousTotal &&
      page > pagination.firstPage &&
      stepBacks < MAX_STEP_BACKS
    ) {
      stepBacks++;
      const back = Math.ceil((previousTotal - total) / pageSize);
      await ctx.output.log(
        'INFO',
        `${stream.name}: ${previousTotal - total} record(s) were deleted during the read; re-reading from page ${Math.max(pagination.firstPage, page - back)} so none is skipped.`,
      );
      page = Math.max(pagination.firstPage, page - back);
      previousTotal = total;
      continue;
    }
    previousTotal = total ?? previousTotal;

    const seen = (id: string): boolean => recent.some((ids) => ids.has(id));
    const records = raw.map((item, index) => toListRecord(item, stream, page, index, ctx.nowSeconds()));
    const fresh = records.filter((r) => !seen(r.id));
    if (records.length > 0 && fresh.length === 0) {
      throw systemError(
        `Peloton returned page ${page} of ${stream.name} with only records already read on earlier pages; stopping instead of looping. Try again later.`,
      );
    }
    recent.push(new Set(records.map((r) => r.id)));
    if (recent.length > REMEMBERED_PAGES) recent.shift();

    yield { envelope, records: fresh };

    const oldest = records.at(-1);
    if (oldest === undefined || oldest.cursor <= floor || pagination.isLastPage(envelope, page)) return;
    page++;
  }
}

function toListRecord(item: unknown, stream: ListStream, page: number, index: number, nowSeconds: number): ListRecord {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    throw systemError(`Peloton's ${stream.name} page ${page} holds a non-object at position ${index}.`);
  }
  const data = item as JsonObject;
  const id = data[stream.idField];
  const cursor = data[stream.cursorField];
  if (typeof id !== 'string' || typeof cursor !== 'number') {
    throw systemError(
      `A record on Peloton's ${stream.name} page ${page} lacks a string '${stream.idField}' or a numeric '${stream.cursorField}'; the API may have changed.`,
    );
  }
  return { data, id, cursor, final: stream.isFinal(data, nowSeconds) };
}
