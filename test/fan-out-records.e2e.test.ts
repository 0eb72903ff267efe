import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimWorkout } from '../simulator/workouts.js';
import { catalog, readArgs, runCli, STREAM_CONTRACT, type CliResult } from './helpers/cli.js';
import {
  expectedAchievementRecords,
  expectedChallengeRecords,
  expectedClassSongRecords,
  expectedLocationRecords,
  expectedPersonalRecordRecords,
  expectedSampleRecords,
  expectedStrengthSetRecords,
  expectedStrokeRecords,
  finalWorkouts,
  iso,
  simConfig,
  startSim,
  type PelotonSimulator,
} from './helpers/sim.js';

/**
 * The streams that fan one answer out into many records (samples, GPS, strokes, strength sets, songs, personal
 * records, achievements), and the member streams (instructors, challenges), each compared record by record with
 * the simulator's own model: every expected record, none extra, exact values, in order.
 */

type Modes = Record<string, 'full_refresh' | 'incremental'>;
const ALL_STREAMS = STREAM_CONTRACT.map((s) => s.name);
const fullRefresh = (streams: string[]): Modes => Object.fromEntries(streams.map((s) => [s, 'full_refresh']));

const read = (sim: PelotonSimulator, modes: Modes, overrides: Record<string, unknown> = {}): Promise<CliResult> =>
  runCli(readArgs(simConfig(sim, overrides), catalog(modes)));

const recordsOf = (result: CliResult, stream: string, workout: SimWorkout): Array<Record<string, any>> =>
  result.records(stream).filter((r) => r['workout_id'] === workout.id);

/**
 * Seed 3, 160 workouts (the newest still in progress): a graph that lost its samples, graphs with `metrics: []`,
 * outdoor runs and walks (one without a class), rowers, tracked and untracked strength, Just Rides, 59 instructors.
 */
let sim: PelotonSimulator;
let all: SimWorkout[];
/** Every stream in one read at the default every_n (5), pages of 20. */
let result: CliResult;
beforeAll(async () => {
  sim = await startSim({ workouts: 160, seed: 3, inProgress: 1 });
  all = sim.history.all();
  result = await read(sim, fullRefresh(ALL_STREAMS), { page_size: 20 });
});
afterAll(() => sim.close());

const finals = (): SimWorkout[] => finalWorkouts(all);
const lostGraphs = (): SimWorkout[] => finals().filter((w) => sim.sampleTruth(w.id, 5)!.offsets.length === 0);
const withoutMetrics = (): SimWorkout[] =>
  finals().filter((w) => {
    const truth = sim.sampleTruth(w.id, 5)!;
    return truth.offsets.length > 0 && Object.keys(truth.values).length === 0;
  });

describe('the history', () => {
  it('holds every case the checks below rely on', () => {
    expect(result.exitCode).toBe(0);
    for (const stream of ALL_STREAMS) expect(result.statuses(stream), stream).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    expect(all.filter((w) => w.status === 'IN_PROGRESS')).toHaveLength(1);
    expect(lostGraphs()).toHaveLength(1);
    expect(withoutMetrics().length).toBeGreaterThan(5);
    expect(finals().filter((w) => w['is_outdoor'] === true).length).toBeGreaterThan(2);
    expect(finals().filter((w) => w['fitness_discipline'] === 'caesar').length).toBeGreaterThan(10);
    const strength = finals().filter((w) => w['fitness_discipline'] === 'strength');
    expect(strength.filter((w) => sim.strengthSetTruth(w.id)!.length > 0).length).toBeGreaterThan(5);
    expect(strength.filter((w) => sim.strengthSetTruth(w.id)!.length === 0).length).toBeGreaterThan(2);
  });
});

