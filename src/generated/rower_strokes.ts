/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * One rowing stroke: an element of caesar_metrics.output.data[] of a rower (caesar) workout's GET /api/workout/{id}/performance_graph, with the workout added. Strokes keep their own offsets and are not aligned with workout_samples (133 strokes in a 600 s class). Evidence: one real rowing class (2022, every_n 1).
 */
export interface RowerStroke {
/**
 * Added: the workout id (32 hex). Primary key, with id.
 */
workout_id: string
/**
 * Added: the workout's created_at, unix seconds (UTC). The incremental cursor.
 */
workout_created_at: number
/**
 * Stroke number within the workout (1, 2, ...). Primary key, with workout_id.
 */
id: number
/**
 * Whole seconds from the start of the workout's metrics clock when the stroke was taken.
 */
seconds_since_pedaling_start?: (number | null)
/**
 * Stroke output, watts.
 */
output?: (number | null)
/**
 * Strokes per minute at this stroke.
 */
stroke_rate?: (number | null)
/**
 * Form errors detected on the stroke (often empty).
 */
errors?: ({
/**
 * e.g. under_compress, over_compress, lunge_catch, under_extend, shoot_slide, open_early, too_much_layback, too_little_layback, bend_knees_early.
 */
type?: (string | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}
