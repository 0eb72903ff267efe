import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, runCli, writeFiles } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

let sim: PelotonSimulator;
beforeAll(async () => (sim = await startSim({ workouts: 5 })));
afterAll(() => sim.close());

type Files = Record<string, unknown>;
const good = (): Files => ({ 'config.json': simConfig(sim), 'catalog.json': catalog({ workouts: 'incremental' }) });
const withConfig = (patch: Record<string, unknown>): Files => ({ ...good(), 'config.json': { ...simConfig(sim), ...patch } });

const CASES: Array<{ name: string; files: () => Files; args?: (paths: Record<string, string>) => string[]; message: RegExp }> = [
  {
    name: 'config path that does not exist',
    files: good,
    args: (p) => ['--config', p['catalog.json']!.replace('catalog', 'nope'), '--catalog', p['catalog.json']!],
    message: /config file .*nope\.json does not exist/,
  },
  {
    name: 'config that is not JSON',
    files: () => ({ ...good(), 'config.json': '{"credentials": {"password": "hunter2' }),
    message: /config file .* is not valid JSON/,
  },
  { name: 'config that is a list', files: () => ({ ...good(), 'config.json': [] }), message: /config must be a JSON object/ },
  {
    name: 'config without credentials',
    files: () => ({ ...good(), 'config.json': { start_date: '2024-01-01T00:00:00Z' } }),
    message: /missing required field 'credentials'/,
  },
  {
    name: 'unknown auth_type',
    files: () => withConfig({ credentials: { auth_type: 'cookie' } }),
    message: /auth_type must be one of "password", "oauth", "bearer"/,
  },
  {
    name: 'password login without password',
    files: () => withConfig({ credentials: { auth_type: 'password', username: 'a@b.c' } }),
    message: /credentials is missing required field 'password'/,
  },
  {
    name: 'unknown login_method',
    files: () => withConfig({ credentials: { auth_type: 'password', username: 'a', password: 'b', login_method: 'magic' } }),
    message: /login_method must be equal to one of the allowed values \("auto", "password_grant", "web"\)/,
  },
  { name: 'page_size of the wrong type', files: () => withConfig({ page_size: 'many' }), message: /page_size must be integer/ },
  { name: 'page_size out of range', files: () => withConfig({ page_size: 0 }), message: /page_size must be >= 1/ },
  { name: 'max_concurrency out of range', files: () => withConfig({ max_concurrency: 1000 }), message: /max_concurrency must be <= 32/ },
  {
    name: 'negative requests_per_second',
    files: () => withConfig({ requests_per_second: -1 }),
    message: /requests_per_second must be >= 0/,
  },
  {
    name: 'start_date not in the documented format',
    files: () => withConfig({ start_date: '2024-01-01' }),
    // The spec's own example and pattern_descriptor, once; never the regular expression.
    message: /^The config is invalid: config\.start_date must look like 2024-01-01T00:00:00Z \(YYYY-MM-DDTHH:mm:ssZ\)\.$/,
  },
  {
    name: 'start_date that is not a real date',
    files: () => withConfig({ start_date: '2024-13-45T00:00:00Z' }),
    message: /^The config is invalid: config\.start_date must be a valid date-time, like 2024-01-01T00:00:00Z \(YYYY-MM-DDTHH:mm:ssZ\)\.$/,
  },
  {
    name: 'http:// base URL on a non-loopback host',
    files: () => withConfig({ api_base_url: 'http://api.example.com' }),
    message: /api_base_url uses http:\/\/.*unencrypted/,
  },
  {
    name: 'base URL that is not a URL',
    files: () => withConfig({ auth_base_url: 'not a url' }),
    message: /auth_base_url must match format "uri"/,
  },
  {
    name: 'catalog path that does not exist',
    files: good,
    args: (p) => ['--config', p['config.json']!, '--catalog', '/nonexistent/catalog.json'],
    message: /catalog file \/nonexistent\/catalog.json does not exist/,
  },
  {
    name: 'catalog that is not JSON',
    files: () => ({ ...good(), 'catalog.json': 'streams:' }),
    message: /catalog file .* is not valid JSON/,
  },
  {
    name: 'catalog without streams',
    files: () => ({ ...good(), 'catalog.json': { stream: [] } }),
    message: /catalog is invalid: it must have a "streams" list/,
  },
  {
    name: 'catalog with an unknown stream',
    files: () => ({ ...good(), 'catalog.json': catalog({ rides: 'full_refresh' }) }),
    message: /stream 'rides', which this source does not have/,
  },
  {
    name: 'catalog with an unsupported sync mode',
    files: () => ({
      ...good(),
      'catalog.json': { streams: [{ stream: { name: 'workouts' }, sync_mode: 'cdc', destination_sync_mode: 'append' }] },
    }),
    message: /sync_mode "cdc"; supported: full_refresh, incremental/,
  },
  {
    name: 'catalog entry without a stream name',
    files: () => ({ ...good(), 'catalog.json': { streams: [{ sync_mode: 'full_refresh' }] } }),
    message: /streams\[0\].stream.name must be a string/,
  },
  {
    name: 'state path that does not exist',
    files: good,
    args: (p) => ['--config', p['config.json']!, '--catalog', p['catalog.json']!, '--state', '/nonexistent/state.json'],
    message: /state file \/nonexistent\/state.json does not exist/,
  },
  { name: 'state that is not JSON', files: () => ({ ...good(), 'state.json': '[{' }), message: /state file .* is not valid JSON/ },
  {
    name: 'state of an unknown type',
    files: () => ({ ...good(), 'state.json': [{ type: 'SHARED', data: {} }] }),
    message: /unknown state type "SHARED"/,
  },
  {
    name: 'state with a malformed cursor',
    files: () => ({
      ...good(),
      'state.json': [{ type: 'STREAM', stream: { stream_descriptor: { name: 'workouts' }, stream_state: { created_at: 'last week' } } }],
    }),
    message: /state of stream 'workouts' is malformed/,
  },
  {
    name: 'GLOBAL state without stream_states',
    files: () => ({ ...good(), 'state.json': [{ type: 'GLOBAL', global: { shared_state: {} } }] }),
    message: /GLOBAL state without global.stream_states/,
  },
  { name: 'state that is a number', files: () => ({ ...good(), 'state.json': 42 }), message: /state is invalid: it must be a JSON list/ },
  {
    name: 'Singer state (bookmarks)',
    files: () => ({ ...good(), 'state.json': { bookmarks: { workouts: { created_at: 1_700_000_000 } } } }),
    message:
      /^The state is a Singer state \(\{"bookmarks": \.\.\.\}\), but `read` takes an Airbyte state: .* Pass a Singer state to `tap-peloton --state`/,
  },
  {
    name: 'Singer state message',
    files: () => ({ ...good(), 'state.json': { type: 'STATE', value: { bookmarks: { workouts: { created_at: 1_700_000_000 } } } } }),
    message: /^The state is a Singer STATE message, but `read` takes an Airbyte state/,
  },
  {
    name: 'Singer state inside a LEGACY message',
    files: () => ({ ...good(), 'state.json': [{ type: 'LEGACY', data: { bookmarks: { workouts: { created_at: 1_700_000_000 } } } }] }),
    message: /^The state is a Singer state \(\{"bookmarks": \.\.\.\}\), but `read` takes an Airbyte state/,
  },
  {
    name: 'legacy state naming a stream this source does not have, beside a known one',
    files: () => ({ ...good(), 'state.json': { workouts: { created_at: 1_700_000_000 }, rides: { created_at: 1 } } }),
    message:
      /holds state for 'rides', which this connector does not have \(its streams: workouts, workout_metrics, .*\); remove that entry/,
  },
  {
    name: 'STREAM states naming unknown streams',
    files: () => ({
      ...good(),
      'state.json': ['workouts', 'rides', 'workout_metric'].map((name) => ({
        type: 'STREAM',
        stream: { stream_descriptor: { name }, stream_state: { created_at: 1_700_000_000 } },
      })),
    }),
    message: /holds state for 'rides', 'workout_metric', which this connector does not have .*; remove those entries/,
  },
  {
    name: 'stream state that is not an object',
    files: () => ({
      ...good(),
      'state.json': [{ type: 'STREAM', stream: { stream_descriptor: { name: 'workouts' }, stream_state: 'created_at=5' } }],
    }),
    message: /state\[0\]\.stream \(stream 'workouts'\) must hold an object/,
  },
];

