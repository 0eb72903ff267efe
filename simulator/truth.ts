import { ACHIEVEMENT_CATEGORIES, categoryOf, fullTemplate, type AchievementCategory } from './achievements.js';
import { classPlan } from './class-plan.js';
import { classSongs } from './class-songs.js';
import type { ClassSpec } from './classes.js';
import { ERA } from './eras.js';
import { locationTrack } from './gps.js';
import { stepOf } from './graphs.js';
import { atEveryN } from './grid.js';
import { recordBody, recordGroups } from './records.js';
import { isOutdoorWorkout, workoutSeries } from './series.js';
import { repetitionSummaries } from './strength.js';
import { strokesOf, type Stroke } from './strokes.js';
import type { Timeline } from './timeline.js';
import { classOfWorkout, type SimWorkout } from './workouts.js';

// Ground truth for tests: what the simulator's own model holds, taken from it directly (series, class plans,
// history, route model), never by reading the JSON the routes render.

/** The samples of a workout's graph at one every_n, column by column. */
export interface SampleTruth {
  workout_id: string;
  workout_created_at: number;
  /** seconds_since_pedaling_start at that every_n. */
  offsets: number[];
  /** Per metric slug and per alternative slug (e.g. `speed` under tread `pace`): one value per offset, null where none. */
  values: Record<string, Array<number | null>>;
}

/** One sample as a record of the workout_samples stream: the offset and one column per slug. */
export type SampleRow = { workout_id: string; workout_created_at: number; offset: number } & Record<string, number | null | string>;

/**
 * The samples of `workout` at every_n = `everyN` (1: every second with data). At n > 1 the offsets are the
 * entries at positions 0, n, 2n, … of the per-second list plus its last, each value the maximum of its bucket.
 */
export function sampleTruth(workout: SimWorkout, everyN = 1): SampleTruth {
  const series = workoutSeries(workout);
  const grid = atEveryN(series.offsets, stepOf(everyN));
  const values: Record<string, Array<number | null>> = {};
  for (const channel of series.channels)
    for (const column of [channel, ...(channel.alternatives ?? [])]) values[column.slug] = grid.values(column.values);
  return { workout_id: workout.id, workout_created_at: workout.created_at, offsets: grid.offsets, values };
}

/** The truth as rows, one per offset (what a workout_samples record holds). */
export function sampleRows(truth: SampleTruth): SampleRow[] {
  return truth.offsets.map((offset, i) => {
    const row: SampleRow = { workout_id: truth.workout_id, workout_created_at: truth.workout_created_at, offset };
    for (const [slug, column] of Object.entries(truth.values)) row[slug] = column[i] ?? null;
    return row;
  });
}

/** One GPS fix with the element it sits in. */
export interface LocationTruth {
  segment_id: string | null;
  is_gap: boolean;
  seconds_offset_from_start: number;
  latitude: number;
  longitude: number;
  accuracy: number;
  distance: number;
  distance_display_unit: string;
}

/** The GPS fixes of an outdoor workout's graph at every_n (asked with Peloton-Platform: web), in order; [] indoors. */
export function locationTruth(workout: SimWorkout, everyN = 1): LocationTruth[] {
  if (!isOutdoorWorkout(workout)) return [];
  const spec = classOfWorkout(workout);
  const segments = spec === undefined ? [] : classPlan(spec).segments;
  const elements = locationTrack(String(workout['user_id']), workout.id, workoutSeries(workout), segments, stepOf(everyN));
  return elements.flatMap(({ segment_id, is_gap, coordinates }) => coordinates.map((c) => ({ segment_id, is_gap, ...c })));
}

/** The rower strokes a graph carries (caesar_metrics, from mid-2022); [] for every other workout. */
export function strokeTruth(workout: SimWorkout): Stroke[] {
  if (workout['metrics_type'] !== 'caesar' || isOutdoorWorkout(workout) || workout.created_at < ERA.muscleGroups) return [];
  return strokesOf(workout.id, workoutSeries(workout));
}

/** The strength sets of a workout's detail (repetition_summary_data[]), each with its array index. */
export const strengthSetTruth = (workout: SimWorkout): Array<{ position: number } & Record<string, unknown>> =>
  repetitionSummaries(workout).map((set, position) => ({ position, ...set }));

/** The songs of a class's playlist, each with its array index. */
export const classSongTruth = (spec: ClassSpec): Array<{ position: number } & Record<string, unknown>> =>
  classSongs(spec).map((song, position) => ({ position, ...song }));

/** Every personal record of the overview, with its group's slug as `discipline`. */
export function personalRecordTruth(chronological: SimWorkout[]): Array<{ discipline: string } & Record<string, unknown>> {
  return recordGroups(chronological).flatMap((group) =>
    [...group.best].map(([length, workout]) => ({ discipline: group.discipline, ...recordBody(length, workout) })),
  );
}

/** One earned achievement: its category, its template (as the routes write it) and how many times it was earned. */
export interface AchievementTruth {
  category: AchievementCategory;
  template: Record<string, unknown>;
  count: number;
}

/** Every earned achievement, in the achievements route's order. */
export function achievementTruth(timeline: Timeline): AchievementTruth[] {
  const rank = (category: AchievementCategory): number => ACHIEVEMENT_CATEGORIES.indexOf(category);
  return [...timeline.achievementTotals.values()]
    .map(({ template, count }) => ({ category: categoryOf(template), template: fullTemplate(template), count }))
    .sort((a, b) => rank(a.category) - rank(b.category));
}
