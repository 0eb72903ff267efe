import { systemError } from '../errors.js';
import type { JsonObject } from '../protocol/messages.js';
import type { RequestScope, RootRequest } from './declarations.js';
import type { ReadContext } from './read-context.js';

/** An item of a root request's answer, with what the engine needs to know of it. */
export interface RootItem {
  data: JsonObject;
  /** Its id (ties at one cursor value, repeated pages); '' where the request declares none. */
  id: string;
  /** Its cursor value; undefined under a request without cursor. */
  cursor: number | undefined;
  final: boolean;
}

export interface Page {
  envelope: JsonObject;
  items: RootItem[];
}

/** Pages remembered to drop items that an offset shift shows twice. */
const REMEMBERED_PAGES = 3;
const MAX_STEP_BACKS = 20;

/**
 * Reads a root request: one answer, or a page-number-paginated list (newest first down to `floor`,
 * exclusive, when it has a cursor; to its end otherwise). Offsets move when items are added or deleted
 * mid-read: repeated items are dropped by id, and a shrinking `total` steps back so nothing slides past
 * unread. A page holding only items already seen is a server repeating itself: that stops the read rather
 * than looping. `signal` cancels the request in progress (the read has ended).
 */
export async function* readPages(
  ctx: ReadContext,
  root: RootRequest,
  scope: RequestScope,
  floor: number,
  signal: AbortSignal,
): AsyncGenerator<Page> {
  const { pagination } = root;
  const pageSize = ctx.config.pageSize;
  const baseQuery = { ...root.query?.(scope), ...(pagination === undefined ? {} : { [pagination.sizeParam]: pageSize }) };
  const fetchPage = async (page: number | undefined): Promise<JsonObject | undefined> => {
    // Urgent: the next page feeds every child request, so it must not wait behind the current page's.
    const result = await ctx.api.fetch({
      path: root.path(scope),
      query: pagination === undefined || page === undefined ? baseQuery : { ...baseQuery, [pagination.pageParam]: page },
      ...(root.headers === undefined ? {} : { headers: root.headers }),
      stream: root.name,
      urgent: true,
      skipOn: root.skipOn ?? [],
      signal,
    });
    if ('body' in result) return result.body;
    await ctx.output.log(
      'WARN',
      `Peloton answered ${result.skippedStatus} for the ${root.name} (none for this member?); nothing to read from it this sync.`,
    );
    return undefined;
  };

  if (pagination === undefined) {
    const envelope = await fetchPage(undefined);
    if (envelope !== undefined) yield { envelope, items: itemsOf(envelope, root, 'its answer', ctx.nowSeconds()) };
    return;
  }

  const recent: Array<Set<string>> = [];
  let page = pagination.firstPage;
  let previousTotal: number | undefined;
  let stepBacks = 0;
  /** Set by a step back: the pages re-read until a fresh item turns up hold only items read already. */
  let reReading = false;
  for (;;) {
    const envelope = await fetchPage(page);
    if (envelope === undefined) return;
    const total = typeof envelope['total'] === 'number' ? envelope['total'] : undefined;
    if (
      previousTotal !== undefined &&
      total !== undefined &&
      total < previousTotal &&
      page > pagination.firstPage &&
      stepBacks < MAX_STEP_BACKS
    ) {
      stepBacks++;
      const back = Math.max(pagination.firstPage, page - Math.ceil((previousTotal - total) / pageSize));
      await ctx.output.log(
        'INFO',
        `The ${root.name} list shrank by ${previousTotal - total} during the read (deleted meanwhile); re-reading from page ${back} so none is skipped.`,
      );
      page = back;
      previousTotal = total;
      reReading = true;
      continue;
    }
    previousTotal = total ?? previousTotal;

    const items = itemsOf(envelope, root, `page ${page}`, ctx.nowSeconds());
    const seen = (id: string): boolean => recent.some((ids) => ids.has(id));
    const fresh = root.idField === undefined ? items : items.filter((item) => !seen(item.id));
    if (items.length > 0 && fresh.length === 0 && !reReading) {
      throw systemError(
        `Peloton returned page ${page} of ${root.name} with only items already read on earlier pages; stopping instead of looping. Try again later.`,
      );
    }
    if (fresh.length > 0) reReading = false;
    recent.push(new Set(items.map((item) => item.id)));
    if (recent.length > REMEMBERED_PAGES) recent.shift();

    yield { envelope, items: fresh };

    const oldest = items.at(-1);
    const belowFloor = oldest?.cursor !== undefined && oldest.cursor <= floor;
    if (oldest === undefined || items.length < pageSize || belowFloor || pagination.isLastPage(envelope, page)) return;
    page++;
  }
}

function itemsOf(envelope: JsonObject, root: RootRequest, where: string, nowSeconds: number): RootItem[] {
  if (root.itemsAt === undefined) return [toItem(envelope, root, where, nowSeconds)];
  const raw = envelope[root.itemsAt];
  if (!Array.isArray(raw)) throw systemError(`Peloton's ${root.name} ${where} has no '${root.itemsAt}' list; the API may have changed.`);
  return raw.map((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw systemError(`Peloton's ${root.name} ${where} holds a non-object at position ${index}.`);
    }
    return toItem(item as JsonObject, root, where, nowSeconds);
  });
}

function toItem(data: JsonObject, root: RootRequest, where: string, nowSeconds: number): RootItem {
  const id = root.idField === undefined ? '' : data[root.idField];
  const cursor = root.cursor === undefined ? undefined : data[root.cursor.field];
  if (typeof id !== 'string' || (root.cursor !== undefined && typeof cursor !== 'number')) {
    throw systemError(
      `An item of Peloton's ${root.name} ${where} lacks a string '${root.idField ?? ''}'${root.cursor === undefined ? '' : ` or a numeric '${root.cursor.field}'`}; the API may have changed.`,
    );
  }
  return { data, id, cursor: typeof cursor === 'number' ? cursor : undefined, final: root.cursor?.isFinal(data, nowSeconds) ?? true };
}
