import type { JsonObject, SyncMode } from '../protocol/messages.js';
import { StreamConsumer, type Prepared } from './consumers.js';
import type { PerDistinctValueChildStream, PerRecordChildStream, RequestScope } from './declarations.js';
import type { ListRecord } from './pager.js';
import type { ReadContext } from './read-context.js';

/** A child stream with one request per parent record. */
export class PerRecordConsumer extends StreamConsumer {
  constructor(
    ctx: ReadContext,
    private readonly stream: PerRecordChildStream,
    private readonly scope: RequestScope,
    syncMode: SyncMode,
    inputState: JsonObject | undefined,
  ) {
    super(stream.name, stream.cursorField, ctx, syncMode, inputState);
  }

  prepare(record: ListRecord): Prepared {
    if (this.atLimit) return { classification: 'below' };
    const classification = this.cursor.classify(record.cursor, record.id);
    if (classification !== 'todo' || this.failure !== undefined) return { classification };
    if (this.stream.waitsForFinalParent && !record.final) return { classification };
    const response = this.request(this.stream, this.stream.path(record.data, this.scope), this.scope);
    return { classification, response, counted: this.count() };
  }

  async handle(record: ListRecord, prepared: Prepared): Promise<void> {
    this.settle(prepared);
    if (this.failure !== undefined || prepared.classification === 'below') return;
    if (prepared.response !== undefined) {
      const body = await this.receive(prepared.response, () => this.stream.describe(record.data));
      if (body === 'failed') return;
      if (body !== 'skipped') await this.emit(this.stream.toRecord(body, record.data));
    }
    // Not fetched because the parent is not final yet: passing it unfinished holds the cursor before it.
    this.cursor.pass(record.cursor, record.id, record.final || prepared.response !== undefined);
  }
}

/**
 * A child stream with one request per distinct value the parent records point to, made for the newest
 * parent record that points to it. Values handled in the window are kept in the state until the window
 * completes, so a resumed sync does not fetch or emit them again.
 */
export class PerDistinctValueConsumer extends StreamConsumer {
  // The list's row count says nothing of how many distinct values it holds.
  override readonly estimable = false;
  private readonly claimed: Set<string>;

  constructor(
    ctx: ReadContext,
    private readonly stream: PerDistinctValueChildStream,
    private readonly scope: RequestScope,
    syncMode: SyncMode,
    inputState: JsonObject | undefined,
  ) {
    super(stream.name, stream.cursorField, ctx, syncMode, inputState);
    this.claimed = new Set(this.cursor.valuesDone);
  }

  prepare(record: ListRecord): Prepared {
    if (this.atLimit) return { classification: 'below' };
    const classification = this.cursor.classify(record.cursor, record.id);
    if (classification !== 'todo' || this.failure !== undefined) return { classification };
    const value = this.stream.valueOf(record.data);
    if (value === undefined || this.claimed.has(value)) return { classification };
    // Claimed when the page arrives, in list order, so only the newest parent of a value requests it.
    this.claimed.add(value);
    const response = this.request(this.stream, this.stream.path(value, this.scope), this.scope);
    return { classification, value, response, counted: this.count() };
  }

  async handle(record: ListRecord, prepared: Prepared): Promise<void> {
    this.settle(prepared);
    if (this.failure !== undefined || prepared.classification === 'below') return;
    const { response, value } = prepared;
    if (response !== undefined && value !== undefined) {
      const body = await this.receive(response, () => this.stream.describe(value));
      if (body === 'failed') return;
      if (body !== 'skipped') await this.emit(this.stream.toRecord(body, value, record.data));
      this.cursor.valuesDone.add(value);
    }
    this.cursor.pass(record.cursor, record.id, true);
  }
}
