import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { assertValidAirbyteMessage } from './helpers/protocol.js';
import { catalog, FAST_RETRIES, runRaw, writeFiles } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

/** Each output protocol has one way to report a failure: stdout keeps speaking only that protocol. */

let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: 300 })));
afterEach(() => sim.close());

const SINGER_TYPES = new Set(['SCHEMA', 'RECORD', 'STATE', 'ACTIVATE_VERSION', 'BATCH']);

function expectOnlyAirbyte(stdout: string): Array<Record<string, any>> {
  const messages = stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>);
  for (const message of messages) assertValidAirbyteMessage(message);
  return messages;
}

function expectOnlySinger(stdout: string): Array<Record<string, any>> {
  const messages = stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>);
  for (const message of messages)
    expect(SINGER_TYPES.has(String(message['type'])), `not a Singer message: ${JSON.stringify(message).slice(0, 80)}`).toBe(true);
  return messages;
}

function files(): { config: string; catalog: string } {
  const paths = writeFiles({
    'config.json': simConfig(sim, { requests_per_second: 0 }),
    'catalog.json': catalog({ workouts: 'incremental', workout_metrics: 'incremental' }),
  });
  return { config: paths['config.json']!, catalog: paths['catalog.json']! };
}

/** A stderr whose isTTY cannot be read: an unexpected exception in the middle of a command. */
function explodingStderr(): PassThrough & { text: string } {
  const stderr = Object.assign(new PassThrough(), { text: '' });
  stderr.on('data', (chunk: Buffer) => (stderr.text += chunk.toString()));
  Object.defineProperty(stderr, 'isTTY', {
    get() {
      throw new TypeError('injected failure');
    },
  });
  return stderr;
}

async function runWithInjectedFailure(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const stderr = explodingStderr();
  const code = await run(argv, { stdout, stderr, retryTiming: FAST_RETRIES });
  return { code, stdout: out, stderr: stderr.text };
}

describe('an unexpected exception in a command', () => {
  it('Airbyte mode: a system_error TRACE on stdout, a readable line on stderr, exit 1', async () => {
    const { config, catalog: catalogPath } = files();
    const result = await runWithInjectedFailure(['read', '--config', config, '--catalog', catalogPath]);
    expect(result.code).toBe(1);
    const messages = expectOnlyAirbyte(result.stdout);
    const errors = messages.filter((m) => m['type'] === 'TRACE' && m['trace'].type === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0]!['trace'].error).toMatchObject({
      failure_type: 'system_error',
      message: expect.stringMatching(/failed unexpectedly: TypeError: injected failure/),
    });
    expect(result.stderr).toMatch(/^source-peloton: system_error: .*injected failure/m);
  });

  it('Singer mode: only Singer messages on stdout, a CRITICAL line on stderr, exit 1', async () => {
    const { config } = files();
    const result = await runWithInjectedFailure(['singer', '--config', config]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^CRITICAL system_error: .*injected failure/m);
  });
});

describe('a stream that fails in Singer mode', () => {
  it('keeps stdout Singer-only and reports the stream on stderr', async () => {
    sim.injectFaults({ route: 'performance_graph', kind: 'status', status: 500, times: 1_000 });
    const paths = writeFiles({ 'config.json': simConfig(sim, { max_retries: 0 }) });
    const { code, stdout: out, stderr: err } = await runRaw(['singer', '--config', paths['config.json']!]);
    expect(code).toBe(1);
    const messages = expectOnlySinger(out);
    expect(messages.filter((m) => m['type'] === 'RECORD' && m['stream'] === 'workouts')).toHaveLength(300);
    expect(err).toMatch(
      /^ERROR transient_error \(stream workout_metrics\): GET \/api\/workout\/\w+\/performance_graph failed after 1 attempt: Peloton answered 500 Internal Server Error/m,
    );
  });
});

const bin = (name: string): string => fileURLToPath(new URL(`../bin/${name}.js`, import.meta.url));
const crashPreload = fileURLToPath(new URL('./fixtures/crash-soon.mjs', import.meta.url));

function spawnWithCrash(script: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', crashPreload, script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CRASH_AFTER_MS: '1200' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('a crash nothing catches (the process-wide last resort)', () => {
  beforeEach(() => {
    // Slow enough that the crash comes mid-read.
    sim.latencyMs = 40;
  });

  it('source-peloton read: Airbyte messages only, ending in a system_error TRACE; a line on stderr; exit 1', async () => {
    const { config, catalog: catalogPath } = files();
    const result = await spawnWithCrash(bin('source-peloton'), ['read', '--config', config, '--catalog', catalogPath]);
    expect(result.code).toBe(1);
    const messages = expectOnlyAirbyte(result.stdout);
    expect(messages.some((m) => m['type'] === 'RECORD')).toBe(true);
    expect(messages.at(-1)).toMatchObject({
      type: 'TRACE',
      trace: { type: 'ERROR', error: { failure_type: 'system_error', message: expect.stringMatching(/injected crash/) } },
    });
    expect(result.stderr).toMatch(/source-peloton: system_error: .*injected crash/);
  });

  it('tap-peloton: Singer messages only; CRITICAL on stderr; exit 1', async () => {
    const { config } = files();
    const result = await spawnWithCrash(bin('tap-peloton'), ['--config', config]);
    expect(result.code).toBe(1);
    const messages = expectOnlySinger(result.stdout.slice(0, result.stdout.lastIndexOf('\n') + 1));
    expect(messages.some((m) => m['type'] === 'RECORD')).toBe(true);
    expect(result.stderr).toMatch(/^CRITICAL system_error: .*injected crash/m);
  });
});

describe('a command line error', () => {
  it.each([
    [['--password=hunter22-secret', 'login']],
    [['read', '--config', 'c.json', '--catalog', 'k.json', '--password=hunter22-secret']],
    [['check', '--config', 'c.json', '-phunter22-secret']],
  ])('%j: reported without the value of the unknown option', async (argv) => {
    const { code, stdout: out, stderr: err } = await runRaw(argv);
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option '(--password|-p)'/);
    expect(`${out}\n${err}`.includes('hunter22')).toBe(false);
  });
});
