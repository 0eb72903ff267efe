import { configError } from '../errors.js';
import type { JsonObject } from '../protocol/messages.js';

/** A stretch of cursor values an interrupted sync already emitted: (oldest, newest], plus oldest_ids at oldest. */
export interface SyncedSegment {
  newest: number;
  oldest: number;
  oldest_ids: string[];
}

/** A partition Peloton refused (a skipped status), asked again on the next syncs before it is given up. */
export interface RefusedPartition {
  key: string;
  /** The root item's cursor value (records built for it carry it). */
  cursor: number;
  /** How many syncs in a row refused it. */
  syncs: number;
}

/** The state of one incremental stream, as parsed from its blob (see README "State"). */
export interface StreamState {
  committed: number | undefined;
  segments: SyncedSegment[];
  unfinishedAt: number | undefined;
  /** Written by earlier versions for one-request-per-class streams: classes already handled in the window. */
  valuesDone: string[];
  refused: RefusedPartition[];
  /** Keys of partitions that answered in earlier syncs, newest first: proof that the route works. */
  answered: string[];
}

export const EMPTY_STATE: StreamState = {
  committed: undefined,
  segments: [],
  unfinishedAt: undefined,
  valuesDone: [],
  refused: [],
  answered: [],
};

const PARTIAL_KEYS = ['synced', 'unfinished_at', 'values_done'];

/**
 * Parses a stream's state blob, refusing anything it does not understand (a config_error naming what was
 * expected): a state meant for another stream or connector must not silently restart the sync.
 */
export function parseStreamState(input: JsonObject | undefined, cursorKey: string, streamName: string): StreamState {
  if (input === undefined || Object.keys(input).length === 0) return EMPTY_STATE;
  const fail = (why: string): never => {
    throw configError(
      `The input state of stream '${streamName}' is malformed: ${why}. Expected {"${cursorKey}": <unix seconds>} (optionally with the "partial", "refused" and "answered" fields this connector writes); reset the stream's state to start over.`,
    );
  };
  const unknown = Object.keys(input).filter((key) => ![cursorKey, 'partial', 'refused', 'answered'].includes(key));
  if (unknown.length > 0)
    fail(
      `it has ${unknown.map((k) => `'${k}'`).join(', ')}, which is not this stream's cursor (the state of another stream or connector?)`,
    );
  const committed = toSeconds(input[cursorKey]);
  if (input[cursorKey] !== undefined && committed === undefined) fail(`'${cursorKey}' must be a unix timestamp in seconds`);
  return {
    committed,
    ...parsePartial(input['partial'], fail),
    refused: parseRefused(input['refused'], fail),
    answered: parseAnswered(input['answered'], fail),
  };
}

function parsePartial(partial: unknown, fail: (why: string) => never): Pick<StreamState, 'segments' | 'unfinishedAt' | 'valuesDone'> {
  if (partial === undefined || partial === null) return { segments: [], unfinishedAt: undefined, valuesDone: [] };
  if (typeof partial !== 'object' || Array.isArray(partial)) return fail("'partial' must be an object");
  const unknown = Object.keys(partial).filter((key) => !PARTIAL_KEYS.includes(key));
  if (unknown.length > 0) fail(`'partial' has unknown field(s) ${unknown.map((k) => `'${k}'`).join(', ')}`);
  const { synced, unfinished_at: unfinished, values_done: valuesDone = [] } = partial as JsonObject;
  if (!Array.isArray(synced)) return fail("'partial.synced' must be a list");
  const segments = synced.map((s: unknown): SyncedSegment => {
    const segment = (typeof s === 'object' && s !== null ? s : {}) as JsonObject;
    const newest = toSeconds(segment['newest']);
    const oldest = toSeconds(segment['oldest']);
    const ids = segment['oldest_ids'];
    if (newest === undefined || oldest === undefined || oldest > newest || !isStringList(ids)) {
      return fail("each 'partial.synced' entry needs newest >= oldest (unix seconds) and oldest_ids (strings)");
    }
    return { newest, oldest, oldest_ids: ids };
  });
  const unfinishedAt = toSeconds(unfinished);
  if (unfinished !== undefined && unfinishedAt === undefined) fail("'partial.unfinished_at' must be unix seconds");
  if (!isStringList(valuesDone)) return fail("'partial.values_done' must be a list of strings");
  return { segments: segments.sort((a, b) => b.newest - a.newest), unfinishedAt, valuesDone };
}

function parseRefused(refused: unknown, fail: (why: string) => never): RefusedPartition[] {
  if (refused === undefined) return [];
  if (!Array.isArray(refused)) return fail("'refused' must be a list");
  return refused.map((entry: unknown): RefusedPartition => {
    const e = (typeof entry === 'object' && entry !== null ? entry : {}) as JsonObject;
    const cursor = toSeconds(e['cursor']);
    const syncs = e['syncs'];
    if (typeof e['key'] !== 'string' || cursor === undefined || typeof syncs !== 'number' || !Number.isInteger(syncs) || syncs < 1) {
      return fail("each 'refused' entry needs a key (string), a cursor (unix seconds) and syncs (a positive whole number)");
    }
    return { key: e['key'], cursor, syncs };
  });
}

function parseAnswered(answered: unknown, fail: (why: string) => never): string[] {
  if (answered === undefined) return [];
  return isStringList(answered) ? answered : fail("'answered' must be a list of strings");
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

function toSeconds(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.floor(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
