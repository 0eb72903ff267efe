import type { ResolvedConfig } from '../config/config.js';
import type { StatusMatcher } from '../peloton/http-policy.js';
import type { JsonObject } from '../protocol/messages.js';

/**
 * What a stream is, as data: the requests Peloton answers, and the streams that select their records from
 * those answers. The engine (src/engine) reads any combination of them; adding a stream means writing a
 * declaration, its schema and one registry line.
 *
 * A read starts from a root request (a list, paginated or not, or one object). Child requests are made per
 * item of a root (or once per distinct value the items point to). Any number of streams may read the same
 * request: it is made once per item for all of them, and each keeps its own cursor and state.
 */

export type Query = Record<string, string | number>;

/** The run-wide values a request may use. */
export interface RequestScope {
  userId: string;
  config: ResolvedConfig;
}

/** Page-number pagination: `pageParam` counts from `firstPage`, `sizeParam` (the config's page_size) stays constant. */
export interface PageNumberPagination {
  pageParam: string;
  sizeParam: string;
  firstPage: number;
  /** The API's own "no more pages" signals, read from a page's envelope (a short or empty page always ends the list). */
  isLastPage(envelope: JsonObject, page: number): boolean;
}

/**
 * A list whose items come newest first by a numeric cursor (unix seconds): an incremental read stops at the
 * state's cursor, and every stream reading the list (or requests made per item) can be incremental.
 */
export interface ListCursor {
  /** The item field holding the cursor. */
  field: string;
  /** False while an item can still change (the cursor must not pass it, so it is read again). */
  isFinal(item: JsonObject, nowSeconds: number): boolean;
  /** Items newer than `after` the list holds, judged from the first page's envelope. */
  estimateNewerThan(envelope: JsonObject, after: number): number;
}

interface RequestBase {
  /** Names the request in logs and retry notices ("performance_graph"). */
  name: string;
  query?(scope: RequestScope): Query;
  headers?: Record<string, string>;
}

/** A request made once per sync: a list (paginated or not, with or without a cursor) or one object. */
export interface RootRequest extends RequestBase {
  kind: 'root';
  path(scope: RequestScope): string;
  /** The envelope field holding the items; absent when the whole answer is the one item. */
  itemsAt?: string;
  /** The item field identifying an item (repeated pages are recognised by it; ties at one cursor value too). */
  idField?: string;
  pagination?: PageNumberPagination;
  cursor?: ListCursor;
  /** Final statuses meaning "nothing to read" (a member with no such data): a warning, and no records. */
  skipOn?: readonly StatusMatcher[];
}

/** Which partition of a child request a root item stands for. */
export interface Partition {
  /** The item's id (one request per item), or the value it points to (one request per distinct value). */
  key: string;
  /** The root item's cursor value (undefined under a list without cursor). */
  cursor: number | undefined;
  /** The root item; absent when a partition refused by an earlier sync is asked again. */
  item: JsonObject | undefined;
}

/** A request made per item of a root request, or once per distinct value its items point to. */
export interface ChildRequest extends RequestBase {
  kind: 'child';
  parent: RootRequest;
  /** The partition key an item stands for, or undefined when there is nothing to fetch for it. */
  keyOf(item: JsonObject): string | undefined;
  /** One request per distinct key, made for the newest item that has it (a class taken many times). */
  distinct?: true;
  path(key: string, scope: RequestScope): string;
  /** The answer changes until the item is final: wait for it (the cursor then stops before the item). */
  waitsForFinalParent?: true;
  /** Final statuses that skip the partition with a warning instead of failing the stream. */
  skipOn: readonly StatusMatcher[];
  /** Names the partition in warnings: "the performance graph of workout <id>". */
  describe(key: string): string;
}

export type RequestDeclaration = RootRequest | ChildRequest;

/** What a stream's records are built from: one answer, the partition it answers, and the run's scope. */
export interface RecordSource {
  partition: Partition;
  scope: RequestScope;
}

export interface StreamDeclaration {
  name: string;
  /** File in schemas/ describing one record. */
  schemaFile: string;
  /** Top-level fields; several make a composite key. */
  primaryKey: string[][];
  /** The request whose answers hold this stream's records. */
  reads: RequestDeclaration;
  /**
   * The record field carrying the root list's cursor value: the stream is then incremental. Declared
   * exactly when the root request has a cursor.
   */
  cursorField?: string;
  /** The stream's records in one answer: any number, produced lazily. */
  records(answer: JsonObject, source: RecordSource): Iterable<JsonObject>;
  /** One record per root item: the list's row estimate is the stream's. */
  onePerItem?: true;
}

/** The root item's cursor value of a partition under a list with cursor (where a record's cursor field comes from). */
export function cursorOf(partition: Partition): number {
  if (partition.cursor === undefined) throw new Error('A partition of a list without cursor has no cursor value.');
  return partition.cursor;
}

/** The root request a stream's records come from. */
export function rootOf(stream: StreamDeclaration): RootRequest {
  return stream.reads.kind === 'root' ? stream.reads : stream.reads.parent;
}

/** The cursor field of an incremental stream; undefined for a full-refresh-only one. */
export function cursorFieldOf(stream: StreamDeclaration): string | undefined {
  return stream.cursorField;
}

/** The stream (among `all`) that reads `stream`'s root request itself, when `stream` is fed through a child request or is another view of it. */
export function parentStreamOf(stream: StreamDeclaration, all: readonly StreamDeclaration[]): StreamDeclaration | undefined {
  const root = rootOf(stream);
  const parent = all.find((s) => s.reads === root && s.onePerItem === true);
  return parent === stream ? undefined : parent;
}

/** The streams (among `streams`) that wait on the request named `requestName`: its readers, and for a root every stream below it. */
export function streamsWaitingOn<T extends { declaration: StreamDeclaration }>(requestName: string, streams: readonly T[]): T[] {
  return streams.filter(({ declaration }) => declaration.reads.name === requestName || rootOf(declaration).name === requestName);
}
