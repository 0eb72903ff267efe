import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  columnTypeOf,
  openDatabase,
  problemsOf,
  streamsOfCatalog,
  loadTyped,
  type Database,
  type StreamReport,
} from '../scripts/typed-load.js';
import { answer, FACTS } from '../scripts/typed-load/facts.js';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { loadSchema } from '../src/schemas.js';
import { writeFiles } from './helpers/cli.js';

/** The typed load against a real (in-memory) DuckDB: column types, strict casts, keys, undeclared fields. */

let db: Database;
beforeEach(async () => (db = await openDatabase(':memory:')));
afterEach(() => db.close());

const schema = (properties: Record<string, unknown>): Record<string, unknown> => ({
  type: 'object',
  additionalProperties: true,
  properties,
});
const streamOf = (properties: Record<string, unknown>, primaryKey: string[][] = [['id']]): unknown => ({
  type: 'CATALOG',
  catalog: { streams: [{ name: 'things', json_schema: schema(properties), source_defined_primary_key: primaryKey }] },
});
const record = (data: Record<string, unknown>, stream = 'things'): object => ({
  type: 'RECORD',
  record: { stream, data, emitted_at: 0 },
});

async function load(catalog: unknown, records: Array<Record<string, unknown>>): Promise<StreamReport> {
  const report = await loadTyped(
    db.connection,
    streamsOfCatalog(catalog),
    records.map((data) => record(data)),
  );
  return report.streams[0]!;
}

async function table(sql = 'SELECT * FROM things ORDER BY id'): Promise<Array<Record<string, unknown>>> {
  return (await db.connection.runAndReadAll(sql)).getRowObjectsJS();
}

const failedIn = (report: StreamReport, column: string): number => report.columns.find((c) => c.name === column)!.failed;

describe('column types from JSON Schema', () => {
  it.each([
    [{ type: 'integer' }, 'BIGINT', false],
    [{ type: ['integer', 'null'] }, 'BIGINT', true],
    [{ type: ['null', 'number'] }, 'DOUBLE', true],
    [{ type: 'boolean' }, 'BOOLEAN', false],
    [{ type: ['string', 'null'] }, 'VARCHAR', true],
    [{ type: 'string', format: 'date-time' }, 'TIMESTAMPTZ', false],
    [{ type: ['string', 'null'], format: 'date' }, 'DATE', true],
    [{ type: ['object', 'null'], properties: { a: { type: 'integer' } } }, 'JSON', true],
    [{ type: 'array', items: { type: 'integer' } }, 'JSON', false],
    [{ type: ['integer', 'string'] }, 'JSON', false],
    [{ anyOf: [{ type: 'object' }, { type: 'array' }, { type: 'null' }] }, 'JSON', true],
    [{ anyOf: [{ type: 'integer' }, { type: 'null' }] }, 'BIGINT', true],
    [{ oneOf: [{ type: 'string' }, {}] }, 'JSON', true],
    [{ description: 'untyped' }, 'JSON', true],
  ])('%j is %s (nullable %s)', (property, sqlType, nullable) => {
    expect(columnTypeOf(property)).toMatchObject({ sqlType, nullable });
  });

  it('resolves local $refs', () => {
    const root = { definitions: { when: { type: ['string', 'null'], format: 'date-time' } } };
    expect(columnTypeOf({ $ref: '#/definitions/when' }, root)).toMatchObject({ sqlType: 'TIMESTAMPTZ', nullable: true });
  });

  it('creates the table with those types and the primary key', async () => {
    await load(streamOf({ id: { type: 'string' }, n: { type: ['integer', 'null'] }, at: { type: 'string', format: 'date-time' } }), []);
    const columns = await table(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'things' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'VARCHAR', is_nullable: 'NO' },
      { column_name: 'n', data_type: 'BIGINT', is_nullable: 'YES' },
      { column_name: 'at', data_type: 'TIMESTAMP WITH TIME ZONE', is_nullable: 'YES' },
    ]);
    const constraints = await table(
      `SELECT constraint_type, constraint_column_names FROM duckdb_constraints() WHERE table_name = 'things'`,
    );
    expect(constraints).toContainEqual({ constraint_type: 'PRIMARY KEY', constraint_column_names: ['id'] });
  });
});

