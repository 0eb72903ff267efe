import { classSpecOf, NO_CLASS_ID } from './classes.js';
import { displayNameOf, WORKOUT_COUNT_SLUGS } from './disciplines.js';
import { ERA } from './eras.js';
import { streamOf } from './random.js';
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

/**
 * An ISO date without zone, as the overview writes dates: whole seconds for older workouts, with
 * microseconds from 2023 (both forms are in real bodies); the seconds are the workout's created_at (UTC).
 */
export function overviewDate(epochSeconds: number, id = ''): string {
  const seconds = new Date(epochSeconds * 1000).toISOString().slice(0, 19);
  if (epochSeconds < ERA.targets) return seconds;
  return `${seconds}.${String(Math.floor(streamOf('record-date', id, epochSeconds)() * 1e6)).padStart(6, '0')}`;
}

/** One discipline's records, as the model keeps them: the best workout per class length, in the order first ridden. */
export interface RecordGroup {
  discipline: string;
  first: SimWorkout;
  best: Map<number, SimWorkout>;
}

/**
 * Every discipline's personal records over a history (oldest first): per discipline with device metrics and
 * per class length, the best total_work (the earliest workout to reach it), lengths in the order the member
 * first did them (real bodies are not sorted by length), disciplines in the overview's slug order.
 */
export function recordGroups(chronological: SimWorkout[]): RecordGroup[] {
  const groups = new Map<string, RecordGroup>();
  for (const workout of chronological) {
    const key = personalRecordKey(workout);
    if (key === undefined) continue;
    const [discipline = '', length] = key.split(':');
    let group = groups.get(discipline);
    if (group === undefined) {
      group = { discipline, first: workout, best: new Map() };
      groups.set(discipline, group);
    }
    const holder = group.best.get(Number(length));
    if (holder === undefined || Number(workout['total_work']) > Number(holder['total_work'])) group.best.set(Number(length), workout);
  }
  const order = WORKOUT_COUNT_SLUGS.map((d) => d.slug);
  return [...groups.values()].sort((a, b) => order.indexOf(a.discipline) - order.indexOf(b.discipline));
}

/** A record as the overview writes it. */
export function recordBody(length: number, workout: SimWorkout): Record<string, unknown> {
  const joules = Number(workout['total_work']);
  return {
    name: `${Math.round(length / 60)} min`,
    slug: String(length),
    value: Math.round(joules / 1000),
    raw_value: joules,
    unit: 'kj',
    unit_slug: 'kj',
    workout_id: workout.id,
    workout_date: overviewDate(workout.created_at, workout.id),
  };
}

/** The overview's personal_records: one group per discipline with records. */
export function personalRecords(chronological: SimWorkout[]): Array<Record<string, unknown>> {
  return recordGroups(chronological).map((group) => ({
    name: displayNameOf(group.discipline),
    slug: group.discipline,
    first_workout_date: overviewDate(group.first.created_at, group.first.id),
    reset_date: null,
    records: [...group.best].map(([length, workout]) => recordBody(length, workout)),
  }));
}
