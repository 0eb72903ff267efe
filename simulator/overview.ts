import { fullTemplate } from './achievements.js';
import { WORKOUT_COUNT_SLUGS } from './disciplines.js';
import { countIcon, countsByDiscipline } from './profile.js';
import { personalRecords } from './records.js';
import type { Timeline } from './timeline.js';
import type { SimWorkout } from './workouts.js';

const DAY = 86_400;
// 1970-01-01 was a Thursday: shifting by 3 days makes weeks start on Monday.
const MONDAY_SHIFT = 3 * DAY;

export interface Streaks {
  current_weekly: number;
  best_weekly: number;
  start_date_of_current_weekly: number | null;
  current_daily: number;
  start_date_of_current_daily: number | null;
}

/**
 * Streaks of days and of weeks (UTC, weeks from Monday) with at least one workout, as of the newest workout
 * (the simulated data is "as of" its newest workout, minutes ago by default). A current streak runs back from
 * the newest workout's day or week; its start date is the created_at of its first workout.
 */
export function streaks(chronological: SimWorkout[]): Streaks {
  const daily = runs(chronological, (t) => Math.floor(t / DAY));
  const weekly = runs(chronological, (t) => Math.floor((t + MONDAY_SHIFT) / (7 * DAY)));
  const lastDaily = daily.at(-1);
  const lastWeekly = weekly.at(-1);
  return {
    current_weekly: lastWeekly?.length ?? 0,
    best_weekly: weekly.reduce((best, run) => Math.max(best, run.length), 0),
    start_date_of_current_weekly: lastWeekly?.start ?? null,
    current_daily: lastDaily?.length ?? 0,
    start_date_of_current_daily: lastDaily?.start ?? null,
  };
}

/** Runs of consecutive periods with a workout: their length (periods) and the created_at of their first workout. */
function runs(chronological: SimWorkout[], periodOf: (epochSeconds: number) => number): Array<{ length: number; start: number }> {
  const found: Array<{ length: number; start: number; last: number }> = [];
  for (const workout of chronological) {
    const period = periodOf(workout.created_at);
    const run = found.at(-1);
    if (run !== undefined && period === run.last) continue;
    if (run !== undefined && period === run.last + 1) {
      run.length++;
      run.last = period;
    } else found.push({ length: 1, start: workout.created_at, last: period });
  }
  return found;
}

/**
 * GET /api/user/{id}/overview: workout counts (all twelve slugs, count descending, ties by name), personal
 * records per discipline, streaks and the achievements the history earned.
 */
export function overview(userId: string, chronological: SimWorkout[], timeline: Timeline): Record<string, unknown> {
  const counts = countsByDiscipline(chronological);
  const workouts = WORKOUT_COUNT_SLUGS.map(({ slug, name }) => ({
    name,
    slug,
    count: counts.get(slug) ?? 0,
    icon_url: countIcon(slug, counts.get(slug) ?? 0),
    workout_name: name,
  })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const achievements = [...timeline.achievementTotals.values()]
    .sort((a, b) => b.count - a.count || a.template.name.localeCompare(b.template.name))
    .map(({ template, count }) => ({ count, template: fullTemplate(template) }));
  return {
    id: userId,
    workout_counts: { total_workouts: chronological.length, workouts },
    personal_records: personalRecords(chronological),
    streaks: streaks(chronological),
    achievement_counts: { total_count: achievements.reduce((sum, a) => sum + a.count, 0), achievements },
  };
}
