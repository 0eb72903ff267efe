/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * One sample of a workout's performance graph (GET /api/workout/{id}/performance_graph?every_n=N): sample i holds seconds_since_pedaling_start[i] as offset and values[i] of every metric and of every metric's alternatives, one column per slug. At every_n = 1 a row is one recorded second. At every_n > 1 Peloton keeps every n-th recorded second and each value is the MAXIMUM of the values in that bucket, not a sample and not an average (checked on 259 workouts fetched at both 5 and 60): set metrics_every_n to 1 for true per-second rows, and take averages from workout_metrics (average_value, average_summaries). Units follow the account's preference; the workout_metrics record of the same workout carries each slug's display_unit. Row time = the workout's start_time + offset.
 */
export interface WorkoutSample {
/**
 * Added: the workout id (32 hex). Primary key, with offset.
 */
workout_id: string
/**
 * Added: the workout's created_at, unix seconds (UTC). The incremental cursor.
 */
workout_created_at: number
/**
 * Added: seconds_since_pedaling_start[i], whole seconds from the start of pedaling (strictly increasing within a workout). Primary key, with workout_id. Compare segment_list[].start_time_offset and GPS seconds_offset_from_start on this clock.
 */
offset: number
/**
 * Output, watts (bike, tread and rower; "Stroke Output" on the rower).
 */
output?: (number | null)
/**
 * Cadence, rpm (bike).
 */
cadence?: (number | null)
/**
 * Resistance, percent (bike).
 */
resistance?: (number | null)
/**
 * Speed, mph or kph (bike; on the tread and outdoors an alternative of pace).
 */
speed?: (number | null)
/**
 * Heart rate, bpm (with a heart-rate monitor).
 */
heart_rate?: (number | null)
/**
 * Pace, decimal minutes per mile or km (tread, outdoor).
 */
pace?: (number | null)
/**
 * Incline, percent (tread).
 */
incline?: (number | null)
/**
 * Elevation, ft or m (outdoor; display name "Elevation").
 */
altitude?: (number | null)
/**
 * Stroke rate, strokes per minute (rower).
 */
stroke_rate?: (number | null)
/**
 * Pace, decimal minutes per 500 m (rower).
 */
split_pace?: (number | null)
/**
 * Any other metric or alternative slug: values[i] of that series (number, or null where nothing was recorded).
 */
[k: string]: number | null | string | undefined
}
