import { classPlan, publicSegment, type ClassPlan } from './class-plan.js';
import { isTread } from './disciplines.js';
import { ERA } from './eras.js';
import {
  caesarMetrics,
  mileSplits,
  splitsMetrics,
  targetMetricsCompliance,
  targetMetricsPerformance,
  targetPerformanceMetrics,
} from './graph-extras.js';
import { omit } from './objects.js';
import { intBetween, round, seededRandom, seedOf } from './random.js';
import { riderOf } from './rider.js';
import { classOfWorkout, type SimWorkout } from './workouts.js';

type Metric = { slug: string; display_name: string; display_unit: string | null; base: number; spread: number; decimals: number };
type Series = Record<string, unknown> & { average_value: number; values: Array<number | null> };

const HEART_RATE_BASE: Record<string, number> = { meditation: 72, yoga: 105, stretching: 98, strength: 118 };

/**
 * GET /api/workout/{id}/performance_graph?every_n=N for a simulated workout (computed on request). Its
 * output matches the workout's total_work, its segments and targets are the class's, its heart-rate zones
 * follow the member's maximum, and its fields follow the workout's era as the real captures do.
 */
export function performanceGraph(workout: SimWorkout, everyN: number): Record<string, unknown> {
  const random = seededRandom(seedOf(workout.id));
  const ride = workout['ride'] as { duration?: number; muscle_group_score?: unknown } | null;
  const duration = ride?.duration ?? 1200;
  const step = Math.max(1, Math.floor(everyN));
  const seconds: number[] = [];
  for (let t = 0; t <= duration; t += step) seconds.push(t);
  const createdAt = workout.created_at;
  const discipline = String(workout['fitness_discipline']);
  const metricsType = workout['metrics_type'] as string | null;
  const spec = classOfWorkout(workout);
  const plan = spec === undefined ? undefined : classPlan(spec);
  const watts = Number(workout['total_work']) > 0 ? Number(workout['total_work']) / duration : 100;
  const hasHeartRate = random() < 0.7;
  const shape = shapeOf(metricsType, discipline, watts);
  const metrics: Series[] = shape.metrics.map((m) => series(m, seconds.length, random));
  if (hasHeartRate) metrics.push(heartRate(workout, discipline, seconds.length, duration, random));
  const averageOf = (slug: string): number => metrics.find((m) => m['slug'] === slug)?.average_value ?? 0;
  const graph: Record<string, unknown> = {
    duration,
    is_class_plan_shown: workout['workout_type'] === 'class',
    segment_list: plan === undefined ? [] : segmentList(plan, createdAt),
    seconds_since_pedaling_start: seconds,
    // One average per device metric, named after it (the heart rate has none).
    average_summaries: shape.metrics.map((m) => ({
      display_name: `Avg ${m.display_name}`,
      display_unit: m.display_unit,
      value: averageOf(m.slug),
      slug: `avg_${m.slug}`,
    })),
    summaries: summaries(workout, metricsType, discipline, duration, averageOf, hasHeartRate, random),
    metrics,
    has_apple_watch_metrics: false,
    location_data: [],
    is_location_data_accurate: null,
  };
  const splits = splitsData(workout, metricsType, duration, averageOf);
  if (splits !== undefined) graph['splits_data'] = splits;
  if (createdAt >= ERA.muscleGroups) graph['splits_metrics'] = splitsMetrics(workout, metricsType, duration, averageOf);
  const targeted = plan !== undefined && plan.targets.length > 0 && workout['workout_type'] === 'class';
  if (targeted && discipline === 'cycling' && createdAt >= ERA.effortZonesKey)
    graph['target_performance_metrics'] = targetPerformanceMetrics(plan, seconds, random);
  if (createdAt >= ERA.targets) graph['target_metrics_compliance'] = targetMetricsCompliance(targeted ? discipline : undefined);
  if (createdAt >= ERA.strive)
    graph['target_metrics_performance_data'] = targetMetricsPerformance(
      targeted && (isTread(discipline) || createdAt >= ERA.targets) ? plan : undefined,
      random,
    );
  if (createdAt >= ERA.effortZonesKey) graph['effort_zones'] = workout['effort_zones'] ?? null;
  if (createdAt >= ERA.muscleGroups) graph['muscle_group_score'] = ride?.muscle_group_score ?? [];
  if (createdAt >= ERA.muscleGroups && discipline === 'caesar')
    graph['caesar_metrics'] = caesarMetrics(workout.id, duration, averageOf('output'), averageOf('stroke_rate'));
  if (createdAt >= ERA.targets) {
    graph['summary_available'] = true;
    graph['performance_graph_available'] = true;
  }
  return graph;
}

