import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WindowCursor } from '../src/engine/window-cursor.js';
import type { FaultRule } from '../simulator/faults.js';
import { catalog, FAST_RETRIES, readArgs, runCli, type CliResult, type Message } from './helpers/cli.js';
import { simConfig, simulatorSecrets, startSim, type PelotonSimulator } from './helpers/sim.js';
import { spawnCli } from './helpers/spawn.js';

const WORKOUTS = 120;
let sim: PelotonSimulator;
const outputs: string[] = [];
const secrets = new Set<string>();

beforeEach(async () => (sim = await startSim({ workouts: WORKOUTS, inProgress: 0 })));
afterEach(async () => {
  // The password and every token the simulator issued in this test, sent back to it or not.
  for (const secret of simulatorSecrets(sim)) secrets.add(secret);
  await sim.close();
});

const config = (overrides: Record<string, unknown> = {}): Record<string, unknown> =>
  simConfig(sim, {
    credentials: { auth_type: 'password', username: sim.auth0.username, password: sim.auth0.password, login_method: 'password_grant' },
    page_size: 40,
    request_timeout_seconds: 1,
    ...overrides,
  });

function args(cfg: Record<string, unknown>, state?: unknown): string[] {
  return readArgs(cfg, catalog({ workouts: 'incremental', workout_metrics: 'incremental' }), state ?? undefined);
}

async function read(cfg: Record<string, unknown>, state?: unknown): Promise<CliResult> {
  const result = await runCli(args(cfg, state));
  outputs.push(result.stdout, result.stderr);
  return result;
}

function expectFullData(result: CliResult): void {
  const ids = sim.history.all().map((w) => w.id);
  expect(result.records('workouts').map((r) => r['id'])).toEqual(ids);
  expect(result.records('workout_metrics').map((r) => r['id'])).toEqual(ids);
}

const FAULTS: Array<[string, Omit<FaultRule, 'route' | 'times'>]> = [
  ['500', { kind: 'status', status: 500 }],
  ['502', { kind: 'status', status: 502 }],
  ['503 with Retry-After seconds', { kind: 'status', status: 503, retryAfter: '1' }],
  ['504', { kind: 'status', status: 504 }],
  ['408', { kind: 'status', status: 408 }],
  ['429 with Retry-After as an HTTP date', { kind: 'status', status: 429, retryAfter: new Date(Date.now() + 2000).toUTCString() }],
  ['connection reset', { kind: 'reset' }],
  ['truncated body', { kind: 'truncate' }],
  ['empty 200', { kind: 'empty' }],
  ['200 that is not JSON', { kind: 'invalid_json' }],
  ['hang', { kind: 'hang' }],
  ["Cloudflare's rate limit (429, error code: 1015)", { kind: 'cdn_rate_limit' }],
];

describe('the read recovers from every fault, on pages and on performance graphs', () => {
  it.each(FAULTS)('%s', async (_name, fault) => {
    sim.injectFaults({ route: 'workouts', times: 3, skip: 1, ...fault }, { route: 'performance_graph', times: 3, skip: 20, ...fault });
    const result = await read(config({ max_concurrency: 4 }));
    expect(sim.faults.pending).toBe(0);
    expect(result.exitCode).toBe(0);
    expectFullData(result);
    expect(result.errors()).toEqual([]);
  });

  it('reports RATE_LIMITED while waiting on a 429', async () => {
    sim.injectFaults({ route: 'workouts', kind: 'status', status: 429, retryAfter: '1', times: 1 });
    const result = await read(config());
    const limited = result.messages.filter((m) => m['type'] === 'TRACE' && m['trace'].stream_status?.reasons?.[0]?.type === 'RATE_LIMITED');
    // The list page holds up both streams it feeds.
    expect(limited.map((m) => m['trace'].stream_status.stream_descriptor.name)).toEqual(['workouts', 'workout_metrics']);
    for (const message of limited) {
      expect(message['trace'].stream_status).toMatchObject({
        status: 'RUNNING',
        reasons: [{ type: 'RATE_LIMITED', rate_limited: { quota_reset: expect.any(Number) } }],
      });
    }
  });
});

