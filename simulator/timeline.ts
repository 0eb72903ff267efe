import {
  BEST_OUTPUT,
  MILESTONES,
  milestoneAchievement,
  NEW_YEARS_DAY,
  STREAK_DAYS,
  streakAchievement,
  WORKOUT_BUDDY,
  type AchievementTemplate,
} from './achievements.js';
import { NO_CLASS_ID } from './classes.js';
import { streamOf } from './random.js';
import { riderOf } from './rider.js';
import { classOfWorkout, type SimWorkout } from './workouts.js';

export interface FtpInfo {
  ftp: number;
  ftp_source: 'ftp_workout_source' | 'ftp_estimated_source' | null;
  ftp_workout_id: string | null;
}

/** The FTP settings after the newest workout, as the profile reports them. */
export interface CurrentFtp {
  source: FtpInfo['ftp_source'];
  testWorkoutId: string | null;
  /** The last FTP test's result (0 without a test). */
  workoutFtp: number;
  estimated: number;
}

/** What the history implies over time: FTP going into each workout, and the achievements each one earned. */
export interface Timeline {
  ftpInfo: Map<string, FtpInfo>;
  currentFtp: CurrentFtp;
  /** Per workout: the achievements it earned, each with how many the member had then (this one included). */
  achievements: Map<string, Array<AchievementTemplate & { achievement_count: number }>>;
  achievementTotals: Map<string, { template: AchievementTemplate; count: number }>;
}

export const NO_FTP: FtpInfo = { ftp: 0, ftp_source: null, ftp_workout_id: null };

/** Peloton's estimate from the member's riding, a little below their true threshold. */
export const estimatedFtp = (userId: string, epochSeconds: number): number => Math.round(riderOf(userId).fitnessAt(epochSeconds) * 0.94);

/** Whether a workout has an FTP in its ftp_info: cycling on a class or scenic ride (not Just Ride). */
export function takesFtp(workout: SimWorkout): boolean {
  const rideId = (workout['ride'] as { id?: string } | null)?.id;
  return workout['fitness_discipline'] === 'cycling' && rideId !== undefined && rideId !== NO_CLASS_ID;
}

/** Whether a workout is a finished FTP test (one that sets a new FTP). */
export const isCompletedFtpTest = (workout: SimWorkout): boolean =>
  workout.status === 'COMPLETE' && classOfWorkout(workout)?.ftpTest === true;

/** 95 % of the average power of the test's twenty minutes. */
export function ftpFromTest(workout: SimWorkout): number {
  const duration = Number((workout['ride'] as { duration?: number }).duration);
  return Math.round((0.95 * Number(workout['total_work'])) / duration);
}

/**
 * One pass over the history, oldest first. FTP: estimated until the first finished FTP test, then each test's
 * result; a workout shows the FTP going INTO it (a test shows the previous FTP and the previous test's id).
 * Achievements (unless `earnsAchievements` is false): finished workouts only: a personal record, daily streaks
 * (UTC days), workout-count milestones, the first workout of a New Year's Day, and now and then a workout
 * with a friend.
 */
export function buildTimeline(chronological: SimWorkout[], userId: string, earnsAchievements = true): Timeline {
  const ftpInfo = new Map<string, FtpInfo>();
  const achievements = new Map<string, Array<AchievementTemplate & { achievement_count: number }>>();
  const achievementTotals = new Map<string, { template: AchievementTemplate; count: number }>();
  let test: { id: string; ftp: number } | undefined;
  let rodeCycling = false;
  let lastDay = Number.NaN;
  let streak = 0;
  let completed = 0;
  for (const workout of chronological) {
    if (takesFtp(workout)) {
      rodeCycling = true;
      ftpInfo.set(
        workout.id,
        test === undefined
          ? { ftp: estimatedFtp(userId, workout.created_at), ftp_source: 'ftp_estimated_source', ftp_workout_id: null }
          : { ftp: test.ftp, ftp_source: 'ftp_workout_source', ftp_workout_id: test.id },
      );
      if (isCompletedFtpTest(workout)) test = { id: workout.id, ftp: ftpFromTest(workout) };
    } else ftpInfo.set(workout.id, NO_FTP);

    if (workout.status !== 'COMPLETE') continue;
    const earned: AchievementTemplate[] = [];
    if (workout['is_total_work_personal_record'] === true) earned.push(BEST_OUTPUT);
    const day = Math.floor(workout.created_at / 86_400);
    if (day !== lastDay) {
      streak = day === lastDay + 1 ? streak + 1 : 1;
      lastDay = day;
      if (STREAK_DAYS.includes(streak)) earned.push(streakAchievement(streak));
      if (new Date(workout.created_at * 1000).toISOString().slice(5, 10) === '01-01') earned.push(NEW_YEARS_DAY);
    }
    completed++;
    if (MILESTONES.includes(completed)) earned.push(milestoneAchievement(completed));
    if (streamOf('achievement', workout.id)() < 0.04) earned.push(WORKOUT_BUDDY);
    if (earned.length === 0 || !earnsAchievements) continue;
    achievements.set(
      workout.id,
      earned.map((template) => {
        const total = achievementTotals.get(template.slug) ?? { template, count: 0 };
        total.count++;
        achievementTotals.set(template.slug, total);
        return { ...template, achievement_count: total.count };
      }),
    );
  }
  const newest = chronological.at(-1);
  return {
    ftpInfo,
    achievements,
    achievementTotals,
    currentFtp: {
      source: test !== undefined ? 'ftp_workout_source' : rodeCycling ? 'ftp_estimated_source' : null,
      testWorkoutId: test?.id ?? null,
      workoutFtp: test?.ftp ?? 0,
      estimated: newest === undefined ? 0 : estimatedFtp(userId, newest.created_at),
    },
  };
}