describe('strict casts', () => {
  const properties = {
    id: { type: 'string' },
    whole: { type: ['integer', 'null'] },
    real: { type: ['number', 'null'] },
    flag: { type: ['boolean', 'null'] },
    text: { type: ['string', 'null'] },
    at: { type: ['string', 'null'], format: 'date-time' },
    list: { type: ['array', 'null'] },
    thing: { type: ['object', 'null'] },
    either: { anyOf: [{ type: 'object' }, { type: 'array' }, { type: 'null' }] },
  };

  it('count a decimal in an integer column as a failure (DuckDB alone would round it), and the same value in a number column as none', async () => {
    const report = await load(streamOf(properties), [{ id: 'a', whole: 87.1, real: 87.1 }]);
    expect(failedIn(report, 'whole')).toBe(1);
    expect(failedIn(report, 'real')).toBe(0);
    expect(report.columns.find((c) => c.name === 'whole')!.examples).toEqual([{ line: 1, key: { id: 'a' }, value: '87.1' }]);
    // The typed table holds what a typed destination holds: NULL for the failed value, not 87.
    expect(await table()).toMatchObject([{ id: 'a', whole: null, real: 87.1 }]);
    expect(problemsOf({ streams: [report], unknownStreams: [], seconds: 0 })).toEqual([
      'things.whole (BIGINT): 1 value(s) fail the cast, e.g. 87.1 (message 1, id "a")',
    ]);
  });

  it('count an object where an array is declared, and an array where an object is; a declared union takes either', async () => {
    const report = await load(streamOf(properties), [
      { id: 'a', list: { n: 1 }, thing: [1], either: { n: 1 } },
      { id: 'b', list: [1], thing: { n: 1 }, either: [1] },
    ]);
    expect(failedIn(report, 'list')).toBe(1);
    expect(failedIn(report, 'thing')).toBe(1);
    expect(failedIn(report, 'either')).toBe(0);
    expect(await table('SELECT id, list::VARCHAR AS list, thing::VARCHAR AS thing FROM things ORDER BY id')).toEqual([
      { id: 'a', list: null, thing: null },
      { id: 'b', list: '[1]', thing: '{"n":1}' },
    ]);
  });

  it('count a value of another JSON type, an integer beyond 64 bits, a number beyond a double and an unreadable date-time', async () => {
    const report = await load(streamOf(properties), [
      { id: 'a', whole: '1700000000', real: '87.1', flag: 1, text: 12, at: 'yesterday' },
      { id: 'b', whole: true, real: false, flag: 'true', text: { a: 1 }, at: 1700000000 },
    ]);
    for (const column of ['whole', 'real', 'flag', 'text', 'at']) expect(failedIn(report, column), column).toBe(2);
    const beyond = await loadTyped(db.connection, streamsOfCatalog(streamOf(properties)), [
      '{"type":"RECORD","record":{"stream":"things","emitted_at":0,"data":{"id":"c","whole":9223372036854775808,"real":1e400}}}',
    ]);
    expect(failedIn(beyond.streams[0]!, 'whole')).toBe(1);
    expect(failedIn(beyond.streams[0]!, 'real')).toBe(1);
  });

  it('take both eras of a value the schema declares as a union: workout_metrics.splits_data as [] (2019-2020 graphs) and as an object', async () => {
    const catalog = {
      streams: [{ name: 'things', json_schema: loadSchema('workout_metrics.json'), source_defined_primary_key: [['id']] }],
    };
    const report = await load(catalog, [
      { id: 'a', splits_data: [] },
      { id: 'b', splits_data: { distance_marker_display_unit: 'mi', splits: [] } },
    ]);
    expect(report.columns.find((c) => c.name === 'splits_data')).toMatchObject({ sqlType: 'JSON', failed: 0 });
  });

  it('keep values of the declared type unchanged, whole decimals in integer columns included; nulls and absent fields are no failure', async () => {
    const report = await load(streamOf(properties), [
      { id: 'a', whole: 1700000000, real: 3, flag: false, text: 'x', at: '2024-05-01T12:30:00+02:00', list: [], thing: {} },
      { id: 'b', whole: 87.0, real: -0.5, flag: null, text: null, at: null, list: null, thing: null, either: null },
      { id: 'c' },
    ]);
    expect(report.columns.map((c) => [c.name, c.failed])).toEqual(Object.keys(properties).map((name) => [name, 0]));
    expect(problemsOf({ streams: [report], unknownStreams: [], seconds: 0 })).toEqual([]);
    const rows = await table('SELECT id, whole, real, flag, text, "at", list::VARCHAR AS list FROM things ORDER BY id');
    expect(rows).toEqual([
      { id: 'a', whole: 1700000000n, real: 3, flag: false, text: 'x', at: new Date('2024-05-01T10:30:00Z'), list: '[]' },
      { id: 'b', whole: 87n, real: -0.5, flag: null, text: null, at: null, list: null },
      { id: 'c', whole: null, real: null, flag: null, text: null, at: null, list: null },
    ]);
  });
});

