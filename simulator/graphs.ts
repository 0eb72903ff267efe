import { classPlan, publicSegment, type ClassPlan } from './class-plan.js';
import { NO_CLASS_ID } from './classes.js';
import { isTread } from './disciplines.js';
import { ERA } from './eras.js';
import { mileSplits, splitsMetrics, targetMetricsCompliance, targetMetricsPerformance, targetPerformanceMetrics } from './graph-extras.js';
import { locationTrack, type LocationElement } from './gps.js';
import { atEveryN } from './grid.js';
import { omit } from './objects.js';
import { round, streamOf } from './random.js';
import { findChannel, isOutdoorWorkout, workoutSeries, type Channel, type WorkoutSeries } from './series.js';
import { caesarMetrics, strokesOf, type Stroke } from './strokes.js';
import { classOfWorkout, type SimWorkout } from './workouts.js';

export interface GraphOptions {
  /**
   * Whether the request carried `Peloton-Platform: web` (default true). Without it a workout without a class
   * gets no GPS track, as clients saw before they sent the header; outdoor classes have theirs either way.
   */
  webPlatform?: boolean;
}

/** A series as the graph's metrics[] sends it. */
interface GraphMetric {
  display_name: string;
  display_unit: string;
  max_value: number | null;
  average_value: number | null;
  values: Array<number | null>;
  slug: string;
  zones?: Array<Record<string, unknown>>;
  missing_data_duration?: number;
  alternatives?: GraphMetric[];
}

/** A workout's graph at one every_n: the x axis and the series, thinned and bucketed as Peloton does (§6.8). */
interface Thinned {
  offsets: number[];
  metrics: GraphMetric[];
}

/**
 * GET /api/workout/{id}/performance_graph?every_n=N for a simulated workout (computed on request), rendered
 * from its per-second series (series.ts): at N = 1 the seconds with data, at N > 1 every N-th of them plus
 * the last, each value the maximum of its bucket; statistics and summaries the same at every N. Its output
 * matches the workout's total_work, its segments and targets are the class's, its heart-rate zones follow the
 * member's maximum, outdoors it carries the GPS track, and its fields follow the workout's era as real captures do.
 */
export function performanceGraph(workout: SimWorkout, everyN: number, options: GraphOptions = {}): Record<string, unknown> {
  const random = streamOf('graph', workout.id);
  const series = workoutSeries(workout);
  const duration = series.duration;
  const createdAt = workout.created_at;
  const discipline = String(workout['fitness_discipline']);
  const outdoor = isOutdoorWorkout(workout);
  const kind = outdoor ? 'outdoor' : (workout['metrics_type'] as string | null);
  const spec = classOfWorkout(workout);
  const plan = spec === undefined ? undefined : classPlan(spec);
  const step = stepOf(everyN);
  const { offsets, metrics } = thinned(series, step);
  const averageOf = (slug: string): number => findChannel(series.channels, slug)?.average_value ?? 0;
  const strokes = kind === 'caesar' ? strokesOf(workout.id, series) : undefined;
  const track = outdoor ? locationTrack(String(workout['user_id']), workout.id, series, plan?.segments ?? [], step) : undefined;
  const hasHeartRate = series.channels.some((c) => c.slug === 'heart_rate');
  const graph: Record<string, unknown> = {
    duration,
    is_class_plan_shown: workout['workout_type'] === 'class',
    segment_list: plan === undefined ? [] : segmentList(plan, createdAt),
    seconds_since_pedaling_start: offsets,
    average_summaries: averageSummaries(series.channels),
    summaries: summaries(workout, kind, { series, averageOf, hasHeartRate, strokes, track, random }),
    metrics,
    has_apple_watch_metrics: false,
  };
  if (strokes !== undefined && createdAt >= ERA.muscleGroups) graph['caesar_metrics'] = caesarMetrics(workout.id, strokes);
  Object.assign(graph, locationKeys(workout, track, options));
  const splits = splitsData(workout, kind, duration, averageOf);
  if (splits !== undefined) graph['splits_data'] = splits;
  if (createdAt >= ERA.muscleGroups) graph['splits_metrics'] = splitsMetrics(workout, kind, duration, averageOf);
  const targeted = plan !== undefined && plan.targets.length > 0 && workout['workout_type'] === 'class';
  if (targeted && discipline === 'cycling' && createdAt >= ERA.effortZonesKey)
    graph['target_performance_metrics'] = targetPerformanceMetrics(plan, duration, step, random);
  if (createdAt >= ERA.targets) graph['target_metrics_compliance'] = targetMetricsCompliance(targeted ? discipline : undefined);
  if (createdAt >= ERA.strive)
    graph['target_metrics_performance_data'] = targetMetricsPerformance(
      targeted && (isTread(discipline) || createdAt >= ERA.targets) ? plan : undefined,
      random,
    );
  if (createdAt >= ERA.effortZonesKey) graph['effort_zones'] = workout['effort_zones'] ?? null;
  if (createdAt >= ERA.muscleGroups)
    graph['muscle_group_score'] = (workout['ride'] as { muscle_group_score?: unknown } | null)?.muscle_group_score ?? [];
  if (createdAt >= ERA.targets) {
    graph['summary_available'] = true;
    graph['performance_graph_available'] = true;
  }
  return graph;
}