describe('bad input gives a config_error and loses nothing', () => {
  it.each(CASES)('read: $name', async ({ files, args, message }) => {
    const paths = writeFiles(files());
    const argv = args?.(paths) ?? [
      '--config',
      paths['config.json']!,
      '--catalog',
      paths['catalog.json']!,
      ...(paths['state.json'] ? ['--state', paths['state.json']] : []),
    ];
    sim.requests.length = 0;
    const result = await runCli(['read', ...argv]);
    expect(result.exitCode).not.toBe(0);
    expect(result.errors()).toHaveLength(1);
    expect(result.errors()[0]?.['trace'].error).toMatchObject({ failure_type: 'config_error', message: expect.stringMatching(message) });
    expect(result.errors()[0]?.['trace'].error.stack_trace).toBeUndefined();
    expect(result.messages.filter((m) => m['type'] !== 'TRACE' || m['trace'].type !== 'ERROR')).toEqual([]);
    expect(sim.requests).toEqual([]);
    expect(result.stdout + result.stderr).not.toContain('hunter2');
  });

  it.each(CASES.filter((c) => c.args === undefined && !/catalog|state/.test(c.name)))('check: $name', async ({ files, message }) => {
    const paths = writeFiles(files());
    const result = await runCli(['check', '--config', paths['config.json']!]);
    expect(result.exitCode).toBe(0);
    expect(result.messages.at(-1)?.['connectionStatus']).toEqual({ status: 'FAILED', message: expect.stringMatching(message) });
  });

  it('discover: an invalid config is a config_error with a non-zero exit', async () => {
    const paths = writeFiles({ 'config.json': { credentials: { auth_type: 'bearer', access_token: 'abc' }, page_size: 101 } });
    const result = await runCli(['discover', '--config', paths['config.json']!]);
    expect(result.exitCode).toBe(1);
    expect(result.errors()[0]?.['trace'].error).toMatchObject({
      failure_type: 'config_error',
      message: 'The config is invalid: config.page_size must be <= 100.',
    });
  });

  it('accepts GLOBAL state by reading its stream_states', async () => {
    // A cursor in the middle: ignoring the state would read all five workouts, honouring it only the two newer ones.
    const all = sim.history.all();
    const paths = writeFiles({
      ...good(),
      'state.json': [
        {
          type: 'GLOBAL',
          global: {
            shared_state: {},
            stream_states: [{ stream_descriptor: { name: 'workouts' }, stream_state: { created_at: all[2]!.created_at } }],
          },
        },
      ],
    });
    const result = await runCli([
      'read',
      '--config',
      paths['config.json']!,
      '--catalog',
      paths['catalog.json']!,
      '--state',
      paths['state.json']!,
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.records('workouts').map((w) => w['id'])).toEqual(all.slice(0, 2).map((w) => w.id));
  });
});
