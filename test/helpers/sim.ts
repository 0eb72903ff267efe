import { challengeDetail, challengeListItem } from '../../simulator/challenges.js';
import { displayNameOf } from '../../simulator/disciplines.js';
import { performanceGraph } from '../../simulator/graphs.js';
import { PelotonSimulator, type SimulatorOptions } from '../../simulator/server.js';
import { sampleRows } from '../../simulator/truth.js';
import type { SimWorkout } from '../../simulator/workouts.js';

export { PelotonSimulator };

/** A config for the simulator: bearer auth, no pacing, a start date before all of its history. */
export function simConfig(sim: PelotonSimulator, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    credentials: { auth_type: 'bearer', access_token: sim.issueAccessToken() },
    start_date: '2000-01-01T00:00:00Z',
    api_base_url: sim.url,
    auth_base_url: sim.url,
    requests_per_second: 0,
    max_concurrency: 4,
    ...overrides,
  };
}

const issued = new WeakMap<PelotonSimulator, Set<string>>();

/**
 * Every secret the simulator knows or handed out so far: its password and every token it signed
 * (access, id and login tokens) or issued as a refresh token, whether the connector ever sent it back or not.
 */
export function simulatorSecrets(sim: PelotonSimulator): Set<string> {
  return new Set([sim.auth0.password, ...(issued.get(sim) ?? [])]);
}

export async function startSim(options: SimulatorOptions = {}): Promise<PelotonSimulator> {
  const sim = await PelotonSimulator.start({ workouts: 120, ...options });
  const secrets = new Set<string>();
  issued.set(sim, secrets);
  const sign = sim.tokens.issue.bind(sim.tokens);
  sim.tokens.issue = (...args) => remember(secrets, sign(...args));
  const issueRefreshToken = sim.auth0.issueRefreshToken.bind(sim.auth0);
  sim.auth0.issueRefreshToken = (...args) => remember(secrets, issueRefreshToken(...args));
  return sim;
}

function remember(secrets: Set<string>, token: string): string {
  secrets.add(token);
  return token;
}

export const iso = (seconds: number): string => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Seconds an IN_PROGRESS workout may stay open before it counts as abandoned, and final (README, State). */
const ABANDONED_AFTER_SECONDS = 2 * 86_400;

/** Whether a simulated workout is final as the README defines it: complete, or in progress for over two days. */
export function isFinalWorkout(workout: { status: string; created_at: number }, nowSeconds = Date.now() / 1000): boolean {
  return workout.status !== 'IN_PROGRESS' || workout.created_at < nowSeconds - ABANDONED_AFTER_SECONDS;
}

/** The workout_metrics record the README promises for a workout: its graph plus id, workout_id and workout_created_at. */
export function expectedMetricsRecord(workout: SimWorkout, everyN: number): Record<string, unknown> {
  return asJson({ ...performanceGraph(workout, everyN), id: workout.id, workout_id: workout.id, workout_created_at: workout.created_at });
}

/** A value as it comes out of a JSON round trip (what a record on stdout can hold). */
export const asJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const CLASS_ID = /^[0-9a-f]{32}$/;

