import { ConnectorError, interrupted, systemError } from '../errors.js';
import type { JsonObject, SyncMode } from '../protocol/messages.js';
import type { ChildStreamDeclaration, ListStreamDeclaration } from './declarations.js';
import type { ListRecord } from './pager.js';
import type { ReadContext } from './read-context.js';
import { WindowCursor, type Classification } from './window-cursor.js';

type Settled = { ok: true; value: JsonObject | undefined } | { ok: false; error: unknown };

/** What a consumer decided about a list record when its page arrived (child requests start then). */
export interface Prepared {
  classification: Classification;
  response?: Promise<Settled>;
}

/**
 * A selected stream fed by a list's records in newest-first order: the list stream itself, or a
 * child stream making one request per record. Emits records, tracks its WindowCursor, checkpoints.
 */
export abstract class StreamConsumer {
  readonly cursor: WindowCursor;
  failure: ConnectorError | undefined;
  emitted = 0;
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
    this.failure ??= error instanceof ConnectorError ? error : systemError(`Reading ${this.name} failed unexpectedly: ${String(error)}`, error);
  }

  protected async emit(data: JsonObject): Promise<void> {
    await this.ctx.output.record(this.name, data);
    this.emitted++;
    this.sinceCheckpoint++;
    this.ctx.progress.record(this.name);
  }

  private async emitState(state: JsonObject, always: boolean): Promise<void> {
    const serialized = JSON.stringify(state);
    if (!always && this.sinceCheckpoint === 0 && serialized === this.lastState) return;
    await this.ctx.output.state(this.name, state, this.sinceCheckpoint);
    this.sinceCheckpoint = 0;
    this.lastState = serialized;
  }
}

export class ListConsumer extends StreamConsumer {
  constructor(ctx: ReadContext, stream: ListStreamDeclaration, syncMode: SyncMode, inputState: JsonObject | undefined) {
    super(stream.name, stream.cursorField, ctx, syncMode, inputState);
  }

  prepare(record: ListRecord): Prepared {
    return { classification: this.cursor.classify(record.cursor, record.id) };
  }

  async handle(record: ListRecord, { classification }: Prepared): Promise<void> {
    if (classification === 'below') return;
    if (classification === 'todo') await this.emit(record.data);
    this.cursor.pass(record.cursor, record.id, record.final);
  }
}

export class ChildConsumer extends StreamConsumer {
  constructor(
    ctx: ReadContext,
    private readonly stream: ChildStreamDeclaration,
    syncMode: SyncMode,
    inputState: JsonObject | undefined,
  ) {
    super(stream.name, stream.cursorField, ctx, syncMode, inputState);
  }

  prepare(record: ListRecord): Prepared {
    const classification = this.cursor.classify(record.cursor, record.id);
    if (classification !== 'todo' || !record.final || this.failure !== undefined) return { classification };
    const { api, config } = this.ctx;
    const response = api.getJsonUnlessNotFound(this.stream.path(record.data), this.stream.query(config), this.name).then(
      (value): Settled => ({ ok: true, value }),
      (error: unknown): Settled => ({ ok: false, error }),
    );
    return { classification, response };
  }

  async handle(record: ListRecord, prepared: Prepared): Promise<void> {
    if (this.failure !== undefined || prepared.classification === 'below') return;
    if (prepared.response !== undefined) {
      const settled = await prepared.response;
      if (!settled.ok) return this.fail(settled.error);
      if (settled.value === undefined) {
        await this.ctx.output.log('WARN', `${this.name}: Peloton has no performance graph for workout ${record.id} (404; deleted?); skipping it.`);
      } else {
        await this.emit(this.stream.toRecord(settled.value, record.data));
      }
    }
    // Not fetched because the workout is not final: passing it unfinished holds the cursor before it.
    this.cursor.pass(record.cursor, record.id, record.final || prepared.response !== undefined);
  }
}
