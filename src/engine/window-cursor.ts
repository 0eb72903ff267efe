import { configError } from '../errors.js';
import type { JsonObject } from '../protocol/messages.js';

/** A stretch of cursor values an interrupted sync already emitted: (oldest, newest], plus oldest_ids at oldest. */
export interface SyncedSegment {
  newest: number;
  oldest: number;
  oldest_ids: string[];
}

export type Classification = 'below' | 'done' | 'todo';

/**
 * The incremental state of a stream whose API lists records newest first, by a numeric cursor.
 *
 * State shape (see README "State"):
 *   { "<cursor>": X }                               everything with cursor <= X was emitted in final form
 *   { "<cursor>": X, "partial": { "synced": [...], "unfinished_at": U, "values_done": [...] } }
 *                                                   a sync stopped part way: the segments were emitted,
 *                                                   a record that was not final yet sits at cursor U, and
 *                                                   (streams with one record per distinct value) those
 *                                                   values were already handled in this window
 *
 * Records arrive newest first. The cursor may only advance when a window is finished, and never past
 * a record that was not final (it must be read again); until then checkpoints describe the emitted
 * segments, so a resumed sync skips them instead of emitting (and fetching children for) them again.
 */
export class WindowCursor {
  private readonly committed: number | undefined;
  private readonly floorValue: number;
  private inputSegments: SyncedSegment[];
  private unfinishedAt: number | undefined;
  private top: number | undefined;
  private position = Number.POSITIVE_INFINITY;
  private idsAtPosition: string[] = [];
  /** Distinct values already handled in the current window (kept only while the window is unfinished). */
  readonly valuesDone: Set<string>;

  constructor(
    readonly cursorKey: string,
    /** Unix seconds: records created before it are out of every window. */
    startDate: number,
    input: JsonObject | undefined,
    streamName: string,
  ) {
    const parsed = parseState(input, cursorKey, streamName);
    this.committed = parsed.committed;
    this.inputSegments = parsed.segments;
    this.unfinishedAt = parsed.unfinishedAt;
    this.valuesDone = new Set(parsed.valuesDone);
    this.floorValue = Math.max(this.committed ?? Number.NEGATIVE_INFINITY, Math.ceil(startDate) - 1);
  }

  /** Records at or below this cursor value are outside the window. */
  get floor(): number {
    return this.floorValue;
  }

  classify(cursor: number, id: string): Classification {
    if (cursor <= this.floorValue) return 'below';
    if (cursor > this.position || (cursor === this.position && this.idsAtPosition.includes(id))) return 'done';
    return this.inputSegments.some((s) => covers(s, cursor, id)) ? 'done' : 'todo';
  }

  /** Records that a record was handled (emitted, or known to be emitted already), newest first. */
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
    if (this.valuesDone.size > 0) partial['values_done'] = [...this.valuesDone];
    return { ...this.base(), partial };
  }

  /** State once the whole window has been read. */
  complete(): JsonObject {
    const newest = Math.max(this.top ?? Number.NEGATIVE_INFINITY, ...this.inputSegments.map((s) => s.newest));
    if (newest === Number.NEGATIVE_INFINITY) return this.base();
    let cursor = this.unfinishedAt === undefined ? newest : Math.min(newest, this.unfinishedAt - 1);
    if (this.committed !== undefined) cursor = Math.max(cursor, this.committed);
    return { [this.cursorKey]: cursor };
  }

  private base(): JsonObject {
    return this.committed === undefined ? {} : { [this.cursorKey]: this.committed };
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

interface ParsedState {
  committed: number | undefined;
  segments: SyncedSegment[];
  unfinishedAt: number | undefined;
  valuesDone: string[];
}

function parseState(input: JsonObject | undefined, cursorKey: string, streamName: string): ParsedState {
  const empty: ParsedState = { committed: undefined, segments: [], unfinishedAt: undefined, valuesDone: [] };
  if (input === undefined || Object.keys(input).length === 0) return empty;
  const fail = (why: string): never => {
    throw configError(
      `The input state of stream '${streamName}' is malformed: ${why}. Expected {"${cursorKey}": <unix seconds>}; reset the stream's state to start over.`,
    );
  };
  const committed = toSeconds(input[cursorKey]);
  if (input[cursorKey] !== undefined && committed === undefined) fail(`'${cursorKey}' must be a unix timestamp in seconds`);
  const partial = input['partial'];
  if (partial === undefined || partial === null) return { ...empty, committed };
  if (typeof partial !== 'object' || Array.isArray(partial)) return fail("'partial' must be an object");
  const { synced, unfinished_at: unfinished, values_done: valuesDone = [] } = partial as JsonObject;
  if (!Array.isArray(synced)) return fail("'partial.synced' must be a list");
  const segments = synced.map((s: unknown): SyncedSegment => {
    const segment = (typeof s === 'object' && s !== null ? s : {}) as JsonObject;
    const newest = toSeconds(segment['newest']);
    const oldest = toSeconds(segment['oldest']);
    const ids = segment['oldest_ids'];
    if (
      newest === undefined ||
      oldest === undefined ||
      oldest > newest ||
      !Array.isArray(ids) ||
      !ids.every((i) => typeof i === 'string')
    ) {
      return fail("each 'partial.synced' entry needs newest >= oldest (unix seconds) and oldest_ids (strings)");
    }
    return { newest, oldest, oldest_ids: ids };
  });
  const unfinishedAt = toSeconds(unfinished);
  if (unfinished !== undefined && unfinishedAt === undefined) fail("'partial.unfinished_at' must be unix seconds");
  if (!Array.isArray(valuesDone) || !valuesDone.every((v) => typeof v === 'string'))
    fail("'partial.values_done' must be a list of strings");
  return { committed, segments: segments.sort((a, b) => b.newest - a.newest), unfinishedAt, valuesDone: valuesDone as string[] };
}

function toSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