/** every_n as the route reads it: a whole number of seconds, at least 1. */
export const stepOf = (everyN: number): number => (Number.isFinite(everyN) ? Math.max(1, Math.floor(everyN)) : 1);

/** The x axis and every series (alternatives included) at every_n = `step`. */
function thinned(series: WorkoutSeries, step: number): Thinned {
  const grid = atEveryN(series.offsets, step);
  const render = (channel: Channel): GraphMetric => {
    const metric: GraphMetric = {
      display_name: channel.display_name,
      display_unit: channel.display_unit,
      max_value: channel.max_value,
      average_value: channel.average_value,
      values: grid.values(channel.values),
      slug: channel.slug,
    };
    if (channel.zones !== undefined) metric.zones = channel.zones;
    if (channel.missing_data_duration !== undefined) metric.missing_data_duration = channel.missing_data_duration;
    if (channel.alternatives !== undefined) metric.alternatives = channel.alternatives.map(render);
    return metric;
  };
  return { offsets: grid.offsets, metrics: series.channels.map(render) };
}

/**
 * GPS keys: the track outdoors (empty for a workout without a class asked without the web header); indoors
 * `location_data: []` with `is_location_data_accurate: null`, or neither key (both are real).
 */
function locationKeys(workout: SimWorkout, track: LocationElement[] | undefined, options: GraphOptions): Record<string, unknown> {
  if (track !== undefined) {
    const noClass = (workout['ride'] as { id?: string } | null)?.id === NO_CLASS_ID;
    const sent = !noClass || options.webPlatform !== false;
    return { location_data: sent ? track : [], is_location_data_accurate: sent ? true : null };
  }
  return streamOf('graph-keys', workout.id)() < 0.3 ? {} : { location_data: [], is_location_data_accurate: null };
}

/** One average per device series, alternatives after them (heart rate and altitude have none). */
function averageSummaries(channels: readonly Channel[]): Array<Record<string, unknown>> {
  return [...channels, ...channels.flatMap((c) => c.alternatives ?? [])]
    .filter((m) => m.slug !== 'heart_rate' && m.average_value !== null)
    .map((m) => ({ display_name: `Avg ${m.display_name}`, display_unit: m.display_unit, value: m.average_value, slug: `avg_${m.slug}` }));
}

const segmentLists = new WeakMap<ClassPlan, { current: Array<Record<string, unknown>>; older: Array<Record<string, unknown>> }>();

/** The plan's segments as graphs send them (without is_drill before 2022), made once per plan. */
function segmentList(plan: ClassPlan, createdAt: number): Array<Record<string, unknown>> {
  let lists = segmentLists.get(plan);
  if (lists === undefined) {
    const current = plan.segments.map(publicSegment);
    lists = { current, older: current.map((segment) => omit(segment, 'is_drill')) };
    segmentLists.set(plan, lists);
  }
  return createdAt >= ERA.drills ? lists.current : lists.older;
}