describe('workout_samples', () => {
  it('is one row per sample of every final workout’s graph at every_n 5, one column per metric and alternative slug', () => {
    expect(result.records('workout_samples')).toEqual(expectedSampleRecords(sim, all, 5));
    expect(sim.requests.filter((r) => r.route === 'performance_graph' && r.query['every_n'] !== '5')).toEqual([]);
  });

  it('gives no row for a graph without offsets, and none for the workout still in progress', () => {
    const [lost] = lostGraphs();
    expect(sim.count('performance_graph')).toBe(finals().length);
    expect(sim.requests.some((r) => r.path === `/api/workout/${lost!.id}/performance_graph`)).toBe(true);
    expect(recordsOf(result, 'workout_samples', lost!)).toEqual([]);
    const running = all.find((w) => w.status === 'IN_PROGRESS')!;
    expect(sim.requests.some((r) => r.path.includes(running.id))).toBe(false);
    expect(recordsOf(result, 'workout_samples', running)).toEqual([]);
  });

  it('gives rows with only workout_id, workout_created_at and offset for a graph with `metrics: []`', () => {
    for (const workout of withoutMetrics()) {
      const rows = recordsOf(result, 'workout_samples', workout);
      expect(rows.map((r) => r['offset'])).toEqual(sim.sampleTruth(workout.id, 5)!.offsets);
      for (const row of rows) expect(Object.keys(row).sort()).toEqual(['offset', 'workout_created_at', 'workout_id']);
    }
  });
});

describe('workout_locations', () => {
  it('is every GPS fix of every final outdoor workout, with its segment; indoor workouts give none', () => {
    const records = result.records('workout_locations');
    expect(records).toEqual(expectedLocationRecords(sim, all, 5));
    const outdoor = new Set(
      finals()
        .filter((w) => w['is_outdoor'] === true)
        .map((w) => w.id),
    );
    expect(new Set(records.map((r) => r['workout_id']))).toEqual(outdoor);
  });
});

describe('rower_strokes', () => {
  it('is every stroke of every final rowing workout, and nothing from any other', () => {
    const records = result.records('rower_strokes');
    expect(records).toEqual(expectedStrokeRecords(sim, all));
    const rowers = new Set(
      finals()
        .filter((w) => w['fitness_discipline'] === 'caesar')
        .map((w) => w.id),
    );
    expect(records.filter((r) => !rowers.has(r['workout_id']))).toEqual([]);
    expect(new Set(records.map((r) => r['workout_id'])).size).toBeGreaterThan(10);
  });
});

describe('strength_sets', () => {
  it('is every tracked set of every final strength workout, in order; untracked workouts give none', () => {
    const records = result.records('strength_sets');
    expect(records).toEqual(expectedStrengthSetRecords(sim, all));
    const untracked = finals().filter((w) => w['fitness_discipline'] === 'strength' && sim.strengthSetTruth(w.id)!.length === 0);
    for (const workout of untracked) expect(recordsOf(result, 'strength_sets', workout)).toEqual([]);
    const strength = new Set(
      finals()
        .filter((w) => w['fitness_discipline'] === 'strength')
        .map((w) => w.id),
    );
    expect(records.filter((r) => !strength.has(r['workout_id']))).toEqual([]);
  });
});

describe('class_songs', () => {
  it('is every song of each distinct class, with the newest workout of that class as workout_created_at', () => {
    const records = result.records('class_songs');
    expect(records).toEqual(expectedClassSongRecords(sim, all));
    // The same value ride_details carries for the class.
    const rides = new Map(result.records('ride_details').map((r) => [r['id'], r['workout_created_at']]));
    expect(records.filter((r) => rides.get(r['ride_id']) !== r['workout_created_at'])).toEqual([]);
  });
});

