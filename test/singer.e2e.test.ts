import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog, runRaw, writeFiles } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: 70, inProgress: 0 })));
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
          this.schemas.set(message['stream'], { validate, keys: message['key_properties'], bookmarks: message['bookmark_properties'] ?? [] });
          break;
        }
        case 'RECORD': {
          const schema = this.schemas.get(message['stream']);
          if (schema === undefined) throw new Error(`RECORD for ${message['stream']} before its SCHEMA`);
          const record = message['record'] as Record<string, any>;
          if (!schema.validate(structuredClone(record))) throw new Error(`record breaks its schema: ${JSON.stringify(schema.validate.errors)}`);
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

describe('Singer tap mode', () => {
  it('syncs every stream as a valid Singer stream, and resumes from the last STATE with only new data', async () => {
    const files = writeFiles({ 'config.json': simConfig(sim, { page_size: 30 }) });
    const first = await tap(['--config', files['config.json']!]);
    expect(first.code).toBe(0);
    const target = new MinimalTarget();
    target.consume(first.stdout);
    expect(target.ids('workouts')).toEqual(sim.history.all().map((w) => w.id));
    expect(target.ids('workout_metrics')).toHaveLength(70);
    expect(target.state?.['bookmarks']).toEqual({ workouts: { created_at: sim.history.all()[0]!.created_at }, workout_metrics: { workout_created_at: sim.history.all()[0]!.created_at } });
    expect(first.stderr).toMatch(/INFO Read 70 workouts, 70 workout_metrics/);

    const added = sim.history.add(3);
    const state = writeFiles({ 'state.json': target.state })['state.json']!;
    const second = await tap(['--config', files['config.json']!, '--state', state]);
    const next = new MinimalTarget();
    next.consume(second.stdout);
    expect(next.ids('workouts')).toEqual(added.map((w) => w.id).reverse());
    expect(next.ids('workout_metrics')).toEqual(added.map((w) => w.id).reverse());
  });

  it('--discover prints a catalog with Singer metadata; selecting from it drives a run', async () => {
    const files = writeFiles({ 'config.json': simConfig(sim) });
    const discovered = await tap(['--config', files['config.json']!, '--discover']);
    const singerCatalog = JSON.parse(discovered.stdout) as { streams: Array<Record<string, any>> };
    const workouts = singerCatalog.streams.find((s) => s['tap_stream_id'] === 'workouts')!;
    const root = workouts['metadata'].find((m: any) => m.breadcrumb.length === 0).metadata;
    expect(root).toMatchObject({ inclusion: 'available', 'selected-by-default': true, 'table-key-properties': ['id'], 'valid-replication-keys': ['created_at'], 'forced-replication-method': 'INCREMENTAL' });
    expect(workouts['metadata'].find((m: any) => m.breadcrumb[1] === 'id').metadata.inclusion).toBe('automatic');

    // Select only workouts, and drop one of its columns.
    root.selected = true;
    workouts['metadata'].find((m: any) => m.breadcrumb[1] === 'ride').metadata.selected = false;
    const selected = writeFiles({ 'catalog.json': singerCatalog })['catalog.json']!;
    const result = await tap(['--config', files['config.json']!, '--catalog', selected]);
    const target = new MinimalTarget();
    target.consume(result.stdout);
    expect(target.ids('workouts')).toHaveLength(70);
    expect(target.records.has('workout_metrics')).toBe(false);
    expect(target.records.get('workouts')!.every((w) => !('ride' in w))).toBe(true);
    expect(sim.count('performance_graph')).toBe(0);
  });

  it('--about answers in JSON and markdown', async () => {
    const json = JSON.parse((await tap(['--about', '--format', 'json'])).stdout) as Record<string, any>;
    expect(json).toMatchObject({ name: 'tap-peloton', capabilities: ['catalog', 'discover', 'state', 'about'] });
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
    const files = writeFiles({ 'config.json': simConfig(sim), 'catalog.json': catalog({ workouts: 'incremental', workout_metrics: 'incremental' }) });
    const raw = JSON.parse(readFileSync(files['catalog.json']!, 'utf8')) as { streams: Array<Record<string, unknown>> };
    expect(raw.streams.every((s) => !('cursor_field' in s) && !('primary_key' in s))).toBe(true);
    const { code, stdout: out } = await runRaw(['read', '--config', files['config.json']!, '--catalog', files['catalog.json']!]);
    expect(code).toBe(0);
    const messages = out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);
    expect(messages.filter((m) => m['type'] === 'RECORD')).toHaveLength(140);
    expect(messages.filter((m) => m['type'] === 'STATE').every((m) => m['state'].type === 'STREAM')).toBe(true);
    const discovered = (await runRaw(['discover', '--config', files['config.json']!])).stdout;
    const streams = (JSON.parse(discovered) as { catalog: { streams: Array<{ source_defined_primary_key: string[][] }> } }).catalog.streams;
    expect(streams.map((s) => s.source_defined_primary_key)).toEqual([[['id']], [['id']]]);
  });
});
