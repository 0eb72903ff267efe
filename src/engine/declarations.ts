import type { ResolvedConfig } from '../config/config.js';
import type { JsonObject } from '../protocol/messages.js';

/** Page-number pagination: `pageParam` counts from `firstPage`, `sizeParam` stays constant on every page. */
export interface PageNumberPagination {
  pageParam: string;
  sizeParam: string;
  firstPage: number;
  /** The API's own "no more pages" signals, read from a response envelope. */
  isLastPage(envelope: JsonObject, page: number): boolean;
}

interface StreamDeclarationBase {
  name: string;
  /** File in schemas/ describing one record. */
  schemaFile: string;
  primaryKey: string[][];
  /** Top-level numeric field (unix seconds) the incremental state follows. */
  cursorField: string;
}

/** A stream read from a paginated list endpoint, newest record first. */
export interface ListStreamDeclaration extends StreamDeclarationBase {
  kind: 'list';
  path(params: { userId: string }): string;
  query(config: ResolvedConfig): Record<string, string | number>;
  /** Envelope field holding the records. */
  recordSelector: string;
  idField: string;
  pagination: PageNumberPagination;
  /** False while a record can still change (the cursor must not pass it, so it is read again). */
  isFinal(record: JsonObject, nowSeconds: number): boolean;
  /** Rows newer than `after` the list holds, judged from the first page's envelope. */
  estimateNewerThan(envelope: JsonObject, after: number): number;
}

/** A stream with one request per record of a parent list stream (its partition). */
export interface ChildStreamDeclaration extends StreamDeclarationBase {
  kind: 'child';
  parent: string;
  path(parent: JsonObject): string;
  query(config: ResolvedConfig): Record<string, string | number>;
  /** The child's record from the response and its parent. */
  toRecord(response: JsonObject, parent: JsonObject): JsonObject;
}

export type StreamDeclaration = ListStreamDeclaration | ChildStreamDeclaration;
