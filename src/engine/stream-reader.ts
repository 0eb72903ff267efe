import { failureOf, systemError, type ConnectorError } from '../errors.js';
import type { JsonObject, SyncMode } from '../protocol/messages.js';
import { rootOf, type RecordSource, type StreamDeclaration } from './declarations.js';
import type { RootItem } from './pager.js';
import type { ReadContext } from './read-context.js';
import { Refusals } from './refusals.js';
import { EMPTY_STATE } from './stream-state.js';
import { WindowCursor, type Classification } from './window-cursor.js';

/** Besides every page: a sync killed part way replays at most about this many records (or items) per stream. */
const CHECKPOINT_EVERY = 10;

/** Where a stream stands in the root list: a window cursor for incremental roots, the whole list otherwise. */
interface ItemCursor {
  readonly floor: number;
  classify(cursor: number, id: string): Classification;
  pass(cursor: number, id: string, final: boolean): void;
  checkpoint(): JsonObject;
  complete(): JsonObject;
}

/** A list without cursor is read whole every time: every item is to do, and the state carries nothing. */
const WHOLE_LIST: ItemCursor = {
  floor: Number.NEGATIVE_INFINITY,
  classify: () => 'todo',
  pass: () => undefined,
  checkpoint: () => ({}),
  complete: () => ({}),
};

/**
 * One selected stream during a read: decides which root items it needs, emits its records, keeps its own
 * cursor and refusal bookkeeping, and checkpoints. Streams that read the same request share its answers
 * (see nodes.ts) but never their state.
 */
export class StreamReader {
  readonly cursor: ItemCursor;
  readonly window: WindowCursor | undefined;
  readonly refusals: Refusals;
  failure: ConnectorError | undefined;
  emitted = 0;
  /** Partition keys handled in this run before their item came: refused ones asked again, distinct keys claimed. */
  readonly claimed: Set<string>;
  /** Partitions decided on but not handled yet (they count against the record limit). */
  private pending = 0;
  private stoppedByLimit = false;
  /** Every item of its window has been handled (the list is read below its floor). */
  windowRead = false;
  private recordsSinceCheckpoint = 0;
  private itemsSinceCheckpoint = 0;
  private lastState: string | undefined;

  constructor(
    private readonly ctx: ReadContext,
    readonly stream: StreamDeclaration,
    readonly syncMode: SyncMode,
    inputState: JsonObject | undefined,
  ) {
    const cursorField = stream.cursorField;
    this.window =
      cursorField === undefined
        ? undefined
        : new WindowCursor(cursorField, ctx.config.startDate, syncMode === 'incremental' ? inputState : undefined, stream.name);
    this.cursor = this.window ?? WHOLE_LIST;
    const input = this.window?.input ?? EMPTY_STATE;
    this.refusals = new Refusals(input);
    this.claimed = new Set(input.valuesDone);
  }

  get name(): string {
    return this.stream.name;
  }

  /** No partition may be started: the run's record limit is used up by what was emitted or is on its way. */
  get limitReached(): boolean {
    return this.ctx.recordLimit !== undefined && this.emitted + this.pending >= this.ctx.recordLimit;
  }

  /** No record may be emitted any more. */
  get atLimit(): boolean {
    return this.ctx.recordLimit !== undefined && this.emitted >= this.ctx.recordLimit;
  }

  /** The record limit stopped this stream: an item was left unhandled, so its state may claim only what it passed. */
  get limited(): boolean {
    return this.stoppedByLimit || this.atLimit;
  }

  /** Records that the record limit left an item unhandled: no later item may be taken (the cursor must stop). */
  stopAtLimit(): void {
    this.stoppedByLimit = true;
  }

  /** Nothing more to do for this stream in this run: it failed, its window is read, or the limit stopped it. */
  get done(): boolean {
    return this.failure !== undefined || this.windowRead || (this.limited && this.pending === 0);
  }

  classify(item: RootItem): Classification {
    return item.cursor === undefined ? 'todo' : this.cursor.classify(item.cursor, item.id);
  }

  /** Records that the item was handled: its records emitted, or none due. */
  pass(item: RootItem, final: boolean): void {
    if (item.cursor !== undefined) this.cursor.pass(item.cursor, item.id, final);
    this.itemsSinceCheckpoint++;
  }

  reserve(): void {
    this.pending++;
  }

  release(): void {
    this.pending--;
  }

  /**
   * Emits the stream's records from one answer; false when they did not all go out: the record limit cut them
   * short, or building them failed (the stream then fails, and the item must not be passed).
   */
  async emitFrom(answer: JsonObject, source: RecordSource): Promise<boolean> {
    try {
      for (const record of this.stream.records(answer, source)) {
        if (this.atLimit) return false;
        this.checkKey(record);
        const written = this.ctx.output.record(this.name, record);
        if (written !== undefined) await written;
        this.emitted++;
        this.recordsSinceCheckpoint++;
        this.ctx.progress.record(this.name);
      }
      return true;
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  fail(error: unknown): void {
    this.failure ??= failureOf(error, `Reading ${this.name}`, this.ctx.signal);
  }

  /** A checkpoint when enough records or items were handled since the last one. */
  async maybeCheckpoint(): Promise<void> {
    if (this.recordsSinceCheckpoint >= CHECKPOINT_EVERY || this.itemsSinceCheckpoint >= CHECKPOINT_EVERY) await this.checkpoint();
  }

  /** Emits a STATE covering what was handled so far, unless nothing changed or nothing can be trusted yet. */
  async checkpoint(): Promise<void> {
    if (this.refusals.doubtful) return;
    await this.emitState({ ...this.cursor.checkpoint(), ...this.refusalFields(false) }, false);
  }

  /** Emits the STATE of a finished window (always: every stream gets at least one). */
  async complete(): Promise<void> {
    await this.emitState({ ...this.cursor.complete(), ...this.refusalFields(true) }, true);
  }

  /** A stream read whole every time asks everything again anyway: only a windowed stream keeps refusals. */
  private refusalFields(completed: boolean): JsonObject {
    return this.window === undefined ? {} : this.refusals.stateFields(completed);
  }

  private async emitState(state: JsonObject, always: boolean): Promise<void> {
    const serialized = JSON.stringify(state);
    this.itemsSinceCheckpoint = 0;
    if (!always && this.recordsSinceCheckpoint === 0 && serialized === this.lastState) return;
    await this.ctx.output.state(this.name, state, this.recordsSinceCheckpoint);
    this.recordsSinceCheckpoint = 0;
    this.lastState = serialized;
  }

  /** Every record must carry its whole primary key, or a destination could not key it. */
  private checkKey(record: JsonObject): void {
    for (const [field] of this.stream.primaryKey) {
      if (field !== undefined && (record[field] === undefined || record[field] === null)) {
        throw systemError(
          `Peloton's answer for ${this.name} (${rootOf(this.stream).name}) gave a record without '${field}'; the API may have changed.`,
        );
      }
    }
  }
}
