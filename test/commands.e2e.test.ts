import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STREAMS } from '../src/streams/registry.js';
import { catalog, runCli, runRaw, writeFiles } from './helpers/cli.js';
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
    // Each credentials form, with the fields Airbyte must treat as secrets.
    const secretFields = (properties: Record<string, any>): string[] =>
      Object.keys(properties).filter((key) => properties[key].airbyte_secret === true);
    expect(branches.map((b) => [b.properties['auth_type'].const, secretFields(b.properties)])).toEqual([
      ['password', ['password']],
      ['oauth', ['refresh_token', 'access_token']],
      ['bearer', ['access_token']],
    ]);
    expect(secretFields(connection.properties)).toEqual([]);
    expect(connection.properties.start_date).toMatchObject({
      pattern: expect.any(String),
      pattern_descriptor: 'YYYY-MM-DDTHH:mm:ssZ',
      format: 'date-time',
    });
  });

  it('answers --version and --help without protocol noise', async () => {
    const version = await runCli(['--version']);
    expect(version.exitCode).toBe(0);
    expect(version.stdout).toBe('');
    const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(version.stderr.trim()).toBe(packageJson.version);
    const help = await runCli(['--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toBe('');
    // Each command listed on a line of its own (not just mentioned in some description).
    for (const name of ['spec', 'check', 'discover', 'read']) expect(help.stderr).toMatch(new RegExp(`^\\s+${name}\\b`, 'm'));
    // The description names every stream of the registry.
    const description = help.stderr.split('\n\n')[1]!.replace(/\s+/g, ' ');
    for (const { name } of STREAMS) expect(description).toContain(name);
  });

  it('without a command prints the help and a clear error on stderr, exit code 2', async () => {
    const result = await runCli([]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^Usage: source-peloton \[options\] \[command\]/);
    expect(result.stderr).not.toContain('outputHelp');
    expect(result.errors().map((m) => m['trace'].error.message)).toEqual([
      'Invalid command line: no command given; choose one of the commands listed above. Run `source-peloton --help` for usage.',
    ]);
  });

  it.each([
    ['Airbyte', ['discover', '--config', 'c.json', '--frobnicate'], 'source-peloton: config_error: Invalid command line: '],
    ['Singer', ['singer', '--frobnicate'], 'CRITICAL config_error: Invalid command line: '],
    ['login', ['login', '--frobnicate'], 'source-peloton: config_error: Invalid command line: '],
  ])('%s: a command-line error is said once, in the protocol’s form', async (_protocol, argv, prefix) => {
    const result = await runRaw(argv);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(new RegExp(`^${prefix}unknown option '--frobnicate'`)),
    ]);
  });

  it('names the command whose help to read', async () => {
    const result = await runCli(['read', '--config', 'c.json']);
    expect(result.errors()[0]?.['trace'].error.message).toBe(
      "Invalid command line: required option '--catalog <path>' not specified. Run `source-peloton read --help` for usage.",
    );
  });

  it('tap-peloton --help and its errors speak of tap-peloton, source-peloton singer --help of source-peloton singer', async () => {
    // The real executable (built by the global setup): its argv starts with `singer`, its name does not.
    const tapPeloton = (...args: string[]) =>
      spawnSync(process.execPath, [fileURLToPath(new URL('../bin/tap-peloton.js', import.meta.url)), ...args], { encoding: 'utf8' });
    const tapHelp = tapPeloton('--help');
    expect(tapHelp.status).toBe(0);
    expect(tapHelp.stdout).toBe('');
    expect(tapHelp.stderr).toMatch(/^Usage: tap-peloton \[options\]\n/);
    expect(tapHelp.stderr).toMatch(/--catalog <path>/);
    const tapError = tapPeloton('--frobnicate');
    expect(tapError.status).toBe(2);
    expect(tapError.stdout).toBe('');
    expect(tapError.stderr).toBe(
      "CRITICAL config_error: Invalid command line: unknown option '--frobnicate'. Run `tap-peloton --help` for usage.\n",
    );
    const subcommand = await runRaw(['singer', '--help']);
    expect(subcommand.stderr).toMatch(/^Usage: source-peloton singer \[options\]\n/);
  });

  it('reports an unknown command as a config_error trace', async () => {
    const result = await runCli(['sync']);
    expect(result.exitCode).not.toBe(0);
    expect(result.errors()).toHaveLength(1);
    expect(result.errors()[0]?.['trace'].error).toMatchObject({ failure_type: 'config_error', message: expect.stringMatching(/sync/) });
  });
});