/** The class a simulated workout took, when it is a class with an id the details route knows the shape of. */
export function classIdOf(workout: SimWorkout): string | undefined {
  const id = (workout['ride'] as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' && CLASS_ID.test(id) && id !== '0'.repeat(32) ? id : undefined;
}

/**
 * The ride_details records the README promises for a read of `workouts` (newest first): one per distinct
 * class the simulator has details for, with the newest of those workouts' created_at.
 */
export function expectedRideDetailsRecords(sim: PelotonSimulator, workouts: SimWorkout[]): Array<Record<string, unknown>> {
  const seen = new Set<string>();
  const expected: Array<Record<string, unknown>> = [];
  for (const workout of workouts) {
    const id = classIdOf(workout);
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    const details = sim.rideDetails(id);
    if (details !== undefined) expected.push(asJson({ ...details, id, workout_created_at: workout.created_at }));
  }
  return expected;
}

/** The workout_details records the README promises for `workouts`: the detail of each final one. */
export function expectedDetailRecords(sim: PelotonSimulator, workouts: SimWorkout[]): Array<Record<string, unknown>> {
  return finalWorkouts(workouts).map((w) => asJson(sim.workoutDetail(w.id) ?? {}));
}

type Row = Record<string, unknown>;

/** The final workouts among `workouts`, in their order: the only ones whose graph and detail are read. */
export const finalWorkouts = (workouts: SimWorkout[]): SimWorkout[] => workouts.filter((w) => isFinalWorkout(w));

/** What every per-workout fan-out record carries besides the selected element. */
const ofWorkout = (w: SimWorkout): { workout_id: string; workout_created_at: number } => ({
  workout_id: w.id,
  workout_created_at: w.created_at,
});

/** workout_samples for `workouts` (newest first) at every_n: one row per sample of each final workout's graph. */
export function expectedSampleRecords(sim: PelotonSimulator, workouts: SimWorkout[], everyN: number): Row[] {
  return finalWorkouts(workouts).flatMap((w) => sampleRows(sim.sampleTruth(w.id, everyN)!));
}

/** workout_locations for `workouts`: each GPS fix of each final workout's graph, with its element's segment_id and is_gap. */
export function expectedLocationRecords(sim: PelotonSimulator, workouts: SimWorkout[], everyN: number): Row[] {
  return finalWorkouts(workouts).flatMap((w) => sim.locationTruth(w.id, everyN)!.map((fix) => asJson({ ...fix, ...ofWorkout(w) })));
}

/** rower_strokes for `workouts`: each stroke of each final workout's graph. */
export function expectedStrokeRecords(sim: PelotonSimulator, workouts: SimWorkout[]): Row[] {
  return finalWorkouts(workouts).flatMap((w) => sim.strokeTruth(w.id)!.map((stroke) => asJson({ ...stroke, ...ofWorkout(w) })));
}

/** strength_sets for `workouts`: each tracked set of each final workout's detail, with its array index as position. */
export function expectedStrengthSetRecords(sim: PelotonSimulator, workouts: SimWorkout[]): Row[] {
  return finalWorkouts(workouts).flatMap((w) => sim.strengthSetTruth(w.id)!.map((set) => asJson({ ...set, ...ofWorkout(w) })));
}

/**
 * class_songs for a read of `workouts` (newest first): the songs of each distinct class with details, in
 * playlist order, with the ride id and, as ride_details has, the newest of those workouts' created_at.
 */
export function expectedClassSongRecords(sim: PelotonSimulator, workouts: SimWorkout[]): Row[] {
  return expectedRideDetailsRecords(sim, workouts).flatMap(({ id, workout_created_at }) =>
    sim.classSongTruth(String(id))!.map((song) => asJson({ ...song, ride_id: id, workout_created_at })),
  );
}

/** personal_records: every record of the overview, with its group's slug and display name. */
export function expectedPersonalRecordRecords(sim: PelotonSimulator): Row[] {
  return sim.personalRecordTruth().map((record) => asJson({ ...record, discipline_name: displayNameOf(record.discipline) }));
}

/** achievements: one row per earned badge: its template's fields, its category's slug and how many times. */
export function expectedAchievementRecords(sim: PelotonSimulator): Row[] {
  return sim
    .achievementTruth()
    .map(({ category, template, count }) => asJson({ ...template, id: template['id'], category: category.slug, count }));
}

/**
 * challenges: per joined challenge, what its list item and its detail hold together, keyed by the summary's id.
 * `progress` is in both answers with different fields (the detail's metric_value and unit, the list's
 * current_tier and display value): the record keeps all of them.
 */
export function expectedChallengeRecords(sim: PelotonSimulator): Row[] {
  return sim.challengeTruth().map((challenge) => {
    const item = challengeListItem(challenge);
    const detail = challengeDetail(challenge);
    const progress = { ...(item['progress'] as Row), ...(detail['progress'] as Row) };
    return asJson({ ...item, ...detail, progress, id: challenge.summary.id });
  });
}

/**
 * Any stream's records for a read of `workouts` (newest first; the window of the per-workout and per-class
 * streams) at every_n, by the simulator; the member streams ignore `workouts`.
 */
export function expectedRecords(sim: PelotonSimulator, stream: string, workouts: SimWorkout[], everyN: number): Row[] {
  switch (stream) {
    case 'workouts':
      return workouts.map((w) => asJson(w));
    case 'workout_metrics':
      return finalWorkouts(workouts).map((w) => expectedMetricsRecord(w, everyN));
    case 'workout_samples':
      return expectedSampleRecords(sim, workouts, everyN);
    case 'workout_locations':
      return expectedLocationRecords(sim, workouts, everyN);
    case 'rower_strokes':
      return expectedStrokeRecords(sim, workouts);
    case 'workout_details':
      return expectedDetailRecords(sim, workouts);
    case 'strength_sets':
      return expectedStrengthSetRecords(sim, workouts);
    case 'ride_details':
      return expectedRideDetailsRecords(sim, workouts);
    case 'class_songs':
      return expectedClassSongRecords(sim, workouts);
    case 'user':
      return [asJson(sim.profile())];
    case 'overview':
      return [asJson({ ...sim.overview(), id: sim.history.userId })];
    case 'personal_records':
      return expectedPersonalRecordRecords(sim);
    case 'achievements':
      return expectedAchievementRecords(sim);
    case 'instructors':
      return asJson(sim.instructorTruth());
    case 'challenges':
      return expectedChallengeRecords(sim);
    default:
      throw new Error(`no expected records for stream ${stream}`);
  }
}