describe('keys, duplicates and undeclared fields', () => {
  const sets = streamOf({ workout_id: { type: 'string' }, offset: { type: 'integer' }, reps: { type: ['integer', 'null'] } }, [
    ['workout_id'],
    ['offset'],
  ]);

  it('keys a table on a composite primary key and reports each repeated key with its values, keeping the last record', async () => {
    const report = await load(sets, [
      { workout_id: 'w1', offset: 0, reps: 10 },
      { workout_id: 'w1', offset: 30, reps: 8 },
      { workout_id: 'w2', offset: 0, reps: 5 },
      { workout_id: 'w1', offset: 30, reps: 8 },
      { workout_id: 'w2', offset: 0, reps: 6 },
    ]);
    expect(report).toMatchObject({ records: 5, rows: 3, primaryKey: ['workout_id', 'offset'], recordsWithoutKey: 0 });
    expect(report.duplicateKeys).toEqual([
      { key: { workout_id: 'w1', offset: 30 }, records: 2, identical: true },
      { key: { workout_id: 'w2', offset: 0 }, records: 2, identical: false },
    ]);
    expect(await table('SELECT workout_id, "offset", reps FROM things ORDER BY ALL')).toEqual([
      { workout_id: 'w1', offset: 0n, reps: 10n },
      { workout_id: 'w1', offset: 30n, reps: 8n },
      { workout_id: 'w2', offset: 0n, reps: 6n },
    ]);
    const whole = { streams: [report], unknownStreams: [], seconds: 0 };
    expect(problemsOf(whole, 'error')).toEqual([
      'things: 2 primary key(s) repeated, e.g. {"workout_id":"w1","offset":30} x2 (identical), {"workout_id":"w2","offset":0} x2 (changed)',
    ]);
    expect(problemsOf(whole, 'keep-last')).toEqual([]);
  });

  it('leaves out and reports records whose key is null or fails its cast', async () => {
    const report = await load(sets, [
      { workout_id: 'w1', offset: 0 },
      { workout_id: null, offset: 1 },
      { workout_id: 'w1', offset: 1.5 },
    ]);
    expect(report).toMatchObject({ records: 3, rows: 1, recordsWithoutKey: 2 });
    expect(failedIn(report, 'offset')).toBe(1);
  });

  it('reports undeclared fields per stream with how many records carry them, and records of streams the catalog does not list', async () => {
    const report = await loadTyped(db.connection, streamsOfCatalog(sets), [
      record({ workout_id: 'w1', offset: 0, new_field: 1, other: 'x' }),
      record({ workout_id: 'w1', offset: 1, new_field: 2 }),
      record({ id: 'z' }, 'strange'),
    ]);
    expect(report.streams[0]!.undeclaredFields).toEqual([
      { field: 'new_field', records: 2 },
      { field: 'other', records: 1 },
    ]);
    expect(report.unknownStreams).toEqual([{ stream: 'strange', records: 1 }]);
    expect(problemsOf(report)).toEqual(['strange: 1 record(s) of a stream the catalog does not list']);
  });

  it('names the first message line that is not JSON', async () => {
    const lines = [JSON.stringify(record({ workout_id: 'w1', offset: 0 })), '{"type": "RECORD", "record": {'];
    await expect(loadTyped(db.connection, streamsOfCatalog(sets), lines)).rejects.toThrow('Message 2 is not JSON');
  });

  it('takes a configured catalog, whose primary_key wins', () => {
    const configured = {
      streams: [{ stream: { name: 'things', json_schema: {}, source_defined_primary_key: [['id']] }, primary_key: [['a'], ['b']] }],
    };
    expect(streamsOfCatalog(configured)).toEqual([{ name: 'things', jsonSchema: {}, primaryKey: ['a', 'b'] }]);
    expect(() => streamsOfCatalog({ streams: [{ name: 'x', source_defined_primary_key: [['a', 'b']] }] })).toThrow(
      /not one top-level field/,
    );
  });
});

