import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RouteName } from '../simulator/faults.js';
import type { SimWorkout } from '../simulator/workouts.js';
import { catalog, readArgs, runCli, streamState, type CliResult } from './helpers/cli.js';
import { classIdOf, expectedRecords, finalWorkouts, simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

/**
 * Streams reading one request with different states: each gets its own window, and the request is made once per
 * item that any of them needs, never twice.
 */

const EVERY_N = 30;
let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: 100, seed: 3, inProgress: 0 })));
afterEach(() => sim.close());

type Row = Record<string, unknown>;

/** Per stream: its cursor field and the route it reads. */
const STREAMS: Record<string, { cursor: string; route: RouteName }> = {
  workout_metrics: { cursor: 'workout_created_at', route: 'performance_graph' },
  workout_samples: { cursor: 'workout_created_at', route: 'performance_graph' },
  workout_details: { cursor: 'created_at', route: 'workout_detail' },
  strength_sets: { cursor: 'workout_created_at', route: 'workout_detail' },
  ride_details: { cursor: 'workout_created_at', route: 'ride_details' },
  class_songs: { cursor: 'workout_created_at', route: 'ride_details' },
};

const expected = (stream: string, workouts: SimWorkout[]): Row[] => expectedRecords(sim, stream, workouts, EVERY_N);

/** The keys a route must be asked for, once each, to read `workouts`: final workouts' ids, or distinct class ids. */
function keysFor(route: RouteName, workouts: SimWorkout[]): string[] {
  if (route === 'ride_details') return [...new Set(workouts.map(classIdOf).filter((id) => id !== undefined))].sort();
  return finalWorkouts(workouts)
    .map((w) => w.id)
    .sort();
}

/** The keys `route` was asked for (path segment 3: the workout or ride id), sorted, repeats kept. */
const askedKeys = (route: RouteName): string[] =>
  sim.requests
    .filter((r) => r.route === route)
    .map((r) => r.path.split('/')[3]!)
    .sort();

async function readBoth(names: string[], state: unknown[]): Promise<CliResult> {
  sim.requests.length = 0;
  const modes = Object.fromEntries(names.map((n) => [n, 'incremental' as const]));
  const result = await runCli(readArgs(simConfig(sim, { metrics_every_n: EVERY_N }), catalog(modes), state));
  expect(result.exitCode).toBe(0);
  return result;
}

/** A state that says an interrupted sync emitted `covered` (newest first, contiguous) and nothing committed yet. */
const partial = (covered: SimWorkout[]): Row => ({
  partial: { synced: [{ newest: covered[0]!.created_at, oldest: covered.at(-1)!.created_at, oldest_ids: [covered.at(-1)!.id] }] },
});

describe('two streams of one request, one at today and one new', () => {
  it.each([
    ['workout_metrics', 'workout_samples'],
    ['workout_samples', 'workout_metrics'],
    ['workout_details', 'strength_sets'],
    ['strength_sets', 'workout_details'],
    ['ride_details', 'class_songs'],
    ['class_songs', 'ride_details'],
  ])('%s at today, %s new, then three new workouts: each reads its own window, each request once', async (current, fresh) => {
    const before = sim.history.all();
    const state = [streamState(current, { [STREAMS[current]!.cursor]: before[0]!.created_at })];
    const added = sim.history.add(3).reverse();
    const result = await readBoth([current, fresh], state);
    const all = sim.history.all();
    expect(result.records(current)).toEqual(expected(current, added));
    expect(result.records(fresh)).toEqual(expected(fresh, all));
    // Both have records for the older workouts: reading the wrong window would show.
    for (const name of [current, fresh]) expect(expected(name, before).length).toBeGreaterThan(0);
    const { route } = STREAMS[current]!;
    expect(askedKeys(route)).toEqual(keysFor(route, all));
    for (const name of [current, fresh])
      expect(result.lastStates().find((s) => s['stream'].stream_descriptor.name === name)?.['stream'].stream_state).toMatchObject({
        [STREAMS[name]!.cursor]: all[0]!.created_at,
      });
  });

  it('workout_metrics at today with nothing newer emits nothing, while workout_samples reads the whole window with one graph request per workout', async () => {
    const all = sim.history.all();
    const result = await readBoth(
      ['workout_metrics', 'workout_samples'],
      [streamState('workout_metrics', { workout_created_at: all[0]!.created_at })],
    );
    expect(result.records('workout_metrics')).toEqual([]);
    expect(result.records('workout_samples')).toEqual(expected('workout_samples', all));
    expect(askedKeys('performance_graph')).toEqual(keysFor('performance_graph', all));
  });
});

describe('one stream resumed part way, the other new or at today', () => {
  it('workout_samples resumed after the newest 40, workout_metrics new: samples read the rest, metrics all, each graph once', async () => {
    const all = sim.history.all();
    const result = await readBoth(['workout_metrics', 'workout_samples'], [streamState('workout_samples', partial(all.slice(0, 40)))]);
    expect(result.records('workout_samples')).toEqual(expected('workout_samples', all.slice(40)));
    expect(result.records('workout_metrics')).toEqual(expected('workout_metrics', all));
    expect(askedKeys('performance_graph')).toEqual(keysFor('performance_graph', all));
  });

  it('workout_metrics resumed after its newest 40, workout_samples at today, three new workouts since: no graph for the 40', async () => {
    const before = sim.history.all();
    const state = [
      streamState('workout_metrics', partial(before.slice(0, 40))),
      streamState('workout_samples', { workout_created_at: before[0]!.created_at }),
    ];
    const added = sim.history.add(3).reverse();
    const result = await readBoth(['workout_metrics', 'workout_samples'], state);
    expect(result.records('workout_metrics')).toEqual(expected('workout_metrics', [...added, ...before.slice(40)]));
    expect(result.records('workout_samples')).toEqual(expected('workout_samples', added));
    expect(askedKeys('performance_graph')).toEqual(keysFor('performance_graph', [...added, ...before.slice(40)]));
  });
});
