import { between, intBetween, seededRandom, seedOf } from './random.js';
import type { SimWorkout } from './workouts.js';

type Metric = { slug: string; display_name: string; display_unit: string | null; base: number; spread: number };

const METRICS: Record<string, Metric[]> = {
  cycling: [
    { slug: 'output', display_name: 'Output', display_unit: 'watts', base: 160, spread: 80 },
    { slug: 'cadence', display_name: 'Cadence', display_unit: 'rpm', base: 85, spread: 20 },
    { slug: 'resistance', display_name: 'Resistance', display_unit: '%', base: 42, spread: 15 },
    { slug: 'speed', display_name: 'Speed', display_unit: 'mph', base: 18, spread: 4 },
  ],
  running: [
    { slug: 'output', display_name: 'Output', display_unit: 'watts', base: 120, spread: 40 },
    { slug: 'pace', display_name: 'Pace', display_unit: 'min/mi', base: 10, spread: 2 },
    { slug: 'speed', display_name: 'Speed', display_unit: 'mph', base: 6, spread: 1.5 },
    { slug: 'incline', display_name: 'Incline', display_unit: '%', base: 2, spread: 2 },
  ],
  caesar: [
    { slug: 'output', display_name: 'Output', display_unit: 'watts', base: 140, spread: 50 },
    { slug: 'stroke_rate', display_name: 'Stroke Rate', display_unit: 'spm', base: 26, spread: 6 },
    { slug: 'split_pace', display_name: 'Split Pace', display_unit: 'sec/500m', base: 130, spread: 20 },
  ],
};

const HEART_RATE: Metric = { slug: 'heart_rate', display_name: 'Heart Rate', display_unit: 'bpm', base: 135, spread: 30 };

/** GET /api/workout/{id}/performance_graph?every_n=N for a simulated workout (computed on request). */
export function performanceGraph(workout: SimWorkout, everyN: number): Record<string, unknown> {
  const random = seededRandom(seedOf(workout.id));
  const ride = workout['ride'] as { duration?: number } | null;
  const duration = ride?.duration ?? 1200;
  const step = Math.max(1, Math.floor(everyN));
  const seconds: number[] = [];
  for (let t = 0; t <= duration; t += step) seconds.push(t);
  const metricsType = workout['metrics_type'] as string | null;
  const hasHeartRate = random() < 0.7;
  const chosen = [...(metricsType === null ? [] : (METRICS[metricsType] ?? [])), ...(hasHeartRate ? [HEART_RATE] : [])];
  const metrics = chosen.map((m) => series(m, seconds.length, random, duration));
  const output = metrics.find((m) => m['slug'] === 'output');
  return {
    duration,
    is_class_plan_shown: metricsType !== null,
    segment_list: [
      { id: workout.id.slice(0, 24) + 'seg00001', name: 'Warmup', start_time_offset: 0, length: Math.round(duration * 0.15), intensity_in_mets: 3.5, metrics_type: 'cycling', icon_slug: 'warmup' },
      { id: workout.id.slice(0, 24) + 'seg00002', name: 'Main', start_time_offset: Math.round(duration * 0.15), length: Math.round(duration * 0.75), intensity_in_mets: 8.0, metrics_type: 'cycling', icon_slug: 'main' },
      { id: workout.id.slice(0, 24) + 'seg00003', name: 'Cool Down', start_time_offset: Math.round(duration * 0.9), length: Math.round(duration * 0.1), intensity_in_mets: 3.0, metrics_type: 'cycling', icon_slug: 'cooldown' },
    ],
    seconds_since_pedaling_start: seconds,
    average_summaries: metrics.map((m) => ({ display_name: `Avg ${m['display_name']}`, display_unit: m['display_unit'], value: m['average_value'], slug: `avg_${m['slug']}` })),
    summaries: [
      { display_name: 'Total Output', display_unit: 'kj', value: output === undefined ? 0 : Math.round(Number(output['average_value']) * duration / 1000), slug: 'total_output' },
      { display_name: 'Distance', display_unit: 'mi', value: Math.round(between(random, 2, 20) * 100) / 100, slug: 'distance' },
      { display_name: 'Calories', display_unit: null, value: intBetween(random, 50, 900), slug: 'calories' },
    ],
    metrics,
    has_apple_watch_metrics: false,
    location_data: [],
    is_location_data_accurate: null,
    splits_data: metricsType === 'running' ? { distance_marker_display_unit: 'mi', elevation_change_display_unit: 'ft', splits: [] } : null,
    target_metrics_performance_data: null,
    target_performance_metrics: null,
    effort_zones: workout['effort_zones'] ?? null,
    muscle_group_score: metricsType === null ? [{ muscle_group: 'core', score: intBetween(random, 0, 100), percentage: intBetween(random, 0, 100), bucket: 1 }] : [],
  };
}

function series(metric: Metric, points: number, random: () => number, duration: number): Record<string, unknown> {
  const values: Array<number | null> = new Array(points);
  let sum = 0;
  let counted = 0;
  let max = 0;
  for (let i = 0; i < points; i++) {
    // Dropouts happen (a sensor losing contact): the API sends null for those samples.
    if (random() < 0.01) {
      values[i] = null;
      continue;
    }
    const value = Math.round((metric.base + (random() - 0.5) * metric.spread) * 10) / 10;
    values[i] = value;
    sum += value;
    counted++;
    if (value > max) max = value;
  }
  const result: Record<string, unknown> = {
    display_name: metric.display_name,
    display_unit: metric.display_unit,
    max_value: max,
    average_value: counted === 0 ? 0 : Math.round(sum / counted),
    values,
    slug: metric.slug,
  };
  if (metric.slug === 'heart_rate') {
    result['zones'] = ['Zone 1', 'Zone 2', 'Zone 3', 'Zone 4', 'Zone 5'].map((name, i) => ({
      display_name: name,
      slug: `zone${i + 1}`,
      range: `${100 + i * 20}-${119 + i * 20} bpm`,
      duration: Math.round(duration / 5),
      max_value: 119 + i * 20,
      min_value: 100 + i * 20,
    }));
    result['missing_data_duration'] = 0;
  }
  return result;
}
