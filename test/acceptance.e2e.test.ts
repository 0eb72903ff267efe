import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderFixtures } from '../scripts/acceptance-fixtures.js';
import { fixtureConfig, INTEGRATION_TESTS, startAcceptanceSimulator } from '../simulator/acceptance.js';
import type { PelotonSimulator } from '../simulator/server.js';
import { runCli, writeFiles, type CliResult } from './helpers/cli.js';
import { asJson, expectedDetailRecords, expectedMetricsRecord, expectedRideDetailsRecords, isFinalWorkout } from './helpers/sim.js';

/** Executes integration_tests/acceptance-test-config.yml the way Airbyte's acceptance tests do, against the simulator. */
const root = join(INTEGRATION_TESTS, '..');
const suite = parse(readFileSync(join(INTEGRATION_TESTS, 'acceptance-test-config.yml'), 'utf8')) as {
  test_strictness_level: string;
  acceptance_tests: Record<string, { tests: Array<Record<string, any>> }>;
};
const tests = (name: string): Array<Record<string, any>> => suite.acceptance_tests[name]?.tests ?? [];
const file = (path: string): string => join(root, path);
const readJson = (path: string): any => JSON.parse(readFileSync(file(path), 'utf8'));

let sim: PelotonSimulator;
beforeAll(async () => (sim = await startAcceptanceSimulator()));
afterAll(() => sim.close());

function config(path: string): string {
  return writeFiles({ 'config.json': fixtureConfig(path.replace('integration_tests/', ''), sim.url) })['config.json']!;
}

async function read(test: Record<string, any>, statePath?: string): Promise<CliResult> {
  const catalogPath = String(test['configured_catalog_path']);
  const args = [
    'read',
    '--config',
    config(test['config_path']),
    '--catalog',
    catalogPath.startsWith('/') ? catalogPath : file(catalogPath),
  ];
  if (statePath !== undefined) args.push('--state', statePath);
  const result = await runCli(args);
  expect(result.exitCode).toBe(0);
  return result;
}

const records = (result: CliResult): Array<{ stream: string; data: unknown }> =>
  result.messages.filter((m) => m['type'] === 'RECORD').map((m) => ({ stream: m['record'].stream, data: m['record'].data }));

type SimRecord = Record<string, any>;

/**
 * The independent oracle: per stream, the records the simulator's own data says a read with this
 * config must produce (no cursor given). Add a stream here when the configured catalog gains one.
 */
function expectedFromSimulator(configPath: string): Record<string, SimRecord[]> {
  const cfg = fixtureConfig(configPath.replace('integration_tests/', ''), sim.url);
  const startDate = Date.parse(String(cfg['start_date'])) / 1000;
  const inWindow = sim.history.all().filter((w) => w.created_at >= startDate);
  return {
    workouts: asJson(inWindow),
    workout_metrics: inWindow.filter((w) => isFinalWorkout(w)).map((w) => expectedMetricsRecord(w, Number(cfg['metrics_every_n'] ?? 5))),
    workout_details: expectedDetailRecords(sim, inWindow),
    ride_details: expectedRideDetailsRecords(sim, inWindow),
    user: [asJson(sim.profile())],
    overview: [asJson({ ...sim.overview(), id: sim.history.userId })],
  };
}

/** The cursor a stream's records carry (as in the configured catalog); streams without one are read whole. */
const CURSORS: Record<string, string> = {
  workouts: 'created_at',
  workout_metrics: 'workout_created_at',
  workout_details: 'created_at',
  ride_details: 'workout_created_at',
};

const byId = (list: SimRecord[]): SimRecord[] => [...list].sort((a, b) => String(a['id']).localeCompare(String(b['id'])));

/** Every stream of the catalog read exactly the simulator's records (order aside: exact_order is no), newer than its cursor in `after`. */
function expectSimulatorRecords(result: CliResult, test: Record<string, any>, after: Record<string, number> = {}): void {
  const expected = expectedFromSimulator(test['config_path']);
  const catalog = readJson(test['configured_catalog_path']) as { streams: Array<{ stream: { name: string } }> };
  const names = catalog.streams.map((s) => s.stream.name);
  expect(
    names.filter((name) => expected[name] === undefined),
    'streams of the catalog without an oracle',
  ).toEqual([]);
  for (const name of names) {
    const cursor = CURSORS[name];
    const newer =
      cursor === undefined ? expected[name]! : expected[name]!.filter((r) => r[cursor] > (after[name] ?? Number.NEGATIVE_INFINITY));
    expect(byId(result.records(name)), name).toEqual(byId(newer));
  }
}

