/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * One GPS coordinate of an outdoor workout: an element of location_data[].coordinates[] of GET /api/workout/{id}/performance_graph (sent with the header Peloton-Platform: web), with the workout and its location_data element added. Indoor workouts have none. Join to workout_samples on workout_id and seconds_offset_from_start = offset, never by position. Evidence: one real outdoor walking class (2021, every_n 1, 1797 coordinates) and a client's model of a no-class outdoor walk (2023).
 */
export interface WorkoutLocation {
/**
 * Added: the workout id (32 hex). Primary key, with seconds_offset_from_start.
 */
workout_id: string
/**
 * Added: the workout's created_at, unix seconds (UTC). The incremental cursor.
 */
workout_created_at: number
/**
 * Added from the location_data element: the class segment (a segment_list[].id) the coordinate falls in; null or absent for a workout without a class.
 */
segment_id?: (string | null)
/**
 * Added from the location_data element: false throughout the capture; presumably true over a paused stretch (unconfirmed).
 */
is_gap?: (boolean | null)
/**
 * Whole seconds from the start of pedaling (the clock of workout_samples.offset); unique and increasing within a workout. Primary key, with workout_id.
 */
seconds_offset_from_start: number
/**
 * Degrees (WGS 84).
 */
latitude?: (number | null)
/**
 * Degrees (WGS 84).
 */
longitude?: (number | null)
/**
 * Horizontal accuracy, presumably metres (12.7 to 15.7 in the capture); a client models it as nullable.
 */
accuracy?: (number | null)
/**
 * Cumulative distance from the start, in distance_display_unit (2 decimals in the capture).
 */
distance?: (number | null)
/**
 * "mi" or "km" (the account's preference).
 */
distance_display_unit?: (string | null)
[k: string]: unknown | undefined
}
