import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { run } from '../../src/cli.js';
import type { Runtime } from '../../src/commands/runtime.js';
import { assertValidAirbyteMessage, assertValidRecord } from './protocol.js';

export type Message = Record<string, any>;

export interface CliResult {
  exitCode: number;
  messages: Message[];
  stdout: string;
  stderr: string;
  records(stream: string): Record<string, any>[];
  states(stream: string): Message[];
  statuses(stream: string): string[];
  errors(): Message[];
  /** The STATE messages, as a --state file for the next run would hold them (the last per stream). */
  lastStates(): Message[];
}

/** Instant retries for tests: the policy is the same, the waits are milliseconds. */
export const FAST_RETRIES = { backoffBaseMs: 1, backoffMaxMs: 5, retryAfterCapMs: 50 };

/** Runs the CLI in-process and returns its exit code and raw stdout/stderr text. */
export async function runRaw(argv: string[], runtime: Partial<Runtime> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await run(argv, { stdout, stderr, retryTiming: FAST_RETRIES, ...runtime });
  return { code, stdout: out, stderr: err };
}

/** Runs the CLI in-process; every stdout line must be a valid protocol message, every record valid. */
export async function runCli(argv: string[], runtime: Partial<Runtime> = {}): Promise<CliResult> {
  const { code, stdout, stderr } = await runRaw(argv, runtime);
  return parseOutput(code, stdout, stderr);
}

export function parseOutput(exitCode: number, out: string, err: string): CliResult {
  const messages = out
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const message = JSON.parse(line) as Message;
      assertValidAirbyteMessage(message);
      if (message['type'] === 'RECORD') assertValidRecord(message['record'].stream, message['record'].data);
      return message;
    });
  const result: CliResult = {
    exitCode,
    messages,
    stdout: out,
    stderr: err,
    records: (stream) => messages.filter((m) => m['type'] === 'RECORD' && m['record'].stream === stream).map((m) => m['record'].data),
    states: (stream) => messages.filter((m) => m['type'] === 'STATE' && m['state'].stream.stream_descriptor.name === stream),
    statuses: (stream) =>
      messages
        .filter(
          (m) => m['type'] === 'TRACE' && m['trace'].type === 'STREAM_STATUS' && m['trace'].stream_status.stream_descriptor.name === stream,
        )
        .map((m) => m['trace'].stream_status.status),
    errors: () => messages.filter((m) => m['type'] === 'TRACE' && m['trace'].type === 'ERROR'),
    lastStates: () => {
      const last = new Map<string, Message>();
      for (const m of messages) if (m['type'] === 'STATE') last.set(m['state'].stream.stream_descriptor.name, m);
      return [...last.values()].map((m) => m['state']);
    },
  };
  return result;
}

/** Writes JSON (or raw text) files into a fresh temp directory and returns their paths. */
export function writeFiles(files: Record<string, unknown>): Record<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'source-peloton-test-'));
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    paths[name] = path;
  }
  return paths;
}

export function catalog(streams: Record<string, 'full_refresh' | 'incremental'>): unknown {
  return {
    streams: Object.entries(streams).map(([name, syncMode]) => ({
      stream: { name, json_schema: {}, supported_sync_modes: ['full_refresh', 'incremental'] },
      sync_mode: syncMode,
      destination_sync_mode: syncMode === 'incremental' ? 'append_dedup' : 'overwrite',
    })),
  };
}

/** A stream's records up to its last STATE: what a platform commits from a run that was killed. */
export function committedRecords(result: CliResult, stream: string): Array<Record<string, any>> {
  const committed: Array<Record<string, any>> = [];
  let pending: Array<Record<string, any>> = [];
  for (const m of result.messages) {
    if (m['type'] === 'RECORD' && m['record'].stream === stream) pending.push(m['record'].data);
    if (m['type'] === 'STATE' && m['state'].stream.stream_descriptor.name === stream) {
      committed.push(...pending);
      pending = [];
    }
  }
  return committed;
}

/** Ids of a stream's records up to its last STATE. */
export function committedIds(result: CliResult, stream: string): string[] {
  return committedRecords(result, stream).map((record) => record['id'] as string);
}

/** A record's primary key (one or several top-level fields) as one comparable string. */
export const keyOf = (record: Record<string, unknown>, fields: readonly string[]): string => JSON.stringify(fields.map((f) => record[f]));

/** The argv of a `read` with this config, catalog and (optional) state, written to temp files. */
export function readArgs(config: unknown, catalogContent: unknown, state?: unknown): string[] {
  const paths = writeFiles({
    'config.json': config,
    'catalog.json': catalogContent,
    ...(state === undefined ? {} : { 'state.json': state }),
  });
  return [
    'read',
    '--config',
    paths['config.json']!,
    '--catalog',
    paths['catalog.json']!,
    ...(state === undefined ? [] : ['--state', paths['state.json']!]),
  ];
}

/** A STREAM state message for a --state file. */
export const streamState = (name: string, state: Record<string, unknown>): Message => ({
  type: 'STREAM',
  stream: { stream_descriptor: { name }, stream_state: state },
});

/** The fifteen streams as the README's table promises them, in catalog order: primary key, and cursor when incremental. */
export const STREAM_CONTRACT: ReadonlyArray<{ name: string; key: string[]; cursor?: string }> = [
  { name: 'workouts', key: ['id'], cursor: 'created_at' },
  { name: 'workout_metrics', key: ['id'], cursor: 'workout_created_at' },
  { name: 'workout_samples', key: ['workout_id', 'offset'], cursor: 'workout_created_at' },
  { name: 'workout_locations', key: ['workout_id', 'seconds_offset_from_start'], cursor: 'workout_created_at' },
  { name: 'rower_strokes', key: ['workout_id', 'id'], cursor: 'workout_created_at' },
  { name: 'workout_details', key: ['id'], cursor: 'created_at' },
  { name: 'strength_sets', key: ['workout_id', 'position'], cursor: 'workout_created_at' },
  { name: 'ride_details', key: ['id'], cursor: 'workout_created_at' },
  { name: 'class_songs', key: ['ride_id', 'position'], cursor: 'workout_created_at' },
  { name: 'user', key: ['id'] },
  { name: 'overview', key: ['id'] },
  { name: 'personal_records', key: ['discipline', 'slug'] },
  { name: 'achievements', key: ['category', 'id'] },
  { name: 'instructors', key: ['id'] },
  { name: 'challenges', key: ['id'] },
];

/** A catalog of every stream: incremental where the stream has a cursor, full refresh otherwise. */
export const catalogOfAll = (): unknown =>
  catalog(Object.fromEntries(STREAM_CONTRACT.map(({ name, cursor }) => [name, cursor === undefined ? 'full_refresh' : 'incremental'])));
