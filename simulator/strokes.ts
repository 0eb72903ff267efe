import { hexId, intBetween, pick, round, streamOf } from './random.js';
import { findChannel, type WorkoutSeries } from './series.js';

/** One rower stroke, as caesar_metrics.output.data[] lists it. */
export interface Stroke {
  /** 1 … N in stroke order. */
  id: number;
  seconds_since_pedaling_start: number;
  /** Watts, a float (the rower reports single-precision values). */
  output: number;
  stroke_rate: number;
  errors: Array<{ type: string }>;
}

/** The form faults the rower reports, by phase of the stroke (the types seen in a real capture). */
const STROKE_ERRORS: Record<string, string[]> = {
  catch: ['over_compress', 'under_compress', 'lunge_catch', 'under_extend'],
  drive: ['shoot_slide', 'open_early'],
  finish: ['too_much_layback', 'too_little_layback'],
  recovery: ['bend_knees_early'],
};
const ALL_ERRORS = Object.values(STROKE_ERRORS).flat();

const valuesOf = (series: WorkoutSeries, slug: string): Float64Array => findChannel(series.channels, slug)?.values ?? new Float64Array(0);

/**
 * The strokes of a rowing workout, on their own clock: one every 60 / stroke-rate seconds while the member
 * rows, each with the output of its second and, for some, the form faults the rower saw.
 */
export function strokesOf(workoutId: string, series: WorkoutSeries): Stroke[] {
  const random = streamOf('strokes', workoutId);
  const output = valuesOf(series, 'output');
  const rates = valuesOf(series, 'stroke_rate');
  const faultRate = 0.05 + random() * 0.35;
  const strokes: Stroke[] = [];
  let next = 0;
  series.offsets.forEach((t, i) => {
    const rate = rates[i] ?? Number.NaN;
    // No stroke while resting (or where the rower sent nothing: NaN fails the comparison).
    if (t < next || !(rate >= 8)) return;
    next = t + Math.max(1, Math.round(60 / rate));
    const errors =
      random() < faultRate ? [...new Set([pick(random, ALL_ERRORS), pick(random, ALL_ERRORS)])].slice(0, intBetween(random, 1, 2)) : [];
    strokes.push({
      id: strokes.length + 1,
      seconds_since_pedaling_start: t,
      output: Math.fround((Number.isNaN(output[i]) ? 0 : (output[i] ?? 0)) * (0.85 + random() * 0.3)),
      stroke_rate: Math.round(rate * (0.9 + random() * 0.2)),
      errors: errors.map((type) => ({ type })),
    });
  });
  return strokes;
}

/** caesar_metrics: the strokes and the form report made from their faults. */
export function caesarMetrics(workoutId: string, strokes: Stroke[]): Record<string, unknown> {
  const random = streamOf('stroke-report', workoutId);
  const share = (count: number): number => (strokes.length === 0 ? 0 : Math.round((100 * count) / strokes.length));
  const faulty = (types: readonly string[]): number => strokes.filter((s) => s.errors.some((e) => types.includes(e.type))).length;
  const outputs = strokes.map((s) => s.output);
  return {
    output: {
      slug: 'stroke_output',
      display_name: 'Stroke Output',
      display_unit: 'watts',
      max_value: round(Math.max(0, ...outputs), 2),
      average_value: round(outputs.reduce((a, b) => a + b, 0) / Math.max(1, outputs.length), 1),
      data: strokes,
    },
    detail: {
      score: Math.max(0, 100 - share(faulty(ALL_ERRORS))),
      user_avg_score: null,
      segments: Object.entries(STROKE_ERRORS).map(([type, errors]) => ({
        type,
        percent_of_good: 100 - share(faulty(errors)),
        errors: errors.map((error) => ({
          type: error,
          percent_of_strokes: share(faulty([error])),
          media_id: hexId('rowing-media', error),
        })),
        url: `https://example.invalid/rowing-form/${type}.mp4?token=${hexId('rowing-token', workoutId, type, intBetween(random, 0, 1e6))}`,
        media_id: hexId('rowing-media', type),
      })),
    },
  };
}