describe("answers from Peloton's CDN (Cloudflare) instead of Peloton", () => {
  const rateLimited = (result: CliResult): Message[] =>
    result.messages.filter((m) => m['type'] === 'TRACE' && m['trace'].stream_status?.reasons?.[0]?.type === 'RATE_LIMITED');

  it('a 1015 rate limit is backed off like any 429: Retry-After honoured, RATE_LIMITED reported', async () => {
    sim.injectFaults({ route: 'workouts', kind: 'cdn_rate_limit', retryAfter: '1', times: 1, skip: 1 });
    const result = await runCli(args(config({ max_concurrency: 4 })), { retryTiming: { ...FAST_RETRIES, retryAfterCapMs: 10_000 } });
    outputs.push(result.stdout, result.stderr);
    expect(result.exitCode).toBe(0);
    expectFullData(result);
    expect(sim.faults.pending).toBe(0);
    // The blocked page was asked again, and only after the second the CDN asked for.
    const pages = sim.requests.filter((r) => r.route === 'workouts' && r.query['page'] === '1');
    expect(pages).toHaveLength(2);
    expect(pages[1]!.at - pages[0]!.at).toBeGreaterThanOrEqual(950);
    expect(
      result.messages.some((m) => m['type'] === 'LOG' && /after HTTP 429, attempt 1 \(Peloton asked to wait 1 s\)/.test(m['log'].message)),
    ).toBe(true);
    expect(rateLimited(result).map((m) => m['trace'].stream_status.stream_descriptor.name)).toEqual(['workouts', 'workout_metrics']);
  });

  it('a 1015 rate limit that outlasts the retries says so, with the attempts made', async () => {
    sim.injectFaults({ route: 'performance_graph', kind: 'cdn_rate_limit', times: 10_000, skip: 10 });
    const result = await read(config({ max_retries: 2, max_concurrency: 1 }));
    expect(result.exitCode).toBe(1);
    const failure = result.errors()[0]!['trace'].error;
    expect(failure).toMatchObject({ failure_type: 'transient_error', stream_descriptor: { name: 'workout_metrics' } });
    expect(failure.message).toMatch(
      /failed after 3 attempts: Peloton's CDN \(Cloudflare\) answered 429 Too Many Requests with "error code: 1015": it is rate limiting this address\. .*lower requests_per_second/,
    );
    // At concurrency 1 the failing graph is the only one in flight: the simulator saw exactly the attempts stated.
    expect(sim.count('performance_graph') - 10).toBe(3);
  });

  it.each([
    ['workout_metrics', 'performance_graph'],
    // ride_details skips any 4xx of Peloton's as a refused class; a CDN block is not one.
    ['ride_details', 'ride_details'],
  ] as const)('a bot-protection challenge (403 HTML) fails %s as transient, never blaming the credentials', async (stream, route) => {
    sim.injectFaults({ route, kind: 'cdn_challenge', times: 1, skip: 3 });
    const result = await runCli(readArgs(config({ max_concurrency: 1 }), catalog({ workouts: 'incremental', [stream]: 'incremental' })));
    outputs.push(result.stdout, result.stderr);
    expect(result.exitCode).toBe(1);
    expect(sim.faults.pending).toBe(0);
    expect(result.statuses('workouts').at(-1)).toBe('COMPLETE');
    expect(result.statuses(stream).at(-1)).toBe('INCOMPLETE');
    expect(result.errors()).toHaveLength(1);
    const failure = result.errors()[0]!['trace'].error;
    expect(failure).toMatchObject({ failure_type: 'transient_error', stream_descriptor: { name: stream } });
    expect(failure.message).toMatch(
      /failed after 1 attempt: the bot protection of Peloton's CDN \(Cloudflare\) answered 403 Forbidden with a challenge page.*wait .*lower requests_per_second/,
    );
    expect(failure.message).not.toMatch(/credential/i);
    expect(result.messages.filter((m) => m['type'] === 'LOG' && /skipping it/.test(m['log'].message))).toEqual([]);
  });

  it("a 403 with Peloton's own JSON error stays a config_error about the account", async () => {
    sim.injectFaults({ route: 'performance_graph', kind: 'status', status: 403, times: 1, skip: 3 });
    const result = await read(config({ max_concurrency: 1 }));
    expect(result.exitCode).toBe(1);
    expect(result.errors()[0]!['trace'].error).toMatchObject({
      failure_type: 'config_error',
      stream_descriptor: { name: 'workout_metrics' },
      message: expect.stringMatching(
        /failed after 1 attempt: Peloton answered 403 Forbidden: this account may not access it\. Check that the credentials/,
      ),
    });
  });
});

