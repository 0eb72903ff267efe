import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog, committedIds, readArgs, runCli } from './helpers/cli.js';
import { expectedRideDetailsRecords, simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';
import { spawnCli } from './helpers/spawn.js';

/** workout_details and ride_details, killed mid-read and resumed: nothing lost, nothing committed read again. */

let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: 240, inProgress: 1, latencyMs: 1 })));
afterEach(() => sim.close());

const MODES = catalog({ workout_details: 'incremental', ride_details: 'incremental' });

function args(state?: unknown): string[] {
  return readArgs(simConfig(sim, { page_size: 50, max_concurrency: 4 }), MODES, state);
}

/**
 * The requests a read made, told apart by its own access token (each config gets one): requests the killed
 * process sent just before it died may reach the simulator's log after the resumed read started.
 */
function requestsOf(argv: string[]): typeof sim.requests {
  const config = JSON.parse(readFileSync(argv[argv.indexOf('--config') + 1]!, 'utf8')) as { credentials: { access_token: string } };
  return sim.requests.filter((r) => r.authorization === `Bearer ${config.credentials.access_token}`);
}

/** Class ids with details, by the simulator: every one must be emitted once across the killed and resumed runs. */
function classesWithDetails(): Set<string> {
  return new Set(expectedRideDetailsRecords(sim, sim.history.all()).map((r) => String(r['id'])));
}

describe('workout_details and ride_details resume after a kill', () => {
  it.each([1, 7, 33, 90, 160, 300])('SIGKILL after %i records, then resume', async (k) => {
    const killed = await spawnCli(args(), { killAfterRecords: k });
    expect(killed.signal).toBe('SIGKILL');
    const done = {
      workout_details: new Set(committedIds(killed, 'workout_details')),
      ride_details: new Set(committedIds(killed, 'ride_details')),
    };
    const resumedArgs = args(killed.lastStates());
    const resumed = await runCli(resumedArgs);
    expect(resumed.exitCode).toBe(0);

    const finalIds = sim.history
      .all()
      .filter((w) => w.status !== 'IN_PROGRESS')
      .map((w) => w.id);
    const detailIds = resumed.records('workout_details').map((r) => r['id'] as string);
    expect(new Set([...done.workout_details, ...detailIds])).toEqual(new Set(finalIds));
    expect(detailIds.filter((id) => done.workout_details.has(id))).toEqual([]);
    const detailsFetched = requestsOf(resumedArgs)
      .filter((r) => r.route === 'workout_detail')
      .map((r) => r.path.split('/')[3]);
    expect(detailsFetched.filter((id) => done.workout_details.has(id!))).toEqual([]);

    const classIds = resumed.records('ride_details').map((r) => r['id'] as string);
    expect(new Set([...done.ride_details, ...classIds])).toEqual(classesWithDetails());
    // At most once across the resumed sync: a class committed before the kill is neither emitted nor fetched again.
    expect(new Set(classIds).size).toBe(classIds.length);
    expect(classIds.filter((id) => done.ride_details.has(id))).toEqual([]);
    const refetched = requestsOf(resumedArgs)
      .filter((r) => r.route === 'ride_details')
      .map((r) => r.path.split('/')[3]);
    expect(refetched.filter((id) => done.ride_details.has(id!))).toEqual([]);
  });
});

describe('ride_details state', () => {
  it('stays small while the window is unfinished: a checkpoint never lists the classes handled', async () => {
    const killed = await spawnCli(args(), { killAfterRecords: 200 });
    const states = killed.states('ride_details').map((m) => m['state'].stream.stream_state as Record<string, any>);
    expect(states.length).toBeGreaterThan(3);
    for (const state of states) expect(state['partial']?.['values_done']).toBeUndefined();
    // One segment (the stretch emitted so far): the same size whether 3 or 80 classes were handled.
    expect(Math.max(...states.map((state) => JSON.stringify(state).length))).toBeLessThan(300);
    const resumed = await runCli(args(killed.lastStates()));
    const final = resumed.states('ride_details').at(-1)?.['state'].stream.stream_state as Record<string, unknown>;
    expect(final).toMatchObject({ workout_created_at: sim.history.all()[0]!.created_at });
  });

  it('honours the values_done list that earlier versions wrote: those classes are neither fetched nor emitted again', async () => {
    const workouts = sim.history.all();
    const classes = [...classesWithDetails()];
    const handled = classes.slice(0, 5);
    const newest = workouts[0]!.created_at;
    const state = [
      {
        type: 'STREAM',
        stream: {
          stream_descriptor: { name: 'ride_details' },
          stream_state: { partial: { synced: [{ newest, oldest: newest, oldest_ids: [workouts[0]!.id] }], values_done: handled } },
        },
      },
    ];
    const result = await runCli(readArgs(simConfig(sim), catalog({ ride_details: 'incremental' }), state));
    expect(result.exitCode).toBe(0);
    const emitted = result.records('ride_details').map((r) => String(r['id']));
    expect(new Set([...emitted, ...handled])).toEqual(new Set(classes));
    expect(emitted.filter((id) => handled.includes(id))).toEqual([]);
    const fetched = sim.requests.filter((r) => r.route === 'ride_details').map((r) => r.path.split('/')[3]!);
    expect(fetched.filter((id) => handled.includes(id))).toEqual([]);
  });

  it('refuses a malformed values_done with a clear error', async () => {
    const state = [
      {
        type: 'STREAM',
        stream: {
          stream_descriptor: { name: 'ride_details' },
          stream_state: { workout_created_at: 1, partial: { synced: [], values_done: [1, 2] } },
        },
      },
    ];
    const result = await runCli(args(state));
    expect(result.exitCode).toBe(1);
    expect(result.errors()[0]?.['trace'].error).toMatchObject({
      failure_type: 'config_error',
      message: expect.stringMatching(/'ride_details'.*values_done/),
    });
  });
});
