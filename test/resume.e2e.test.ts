import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog, committedIds, readArgs, runCli, type CliResult } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';
import { spawnCli } from './helpers/spawn.js';

const WORKOUTS = 180;
let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: WORKOUTS, inProgress: 1, latencyMs: 1 })));
afterEach(() => sim.close());

const BOTH = catalog({ workouts: 'incremental', workout_metrics: 'incremental' });
const config = (): Record<string, unknown> => simConfig(sim, { page_size: 50, max_concurrency: 4 });

function files(state?: unknown): string[] {
  return readArgs(config(), BOTH, state);
}

function mergeStates(previous: Record<string, unknown>[], result: CliResult): Record<string, unknown>[] {
  const byStream = new Map(previous.map((s: any) => [s.stream.stream_descriptor.name, s]));
  for (const s of result.lastStates()) byStream.set(s['stream'].stream_descriptor.name, s);
  return [...byStream.values()];
}

describe('a read killed at any moment resumes without losing anything', () => {
  it.each([1, 9, 26, 49, 50, 51, 100, 137, 222, 301])('SIGKILL after %i records, then resume', async (k) => {
    const workoutIds = sim.history.all().map((w) => w.id);
    const finalIds = sim.history
      .all()
      .filter((w) => w.status !== 'IN_PROGRESS')
      .map((w) => w.id);

    const killed = await spawnCli(files(), { killAfterRecords: k });
    expect(killed.signal, `the run ended by itself (exit ${killed.exitCode}): ${killed.stderr.slice(-500)}`).toBe('SIGKILL');
    const state = mergeStates([], killed);
    const checkpointedMetrics = new Set(committedIds(killed, 'workout_metrics'));

    sim.requests.length = 0;
    const resumed = await runCli(files(state));
    expect(resumed.exitCode).toBe(0);
    for (const stream of ['workouts', 'workout_metrics']) {
      const ids = resumed.records(stream).map((r) => r['id']);
      expect(new Set(ids).size, `${stream} repeated within the resumed run`).toBe(ids.length);
    }

    const union = (stream: string): Set<string> =>
      new Set([...committedIds(killed, stream), ...resumed.records(stream).map((r) => r['id'])]);
    expect(union('workouts')).toEqual(new Set(workoutIds));
    expect(union('workout_metrics')).toEqual(new Set(finalIds));
    // Nothing covered by the killed run's last STATE is emitted or fetched again.
    const refetched = sim.requests.filter((r) => r.route === 'performance_graph').map((r) => r.path.split('/')[3]);
    expect(refetched.filter((id) => checkpointedMetrics.has(id!))).toEqual([]);
    expect(resumed.records('workout_metrics').filter((r) => checkpointedMetrics.has(r['id']))).toEqual([]);
    const checkpointedWorkouts = new Set(committedIds(killed, 'workouts'));
    expect(resumed.records('workouts').filter((r) => checkpointedWorkouts.has(r['id']))).toEqual([]);
  });

  it('makes progress when killed again and again (each run gets ~50 records out, then dies)', async () => {
    let state: Record<string, unknown>[] = [];
    const seen = { workouts: new Set<string>(), workout_metrics: new Set<string>() };
    let finished: number | undefined;
    for (let round = 0; round < 30 && finished === undefined; round++) {
      const run = await spawnCli(files(state.length === 0 ? undefined : state), { killAfterRecords: 50 });
      for (const stream of ['workouts', 'workout_metrics'] as const) for (const id of committedIds(run, stream)) seen[stream].add(id);
      state = mergeStates(state, run);
      if (run.signal === null) finished = run.exitCode;
    }
    // Some run got to the end by itself, and between them they committed every record.
    expect(finished).toBe(0);
    expect(seen.workouts).toEqual(new Set(sim.history.all().map((w) => w.id)));
    expect(seen.workout_metrics).toEqual(
      new Set(
        sim.history
          .all()
          .filter((w) => w.status !== 'IN_PROGRESS')
          .map((w) => w.id),
      ),
    );
  });
});

describe('the next incremental read', () => {
  it('fetches only the new pages, the new workouts and the newly completed one', async () => {
    const first = await runCli(files());
    expect(first.exitCode).toBe(0);
    const inProgress = sim.history.all()[0]!;
    expect(inProgress.status).toBe('IN_PROGRESS');
    expect(first.records('workout_metrics').map((r) => r['id'])).not.toContain(inProgress.id);

    const added = sim.history.add(4);
    sim.history.completeInProgress();
    sim.requests.length = 0;
    const second = await runCli(files(first.lastStates()));
    expect(second.exitCode).toBe(0);
    const expected = [...added.map((w) => w.id).reverse(), inProgress.id];
    expect(second.records('workouts').map((r) => r['id'])).toEqual(expected);
    expect(second.records('workouts').at(-1)?.['status']).toBe('COMPLETE');
    expect(second.records('workout_metrics').map((r) => r['id'])).toEqual(expected);
    expect(sim.requests.filter((r) => r.route === 'workouts').map((r) => r.query['page'])).toEqual(['0']);
    expect(sim.requests.filter((r) => r.route === 'performance_graph')).toHaveLength(expected.length);
  });

  it('a state from the future gives zero records and a STATE', async () => {
    const future = [
      { type: 'STREAM', stream: { stream_descriptor: { name: 'workouts' }, stream_state: { created_at: 4_102_444_800 } } },
      { type: 'STREAM', stream: { stream_descriptor: { name: 'workout_metrics' }, stream_state: { workout_created_at: 4_102_444_800 } } },
    ];
    const result = await runCli(files(future));
    expect(result.exitCode).toBe(0);
    expect(result.messages.filter((m) => m['type'] === 'RECORD')).toEqual([]);
    expect(result.states('workouts').at(-1)?.['state'].stream.stream_state).toEqual({ created_at: 4_102_444_800 });
    expect(result.states('workout_metrics').at(-1)?.['state'].stream.stream_state).toEqual({ workout_created_at: 4_102_444_800 });
  });
});