describe('the typed-load command', () => {
  const command = join(PACKAGE_ROOT, 'dist', 'scripts', 'typed-load.js');

  it('loads every line of a messages file (LOG and STATE lines skipped) and exits 1 naming the failed cast', () => {
    const lines = [
      { type: 'LOG', log: { level: 'INFO', message: 'reading' } },
      ...Array.from({ length: 2500 }, (_, i) => record({ id: `r${i}`, whole: i === 1234 ? 87.1 : i })),
      { type: 'STATE', state: { type: 'STREAM', stream: { stream_descriptor: { name: 'things' }, stream_state: {} } } },
    ];
    const paths = writeFiles({
      'discover.jsonl': JSON.stringify(streamOf({ id: { type: 'string' }, whole: { type: 'integer' } })) + '\n',
      'read.jsonl': lines.map((line) => JSON.stringify(line)).join('\n') + '\n',
    });
    const dbFile = paths['read.jsonl']!.replace(/read\.jsonl$/, 'things.duckdb');
    const run = spawnSync(
      process.execPath,
      [command, '--catalog', paths['discover.jsonl']!, '--messages', paths['read.jsonl']!, '--db', dbFile, '--json'],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.streams[0]).toMatchObject({ stream: 'things', records: 2500, rows: 2500 });
    expect(report.streams[0].columns[1]).toMatchObject({
      name: 'whole',
      failed: 1,
      examples: [{ line: 1236, key: { id: 'r1234' }, value: '87.1' }],
    });
    expect(existsSync(dbFile)).toBe(true);
  });

  it('reads stdin with --messages - and exits 0 on a clean load', () => {
    const paths = writeFiles({ 'catalog.json': streamOf({ id: { type: 'string' } }) });
    const dbFile = paths['catalog.json']!.replace(/catalog\.json$/, 'things.duckdb');
    const run = spawnSync(process.execPath, [command, '--catalog', paths['catalog.json']!, '--messages', '-', '--db', dbFile], {
      encoding: 'utf8',
      input: `${JSON.stringify(record({ id: 'a' }))}\n\n${JSON.stringify(record({ id: 'b' }))}\n`,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/things +2 records -> +2 rows/);
    expect(run.stdout).toContain('No failed casts, no duplicate keys.');
    expect(readFileSync(dbFile).length).toBeGreaterThan(0);
  });
});

describe('the best 20-minute answer on samples made by hand', () => {
  /** Samples of a workout: one row per offset, output as `outputAt` says (null for none). */
  async function samples(workoutId: string, offsets: string, outputAt: string): Promise<void> {
    await db.connection.run(
      `INSERT INTO workouts VALUES ('${workoutId}', 1700000000 + ascii('${workoutId}'), 'cycling', 'Ride ${workoutId}', NULL)`,
    );
    await db.connection.run(`INSERT INTO workout_samples SELECT '${workoutId}', o, ${outputAt} FROM ${offsets} t(o)`);
  }

  it('averages exactly 1200 s of output, ignores nulls, needs a window inside the recording and per-second samples', async () => {
    await db.connection.run(`CREATE TABLE workouts (id VARCHAR, created_at BIGINT, fitness_discipline VARCHAR, name VARCHAR, ride JSON)`);
    await db.connection.run(`CREATE TABLE workout_samples (workout_id VARCHAR, "offset" BIGINT, output DOUBLE)`);
    // a: 300 W for exactly 1200 s amid 100 W: 300 (a wider window takes in a 100).
    await samples('a', 'range(1, 3001)', 'CASE WHEN o BETWEEN 1001 AND 2200 THEN 300 ELSE 100 END');
    // b: 300 W for 1199 s: (1199 × 300 + 100) / 1200 (a narrower window would give 300).
    await samples('b', 'range(1, 3001)', 'CASE WHEN o BETWEEN 1001 AND 2199 THEN 300 ELSE 100 END');
    // c: nothing recorded for the first 600 s, then 200 W: 200 (nulls are no zeros).
    await samples('c', 'range(1, 1201)', 'CASE WHEN o > 600 THEN 200 END');
    // d: 1199 s in all: no whole window.
    await samples('d', 'range(1, 1200)', '150');
    // e: every 5 s (every_n 5, bucket maxima): not averaged.
    await samples('e', 'range(1, 1800, 5)', '250');
    const fact = FACTS.find((f) => f.id === 'best_20_minutes')!;
    const rows = await answer(db.connection, fact);
    expect(rows?.map((row) => [row['title'], row['watts']])).toEqual([
      ['Ride a', 300],
      ['Ride b', Math.round(((1199 * 300 + 100) / 1200) * 100) / 100],
      ['Ride c', 200],
    ]);
  });
});
