import { rangeOf, targetAt, type ClassPlan } from './class-plan.js';
import { ERA } from './eras.js';
import { intBetween, round, streamOf } from './random.js';
import type { SimWorkout } from './workouts.js';

/** splits_data.splits: one row per whole mile, then the remainder (its marker is the fraction ridden or run). */
export function mileSplits(
  workoutId: string,
  duration: number,
  speedMph: number,
  incline: number | null,
  bike: boolean,
): Array<Record<string, unknown>> {
  const random = streamOf('splits', workoutId);
  const miles = (speedMph * duration) / 3600;
  const whole = Math.floor(miles);
  const rows: Array<Record<string, unknown>> = [];
  let used = 0;
  for (let mile = 1; mile <= whole; mile++) {
    const seconds = Math.round((3600 / speedMph) * (0.97 + random() * 0.06));
    used += seconds;
    rows.push(splitRow(mile, 1, seconds, incline, bike, random));
  }
  const fastest = rows.reduce<Record<string, unknown> | undefined>(
    (best, row) => (best === undefined || Number(row['seconds']) < Number(best['seconds']) ? row : best),
    undefined,
  );
  const rest = round(miles - whole, 2);
  if (rest >= 0.01) rows.push(splitRow(whole + 1, rest, Math.max(1, duration - used), incline, bike, random));
  const best = fastest ?? rows[0];
  if (best !== undefined) best['is_best'] = true;
  return rows;
}

function splitRow(
  order: number,
  distance: number,
  seconds: number,
  incline: number | null,
  bike: boolean,
  random: () => number,
): Record<string, unknown> {
  const row: Record<string, unknown> = {
    distance_marker: distance === 1 ? order : distance,
    order,
    seconds,
    elevation_change: incline === null ? null : Math.round(incline * distance * 52.8 * (0.8 + random() * 0.4)),
    is_best: false,
  };
  if (bike) row['has_floor_segment'] = false;
  return row;
}

/** splits_metrics: 500 m splits on the rower, mile splits on the tread and bike (2023 on); `{}` otherwise. */
export function splitsMetrics(
  workout: SimWorkout,
  metricsType: string | null,
  duration: number,
  averageOf: (slug: string) => number,
): Record<string, unknown> {
  const random = streamOf('splits-metrics', workout.id);
  if (metricsType === 'caesar') {
    const pace = averageOf('split_pace');
    const meters = pace > 0 ? (duration / 60 / pace) * 500 : 0;
    const rows = [];
    for (let at = 0; at < meters; at += 500) {
      const length = Math.min(500, meters - at);
      rows.push([
        { slug: 'meter', value: round(at + length, 4), unit: 'm' },
        { slug: 'total_time', value: round(((at + length) / 500) * pace, 2), unit: 'min' },
        { slug: 'pace', value: round(pace * (0.95 + random() * 0.1), 2), unit: 'min/500m' },
        { slug: 'spm', value: intBetween(random, 18, 28), unit: null },
        { slug: 'avg_output', value: Math.round(averageOf('output') * (0.9 + random() * 0.2)), unit: 'w' },
        { slug: 'form_score', value: round(80 + random() * 19, 2), unit: '%' },
      ]);
    }
    return {
      header: [
        ['meter', 'Meters'],
        ['total_time', 'Total Time'],
        ['pace', 'min/500m'],
        ['spm', 'spm'],
        ['avg_output', 'Avg Output'],
        ['form_score', 'Form Rating'],
      ].map(([slug, display_name]) => ({ slug, display_name })),
      metrics: bestFirstFlagged(
        rows.map((data) => ({ is_best: false, has_floor_segment: false, data })),
        'pace',
      ),
    };
  }
  if ((metricsType === 'running' || metricsType === 'cycling') && workout.created_at >= ERA.targets) {
    const speed = averageOf('speed');
    const miles = (speed * duration) / 3600;
    const rows = [];
    for (let mile = 0; mile < miles; mile++) {
      const share = Math.min(1, miles - mile);
      const pace = round((60 / speed) * (0.96 + random() * 0.08), 2);
      const data = [
        { slug: 'mi', value: round(mile + share, 2), unit: 'mi' },
        { slug: 'total_time', value: round(((mile + share) * 60) / speed, 2), unit: 'min' },
        { slug: 'pace', value: pace, unit: 'min/mi' },
        { slug: 'avg_output', value: Math.round(averageOf('output') * (0.9 + random() * 0.2)), unit: 'w' },
      ];
      if (metricsType === 'running') data.push({ slug: 'elevation', value: Math.round(averageOf('incline') * share * 52.8), unit: 'ft' });
      rows.push({ is_best: false, has_floor_segment: false, data });
    }
    const header = [
      ['mi', 'Miles'],
      ['total_time', 'Total Time'],
      ['pace', 'min/mi'],
      ['avg_output', 'Avg Output'],
      ...(metricsType === 'running' ? [['elevation', 'Elevation']] : []),
    ];
    return { header: header.map(([slug, display_name]) => ({ slug, display_name })), metrics: bestFirstFlagged(rows, 'pace') };
  }
  return {};
}

