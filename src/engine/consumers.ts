import { ConnectorError, failureOf, systemError } from '../errors.js';
import type { ApiRequest, ApiResult } from '../peloton/api-client.js';
import type { JsonObject, SyncMode } from '../protocol/messages.js';
import type { ChildStream, ListStream, RequestScope, SingleObjectStream } from './declarations.js';
import type { ListRecord } from './pager.js';
import type { ReadContext } from './read-context.js';
import { WindowCursor, type Classification } from './window-cursor.js';

/** The request a declaration describes for `path`: its query and headers, named after its stream. */
export function requestFor(stream: ChildStream | SingleObjectStream, path: string, scope: RequestScope): ApiRequest {
  return {
    path,
    stream: stream.name,
    ...(stream.query === undefined ? {} : { query: stream.query(scope) }),
    ...(stream.headers === undefined ? {} : { headers: stream.headers }),
  };
}

export type Settled = { ok: true; result: ApiResult } | { ok: false; error: unknown };

/** What a consumer decided about a list record when its page arrived (child requests start then). */
export interface Prepared {
  classification: Classification;
  response?: Promise<Settled>;
  /** The distinct value the request was made for (per-distinct-value children). */
  value?: string;
  /** Counted against the record limit: a record to emit, or a request made. */
  counted?: boolean;
}

/**
 * A stream whose requests all answered a skipped status this many times, without one success, is
 * failed rather than completed: the route has most likely changed, and its cursor must not move.
 */
const SKIPS_BEFORE_DOUBT = 3;

/**
 * A selected stream fed by a list's records in newest-first order: the list stream itself, or a
 * child stream making requests for its records. Emits records, tracks its WindowCursor, checkpoints.
 */
export abstract class StreamConsumer {
  readonly cursor: WindowCursor;
  failure: ConnectorError | undefined;
  emitted = 0;
  /** Whether its row estimate (the list's rows newer than its cursor) means anything. */
  readonly estimable: boolean = true;
  private skipped = 0;
  /** Counted records not handled yet, and all counted so far (for the record limit). */
  private pendingCount = 0;
  private countedSoFar = 0;
  private sinceCheckpoint = 0;
  private lastState: string | undefined;
  /** Cancels this stream's requests still queued or in flight once it has failed or the read is over. */
  private readonly requests = new AbortController();

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
    return this.ctx.recordLimit !== undefined && this.countedSoFar >= this.ctx.recordLimit;
  }

  /** Nothing more to do for this stream in this run: it failed, or its limit is used up and handled. */
  get done(): boolean {
    return this.failure !== undefined || (this.atLimit && this.pendingCount === 0);
  }

  /** Records emitted since the last STATE. */
  get uncheckpointed(): number {
    return this.sinceCheckpoint;
  }

  /** Emits a STATE covering what was handled so far, unless nothing changed or nothing can be trusted yet. */
  async checkpoint(): Promise<void> {
    if (this.doubtful) return;
    await this.emitState(this.cursor.checkpoint(), false);
  }

  /** Emits the STATE of a finished window (always: every stream gets at least one). */
  async finish(): Promise<void> {
    if (this.skipped >= SKIPS_BEFORE_DOUBT && this.emitted === 0) {
      this.fail(
        systemError(
          `${this.name}: all ${this.skipped} requests of this sync were refused (see the warnings) and none succeeded; Peloton may have changed this route. The state was left where it was, so the next sync asks again.`,
        ),
      );
      return;
    }
    await this.emitState(this.cursor.complete(), true);
  }

  fail(error: unknown): void {
    this.failure ??= failureOf(error, `Reading ${this.name}`, this.ctx.signal);
    this.stopRequests();
  }

  stopRequests(): void {
    this.requests.abort(new Error(`${this.name} needs no more answers`));
  }

  /** Called by handle() first: a counted record is no longer pending. */
  protected settle(prepared: Prepared): void {
    if (prepared.counted === true) this.pendingCount--;
  }

  /** Marks a record or request against the record limit. */
  protected count(): true {
    this.countedSoFar++;
    this.pendingCount++;
    return true;
  }

  protected async emit(data: JsonObject): Promise<void> {
    await this.ctx.output.record(this.name, data);
    this.emitted++;
    this.sinceCheckpoint++;
    this.ctx.progress.record(this.name);
  }

  private async skip(what: string, status: number): Promise<void> {
    this.skipped++;
    await this.ctx.output.log('WARN', `${this.name}: Peloton answered ${status} for ${what}; skipping it.`);
  }

  /** Starts a child's request for `path`; its outcome is handled later, in list order, by receive(). */
  protected request(stream: ChildStream, path: string, scope: RequestScope): Promise<Settled> {
    return this.ctx.api.fetch({ ...requestFor(stream, path, scope), skipOn: stream.skipOn, signal: this.requests.signal }).then(
      (result): Settled => ({ ok: true, result }),
      (error: unknown): Settled => ({ ok: false, error }),
    );
  }

  /** The answer's body, or what became of it: the partition skipped (with a warning), or the stream failed. */
  protected async receive(response: Promise<Settled>, describe: () => string): Promise<JsonObject | 'skipped' | 'failed'> {
    const settled = await response;
    if (!settled.ok) {
      this.fail(settled.error);
      return 'failed';
    }
    if ('body' in settled.result) return settled.result.body;
    await this.skip(describe(), settled.result.skippedStatus);
    return 'skipped';
  }

  /** Only skips so far: until one request succeeds, no state may claim the skipped partitions. */
  private get doubtful(): boolean {
    return this.skipped > 0 && this.emitted === 0;
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
    return classification === 'todo' ? { classification, counted: this.count() } : { classification };
  }

  async handle(record: ListRecord, prepared: Prepared): Promise<void> {
    this.settle(prepared);
    if (prepared.classification === 'below') return;
    if (prepared.classification === 'todo') await this.emit(record.data);
    this.cursor.pass(record.cursor, record.id, record.final);
  }
}