describe('acceptance tests (integration_tests/acceptance-test-config.yml)', () => {
  it('runs at high strictness', () => {
    expect(suite.test_strictness_level).toBe('high');
  });

  // spec.json is compared by the spec test below; the other generated fixtures only here.
  it('the generated fixtures are fresh (`npm run fixtures`)', async () => {
    const fresh = await renderFixtures();
    for (const [name, content] of Object.entries(fresh)) {
      if (name !== 'spec.json') expect(readFileSync(join(INTEGRATION_TESTS, name), 'utf8'), name).toBe(content);
    }
  });

  it.each(tests('spec'))('spec matches $spec_path', async (test) => {
    const result = await runCli(['spec']);
    expect(result.messages[0]?.['spec']).toEqual(readJson(test['spec_path']));
  });

  it.each(tests('connection'))('connection with $config_path: $status', async (test) => {
    const result = await runCli(['check', '--config', config(test['config_path'])]);
    expect(result.exitCode).toBe(0);
    const status = result.messages.find((m) => m['type'] === 'CONNECTION_STATUS')?.['connectionStatus'].status;
    expect(status).toBe(test['status'] === 'succeed' ? 'SUCCEEDED' : 'FAILED');
  });

  it.each(tests('discovery'))('discovery with $config_path', async (test) => {
    const result = await runCli(['discover', '--config', config(test['config_path'])]);
    const streams = result.messages[0]?.['catalog'].streams as Array<Record<string, any>>;
    expect(streams.map((s) => s['name'])).toEqual(expect.arrayContaining(Object.keys(CURSORS)));
    for (const stream of streams) {
      expect(stream['json_schema'].type).toBe('object');
      for (const key of [...stream['source_defined_primary_key'].flat(), ...(stream['default_cursor_field'] ?? [])])
        expect(stream['json_schema'].properties[key], `${stream['name']}.${key}`).toBeDefined();
    }
  });

  it.each(tests('basic_read'))("basic_read: the simulator's records, schemas, statuses and states", async (test) => {
    const result = await read(test);
    expectSimulatorRecords(result, test);
    const catalog = readJson(test['configured_catalog_path']) as { streams: Array<{ stream: { name: string } }> };
    const newest = sim.history.all()[0]!.created_at;
    for (const { stream } of catalog.streams) {
      if (!test['empty_streams'].includes(stream.name)) expect(result.records(stream.name).length, stream.name).toBeGreaterThan(0);
      expect(result.statuses(stream.name)).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
      const states = result.states(stream.name);
      expect(states.reduce((n, s) => n + s['state'].sourceStats.recordCount, 0)).toBe(result.records(stream.name).length);
      const cursor = CURSORS[stream.name];
      expect(states.at(-1)?.['state'].stream.stream_state).toEqual(cursor === undefined ? {} : { [cursor]: newest });
    }
  });

  // A regression guard only: expected_records.jsonl was written by the connector itself (`npm run fixtures`).
  it.each(tests('basic_read'))('basic_read: the records of $expect_records.path', async (test) => {
    const result = await read(test);
    const got = records(result).map((r) => JSON.stringify(r));
    const expected = readFileSync(file(test['expect_records'].path), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const { stream, data } = JSON.parse(line) as { stream: string; data: unknown };
        return JSON.stringify({ stream, data });
      });
    expect(new Set(got)).toEqual(new Set(expected));
  });

  it.each(tests('full_refresh'))("full_refresh: two reads give the same records, the simulator's", async (test) => {
    const catalog = readJson(test['configured_catalog_path']) as { streams: Array<Record<string, unknown>> };
    const fullRefresh = writeFiles({
      'catalog.json': { streams: catalog.streams.map((s) => ({ ...s, sync_mode: 'full_refresh', destination_sync_mode: 'overwrite' })) },
    })['catalog.json']!;
    const once = await read({ ...test, configured_catalog_path: fullRefresh });
    expectSimulatorRecords(once, test);
    const twice = await read({ ...test, configured_catalog_path: fullRefresh });
    expect(records(twice)).toEqual(records(once));
  });

  it.each(tests('incremental'))('incremental: two sequential reads, then the sample state, then the future state', async (test) => {
    const first = await read(test);
    expectSimulatorRecords(first, test);
    const second = await read(test, writeFiles({ 'state.json': first.lastStates() })['state.json']);
    expect(records(second)).toEqual([]);
    const sampleState = readJson('integration_tests/sample_state.json') as Array<{
      stream: { stream_descriptor: { name: string }; stream_state: Record<string, number> };
    }>;
    const since = Object.fromEntries(
      sampleState.map(({ stream }) => [stream.stream_descriptor.name, stream.stream_state[CURSORS[stream.stream_descriptor.name]!]!]),
    );
    const sample = await read(test, file('integration_tests/sample_state.json'));
    expectSimulatorRecords(sample, test, since);
    expect(sample.records('workouts').length).toBeGreaterThan(0);
    const futurePath = String(test['future_state'].future_state_path);
    const future = await read(test, file(futurePath));
    expect(records(future)).toEqual([]);
    expect(future.lastStates()).toEqual((readJson(futurePath) as unknown[]).map((s) => expect.objectContaining(s as object)));
  });
});