function bestFirstFlagged<T extends { is_best: boolean; data: Array<{ slug: string; value: unknown }> }>(rows: T[], slug: string): T[] {
  const valueOf = (row: T): number => Number(row.data.find((d) => d.slug === slug)?.value ?? Infinity);
  const best = rows.reduce<T | undefined>((found, row) => (found === undefined || valueOf(row) < valueOf(found) ? row : found), undefined);
  if (best !== undefined) best.is_best = true;
  return rows;
}

/**
 * target_performance_metrics: the class's cadence and resistance bands and the share of time in them. The
 * bands are not aligned with the samples: ⌊duration / every_n⌋ values, value j at pedaling second j·every_n.
 */
export function targetPerformanceMetrics(plan: ClassPlan, duration: number, everyN: number, random: () => number): Record<string, unknown> {
  const points = Math.floor(duration / everyN);
  const bands = ['cadence', 'resistance'].map((name) => ({
    name,
    upper: new Array<number>(points),
    lower: new Array<number>(points),
    average: new Array<number>(points),
  }));
  const cursor = { at: 0 };
  let last = plan.targets[0];
  for (let i = 0; i < points; i++) {
    last = targetAt(plan, plan.preRoll + i * everyN, cursor) ?? last;
    for (const band of bands) {
      const range = last === undefined ? { lower: 0, upper: 0 } : rangeOf(last, band.name);
      band.upper[i] = range.upper;
      band.lower[i] = range.lower;
      band.average[i] = Math.round((range.upper + range.lower) / 2);
    }
  }
  return {
    target_graph_metrics: bands.map(({ name, upper, lower, average }) => ({
      graph_data: { upper, lower, average },
      max: Math.max(...upper),
      min: Math.min(...lower),
      average: Math.round(average.reduce((a, b) => a + b, 0) / Math.max(1, average.length)),
      type: name,
    })),
    cadence_time_in_range: intBetween(random, 35, 90),
    resistance_time_in_range: intBetween(random, 35, 90),
  };
}

/** target_metrics_performance_data: the class's target stretches (as its details list them) and the share of time in each metric's range. */
export function targetMetricsPerformance(plan: ClassPlan | undefined, random: () => number): Record<string, unknown> {
  const names = plan?.targets[0]?.ranges.map((r) => r.name);
  if (plan === undefined || names === undefined) return { target_metrics: [], time_in_metric: [] };
  return { target_metrics: targetMetricsOf(plan), time_in_metric: names.map((name) => ({ name, value: intBetween(random, 20, 95) })) };
}

/** The class's target stretches in the shape of target_metrics_data / target_metrics_performance_data. */
export function targetMetricsOf(plan: ClassPlan): Array<Record<string, unknown>> {
  return plan.targets.map((stretch) => ({
    offsets: { start: stretch.start, end: stretch.end },
    segment_type: stretch.ranges.some((r) => r.name === 'resistance') ? 'cycling' : 'running',
    metrics: stretch.ranges.map((r) => ({ name: r.name, upper: r.upper, lower: r.lower })),
  }));
}

const PACE_INTENSITIES = ['Recovery', 'Easy', 'Moderate', 'Challenging', 'Hard', 'Very Hard', 'Max'];

/** target_metrics_compliance (2023 on): the tread's pace levels for a class with targets, `{}` otherwise. */
export function targetMetricsCompliance(discipline: string | undefined): Record<string, unknown> {
  if (discipline !== 'running' && discipline !== 'walking') return {};
  const slowest = discipline === 'running' ? 13 : 24;
  return {
    workout_pace_level: 'level_3',
    pace_intensities_mapping: PACE_INTENSITIES.map((display_name, value) => ({
      value,
      display_name,
      pace_levels: [
        {
          slug: 'level_3',
          display_name: 'Level 3',
          fast_pace: round(slowest - value * 1.1 - 0.5, 2),
          slow_pace: round(slowest - value * 1.1, 2),
        },
      ],
    })),
  };
}