interface Shape {
  metrics: Metric[];
}

function shapeOf(metricsType: string | null, discipline: string, watts: number): Shape {
  const output = (name: string): Metric => ({
    slug: 'output',
    display_name: name,
    display_unit: 'watts',
    base: watts,
    spread: watts * 0.5,
    decimals: 0,
  });
  if (metricsType === 'cycling') {
    return {
      metrics: [
        output('Output'),
        { slug: 'cadence', display_name: 'Cadence', display_unit: 'rpm', base: 82, spread: 24, decimals: 0 },
        { slug: 'resistance', display_name: 'Resistance', display_unit: '%', base: 30 + watts / 8, spread: 14, decimals: 0 },
        { slug: 'speed', display_name: 'Speed', display_unit: 'mph', base: 11 + watts * 0.05, spread: 3, decimals: 1 },
      ],
    };
  }
  if (metricsType === 'running') {
    const speed = discipline === 'running' ? watts / 33 : 1.8 + watts / 60;
    return {
      metrics: [
        output('Output'),
        { slug: 'pace', display_name: 'Pace', display_unit: 'min/mi', base: 60 / speed, spread: 60 / speed / 5, decimals: 2 },
        { slug: 'incline', display_name: 'Incline', display_unit: '%', base: 2, spread: 3, decimals: 1 },
        { slug: 'speed', display_name: 'Speed', display_unit: 'mph', base: speed, spread: speed / 5, decimals: 1 },
      ],
    };
  }
  if (metricsType === 'caesar') {
    // Pace per 500 m from power, as rowers compute it: 500 · (2.8 / W)^(1/3) seconds.
    const pace = (500 * Math.cbrt(2.8 / watts)) / 60;
    return {
      metrics: [
        output('Stroke Output'),
        { slug: 'stroke_rate', display_name: 'Stroke Rate', display_unit: 'spm', base: 23, spread: 8, decimals: 0 },
        { slug: 'split_pace', display_name: 'Pace', display_unit: 'min/500m', base: pace, spread: pace / 5, decimals: 2 },
      ],
    };
  }
  return { metrics: [] };
}

function series(metric: Metric, points: number, random: () => number): Series {
  const values = new Array<number | null>(points);
  const factor = 10 ** metric.decimals;
  let sum = 0;
  let counted = 0;
  let max = 0;
  for (let i = 0; i < points; i++) {
    // Dropouts happen (a sensor losing contact): the API sends null for those samples.
    if (random() < 0.01) {
      values[i] = null;
      continue;
    }
    const value = Math.max(0, Math.round((metric.base + (random() - 0.5) * metric.spread) * factor) / factor);
    values[i] = value;
    sum += value;
    counted++;
    if (value > max) max = value;
  }
  const average = counted === 0 ? 0 : round(sum / counted, metric.decimals);
  const result: Series = {
    display_name: metric.display_name,
    display_unit: metric.display_unit,
    max_value: max,
    average_value: average,
    values,
    slug: metric.slug,
  };
  return result;
}