interface SummaryInputs {
  series: WorkoutSeries;
  averageOf: (slug: string) => number;
  hasHeartRate: boolean;
  strokes: Stroke[] | undefined;
  track: LocationElement[] | undefined;
  random: () => number;
}

function summaries(workout: SimWorkout, kind: string | null, inputs: SummaryInputs): Array<Record<string, unknown>> {
  const { series, averageOf, random } = inputs;
  const duration = series.duration;
  const kilojoules = Math.round(Number(workout['total_work']) / 1000);
  const totalOutput = { display_name: 'Total Output', display_unit: 'kj', value: kilojoules, slug: 'total_output' };
  const miles = round((averageOf('speed') * duration) / 3600, 2);
  const byEffort = kind === null || kind === 'outdoor';
  const calories = {
    display_name: 'Calories',
    display_unit: 'kcal',
    value: byEffort ? Math.round((duration / 60) * (3 + random() * 4)) : Math.round(kilojoules * (1.1 + random() * 0.3)),
    slug: 'calories',
  };
  const distance = (value: number, unit = 'mi'): Record<string, unknown> => ({
    display_name: 'Distance',
    display_unit: unit,
    value,
    slug: 'distance',
  });
  const elevation = (value: number): Record<string, unknown> => ({
    display_name: 'Elevation',
    display_unit: 'ft',
    value,
    slug: 'elevation',
  });
  switch (kind) {
    case 'cycling': {
      const scenic =
        workout['workout_type'] === 'scenic'
          ? [{ display_name: 'Duration', display_unit: 'min', value: round(duration / 60, 2), slug: 'duration' }]
          : [];
      return [...scenic, totalOutput, distance(miles), calories];
    }
    case 'running':
      return [totalOutput, distance(miles), elevation(Math.round(averageOf('incline') * miles * 52.8)), calories];
    case 'caesar':
      return [
        totalOutput,
        distance(rowedMeters(duration, averageOf('split_pace')), 'm'),
        { display_name: 'Strokes', display_unit: null, value: inputs.strokes?.length ?? 0, slug: 'stroke_count' },
        calories,
      ];
    case 'outdoor': {
      const walked = inputs.track?.at(-1)?.coordinates.at(-1)?.distance ?? miles;
      const heights = (findChannel(series.channels, 'altitude')?.values ?? new Float64Array(0)).filter((v) => !Number.isNaN(v));
      const climbed = heights.length === 0 ? 0 : Math.max(...heights) - Math.min(...heights);
      return [distance(walked), elevation(climbed), calories];
    }
    default:
      return workout['fitness_discipline'] === 'meditation' || !inputs.hasHeartRate ? [] : [calories];
  }
}

const rowedMeters = (duration: number, paceMinutesPer500: number): number =>
  paceMinutesPer500 > 0 ? round((duration / 60 / paceMinutesPer500) * 500, 2) : 0;

/** Mile splits on the tread and outdoors always and on the bike since 2023; before the Strive era other graphs send `[]`, then `{}`. */
function splitsData(workout: SimWorkout, kind: string | null, duration: number, averageOf: (slug: string) => number): unknown {
  const createdAt = workout.created_at;
  if (kind === 'caesar' && createdAt >= ERA.muscleGroups) return undefined;
  const cycling = kind === 'cycling' && createdAt >= ERA.targets;
  if (kind === 'running' || kind === 'outdoor' || cycling) {
    // Elevation per mile from the incline indoors; outdoors a gentle half-percent grade.
    const grade = kind === 'running' ? averageOf('incline') : kind === 'outdoor' ? 0.5 : null;
    return {
      distance_marker_display_unit: 'mi',
      elevation_change_display_unit: 'ft',
      splits: mileSplits(workout.id, duration, averageOf('speed'), grade, cycling),
    };
  }
  return createdAt < ERA.strive ? [] : {};
}