describe('discover', () => {
  it('lists workouts and workout_metrics with the keys and cursors the README documents, present in their schemas', async () => {
    const files = writeFiles({ 'config.json': simConfig(sim) });
    const result = await runCli(['discover', '--config', files['config.json']!]);
    expect(result.exitCode).toBe(0);
    expect(result.messages).toHaveLength(1);
    const streams = result.messages[0]?.['catalog'].streams as Array<Record<string, any>>;
    const documented = [
      ['workouts', [['id']], ['created_at']],
      ['workout_metrics', [['id']], ['workout_created_at']],
    ];
    const described = streams.map((s) => [s['name'], s['source_defined_primary_key'], s['default_cursor_field']]);
    expect(described).toEqual(expect.arrayContaining(documented));
    for (const [name] of documented) {
      const stream = streams.find((s) => s['name'] === name)!;
      expect(stream['supported_sync_modes']).toEqual(['full_refresh', 'incremental']);
      expect(stream['source_defined_cursor']).toBe(true);
      expect(stream['json_schema'].properties['id']).toBeDefined();
      expect(stream['json_schema'].properties[stream['default_cursor_field'][0]].type).toBe('integer');
    }
  });
});

describe('check', () => {
  it('succeeds with a valid bearer token', async () => {
    const config = simConfig(sim);
    const files = writeFiles({ 'config.json': config });
    const result = await runCli(['check', '--config', files['config.json']!]);
    expect(result.exitCode).toBe(0);
    expect(result.messages.at(-1)?.['connectionStatus']).toEqual({ status: 'SUCCEEDED' });
    // It asked Peloton, with the token of the config.
    const token = (config['credentials'] as { access_token: string }).access_token;
    expect(sim.requests.filter((r) => r.authorization === `Bearer ${token}`).length).toBeGreaterThan(0);
  });

  it('fails (exit 0) with an actionable message for a rejected or expired token', async () => {
    const rejected = writeFiles({
      'config.json': simConfig(sim, { credentials: { auth_type: 'bearer', access_token: 'not-a-valid-token' } }),
    });
    const a = await runCli(['check', '--config', rejected['config.json']!]);
    expect(a.exitCode).toBe(0);
    expect(a.messages.at(-1)?.['connectionStatus']).toMatchObject({
      status: 'FAILED',
      message: expect.stringMatching(/rejected the bearer token.*Paste a fresh token/),
    });

    const expired = writeFiles({
      'config.json': simConfig(sim, { credentials: { auth_type: 'bearer', access_token: sim.issueAccessToken(-10) } }),
    });
    const b = await runCli(['check', '--config', expired['config.json']!]);
    expect(b.messages.at(-1)?.['connectionStatus']).toMatchObject({
      status: 'FAILED',
      message: expect.stringMatching(/expired at .*Paste a fresh token/),
    });
  });

  it('fails (exit 0) on a config it cannot use', async () => {
    const files = writeFiles({ 'config.json': { credentials: { auth_type: 'bearer', access_token: 'x' }, page_size: 500 } });
    const result = await runCli(['check', '--config', files['config.json']!]);
    expect(result.exitCode).toBe(0);
    expect(result.messages.at(-1)?.['connectionStatus']).toEqual({
      status: 'FAILED',
      message: 'The config is invalid: config.page_size must be <= 100.',
    });
  });
});

describe('read: statuses', () => {
  it('gives an empty stream STARTED, RUNNING, a STATE and COMPLETE', async () => {
    const files = writeFiles({
      'config.json': simConfig(sim, { start_date: '2099-01-01T00:00:00Z' }),
      'catalog.json': catalog({ workouts: 'incremental', workout_metrics: 'full_refresh' }),
    });
    const result = await runCli(['read', '--config', files['config.json']!, '--catalog', files['catalog.json']!]);
    expect(result.exitCode).toBe(0);
    for (const stream of ['workouts', 'workout_metrics']) {
      expect(result.statuses(stream)).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
      expect(result.records(stream)).toEqual([]);
      expect(result.states(stream).length).toBeGreaterThanOrEqual(1);
      expect(result.states(stream).map((s) => s['state'].sourceStats.recordCount)).toEqual(result.states(stream).map(() => 0));
    }
  });
});
