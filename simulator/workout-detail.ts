import { classPlan, movementId, type ClassPlan } from './class-plan.js';
import { NO_CLASS_ID, rideWithoutInstructor } from './classes.js';
import { ERA } from './eras.js';
import { intBetween, round, streamOf } from './random.js';
import { NO_FTP, type Timeline } from './timeline.js';
import { classOfWorkout, type SimWorkout } from './workouts.js';

const WEIGHT_POUNDS = { heavy: [20, 35], medium: [12, 20], light: [5, 10] } as const;

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
  const spec = classOfWorkout(workout);
  if (spec !== undefined && spec.discipline === 'strength' && complete && createdAt >= ERA.targets && random() < 0.7) {
    detail['movement_tracker_data'] = movementTrackerData(classPlan(spec), random);
    detail['movement_tracker_tier_display_name'] = random() < 0.5 ? 'Gold' : 'Silver';
  }
  return detail;
}

/**
 * movement_tracker_data of a tracked strength workout: one repetition summary per movement block of the class
 * (P2G's model), and the per-movement aggregates another client reads.
 */
function movementTrackerData(plan: ClassPlan, random: () => number): Record<string, unknown> {
  const repetitions = plan.movements.map((block) => {
    const movement = block.movement;
    const timed = movement.tracking === 'time_based';
    const weight =
      movement.weight === null ? null : round(intBetween(random, WEIGHT_POUNDS[movement.weight][0], WEIGHT_POUNDS[movement.weight][1]), 1);
    return {
      movement_id: movementId(movement),
      movement_name: movement.name,
      tracking_type: movement.tracking,
      completed_reps: timed ? 0 : intBetween(random, 8, 14) * block.rounds,
      completed_duration: timed ? block.length - intBetween(random, 0, 10) : block.length,
      offset: block.offset,
      length: block.length,
      weight: weight === null ? [] : [{ weight_category: movement.weight, weight_data: { weight_value: weight, weight_unit: 'lb' } }],
    };
  });
  const byMovement = new Map<string, typeof repetitions>();
  for (const rep of repetitions) byMovement.set(rep.movement_name, [...(byMovement.get(rep.movement_name) ?? []), rep]);
  let targetsReached = 0;
  let totalVolume = 0;
  const aggregates = [...byMovement.values()].flatMap((reps) => {
    const first = reps[0];
    if (first === undefined) return [];
    const total = reps.reduce((sum, r) => sum + r.completed_reps, 0);
    const target = reps.length * 10;
    const reached = first.tracking_type === 'time_based' || total >= target;
    if (reached) targetsReached++;
    const volume = reps.reduce((sum, r) => sum + r.completed_reps * (r.weight[0]?.weight_data.weight_value ?? 0), 0);
    totalVolume += volume;
    const weights = {
      heavy_weights: [] as unknown[],
      medium_weights: [] as unknown[],
      light_weights: [] as unknown[],
      other_weights: [] as unknown[],
    };
    const used = first.weight[0];
    if (used?.weight_category != null) weights[`${used.weight_category}_weights`].push({ weight_value: used.weight_data.weight_value });
    return {
      movement_id: first.movement_id,
      movement_name: first.movement_name,
      tracking_type: first.tracking_type,
      stats: [
        { slug: 'total_reps', completed_number: total, target_number: target },
        { slug: 'targets_hit', completed_number: reached ? reps.length : reps.length - 1, target_number: reps.length },
        { slug: 'total_volume', completed_number: round(volume, 1), target_number: null },
      ],
      weight_info_summary_data: weights,
      movements: reps.map(() => ({ is_target_reached: reached })),
      tags: [],
    };
  });
  return {
    completed_movements_summary_data: {
      total_volume: round(totalVolume, 1),
      weight_unit: 'lb',
      total_repetitions: repetitions.reduce((sum, r) => sum + r.completed_reps, 0),
      num_movements: aggregates.length,
      num_targets_reached: targetsReached,
      completion_percentage: aggregates.length === 0 ? 0 : Math.round((100 * targetsReached) / aggregates.length),
      repetition_summary_data: repetitions,
      movement_aggregate_data: aggregates,
    },
  };
}
