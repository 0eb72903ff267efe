import { performanceGraph } from '../../simulator/graphs.js';
import { PelotonSimulator, type SimulatorOptions } from '../../simulator/server.js';
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
  return workouts.filter((w) => isFinalWorkout(w)).map((w) => asJson(sim.workoutDetail(w.id) ?? {}));
}
