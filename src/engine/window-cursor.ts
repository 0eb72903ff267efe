import type { JsonObject } from '../protocol/messages.js';
import { parseStreamState, type StreamState, type SyncedSegment } from './stream-state.js';

export type Classification = 'below' | 'done' | 'todo';

/**
 * The incremental state of a stream whose root list comes newest first, by a numeric cursor.
 *
 * State shape (see README "State"):
 *   { "<cursor>": X }                               everything with cursor <= X was emitted in final form
 *   { "<cursor>": X, "partial": { "synced": [...], "unfinished_at": U } }
 *                                                   a sync stopped part way: the segments were emitted,
 *                                                   and an item that was not final yet sits at cursor U
 *
 * Items arrive newest first. The cursor may only advance when a window is finished, and never past an
 * item that was not final (it must be read again); until then checkpoints describe the emitted segments,
 * so a resumed sync skips them instead of emitting (and fetching children for) them again. A checkpoint
 * holds at most one segment more than the state it started from, whatever the history's size.
 */
export class WindowCursor {
  /** The whole input state, parsed (the refusal bookkeeping reads its own part). */
  readonly input: StreamState;
  private readonly floorValue: number;
  private readonly inputSegments: SyncedSegment[];
  private unfinishedAt: number | undefined;
  private top: number | undefined;
  private position = Number.POSITIVE_INFINITY;
  private idsAtPosition: string[] = [];

  constructor(
    readonly cursorKey: string,
    /** Unix seconds: items created before it are out of every window. */
    startDate: number,
    input: JsonObject | undefined,
    streamName: string,
  ) {
    this.input = parseStreamState(input, cursorKey, streamName);
    this.inputSegments = this.input.segments;
    this.unfinishedAt = this.input.unfinishedAt;
    this.floorValue = Math.max(this.input.committed ?? Number.NEGATIVE_INFINITY, Math.ceil(startDate) - 1);
  }

  /** Items at or below this cursor value are outside the window. */
  get floor(): number {
    return this.floorValue;
  }

  /** Whether the floor comes from the input state (rather than the start date). */
  get resumed(): boolean {
    return this.input.committed !== undefined && this.floorValue === this.input.committed;
  }

  classify(cursor: number, id: string): Classification {
    if (cursor <= this.floorValue) return 'below';
    if (cursor > this.position || (cursor === this.position && this.idsAtPosition.includes(id))) return 'done';
    return this.inputSegments.some((s) => covers(s, cursor, id)) ? 'done' : 'todo';
  }

  /** Records that an item was handled (its records emitted, or known to be emitted already), newest first. */
  pass(cursor: number, id: string, final: boolean): void {
    this.top ??= cursor;
    if (cursor < this.position) {
      this.position = cursor;
      this.idsAtPosition = [id];
    } else if (cursor === this.position && !this.idsAtPosition.includes(id)) {
      this.idsAtPosition.push(id);
    }
    if (!final) this.unfinishedAt = Math.min(this.unfinishedAt ?? cursor, cursor);
  }

  /** State for a sync that is part way through its window. */
  checkpoint(): JsonObject {
    const segments = this.segments();
    if (segments.length === 0 && this.unfinishedAt === undefined) return this.base();
    const partial: JsonObject = { synced: segments };
    if (this.unfinishedAt !== undefined) partial['unfinished_at'] = this.unfinishedAt;
    return { ...this.base(), partial };
  }

  /** State once the whole window has been read. */
  complete(): JsonObject {
    const newest = Math.max(this.top ?? Number.NEGATIVE_INFINITY, ...this.inputSegments.map((s) => s.newest));
    if (newest === Number.NEGATIVE_INFINITY) return this.base();
    let cursor = this.unfinishedAt === undefined ? newest : Math.min(newest, this.unfinishedAt - 1);
    if (this.input.committed !== undefined) cursor = Math.max(cursor, this.input.committed);
    return { [this.cursorKey]: cursor };
  }

  private base(): JsonObject {
    return this.input.committed === undefined ? {} : { [this.cursorKey]: this.input.committed };
  }

  /** This run's handled stretch [position, top] merged with the input segments it has not passed. */
  private segments(): SyncedSegment[] {
    if (this.top === undefined) return this.inputSegments;
    let current: SyncedSegment = { newest: this.top, oldest: this.position, oldest_ids: [...this.idsAtPosition] };
    const below: SyncedSegment[] = [];
    for (const segment of this.inputSegments) {
      if (segment.newest < this.position) below.push(segment);
      else if (segment.oldest < current.oldest)
        current = { newest: Math.max(current.newest, segment.newest), oldest: segment.oldest, oldest_ids: segment.oldest_ids };
      else if (segment.oldest === current.oldest)
        current = {
          ...current,
          newest: Math.max(current.newest, segment.newest),
          oldest_ids: [...new Set([...current.oldest_ids, ...segment.oldest_ids])],
        };
      else current = { ...current, newest: Math.max(current.newest, segment.newest) };
    }
    return [current, ...below];
  }
}

function covers(segment: SyncedSegment, cursor: number, id: string): boolean {
  return (cursor > segment.oldest && cursor <= segment.newest) || (cursor === segment.oldest && segment.oldest_ids.includes(id));
}