describe('member streams', () => {
  it('personal_records is every record of the overview, with its discipline', () => {
    expect(result.records('personal_records')).toEqual(expectedPersonalRecordRecords(sim));
    expect(result.records('personal_records').length).toBeGreaterThan(10);
  });

  it('achievements is every badge earned, with its category and count', () => {
    expect(result.records('achievements')).toEqual(expectedAchievementRecords(sim));
    expect(new Set(result.records('achievements').map((r) => r['category'])).size).toBeGreaterThan(1);
  });

  it('instructors is every instructor, read over pages of page_size', () => {
    expect(result.records('instructors')).toEqual(sim.instructorTruth());
    const pages = sim.requests.filter((r) => r.route === 'instructors').map((r) => r.query);
    expect(pages).toEqual([0, 1, 2].map((page) => ({ page: String(page), limit: '20' })));
  });

  it('challenges is every joined challenge: its list item with its detail, the progress of both kept', () => {
    expect(result.records('challenges').map((r) => r['id'])).toEqual(sim.challengeTruth().map((c) => c.summary.id));
    expect(result.records('challenges')).toEqual(expectedChallengeRecords(sim));
  });
});

describe('every_n 1', () => {
  it('gives every second with data as a row, and every GPS fix', async () => {
    // The newest 13 workouts: outdoor with and without a class, rowers, tracked strength, a meditation without metrics.
    const window = all.slice(0, 13);
    const one = await read(sim, fullRefresh(['workout_samples', 'workout_locations', 'rower_strokes']), {
      metrics_every_n: 1,
      start_date: iso(window.at(-1)!.created_at),
    });
    expect(one.exitCode).toBe(0);
    expect(one.records('workout_samples')).toEqual(expectedSampleRecords(sim, window, 1));
    expect(one.records('workout_locations')).toEqual(expectedLocationRecords(sim, window, 1));
    expect(one.records('rower_strokes')).toEqual(expectedStrokeRecords(sim, window));
    // Each has records in the window, so the comparison above is not between empty lists.
    for (const stream of ['workout_samples', 'workout_locations', 'rower_strokes']) expect(one.records(stream).length).toBeGreaterThan(400);
    expect(withoutMetrics().some((w) => window.includes(w))).toBe(true);
  });
});

describe('members with nothing to read', () => {
  it('a member without achievements or challenges gets no record, and both streams complete', async () => {
    const none = await startSim({ workouts: 60, achievements: false, challenges: false });
    try {
      const empty = await read(none, fullRefresh(['achievements', 'challenges']));
      expect(empty.exitCode).toBe(0);
      for (const stream of ['achievements', 'challenges']) {
        expect(empty.records(stream)).toEqual([]);
        expect(empty.statuses(stream)).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
      }
      expect(none.count('achievements')).toBe(1);
      expect(none.count('challenges')).toBe(1);
      expect(none.count('challenge_detail')).toBe(0);
    } finally {
      await none.close();
    }
  });

  it('a challenge whose detail answers 404 is skipped with one warning; the other is emitted', async () => {
    const other = await startSim({ workouts: 60 });
    try {
      other.injectFaults({ route: 'challenge_detail', kind: 'status', status: 404, times: 1 });
      const skipped = await read(other, fullRefresh(['challenges']));
      expect(skipped.exitCode).toBe(0);
      expect(skipped.statuses('challenges')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
      const expected = expectedChallengeRecords(other);
      expect(expected).toHaveLength(2);
      const records = skipped.records('challenges');
      expect(records).toHaveLength(1);
      const [kept, gone] = records[0]?.['id'] === expected[0]?.['id'] ? expected : [...expected].reverse();
      expect(records[0]?.['challenge_summary']).toEqual(kept?.['challenge_summary']);
      expect(records[0]?.['challenge_detail']).toEqual(kept?.['challenge_detail']);
      const warnings = skipped.messages
        .filter((m) => m['type'] === 'LOG' && m['log'].level === 'WARN')
        .map((m) => String(m['log'].message));
      expect(warnings).toEqual([
        expect.stringMatching(new RegExp(`^challenges: Peloton answered 404 for the detail of challenge ${String(gone?.['id'])}`)),
      ]);
      expect(other.count('challenge_detail')).toBe(2);
    } finally {
      await other.close();
    }
  });
});
