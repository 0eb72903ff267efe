import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREAMS } from '../src/streams/registry.js';
import { catalog, runCli, writeFiles } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

let sim: PelotonSimulator;
beforeAll(async () => (sim = await startSim({ workouts: 30 })));
afterAll(() => sim.close());

const FORBIDDEN_KEYWORDS = ['not', 'anyOf', 'allOf', 'if', 'then', 'else', 'patternProperties'];

function walk(node: unknown, visit: (key: string, value: unknown, parent: Record<string, unknown>) => void): void {
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    visit(key, value, node as Record<string, unknown>);
    walk(value, visit);
  }
}

describe('spec', () => {
  it('prints one SPEC message following Airbyte spec conventions', async () => {
    const result = await runCli(['spec']);
    expect(result.exitCode).toBe(0);
    expect(result.messages).toHaveLength(1);
    const spec = result.messages[0]?.['spec'];
    const connection = spec.connectionSpecification;
    const keywords: string[] = [];
    walk(connection, (key, _value, parent) => {
      if (FORBIDDEN_KEYWORDS.includes(key) && parent !== connection.properties) keywords.push(key);
    });
    expect(keywords).toEqual([]);
    const branches = connection.properties.credentials.oneOf as Array<{ properties: Record<string, any> }>;
    expect(branches.map((b) => b.properties['auth_type'].const)).toEqual(['password', 'oauth', 'bearer']);
    for (const branch of branches) {
      for (const field of ['password', 'refresh_token', 'access_token']) {
        if (branch.properties[field] !== undefined) expect(branch.properties[field].airbyte_secret).toBe(true);
      }
    }
    expect(connection.properties.start_date).toMatchObject({ pattern: expect.any(String), pattern_descriptor: 'YYYY-MM-DDTHH:mm:ssZ', format: 'date-time' });
  });

  it('answers --version and --help without protocol noise', async () => {
    const version = await runCli(['--version']);
    expect(version.exitCode).toBe(0);
    expect(version.stdout).toBe('');
    expect(version.stderr.trim()).toBe('0.1.0');
    const help = await runCli(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toBe('');
    expect(help.stderr).toMatch(/spec[\s\S]*check[\s\S]*discover[\s\S]*read/);
  });

  it('reports an unknown command as a config_error trace', async () => {
    const result = await runCli(['sync']);
    expect(result.exitCode).not.toBe(0);
    expect(result.errors()[0]?.['trace'].error.failure_type).toBe('config_error');
  });
});

describe('discover', () => {
  it('lists both streams with keys and cursors that exist in their schemas', async () => {
    const files = writeFiles({ 'config.json': simConfig(sim) });
    const result = await runCli(['discover', '--config', files['config.json']!]);
    expect(result.exitCode).toBe(0);
    const streams = result.messages[0]?.['catalog'].streams as Array<Record<string, any>>;
    expect(streams.map((s) => s['name'])).toEqual(STREAMS.map((s) => s.name));
    for (const stream of streams) {
      expect(stream['supported_sync_modes']).toEqual(['full_refresh', 'incremental']);
      for (const [key] of stream['source_defined_primary_key']) expect(stream['json_schema'].properties[key]).toBeDefined();
      expect(stream['json_schema'].properties[stream['default_cursor_field'][0]].type).toBe('integer');
    }
  });
});

describe('check', () => {
  it('succeeds with a valid bearer token', async () => {
    const files = writeFiles({ 'config.json': simConfig(sim) });
    const result = await runCli(['check', '--config', files['config.json']!]);
    expect(result.exitCode).toBe(0);
    expect(result.messages.at(-1)?.['connectionStatus']).toEqual({ status: 'SUCCEEDED' });
  });

  it('fails (exit 0) with an actionable message for a rejected or expired token', async () => {
    const rejected = writeFiles({ 'config.json': simConfig(sim, { credentials: { auth_type: 'bearer', access_token: 'not-a-valid-token' } }) });
    const a = await runCli(['check', '--config', rejected['config.json']!]);
    expect(a.exitCode).toBe(0);
    expect(a.messages.at(-1)?.['connectionStatus']).toMatchObject({ status: 'FAILED', message: expect.stringMatching(/rejected the bearer token.*Paste a fresh token/) });

    const expired = writeFiles({ 'config.json': simConfig(sim, { credentials: { auth_type: 'bearer', access_token: sim.issueAccessToken(-10) } }) });
    const b = await runCli(['check', '--config', expired['config.json']!]);
    expect(b.messages.at(-1)?.['connectionStatus']).toMatchObject({ status: 'FAILED', message: expect.stringMatching(/expired at .*Paste a fresh token/) });
  });

  it('fails (exit 0) on a config it cannot use', async () => {
    const files = writeFiles({ 'config.json': { credentials: { auth_type: 'bearer', access_token: 'x' }, page_size: 500 } });
    const result = await runCli(['check', '--config', files['config.json']!]);
    expect(result.exitCode).toBe(0);
    expect(result.messages.at(-1)?.['connectionStatus']).toEqual({ status: 'FAILED', message: 'The config is invalid: config.page_size must be <= 100.' });
  });
});

describe('read: statuses', () => {
  it('gives an empty stream STARTED, RUNNING, a STATE and COMPLETE', async () => {
    const files = writeFiles({ 'config.json': simConfig(sim, { start_date: '2099-01-01T00:00:00Z' }), 'catalog.json': catalog({ workouts: 'incremental', workout_metrics: 'full_refresh' }) });
    const result = await runCli(['read', '--config', files['config.json']!, '--catalog', files['catalog.json']!]);
    expect(result.exitCode).toBe(0);
    for (const stream of ['workouts', 'workout_metrics']) {
      expect(result.statuses(stream)).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
      expect(result.records(stream)).toEqual([]);
      expect(result.states(stream).length).toBeGreaterThanOrEqual(1);
    }
  });
});