function heartRate(workout: SimWorkout, discipline: string, points: number, duration: number, random: () => number): Series {
  const maxHeartRate = riderOf(String(workout['user_id'])).maxHeartRate;
  const result = series(
    {
      slug: 'heart_rate',
      display_name: 'Heart Rate',
      display_unit: 'bpm',
      base: HEART_RATE_BASE[discipline] ?? 138,
      spread: 30,
      decimals: 0,
    },
    points,
    random,
  );
  const effort = (workout['effort_zones'] as { heart_rate_zone_durations?: Record<string, number> } | null)?.heart_rate_zone_durations;
  const floors = [0, 0.65, 0.75, 0.85, 0.95].map((share) => Math.floor(share * maxHeartRate));
  result['zones'] = floors.map((floor, i) => {
    const ceiling = (floors[i + 1] ?? maxHeartRate + 1) - 1;
    return {
      display_name: `Zone ${i + 1}`,
      slug: `zone${i + 1}`,
      range: i === 0 ? `<${floors[1]} bpm` : i === 4 ? `>=${floor} bpm` : `${floor}-${ceiling} bpm`,
      duration: effort?.[`heart_rate_z${i + 1}_duration`] ?? Math.round(duration / 5),
      max_value: ceiling,
      min_value: floor,
    };
  });
  result['missing_data_duration'] = intBetween(random, 0, 4);
  return result;
}

function segmentList(plan: ClassPlan, createdAt: number): Array<Record<string, unknown>> {
  return plan.segments.map((segment) => (createdAt >= ERA.v2 ? publicSegment(segment) : omit(publicSegment(segment), 'is_drill')));
}

function summaries(
  workout: SimWorkout,
  metricsType: string | null,
  discipline: string,
  duration: number,
  averageOf: (slug: string) => number,
  hasHeartRate: boolean,
  random: () => number,
): Array<Record<string, unknown>> {
  const kilojoules = Math.round(Number(workout['total_work']) / 1000);
  const totalOutput = { display_name: 'Total Output', display_unit: 'kj', value: kilojoules, slug: 'total_output' };
  const calories = {
    display_name: 'Calories',
    display_unit: 'kcal',
    value: metricsType === null ? Math.round((duration / 60) * (3 + random() * 4)) : Math.round(kilojoules * (1.1 + random() * 0.3)),
    slug: 'calories',
  };
  const miles = round((averageOf('speed') * duration) / 3600, 2);
  if (metricsType === 'cycling') {
    const scenic =
      workout['workout_type'] === 'scenic'
        ? [{ display_name: 'Duration', display_unit: 'min', value: round(duration / 60, 2), slug: 'duration' }]
        : [];
    return [...scenic, totalOutput, { display_name: 'Distance', display_unit: 'mi', value: miles, slug: 'distance' }, calories];
  }
  if (metricsType === 'running') {
    return [
      totalOutput,
      { display_name: 'Distance', display_unit: 'mi', value: miles, slug: 'distance' },
      { display_name: 'Elevation', display_unit: 'ft', value: Math.round(averageOf('incline') * miles * 52.8), slug: 'elevation' },
      calories,
    ];
  }
  if (metricsType === 'caesar') {
    return [
      totalOutput,
      { display_name: 'Distance', display_unit: 'm', value: rowedMeters(duration, averageOf('split_pace')), slug: 'distance' },
      { display_name: 'Strokes', display_unit: null, value: Math.round((averageOf('stroke_rate') * duration) / 60), slug: 'stroke_count' },
      calories,
    ];
  }
  return discipline === 'meditation' || !hasHeartRate ? [] : [calories];
}

export const rowedMeters = (duration: number, paceMinutesPer500: number): number =>
  paceMinutesPer500 > 0 ? round((duration / 60 / paceMinutesPer500) * 500, 2) : 0;

/** Mile splits on the tread always and on the bike since 2023; before the Strive era other graphs send `[]`, then `{}`. */
function splitsData(workout: SimWorkout, metricsType: string | null, duration: number, averageOf: (slug: string) => number): unknown {
  const createdAt = workout.created_at;
  if (metricsType === 'caesar' && createdAt >= ERA.muscleGroups) return undefined;
  const cycling = metricsType === 'cycling' && createdAt >= ERA.targets;
  if (metricsType === 'running' || cycling) {
    return {
      distance_marker_display_unit: 'mi',
      elevation_change_display_unit: 'ft',
      splits: mileSplits(workout.id, duration, averageOf('speed'), metricsType === 'running' ? averageOf('incline') : null, cycling),
    };
  }
  return createdAt < ERA.strive ? [] : {};
}
