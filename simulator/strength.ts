import { classPlan, movementId, type MovementBlock } from './class-plan.js';
import { ERA } from './eras.js';
import { intBetween, pick, round, streamOf } from './random.js';
import { classOfWorkout, type SimWorkout } from './workouts.js';

const WEIGHT_POUNDS = { heavy: [20, 35], medium: [12, 20], light: [5, 10] } as const;

/** One tracked set as the model has it, before it is written in either generation of field names. */
interface TrackedSet {
  block: MovementBlock;
  /** Reps asked for, or seconds for a hold. */
  target: number;
  completedReps: number;
  completedDuration: number;
  weight: { category: string; pounds: number } | null;
}

/**
 * What a strength workout's detail carries as movement_tracker_data: for finished strength classes since 2023
 * most often the tracked sets; otherwise `{}`, null or no key at all (which of them Peloton sends when nothing
 * was tracked is unrecorded, so all three occur). Undefined means no key.
 */
export function movementTracking(workout: SimWorkout): { data: Record<string, unknown> | null; tier: string | undefined } | undefined {
  const tracking = trackingOf(workout);
  if (tracking === 'gold' || tracking === 'silver') return { data: trackerData(workout), tier: tracking === 'gold' ? 'Gold' : 'Silver' };
  if (tracking === 'empty') return { data: {}, tier: undefined };
  return tracking === 'null' ? { data: null, tier: undefined } : undefined;
}

function trackingOf(workout: SimWorkout): 'gold' | 'silver' | 'empty' | 'null' | 'absent' {
  const spec = classOfWorkout(workout);
  if (spec?.discipline !== 'strength' || workout.status !== 'COMPLETE' || workout.created_at < ERA.targets) return 'absent';
  const draw = streamOf('movement-tracking', workout.id)();
  if (draw < 0.65) return draw < 0.3 ? 'gold' : 'silver';
  if (draw < 0.72) return 'empty';
  return draw < 0.77 ? 'null' : 'absent';
}

/**
 * The repetition_summary_data[] elements of a workout (empty when nothing was tracked), one per movement block
 * of its class. Until 2024 they carry is_hold / target_number / completed_number / total_volume, from 2025
 * tracking_type / completed_reps / completed_duration, and some 2025 elements both (as a member reported).
 */
export function repetitionSummaries(workout: SimWorkout): Array<Record<string, unknown>> {
  const tracking = trackingOf(workout);
  return tracking === 'gold' || tracking === 'silver' ? setsOf(workout).map((set) => element(workout, set)) : [];
}

function setsOf(workout: SimWorkout): TrackedSet[] {
  const spec = classOfWorkout(workout);
  if (spec === undefined) return [];
  const random = streamOf('strength-sets', workout.id);
  const unlogged = workout.created_at < ERA.trackingTypes ? 0.5 : 0.15;
  return classPlan(spec).movements.map((block) => {
    const movement = block.movement;
    const hold = movement.tracking === 'time_based';
    const target = hold ? Math.min(block.length, pick(random, [20, 30, 45])) : intBetween(random, 8, 12) * block.rounds;
    const completedReps = hold ? 0 : Math.max(1, target + intBetween(random, -3, 2));
    const completedDuration = hold
      ? target - intBetween(random, 0, 4)
      : movement.tracking === 'time_tracked_rep'
        ? block.length - intBetween(random, 0, 5)
        : 0;
    let weight: TrackedSet['weight'] = null;
    if (movement.weight !== null) {
      const [low, high] = WEIGHT_POUNDS[movement.weight];
      if (random() >= unlogged) weight = { category: movement.weight, pounds: intBetween(random, low, high) };
    } else if (random() < 0.5) weight = { category: 'body_weight', pounds: 0 };
    return { block, target, completedReps, completedDuration, weight };
  });
}

function element(workout: SimWorkout, set: TrackedSet): Record<string, unknown> {
  const { block, weight } = set;
  const pounds = weight?.pounds ?? 0;
  // Two dumbbells: 10 reps of 20 lb make 400.
  const volume = weight === null || pounds === 0 ? null : set.completedReps * pounds * 2;
  const hold = block.movement.tracking === 'time_based';
  const older = {
    is_hold: hold,
    target_number: set.target,
    completed_number: hold ? set.completedDuration : set.completedReps,
    total_volume: volume,
  };
  const newer = { tracking_type: block.movement.tracking, completed_reps: set.completedReps, completed_duration: set.completedDuration };
  const both = workout.created_at >= ERA.trackingTypes && streamOf('strength-names', workout.id, block.id)() < 0.3;
  return {
    movement_id: movementId(block.movement),
    movement_name: block.movement.name,
    ...(workout.created_at < ERA.trackingTypes ? older : newer),
    ...(both ? { target_number: set.target, target_reps: set.target, total_volume: volume } : {}),
    offset: block.offset,
    length: block.length,
    weight:
      weight === null ? null : [{ weight_category: weight.category, weight_data: { weight_value: weight.pounds, weight_unit: 'lb' } }],
  };
}

/** movement_tracker_data with sets: their summaries and the per-movement aggregates another client reads. */
function trackerData(workout: SimWorkout): Record<string, unknown> {
  const sets = setsOf(workout);
  const byMovement = new Map<string, TrackedSet[]>();
  for (const set of sets) byMovement.set(set.block.movement.name, [...(byMovement.get(set.block.movement.name) ?? []), set]);
  let targetsReached = 0;
  let totalVolume = 0;
  const aggregates = [...byMovement.values()].flatMap((group) => {
    const first = group[0];
    if (first === undefined) return [];
    const total = group.reduce((sum, s) => sum + s.completedReps, 0);
    const target = group.reduce((sum, s) => sum + s.target, 0);
    const hold = first.block.movement.tracking === 'time_based';
    const reached = hold || total >= target;
    if (reached) targetsReached++;
    const volume = group.reduce((sum, s) => sum + s.completedReps * (s.weight?.pounds ?? 0), 0);
    totalVolume += volume;
    const weights: Record<string, unknown[]> = { heavy_weights: [], medium_weights: [], light_weights: [], other_weights: [] };
    const used = group.find((s) => s.weight !== null)?.weight;
    if (used !== undefined && used !== null)
      (weights[`${used.category}_weights`] ?? weights['other_weights'])?.push({ weight_value: used.pounds });
    return {
      movement_id: movementId(first.block.movement),
      movement_name: first.block.movement.name,
      tracking_type: first.block.movement.tracking,
      stats: [
        { slug: 'total_reps', completed_number: total, target_number: target },
        {
          slug: 'targets_hit',
          completed_number: group.filter((s) => hold || s.completedReps >= s.target).length,
          target_number: group.length,
        },
        { slug: 'total_volume', completed_number: round(volume, 1), target_number: null },
      ],
      weight_info_summary_data: weights,
      movements: group.map((s) => ({ is_target_reached: hold || s.completedReps >= s.target })),
      tags: [],
    };
  });
  return {
    completed_movements_summary_data: {
      total_volume: round(totalVolume, 1),
      weight_unit: 'lb',
      total_repetitions: sets.reduce((sum, s) => sum + s.completedReps, 0),
      num_movements: aggregates.length,
      num_targets_reached: targetsReached,
      completion_percentage: aggregates.length === 0 ? 0 : Math.round((100 * targetsReached) / aggregates.length),
      repetition_summary_data: sets.map((set) => element(workout, set)),
      movement_aggregate_data: aggregates,
    },
  };
}
