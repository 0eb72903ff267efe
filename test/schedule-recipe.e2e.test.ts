import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

/**
 * The README's scheduling recipe, examples/sync-peloton.sh, run as cron would run it: three syncs in a row with
 * a refresh token that rotates on every run, one of them failing part way.
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const jqFound = spawnSync('jq', ['--version']).status === 0;
if (!jqFound && process.env['CI'] !== undefined) throw new Error('jq is missing: .ci/run installs it for the scheduling recipe test.');
if (!jqFound) console.warn('NOTICE: jq is not installed; the scheduling recipe test (examples/sync-peloton.sh) is skipped.');
const describeWithJq = jqFound ? describe : describe.skip;

let sim: PelotonSimulator;
let dir: string;
let handedOut: string;
beforeEach(async () => {
  // Access tokens that expire within the run: every run refreshes, and so rotates the refresh token.
  sim = await startSim({ workouts: 30, inProgress: 0, accessTokenTtlSeconds: 1 });
  dir = mkdtempSync(join(tmpdir(), 'source-peloton-schedule-'));
  copyFileSync(join(root, 'examples', 'sync-peloton.sh'), join(dir, 'sync-peloton.sh'));
  // The recipe calls `source-peloton` from the PATH, as an installed package provides it.
  const binDir = join(dir, 'bin');
  spawnSync('mkdir', [binDir]);
  writeFileSync(join(binDir, 'source-peloton'), `#!/bin/sh\nexec "${process.execPath}" "${join(root, 'bin', 'source-peloton.js')}" "$@"\n`);
  chmodSync(join(binDir, 'source-peloton'), 0o755);
  handedOut = sim.auth0.issueRefreshToken();
  const config = simConfig(sim, { credentials: { auth_type: 'oauth', refresh_token: handedOut }, max_retries: 0 });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config), { mode: 0o600 });
  writeFileSync(join(dir, 'catalog.json'), JSON.stringify(catalog({ workouts: 'incremental', workout_metrics: 'incremental' })));
});
afterEach(() => sim.close());

async function runRecipe(): Promise<number> {
  // Past the one-second life of the access token the previous run stored: this run refreshes, and rotates.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  return new Promise((resolve) => {
    const child = spawn('sh', [join(dir, 'sync-peloton.sh')], {
      env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env['PATH'] ?? ''}` },
      stdio: 'ignore',
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

const json = (file: string): any => JSON.parse(readFileSync(join(dir, file), 'utf8'));
const streamStates = (): Record<string, unknown> =>
  Object.fromEntries((json('state.json') as any[]).map((s) => [s.stream.stream_descriptor.name, s.stream.stream_state]));

describeWithJq('the scheduling recipe (examples/sync-peloton.sh)', () => {
  it('keeps the state and the rotated refresh token from run to run, and a failed run loses neither', async () => {
    const newest = (): number => sim.history.all()[0]!.created_at;

    expect(await runRecipe()).toBe(0);
    expect(streamStates()).toMatchObject({ workouts: { created_at: newest() }, workout_metrics: { workout_created_at: newest() } });
    // The token written at the start was used up by the run's refresh: the file holds the rotated one.
    const firstToken = json('config.json').credentials.refresh_token as string;
    expect(firstToken).not.toBe(handedOut);
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);

    const added = sim.history.add(4);
    expect(await runRecipe()).toBe(0);
    const secondRun = readFileSync(
      join(
        dir,
        'runs',
        spawnSync('ls', [join(dir, 'runs')])
          .stdout.toString()
          .trim()
          .split('\n')
          .at(-1)!,
      ),
      'utf8',
    );
    const workoutRecords = secondRun.split('\n').filter((line) => line.includes('"stream":"workouts","data"'));
    expect(workoutRecords.map((line) => JSON.parse(line).record.data.id)).toEqual(added.map((w) => w.id).reverse());
    const secondToken = json('config.json').credentials.refresh_token as string;
    expect(secondToken).not.toBe(firstToken);
    expect(streamStates()['workouts']).toEqual({ created_at: newest() });

    // A run that fails before printing any STATE (Auth0 down: the refresh fails): state and token stay as they were.
    const before = readFileSync(join(dir, 'state.json'), 'utf8');
    const later = sim.history.add(2);
    sim.injectFaults({ route: 'oauth_token', kind: 'status', status: 500, times: 1_000 });
    expect(await runRecipe()).not.toBe(0);
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(before);
    expect(json('config.json').credentials.refresh_token).toBe(secondToken);

    // The next run picks up where the last good one stopped, with the token it kept.
    sim.faults.clear();
    expect(await runRecipe()).toBe(0);
    const newestRun = spawnSync('ls', [join(dir, 'runs')])
      .stdout.toString()
      .trim()
      .split('\n')
      .at(-1)!;
    const ids = readFileSync(join(dir, 'runs', newestRun), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"stream":"workouts","data"'))
      .map((line) => JSON.parse(line).record.data.id);
    expect(ids).toEqual(later.map((w) => w.id).reverse());
    expect(json('config.json').credentials.refresh_token).not.toBe(secondToken);
  }, 60_000);
});
