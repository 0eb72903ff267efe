import { classSpecOf, NO_CLASS_ID } from './classes.js';
import type { SimWorkout } from './workouts.js';

/**
 * The personal-record category of a workout ("cycling:1800"), or undefined when it cannot set one: records are
 * per discipline and class length, for finished classes and scenic rides with metrics (not Just Ride, not gym).
 */
export function personalRecordKey(workout: SimWorkout): string | undefined {
  if (workout.status !== 'COMPLETE' || workout['metrics_type'] === null) return undefined;
  const ride = workout['ride'] as { id?: string; duration?: number } | null;
  if (ride?.id === undefined || ride.id === NO_CLASS_ID || classSpecOf(ride.id)?.kind === 'gym') return undefined;
  return `${String(workout['fitness_discipline'])}:${ride.duration}`;
}

/** An ISO date without zone, as the overview writes dates. */
export const overviewDate = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString().slice(0, 19);

/**
 * The overview's personal_records: cycling only, one record per class length ridden (ascending), each the
 * best total_work (the earliest workout to reach it).
 */
export function personalRecords(chronological: SimWorkout[]): Array<Record<string, unknown>> {
  const best = new Map<number, SimWorkout>();
  let first: SimWorkout | undefined;
  for (const workout of chronological) {
    const key = personalRecordKey(workout);
    if (key === undefined || !key.startsWith('cycling:')) continue;
    first ??= workout;
    const length = Number(key.slice('cycling:'.length));
    const holder = best.get(length);
    if (holder === undefined || Number(workout['total_work']) > Number(holder['total_work'])) best.set(length, workout);
  }
  if (first === undefined) return [];
  const records = [...best.entries()]
    .sort(([a], [b]) => a - b)
    .map(([length, workout]) => ({
      name: `${Math.round(length / 60)} min`,
      slug: String(length),
      value: Math.round(Number(workout['total_work']) / 1000),
      raw_value: Number(workout['total_work']),
      unit: 'kj',
      unit_slug: 'kj',
      workout_id: workout.id,
      workout_date: overviewDate(workout.created_at),
    }));
  return [{ name: 'Cycling', slug: 'cycling', first_workout_date: overviewDate(first.created_at), reset_date: null, records }];
}
