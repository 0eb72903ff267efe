import { ConnectorError, interrupted, toFailure } from '../errors.js';
import type { ApiResult } from '../peloton/api-client.js';
import type { JsonObject, SyncMode } from '../protocol/messages.js';
import type { StatusMatcher } from '../peloton/http-policy.js';
import type { ListStream, Query } from './declarations.js';
import type { ListRecord } from './pager.js';
import type { ReadContext } from './read-context.js';
import { WindowCursor, type Classification } from './window-cursor.js';

export type Settled = { ok: true; result: ApiResult } | { ok: false; error: unknown };

/** What a consumer decided about a list record when its page arrived (child requests start then). */
export interface Prepared {
  classification: Classification;
  response?: Promise<Settled>;
  /** The distinct value the request was made for (per-distinct-value children). */
  value?: string;
}

/**
 * A selected stream fed by a list's records in newest-first order: the list stream itself, or a
 * child stream making requests for its records. Emits records, tracks its WindowCursor, checkpoints.
 */
export abstract class StreamConsumer {
  readonly cursor: WindowCursor;
  failure: ConnectorError | undefined;
  emitted = 0;
  /** Records emitted or requested so far, for the record limit. */
  protected planned = 0;
  private sinceCheckpoint = 0;
  private lastState: string | undefined;

  constructor(
    readonly name: string,
    cursorField: string,
    protected readonly ctx: ReadContext,
    syncMode: SyncMode,
    inputState: JsonObject | undefined,
  ) {
    this.cursor = new WindowCursor(cursorField, ctx.config.startDate, syncMode === 'incremental' ? inputState : undefined, name);
  }

  abstract prepare(record: ListRecord): Prepared;
  abstract handle(record: ListRecord, prepared: Prepared): Promise<void>;

  /** True once the run's record limit is used up: nothing more is requested or emitted. */
  get atLimit(): boolean {
    return this.ctx.recordLimit !== undefined && this.planned >= this.ctx.recordLimit;
  }

  /** Records emitted since the last STATE. */
  get uncheckpointed(): number {
    return this.sinceCheckpoint;
  }

  /** Emits a STATE covering what was handled so far, unless nothing changed. */
  async checkpoint(): Promise<void> {
    await this.emitState(this.cursor.checkpoint(), false);
  }

  /** Emits the STATE of a finished window (always: every stream gets at least one). */
  async finish(): Promise<void> {
    await this.emitState(this.cursor.complete(), true);
  }

  fail(error: unknown): void {
    if (this.ctx.signal?.aborted === true) this.failure ??= interrupted(this.ctx.signal);
    this.failure ??= toFailure(error, `Reading ${this.name}`);
  }

  protected async emit(data: JsonObject): Promise<void> {
    await this.ctx.output.record(this.name, data);
    this.emitted++;
    this.sinceCheckpoint++;
    this.ctx.progress.record(this.name);
  }

  /** Starts a request whose outcome is handled later, in list order. */
  protected request(
    path: string,
    query: Query | undefined,
    headers: Record<string, string> | undefined,
    skipOn: readonly StatusMatcher[],
  ): Promise<Settled> {
    return this.ctx.api
      .fetch({ path, stream: this.name, skipOn, ...(query === undefined ? {} : { query }), ...(headers === undefined ? {} : { headers }) })
      .then(
        (result): Settled => ({ ok: true, result }),
        (error: unknown): Settled => ({ ok: false, error }),
      );
  }

  private async emitState(state: JsonObject, always: boolean): Promise<void> {
    const serialized = JSON.stringify(state);
    if (!always && this.sinceCheckpoint === 0 && serialized === this.lastState) return;
    await this.ctx.output.state(this.name, state, this.sinceCheckpoint);
    this.sinceCheckpoint = 0;
    this.lastState = serialized;
  }
}

/** The list stream itself: its records are the list's records. */
export class ListConsumer extends StreamConsumer {
  constructor(ctx: ReadContext, stream: ListStream, syncMode: SyncMode, inputState: JsonObject | undefined) {
    super(stream.name, stream.cursorField, ctx, syncMode, inputState);
  }

  prepare(record: ListRecord): Prepared {
    if (this.atLimit) return { classification: 'below' };
    const classification = this.cursor.classify(record.cursor, record.id);
    if (classification === 'todo') this.planned++;
    return { classification };
  }

  async handle(record: ListRecord, { classification }: Prepared): Promise<void> {
    if (classification === 'below') return;
    if (classification === 'todo') await this.emit(record.data);
    this.cursor.pass(record.cursor, record.id, record.final);
  }
}
