/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * One workout from GET /api/user/{user_id}/workouts (joins=ride,ride.instructor). Fields vary with discipline and era; unknown fields pass through.
 */
export interface Workout {
/**
 * 32 hex characters.
 */
id: string
user_id?: (string | null)
/**
 * Unix seconds (UTC). The incremental cursor.
 */
created_at: number
created?: (number | null)
start_time?: (number | null)
/**
 * Null while the workout is IN_PROGRESS.
 */
end_time?: (number | null)
/**
 * Local wall-clock time disguised as epoch seconds; not a UTC instant.
 */
device_time_created_at?: (number | null)
/**
 * COMPLETE, IN_PROGRESS, ...
 */
status?: (string | null)
fitness_discipline?: (string | null)
workout_type?: (string | null)
metrics_type?: (string | null)
name?: (string | null)
title?: (string | null)
device_type?: (string | null)
device_type_display_name?: (string | null)
platform?: (string | null)
timezone?: (string | null)
/**
 * Joules.
 */
total_work?: (number | null)
is_total_work_personal_record?: (boolean | null)
is_outdoor?: (boolean | null)
has_pedaling_metrics?: (boolean | null)
has_leaderboard_metrics?: (boolean | null)
peloton_id?: (string | null)
strava_id?: (string | null)
fitbit_id?: (string | null)
v2_total_video_watch_time_seconds?: (number | null)
v2_total_video_buffering_seconds?: (number | null)
leaderboard_rank?: (number | null)
total_leaderboard_users?: (number | null)
effort_zones?: ({
total_effort_points?: (number | null)
heart_rate_zone_durations?: ({
heart_rate_z1_duration?: (number | null)
heart_rate_z2_duration?: (number | null)
heart_rate_z3_duration?: (number | null)
heart_rate_z4_duration?: (number | null)
heart_rate_z5_duration?: (number | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
} | null)
/**
 * The class taken (present with joins=ride). Just Ride workouts carry an id of 32 zeros and mostly null fields.
 */
ride?: ({
id?: string
title?: (string | null)
description?: (string | null)
duration?: (number | null)
instructor_id?: (string | null)
fitness_discipline?: (string | null)
difficulty_estimate?: (number | null)
overall_rating_avg?: (number | null)
overall_rating_count?: (number | null)
image_url?: (string | null)
original_air_time?: (number | null)
instructor?: ({
id?: (string | null)
name?: (string | null)
first_name?: (string | null)
last_name?: (string | null)
image_url?: (string | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
}
