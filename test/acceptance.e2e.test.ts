import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderFixtures } from '../scripts/acceptance-fixtures.js';
import { fixtureConfig, INTEGRATION_TESTS, startAcceptanceSimulator } from '../simulator/acceptance.js';
import type { PelotonSimulator } from '../simulator/server.js';
import { runCli, writeFiles, type CliResult } from './helpers/cli.js';

/** Executes integration_tests/acceptance-test-config.yml the way Airbyte's acceptance tests do, against the simulator. */
const root = join(INTEGRATION_TESTS, '..');
const suite = parse(readFileSync(join(INTEGRATION_TESTS, 'acceptance-test-config.yml'), 'utf8')) as { test_strictness_level: string; acceptance_tests: Record<string, { tests: Array<Record<string, any>> }> };
const tests = (name: string): Array<Record<string, any>> => suite.acceptance_tests[name]?.tests ?? [];
const file = (path: string): string => join(root, path);

let sim: PelotonSimulator;
beforeAll(async () => (sim = await startAcceptanceSimulator()));
afterAll(() => sim.close());

function config(path: string): string {
  return writeFiles({ 'config.json': fixtureConfig(path.replace('integration_tests/', ''), sim.url) })['config.json']!;
}

async function read(test: Record<string, any>, statePath?: string): Promise<CliResult> {
  const catalogPath = String(test['configured_catalog_path']);
  const args = ['read', '--config', config(test['config_path']), '--catalog', catalogPath.startsWith('/') ? catalogPath : file(catalogPath)];
  if (statePath !== undefined) args.push('--state', statePath);
  const result = await runCli(args);
  expect(result.exitCode).toBe(0);
  return result;
}

const records = (result: CliResult): Array<{ stream: string; data: unknown }> =>
  result.messages.filter((m) => m['type'] === 'RECORD').map((m) => ({ stream: m['record'].stream, data: m['record'].data }));

describe('acceptance tests (integration_tests/acceptance-test-config.yml)', () => {
  it('runs at high strictness and the generated fixtures are fresh (`npm run fixtures`)', async () => {
    expect(suite.test_strictness_level).toBe('high');
    const fresh = await renderFixtures();
    for (const [name, content] of Object.entries(fresh)) expect(readFileSync(join(INTEGRATION_TESTS, name), 'utf8'), name).toBe(content);
  });

  it.each(tests('spec'))('spec matches $spec_path', async (test) => {
    const result = await runCli(['spec']);
    expect(result.messages[0]?.['spec']).toEqual(JSON.parse(readFileSync(file(test['spec_path']), 'utf8')));
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
    for (const stream of streams) {
      expect(stream['json_schema'].type).toBe('object');
      for (const key of [...stream['source_defined_primary_key'].flat(), ...stream['default_cursor_field']]) expect(stream['json_schema'].properties[key]).toBeDefined();
    }
  });

  it.each(tests('basic_read'))('basic_read: expected records, schemas, statuses and states', async (test) => {
    const result = await read(test);
    const got = records(result).map((r) => JSON.stringify(r));
    const expected = readFileSync(file(test['expect_records'].path), 'utf8').split('\n').filter(Boolean).map((line) => {
      const { stream, data } = JSON.parse(line) as { stream: string; data: unknown };
      return JSON.stringify({ stream, data });
    });
    expect(new Set(got)).toEqual(new Set(expected));
    const catalog = JSON.parse(readFileSync(file(test['configured_catalog_path']), 'utf8')) as { streams: Array<{ stream: { name: string } }> };
    for (const { stream } of catalog.streams) {
      if (!test['empty_streams'].includes(stream.name)) expect(result.records(stream.name).length, stream.name).toBeGreaterThan(0);
      expect(result.statuses(stream.name)).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
      const states = result.states(stream.name);
      expect(states.length).toBeGreaterThan(0);
      expect(states.reduce((n, s) => n + s['state'].sourceStats.recordCount, 0)).toBe(result.records(stream.name).length);
    }
  });

  it.each(tests('full_refresh'))('full_refresh: two reads give the same records', async (test) => {
    const catalog = JSON.parse(readFileSync(file(test['configured_catalog_path']), 'utf8')) as { streams: Array<Record<string, unknown>> };
    const fullRefresh = writeFiles({ 'catalog.json': { streams: catalog.streams.map((s) => ({ ...s, sync_mode: 'full_refresh', destination_sync_mode: 'overwrite' })) } })['catalog.json']!;
    const once = await read({ ...test, configured_catalog_path: fullRefresh });
    const twice = await read({ ...test, configured_catalog_path: fullRefresh });
    expect(records(twice)).toEqual(records(once));
  });

  it.each(tests('incremental'))('incremental: two sequential reads, then the future state', async (test) => {
    const first = await read(test);
    const second = await read(test, writeFiles({ 'state.json': first.lastStates() })['state.json']);
    expect(records(second)).toEqual([]);
    const sample = await read(test, file('integration_tests/sample_state.json'));
    const since = JSON.parse(readFileSync(file('integration_tests/sample_state.json'), 'utf8'))[0].stream.stream_state.created_at as number;
    expect(sample.records('workouts').length).toBeGreaterThan(0);
    expect(sample.records('workouts').every((w) => w['created_at'] > since)).toBe(true);
    const future = await read(test, file(test['future_state'].future_state_path));
    expect(records(future)).toEqual([]);
    expect(future.lastStates().length).toBe(2);
  });
});
