/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * One tracked set of a strength workout: an element of movement_tracker_data.completed_movements_summary_data.repetition_summary_data[] of GET /api/workout/{id}, with the workout and the element's position added. Known only from client code and user reports: no raw body is public. Its path is confirmed by a real parse error (2023); the fields come from peloton-to-garmin's models of 2023 (is_hold, target_number, completed_number, total_volume) and 2025 (tracking_type, completed_reps, completed_duration), which coexist, and from a member's quote (target_reps). Workouts without movement tracking have none.
 */
export interface StrengthSet {
/**
 * Added: the workout id (32 hex). Primary key, with position.
 */
workout_id: string
/**
 * Added: the workout's created_at, unix seconds (UTC). The incremental cursor.
 */
workout_created_at: number
/**
 * Added: the element's index in repetition_summary_data (0-based). Primary key, with workout_id.
 */
position: number
/**
 * The movement (32 hex); repeats across sets.
 */
movement_id?: (string | null)
/**
 * e.g. "Goblet Squat".
 */
movement_name?: (string | null)
/**
 * rep_counting, time_tracked_rep (a timed set whose reps are still counted) or time_based. 2025 client model.
 */
tracking_type?: (string | null)
/**
 * Repetitions done. 2025 client model.
 */
completed_reps?: (number | null)
/**
 * Whole seconds held or worked, for the time-based types. 2025 client model.
 */
completed_duration?: (number | null)
/**
 * True when the set is held for time rather than counted. 2023 client model.
 */
is_hold?: (boolean | null)
/**
 * Target repetitions (seconds for a hold). 2023 client model; still in a 2025 member's quote.
 */
target_number?: (number | null)
/**
 * Repetitions (seconds for a hold) done. 2023 client model.
 */
completed_number?: (number | null)
/**
 * Target repetitions, beside target_number in one element a member quoted (2025); in no client model.
 */
target_reps?: (number | null)
/**
 * Weight moved over the set in the weight unit: reps x weight (400 = 10 reps x 20 lb x 2 dumbbells in a member's quote). Null in some client fixtures.
 */
total_volume?: (number | null)
/**
 * Whole seconds into the class plan where the set starts.
 */
offset?: (number | null)
/**
 * Whole seconds the set lasts in the class plan (20, 30, 45 seen).
 */
length?: (number | null)
/**
 * The weights used; null on most sets of one client fixture.
 */
weight?: ({
/**
 * e.g. light, medium, heavy; a body-weight value broke one client's list (exact string unrecorded).
 */
weight_category?: (string | null)
weight_data?: ({
/**
 * Weight in weight_unit (0 seen for push-ups).
 */
weight_value?: (number | null)
/**
 * e.g. "lb".
 */
weight_unit?: (string | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}
