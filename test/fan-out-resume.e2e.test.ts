import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog, committedRecords, keyOf, readArgs, runCli } from './helpers/cli.js';
import { asJson, expectedSampleRecords, expectedStrengthSetRecords, simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';
import { spawnCli } from './helpers/spawn.js';

/**
 * workout_samples and strength_sets (many records per workout, composite keys) beside workouts, killed mid-read
 * and resumed: nothing lost, nothing committed emitted again, no request for a workout whose records were committed.
 */

let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: 100, seed: 3, inProgress: 1, latencyMs: 1 })));
afterEach(() => sim.close());

type Row = Record<string, unknown>;
const MODES = catalog({ workouts: 'incremental', workout_samples: 'incremental', strength_sets: 'incremental' });
/**
 * A read's arguments, with its own access token: requests the killed process sent just before it died may reach
 * the simulator's log after the resumed read started, and are told apart by their token.
 */
function reading(state?: unknown): { argv: string[]; authorization: string } {
  const config = simConfig(sim, { page_size: 20 });
  return {
    argv: readArgs(config, MODES, state),
    authorization: `Bearer ${(config['credentials'] as { access_token: string }).access_token}`,
  };
}

/** Each stream's primary key, and its records by the simulator for the whole history. */
function truth(): Record<string, { key: string[]; records: Row[] }> {
  const all = sim.history.all();
  return {
    workouts: { key: ['id'], records: all.map((w) => asJson(w)) },
    workout_samples: { key: ['workout_id', 'offset'], records: expectedSampleRecords(sim, all, 5) },
    strength_sets: { key: ['workout_id', 'position'], records: expectedStrengthSetRecords(sim, all) },
  };
}

/** Workouts with records of the stream, every one of them committed: a resumed sync has nothing to ask for them. */
function fullyCommitted(expected: Row[], committed: Set<string>, key: string[]): Set<string> {
  const open = new Set(expected.filter((r) => !committed.has(keyOf(r, key))).map((r) => r['workout_id']));
  return new Set(expected.map((r) => String(r['workout_id'])).filter((id) => !open.has(id)));
}

describe('workout_samples and strength_sets resume after a kill', () => {
  // With how many workouts at least whose samples (and sets) were all committed before the kill.
  it.each([
    [1, 0, 0],
    [50, 0, 0],
    [400, 1, 0],
    [3000, 5, 0],
    [12000, 20, 1],
  ])('SIGKILL after %i records, then resume', async (k, minSamplesDone, minSetsDone) => {
    const killed = await spawnCli(reading().argv, { killAfterRecords: k });
    expect(killed.signal).toBe('SIGKILL');
    const resume = reading(killed.lastStates());
    const resumed = await runCli(resume.argv);
    expect(resumed.exitCode).toBe(0);
    const resumedRequests = sim.requests.filter((r) => r.authorization === resume.authorization);

    const streams = truth();
    const committedKeys = new Map<string, Set<string>>();
    for (const [stream, { key, records: expected }] of Object.entries(streams)) {
      const byKey = new Map(expected.map((r) => [keyOf(r, key), r]));
      const committed = new Set(committedRecords(killed, stream).map((r) => keyOf(r, key)));
      committedKeys.set(stream, committed);
      const again = resumed.records(stream);
      const againKeys = again.map((r) => keyOf(r, key));
      // Every record is the simulator's, exactly; together they are all of them; none committed comes again.
      for (const record of [...killed.records(stream), ...again]) expect(record, stream).toEqual(byKey.get(keyOf(record, key)));
      expect(new Set([...committed, ...againKeys]), stream).toEqual(new Set(byKey.keys()));
      expect(
        againKeys.filter((k2) => committed.has(k2)),
        stream,
      ).toEqual([]);
      expect(new Set(againKeys).size, stream).toBe(againKeys.length);
    }

    const asked = (route: string): string[] => resumedRequests.filter((r) => r.route === route).map((r) => r.path.split('/')[3]!);
    const done = (stream: string): Set<string> =>
      fullyCommitted(streams[stream]!.records, committedKeys.get(stream)!, streams[stream]!.key);
    const [samplesDone, setsDone] = [done('workout_samples'), done('strength_sets')];
    expect(samplesDone.size).toBeGreaterThanOrEqual(minSamplesDone);
    expect(setsDone.size).toBeGreaterThanOrEqual(minSetsDone);
    expect(asked('performance_graph').filter((id) => samplesDone.has(id))).toEqual([]);
    expect(asked('workout_detail').filter((id) => setsDone.has(id))).toEqual([]);
    // Each request of the resumed sync once at most.
    for (const route of ['performance_graph', 'workout_detail']) expect(new Set(asked(route)).size).toBe(asked(route).length);
  });
});
