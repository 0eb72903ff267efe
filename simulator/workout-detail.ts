import { NO_CLASS_ID, rideWithoutInstructor } from './classes.js';
import { ERA } from './eras.js';
import { intBetween, streamOf } from './random.js';
import { movementTracking } from './strength.js';
import { NO_FTP, type Timeline } from './timeline.js';
import type { SimWorkout } from './workouts.js';

/**
 * GET /api/workout/{id}: the list item (without effort_zones, which details replace with the two Strive
 * fields) plus the detail fields of its era. `ride` is always embedded, its `instructor` only with
 * joins=ride.instructor; a Just Ride keeps its stub.
 */
export function workoutDetail(workout: SimWorkout, timeline: Timeline, withInstructor: boolean): Record<string, unknown> {
  const random = streamOf('workout-detail', workout.id);
  const { effort_zones: effort, ride, ...item } = workout;
  const createdAt = workout.created_at;
  const justRide = (ride as { id?: string } | null)?.id === NO_CLASS_ID;
  const complete = workout.status === 'COMPLETE';
  const onHardware = String(workout['device_type_display_name']) !== 'App';
  const detail: Record<string, unknown> = {
    ...item,
    ride: withInstructor || justRide ? ride : rideWithoutInstructor(ride as Record<string, unknown>),
    is_skip_intro_available: workout['workout_type'] === 'class' && random() < 0.6,
  };
  const paused = complete && random() < 0.2;
  if (createdAt >= ERA.v2) {
    Object.assign(detail, {
      pause_time_remaining: null,
      pause_time_elapsed: paused ? intBetween(random, 20, 400) : null,
      is_paused: false,
    });
  }
  Object.assign(detail, { has_paused: paused, is_pause_available: onHardware });
  if (createdAt >= ERA.targets && onHardware) detail['pause_time_limit'] = 60;
  if (createdAt >= ERA.strive && !justRide) {
    const zones = effort as { total_effort_points?: number; heart_rate_zone_durations?: unknown } | null;
    detail['total_heart_rate_zone_durations'] = zones?.heart_rate_zone_durations ?? null;
    detail['average_effort_score'] = zones?.total_effort_points ?? null;
  }
  detail['achievement_templates'] = (timeline.achievements.get(workout.id) ?? []).map(({ achievement_count, ...template }) =>
    createdAt >= ERA.v2 ? { ...template, achievement_count } : template,
  );
  detail['leaderboard_rank'] = workout['leaderboard_rank'];
  detail['total_leaderboard_users'] = workout['total_leaderboard_users'];
  if (createdAt >= ERA.distanceLeaderboard) {
    const ranked = workout['has_leaderboard_metrics'] === true && workout['metrics_type'] === 'running';
    detail['leaderboard_distance_rank'] =
      ranked && workout['leaderboard_rank'] !== null ? intBetween(random, 1, Number(workout['total_leaderboard_users'])) : null;
    detail['total_leaderboard_distance_users'] = ranked ? workout['total_leaderboard_users'] : 0;
  }
  detail['ftp_info'] = timeline.ftpInfo.get(workout.id) ?? NO_FTP;
  detail['device_type_display_name'] = workout['device_type_display_name'];
  if (createdAt >= ERA.distanceLeaderboard) Object.assign(detail, { metadata: { playlist_type: 'synced' }, is_3p_digital_workout: false });
  const tracking = movementTracking(workout);
  if (tracking !== undefined) detail['movement_tracker_data'] = tracking.data;
  if (tracking?.tier !== undefined) detail['movement_tracker_tier_display_name'] = tracking.tier;
  return detail;
}
