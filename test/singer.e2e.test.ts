import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STREAMS } from '../src/streams/registry.js';
import { catalogOfAll, readArgs, runCli, runRaw, STREAM_CONTRACT, writeFiles } from './helpers/cli.js';
import { expectedRecords, simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
let sim: PelotonSimulator;
// Seed 4: every stream has records (two outdoor workouts, rowers, tracked strength).
beforeEach(async () => (sim = await startSim({ workouts: 70, seed: 4, inProgress: 0 })));
afterEach(() => sim.close());

/** A minimal Singer target: checks the stream of messages against the Singer spec and keeps the last state. */
class MinimalTarget {
  readonly schemas = new Map<string, { validate: ValidateFunction; keys: string[]; bookmarks: string[] }>();
  readonly records = new Map<string, Array<Record<string, any>>>();
  state: Record<string, any> | undefined;

  consume(stdout: string): void {
    for (const line of stdout.split('\n').filter(Boolean)) {
      const message = JSON.parse(line) as Record<string, any>;
      switch (message['type']) {
        case 'SCHEMA': {
          const ajv = new Ajv({ strict: false });
          addFormats(ajv);
          expect(message['key_properties']).toEqual(expect.any(Array));
          const validate = ajv.compile(message['schema'] as object);
          this.schemas.set(message['stream'], {
            validate,
            keys: message['key_properties'],
            bookmarks: message['bookmark_properties'] ?? [],
          });
          break;
        }
        case 'RECORD': {
          const schema = this.schemas.get(message['stream']);
          if (schema === undefined) throw new Error(`RECORD for ${message['stream']} before its SCHEMA`);
          const record = message['record'] as Record<string, any>;
          if (!schema.validate(structuredClone(record)))
            throw new Error(`record breaks its schema: ${JSON.stringify(schema.validate.errors)}`);
          for (const key of [...schema.keys, ...schema.bookmarks]) expect(record[key], key).toBeDefined();
          expect(Number.isNaN(Date.parse(message['time_extracted']))).toBe(false);
          const records = this.records.get(message['stream']) ?? [];
          records.push(record);
          this.records.set(message['stream'], records);
          break;
        }
        case 'STATE':
          expect(message['value']).toHaveProperty('bookmarks');
          this.state = message['value'] as Record<string, any>;
          break;
        default:
          throw new Error(`not a Singer message on stdout: ${line.slice(0, 200)}`);
      }
    }
  }

  ids(stream: string): string[] {
    return (this.records.get(stream) ?? []).map((r) => r['id']);
  }
}

const tap = (args: string[]): ReturnType<typeof runRaw> => runRaw(['singer', ...args]);

/** Records as compared with the model here: challenges by id (their content is checked in fan-out-records.e2e.test.ts). */
const comparable = (stream: string, records: Array<Record<string, unknown>> = []): unknown[] =>
  stream === 'challenges' ? records.map((r) => r['id']) : records;

describe('Singer tap mode', () => {
  it('syncs all fifteen streams as valid Singer streams with the Airbyte records, and resumes from the last STATE with only new data', async () => {
    const config = simConfig(sim, { page_size: 30, metrics_every_n: 30 });
    const files = writeFiles({ 'config.json': config });
    const first = await tap(['--config', files['config.json']!]);
    expect(first.code).toBe(0);
    const target = new MinimalTarget();
    target.consume(first.stdout);
    const all = sim.history.all();
    expect([...target.records.keys()].sort()).toEqual(STREAM_CONTRACT.map((s) => s.name).sort());
    for (const { name, key, cursor } of STREAM_CONTRACT) {
      expect(target.schemas.get(name)?.keys, name).toEqual(key);
      expect(target.schemas.get(name)?.bookmarks, name).toEqual(cursor === undefined ? [] : [cursor]);
      expect(comparable(name, target.records.get(name)), name).toEqual(comparable(name, expectedRecords(sim, name, all, 30)));
    }
    // The same read in Airbyte mode gives the same records.
    const airbyte = await runCli(readArgs(config, catalogOfAll()));
    expect(airbyte.exitCode).toBe(0);
    for (const { name } of STREAM_CONTRACT) expect(target.records.get(name), name).toEqual(airbyte.records(name));
    const newest = all[0]!.created_at;
    for (const { name, cursor } of STREAM_CONTRACT.filter((s) => s.cursor !== undefined))
      expect(target.state?.['bookmarks'][name], name).toMatchObject({ [cursor!]: newest });
    expect(first.stderr).toMatch(/^INFO Read 70 records from workouts, 70 records from workout_metrics, /m);

    const added = sim.history.add(3).reverse();
    const state = writeFiles({ 'state.json': target.state })['state.json']!;
    const second = await tap(['--config', files['config.json']!, '--state', state]);
    expect(second.code).toBe(0);
    const next = new MinimalTarget();
    next.consume(second.stdout);
    // The streams with a cursor read the three new workouts only; the others are read whole again.
    for (const { name, cursor } of STREAM_CONTRACT)
      expect(comparable(name, next.records.get(name)), name).toEqual(
        comparable(name, expectedRecords(sim, name, cursor === undefined ? sim.history.all() : added, 30)),
      );
    expect(next.ids('workouts')).toEqual(added.map((w) => w.id));
    for (const { name, cursor } of STREAM_CONTRACT.filter((s) => s.cursor !== undefined))
      expect(next.state?.['bookmarks'][name], name).toMatchObject({ [cursor!]: added[0]!.created_at });
  });

  it('--discover prints a catalog with Singer metadata; selecting from it drives a run', async () => {
    const files = writeFiles({ 'config.json': simConfig(sim) });
    const discovered = await tap(['--config', files['config.json']!, '--discover']);
    const singerCatalog = JSON.parse(discovered.stdout) as { streams: Array<Record<string, any>> };
    const rootOf = (stream: Record<string, any>): Record<string, any> =>
      stream['metadata'].find((m: any) => m.breadcrumb.length === 0).metadata;
    const workouts = singerCatalog.streams.find((s) => s['tap_stream_id'] === 'workouts')!;
    const root = rootOf(workouts);
    // INCREMENTAL is the default, not forced: FULL_TABLE stays selectable (to mirror deletions).
    expect(root).toEqual({
      inclusion: 'available',
      'selected-by-default': true,
      'table-key-properties': ['id'],
      'valid-replication-keys': ['created_at'],
    });
    expect(workouts).toMatchObject({ replication_method: 'INCREMENTAL', replication_key: 'created_at' });
    expect(rootOf(singerCatalog.streams.find((s) => s['tap_stream_id'] === 'user')!)).toMatchObject({
      'forced-replication-method': 'FULL_TABLE',
    });
    expect(workouts['metadata'].find((m: any) => m.breadcrumb[1] === 'id').metadata.inclusion).toBe('automatic');
    // All fifteen, each with its (composite) key and its replication key, or FULL_TABLE forced without a cursor.
    expect(singerCatalog.streams.map((s) => s['tap_stream_id'])).toEqual(STREAM_CONTRACT.map((s) => s.name));
    for (const [i, { name, key, cursor }] of STREAM_CONTRACT.entries()) {
      const stream = singerCatalog.streams[i]!;
      expect(stream['key_properties'], name).toEqual(key);
      expect(rootOf(stream)['table-key-properties'], name).toEqual(key);
      if (cursor === undefined) expect(rootOf(stream)['forced-replication-method'], name).toBe('FULL_TABLE');
      else expect(rootOf(stream)['valid-replication-keys'], name).toEqual([cursor]);
      expect(stream['replication_key'], name).toBe(cursor);
      for (const field of key)
        expect(stream['metadata'].find((m: any) => m.breadcrumb[1] === field)?.metadata.inclusion, name).toBe('automatic');
    }

    // Select only workouts (the others are selected by default, so deselect them), and drop one of its columns.
    for (const stream of singerCatalog.streams) rootOf(stream)['selected'] = stream === workouts;
    workouts['metadata'].find((m: any) => m.breadcrumb[1] === 'ride').metadata.selected = false;
    const selected = writeFiles({ 'catalog.json': singerCatalog })['catalog.json']!;
    const result = await tap(['--config', files['config.json']!, '--catalog', selected]);
    expect(result.code).toBe(0);
    const target = new MinimalTarget();
    target.consume(result.stdout);
    expect(target.ids('workouts')).toEqual(sim.history.all().map((w) => w.id));
    expect(target.records.has('workout_metrics')).toBe(false);
    expect(target.records.get('workouts')!.every((w) => !('ride' in w))).toBe(true);
    expect(sim.count('performance_graph')).toBe(0);
  });

  it('a catalog selecting two streams with composite keys syncs them alone, with the simulator’s records', async () => {
    const files = writeFiles({ 'config.json': simConfig(sim, { metrics_every_n: 30 }) });
    const singerCatalog = JSON.parse((await tap(['--config', files['config.json']!, '--discover'])).stdout) as {
      streams: Array<Record<string, any>>;
    };
    const picked = ['workout_samples', 'strength_sets'];
    for (const stream of singerCatalog.streams)
      stream['metadata'].find((m: any) => m.breadcrumb.length === 0).metadata.selected = picked.includes(stream['tap_stream_id']);
    const selected = writeFiles({ 'catalog.json': singerCatalog })['catalog.json']!;
    const result = await tap(['--config', files['config.json']!, '--catalog', selected]);
    expect(result.code).toBe(0);
    const target = new MinimalTarget();
    target.consume(result.stdout);
    expect([...target.records.keys()].sort()).toEqual(picked.sort());
    const all = sim.history.all();
    for (const name of picked) expect(target.records.get(name), name).toEqual(expectedRecords(sim, name, all, 30));
    expect(target.schemas.get('workout_samples')?.keys).toEqual(['workout_id', 'offset']);
    expect(target.schemas.get('strength_sets')?.keys).toEqual(['workout_id', 'position']);
    expect(Object.keys(target.state?.['bookmarks'] ?? {}).sort()).toEqual(picked);
    expect(sim.count('ride_details') + sim.count('me') + sim.count('overview')).toBe(0);
  });

  it('--about answers in JSON and markdown', async () => {
    const json = JSON.parse((await tap(['--about', '--format', 'json'])).stdout) as Record<string, any>;
    expect(json).toMatchObject({ name: 'tap-peloton', capabilities: ['catalog', 'discover', 'state', 'about', 'test'] });
    // The description names the registry's streams, the same list as `streams`.
    for (const { name } of STREAMS) expect(json['description']).toContain(name);
    expect(json['streams'].map((s: { name: string }) => s.name)).toEqual(STREAMS.map((s) => s.name));
    expect((await tap(['--about', '--format', 'markdown'])).stdout).toMatch(/^# tap-peloton/);
  });

  it('keeps stdout free of anything but Singer messages when something is wrong', async () => {
    const files = writeFiles({ 'config.json': { credentials: { auth_type: 'bearer', access_token: 'secret-token-123' }, page_size: 'x' } });
    const result = await tap(['--config', files['config.json']!]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/CRITICAL config_error: The config is invalid: config.page_size must be integer/);
    const unknownOption = await tap(['--frobnicate']);
    expect(unknownOption.code).not.toBe(0);
    expect(unknownOption.stdout).toBe('');
  });
});

describe('compatible with tap-airbyte-wrapper habits', () => {
  it('a configured catalog without cursor_field or primary_key uses the defaults; every STATE has a type; keys are single top-level fields', async () => {
    // The wrapper's configured catalog names stream and sync mode only.
    const bare = (name: string): Record<string, unknown> => ({
      stream: { name, json_schema: {}, supported_sync_modes: ['full_refresh', 'incremental'] },
      sync_mode: 'incremental',
      destination_sync_mode: 'append',
    });
    const files = writeFiles({ 'config.json': simConfig(sim), 'catalog.json': { streams: [bare('workouts'), bare('workout_metrics')] } });
    const result = await runCli(['read', '--config', files['config.json']!, '--catalog', files['catalog.json']!]);
    expect(result.exitCode).toBe(0);
    const ids = sim.history.all().map((w) => w.id);
    expect(result.records('workouts').map((r) => r['id'])).toEqual(ids);
    expect(result.records('workout_metrics').map((r) => r['id'])).toEqual(ids);
    const states = result.messages.filter((m) => m['type'] === 'STATE');
    expect(states.length).toBeGreaterThanOrEqual(2);
    expect(states.filter((m) => m['state'].type !== 'STREAM')).toEqual([]);
    // The source's own cursors were used: the final states sit on the newest workout's created_at.
    const newest = sim.history.all()[0]!.created_at;
    expect(result.lastStates().map((s) => s['stream'].stream_state)).toEqual([
      { created_at: newest },
      { workout_created_at: newest, answered: expect.any(Array) },
    ]);

    const discovered = await runCli(['discover', '--config', files['config.json']!]);
    const streams = discovered.messages[0]?.['catalog'].streams as Array<Record<string, any>>;
    expect(streams.map((s) => s['name'])).toEqual(expect.arrayContaining(['workouts', 'workout_metrics']));
    // Every key (and cursor) is one top-level field of its stream's schema.
    const nested = streams.flatMap((s) =>
      [...s['source_defined_primary_key'], ...((s['default_cursor_field'] ?? []).length > 0 ? [s['default_cursor_field']] : [])]
        .filter((path: string[]) => path.length !== 1 || s['json_schema'].properties[path[0]!] === undefined)
        .map((path: string[]) => `${s['name']}: ${path.join('.')}`),
    );
    expect(nested).toEqual([]);
    expect(streams.find((s) => s['name'] === 'workouts')?.['source_defined_primary_key']).toEqual([['id']]);
  });
});