describe('a failure that outlasts the retries', () => {
  it('on performance graphs: that stream fails cleanly, workouts completes, and the state loses nothing', async () => {
    sim.injectFaults({ route: 'performance_graph', kind: 'status', status: 503, times: 10_000, skip: 57 });
    const failed = await read(config({ max_retries: 2 }));
    expect(failed.exitCode).toBe(1);
    expect(failed.statuses('workouts')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    expect(failed.statuses('workout_metrics')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    expect(failed.errors()).toHaveLength(1);
    expect(failed.errors()[0]!['trace'].error).toMatchObject({
      failure_type: 'transient_error',
      stream_descriptor: { name: 'workout_metrics' },
      message: expect.stringMatching(/performance_graph failed after 3 attempts: Peloton answered 503 Service Unavailable/),
    });
    expect(failed.records('workouts').map((r) => r['id'])).toEqual(sim.history.all().map((w) => w.id));
    // Graph requests past the 57th fail, so at most 57 records; fewer only by the graphs still in flight.
    const emitted = failed.records('workout_metrics').map((r) => r['id']);
    expect(emitted.length).toBeGreaterThanOrEqual(50);
    expect(emitted.length).toBeLessThanOrEqual(57);

    sim.faults.clear();
    sim.requests.length = 0;
    const resumed = await read(config(), failed.lastStates());
    expect(resumed.exitCode).toBe(0);
    expect(resumed.records('workouts')).toEqual([]);
    const all = sim.history.all().map((w) => w.id);
    expect([...emitted, ...resumed.records('workout_metrics').map((r) => r['id'])]).toEqual(all);
    // What the failed run emitted is not fetched again.
    const refetched = sim.requests.filter((r) => r.route === 'performance_graph').map((r) => r.path.split('/')[3]);
    expect(refetched.filter((id) => emitted.includes(id))).toEqual([]);
  });

  it('on a workouts page: both streams fail, and resuming completes the data', async () => {
    sim.injectFaults({ route: 'workouts', kind: 'reset', times: 10_000, skip: 1 });
    const failed = await read(config({ max_retries: 1 }));
    expect(failed.exitCode).toBe(1);
    expect(failed.statuses('workouts')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    expect(failed.statuses('workout_metrics')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    expect(failed.errors().map((e) => e['trace'].error.stream_descriptor.name)).toEqual(['workouts', 'workout_metrics']);
    expect(failed.records('workouts')).toHaveLength(40);

    sim.faults.clear();
    const resumed = await read(config(), failed.lastStates());
    expect(resumed.exitCode).toBe(0);
    const all = sim.history.all().map((w) => w.id);
    expect([...failed.records('workouts'), ...resumed.records('workouts')].map((r) => r['id'])).toEqual(all);
    expect([...failed.records('workout_metrics'), ...resumed.records('workout_metrics')].map((r) => r['id'])).toEqual(all);
  });

  it('an unexpected error ends as a system_error trace and exit 1', async () => {
    const spy = vi.spyOn(WindowCursor.prototype, 'complete').mockImplementation(() => {
      throw new TypeError('cannot read properties of undefined');
    });
    try {
      const result = await read(config());
      expect(result.exitCode).toBe(1);
      expect(result.errors()[0]!['trace'].error).toMatchObject({
        failure_type: 'system_error',
        message: expect.stringMatching(/unexpectedly: TypeError/),
        stack_trace: expect.any(String),
      });
      expect(result.statuses('workouts').at(-1)).toBe('INCOMPLETE');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('signals', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s stops promptly with INCOMPLETE, safe state and a non-zero exit', async (signal) => {
    sim.latencyMs = 20;
    const stopped = await spawnCli(args(config({ max_concurrency: 2 })), { signalAfterRecords: { records: 30, signal } });
    outputs.push(stopped.stdout, stopped.stderr);
    // It handled the signal and exited by itself, before fetching every graph (which a run ignoring it would).
    expect(stopped.signal).toBe(null);
    expect(stopped.exitCode).not.toBe(0);
    expect(sim.count('performance_graph')).toBeLessThan(WORKOUTS);
    expect(stopped.statuses('workouts').at(-1)).toBe('INCOMPLETE');
    expect(stopped.statuses('workout_metrics').at(-1)).toBe('INCOMPLETE');
    expect(stopped.errors()[0]!['trace'].error).toMatchObject({
      failure_type: 'transient_error',
      message: expect.stringMatching(new RegExp(`stopped \\(${signal} received\\).*resumes from the last state`)),
    });

    sim.latencyMs = 0;
    const resumed = await read(config(), stopped.lastStates());
    const union = (stream: string): Set<string> => new Set([...stopped.records(stream), ...resumed.records(stream)].map((r) => r['id']));
    expect(union('workouts')).toEqual(new Set(sim.history.all().map((w) => w.id)));
    expect(union('workout_metrics')).toEqual(new Set(sim.history.all().map((w) => w.id)));
  });
});

describe('stdout closed by its reader', () => {
  it('stops promptly with a non-zero exit instead of reading on', async () => {
    const { spawn } = await import('node:child_process');
    const bin = new URL('../bin/source-peloton.js', import.meta.url).pathname;
    sim.latencyMs = 5;
    const child = spawn(process.execPath, [bin, ...args(config({ max_concurrency: 2 }))], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    outputs.push(stderr);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/stdout closed \(EPIPE\); stopping/);
    expect(sim.count('performance_graph')).toBeLessThan(WORKOUTS);
  });
});

afterAll(() => {
  // One sweep over every scenario above: no password or token in any stdout or stderr.
  const everything = outputs.join('\n');
  expect(secrets.size).toBeGreaterThan(3);
  for (const secret of secrets) expect(everything.includes(secret), `secret leaked: ${secret.slice(0, 6)}…`).toBe(false);
});
