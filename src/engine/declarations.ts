import type { ResolvedConfig } from '../config/config.js';
import type { StatusMatcher } from '../peloton/http-policy.js';
import type { JsonObject } from '../protocol/messages.js';

/**
 * What a stream is, as data: the engine (src/engine) knows how to read each kind. Adding a stream means
 * writing a declaration, its schema and one registry line; nothing here or in the engine changes.
 */

export type Query = Record<string, string | number>;

/** Page-number pagination: `pageParam` counts from `firstPage`, `sizeParam` stays constant on every page. */
export interface PageNumberPagination {
  pageParam: string;
  sizeParam: string;
  firstPage: number;
  /** The API's own "no more pages" signals, read from a response envelope. */
  isLastPage(envelope: JsonObject, page: number): boolean;
}

/** The run-wide values a request may use. */
export interface RequestScope {
  userId: string;
  config: ResolvedConfig;
}

interface StreamBase {
  name: string;
  /** File in schemas/ describing one record. */
  schemaFile: string;
  primaryKey: string[][];
}

/**
 * Incremental support: a top-level numeric field (unix seconds) that the resumable window state follows.
 * Streams without one are full refresh only.
 */
export interface CursorDeclaration {
  cursorField: string;
}

/** One request, one record (a profile, an overview). Full refresh only. */
export interface SingleObjectStream extends StreamBase {
  kind: 'single';
  path(scope: RequestScope): string;
  query?(scope: RequestScope): Query;
  headers?: Record<string, string>;
  toRecord(response: JsonObject, scope: RequestScope): JsonObject;
}

/** A paginated list endpoint, newest record first, read incrementally by a numeric cursor. */
export interface ListStream extends StreamBase, CursorDeclaration {
  kind: 'list';
  path(scope: RequestScope): string;
  query(scope: RequestScope): Query;
  /** Envelope field holding the records. */
  recordSelector: string;
  idField: string;
  pagination: PageNumberPagination;
  /** False while a record can still change (the cursor must not pass it, so it is read again). */
  isFinal(record: JsonObject, nowSeconds: number): boolean;
  /** Rows newer than `after` the list holds, judged from the first page's envelope. */
  estimateNewerThan(envelope: JsonObject, after: number): number;
}

interface ChildBase extends StreamBase, CursorDeclaration {
  /** The list stream whose records drive this stream's requests. Its cursor value becomes this stream's. */
  parent: string;
  query?(scope: RequestScope): Query;
  headers?: Record<string, string>;
  /** Final statuses that skip the partition with a warning instead of failing the stream. */
  skipOn: readonly StatusMatcher[];
}

/** One request per parent record (a workout's graph, a workout's detail). */
export interface PerRecordChildStream extends ChildBase {
  kind: 'per_record';
  path(parent: JsonObject, scope: RequestScope): string;
  /** Wait until the parent record is final (read it again next sync) rather than fetch a half-made answer. */
  waitsForFinalParent: boolean;
  /** Names the partition in warnings: "workout <id>". */
  describe(parent: JsonObject): string;
  toRecord(response: JsonObject, parent: JsonObject): JsonObject;
}

/** One request per distinct value among the parent records (a class taken many times is fetched once). */
export interface PerDistinctValueChildStream extends ChildBase {
  kind: 'per_distinct_value';
  /** The value a parent record points to, or undefined when it points to nothing fetchable. */
  valueOf(parent: JsonObject): string | undefined;
  path(value: string, scope: RequestScope): string;
  describe(value: string): string;
  /** `parent` is the newest parent record read before the value was first requested (resumed syncs aside). */
  toRecord(response: JsonObject, value: string, parent: JsonObject): JsonObject;
}

export type ChildStream = PerRecordChildStream | PerDistinctValueChildStream;
export type StreamDeclaration = SingleObjectStream | ListStream | ChildStream;

/** The cursor field of an incremental stream; undefined for a full-refresh-only one. */
export function cursorFieldOf(stream: StreamDeclaration): string | undefined {
  return stream.kind === 'single' ? undefined : stream.cursorField;
}

export function isChild(stream: StreamDeclaration): stream is ChildStream {
  return stream.kind === 'per_record' || stream.kind === 'per_distinct_value';
}
