import { cursorOf, type ChildRequest, type Partition, type RootRequest } from '../engine/declarations.js';
import type { Workout } from '../generated/workouts.js';
import type { JsonObject } from '../protocol/messages.js';
import { PELOTON_PAGES } from './peloton-pagination.js';

/** A workout still IN_PROGRESS after this long was abandoned; it will not change any more. */
const ABANDONED_AFTER_SECONDS = 2 * 86_400;
const CLASS_ID = /^[0-9a-f]{32}$/;
/** Just Ride / Just Run / freestyle workouts point to this id: there is no class behind it. */
const NO_CLASS = '0'.repeat(32);

/** The member's workouts, newest first, with their class and instructor embedded. */
export const workoutList: RootRequest = {
  kind: 'root',
  name: 'workouts',
  path: ({ userId }) => `/api/user/${encodeURIComponent(userId)}/workouts`,
  query: () => ({ joins: 'ride,ride.instructor', sort_by: '-created' }),
  itemsAt: 'data',
  idField: 'id',
  pagination: PELOTON_PAGES,
  cursor: {
    field: 'created_at',
    isFinal: (workout: Workout, nowSeconds) =>
      workout.status !== 'IN_PROGRESS' || workout.created_at < nowSeconds - ABANDONED_AFTER_SECONDS,
    estimateNewerThan: (envelope, after) => estimateFromMonthlySummary(envelope, after),
  },
};

/** A workout's performance graph, sampled every `metrics_every_n` seconds. */
export const performanceGraph: ChildRequest = {
  kind: 'child',
  name: 'performance_graph',
  parent: workoutList,
  keyOf: (workout: Workout) => workout.id,
  path: (workoutId) => `/api/workout/${encodeURIComponent(workoutId)}/performance_graph`,
  query: ({ config }) => ({ every_n: config.metricsEveryN }),
  // A workout still in progress has a graph still growing: fetch it once the workout is final.
  waitsForFinalParent: true,
  skipOn: [404],
  describe: (workoutId) => `the performance graph of workout ${workoutId} (deleted?)`,
};

/** A workout's detail: the list item plus FTP, Strive Score, heart-rate zone time, strength movements. */
export const workoutDetail: ChildRequest = {
  kind: 'child',
  name: 'workout_detail',
  parent: workoutList,
  keyOf: (workout: Workout) => workout.id,
  path: (workoutId) => `/api/workout/${encodeURIComponent(workoutId)}`,
  query: () => ({ joins: 'ride,ride.instructor' }),
  // Scores and zone times fill in when the workout ends: read the detail once it is final.
  waitsForFinalParent: true,
  skipOn: [404],
  describe: (workoutId) => `the detail of workout ${workoutId} (deleted?)`,
};

/** A class's details (plan, targets, music, averages), once per distinct class among the workouts. */
export const classDetails: ChildRequest = {
  kind: 'child',
  name: 'class_details',
  parent: workoutList,
  // Gym workouts carry dashed UUIDs that the details route refuses: no request for anything but a class id.
  keyOf: (workout: Workout) => {
    const id = workout.ride?.id;
    return typeof id === 'string' && CLASS_ID.test(id) && id !== NO_CLASS ? id : undefined;
  },
  distinct: true,
  path: (rideId) => `/api/ride/${rideId}/details`,
  skipOn: ['4xx'],
  describe: (rideId) => `the details of class ${rideId}`,
};

/** The fields that tie a record read per workout to its workout: its id and creation time (the stream's cursor). */
export function workoutKeys(partition: Partition): { workout_id: string; workout_created_at: number } {
  return { workout_id: partition.key, workout_created_at: cursorOf(partition) };
}

/**
 * The envelope's `summary` counts workouts per "YYYY-MM" over the whole history: whole months after
 * `after` count fully, the month containing it in proportion to the time left in it.
 */
function estimateFromMonthlySummary(envelope: JsonObject, after: number): number {
  const total = typeof envelope['total'] === 'number' ? envelope['total'] : 0;
  const summary = envelope['summary'];
  if (!Number.isFinite(after)) return total;
  if (typeof summary !== 'object' || summary === null) return total;
  const afterDate = new Date(after * 1000);
  const afterMonth = afterDate.toISOString().slice(0, 7);
  let rows = 0;
  for (const [month, count] of Object.entries(summary as Record<string, unknown>)) {
    if (typeof count !== 'number') continue;
    if (month > afterMonth) rows += count;
    else if (month === afterMonth) {
      const start = Date.UTC(afterDate.getUTCFullYear(), afterDate.getUTCMonth(), 1);
      const end = Date.UTC(afterDate.getUTCFullYear(), afterDate.getUTCMonth() + 1, 1);
      rows += (count * (end - after * 1000)) / (end - start);
    }
  }
  return Math.min(total, Math.round(rows));
}
