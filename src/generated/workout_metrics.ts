/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * A workout's performance graph (GET /api/workout/{id}/performance_graph), with the workout's id and creation time added.
 */
export interface WorkoutMetrics {
/**
 * The workout id (primary key).
 */
id: string
workout_id: string
/**
 * The workout's created_at, unix seconds (UTC). The incremental cursor.
 */
workout_created_at: number
duration?: (number | null)
is_class_plan_shown?: (boolean | null)
segment_list?: ({
id?: (string | null)
name?: (string | null)
start_time_offset?: (number | null)
length?: (number | null)
intensity_in_mets?: (number | null)
metrics_type?: (string | null)
icon_slug?: (string | null)
[k: string]: unknown | undefined
}[] | null)
seconds_since_pedaling_start?: ((number | null)[] | null)
average_summaries?: (Summary[] | null)
summaries?: (Summary[] | null)
metrics?: (Metric[] | null)
has_apple_watch_metrics?: (boolean | null)
location_data?: ({
[k: string]: unknown | undefined
}[] | null)
is_location_data_accurate?: (boolean | null)
splits_data?: ({
[k: string]: unknown | undefined
} | null)
target_metrics_performance_data?: ({
[k: string]: unknown | undefined
} | null)
target_performance_metrics?: ({
[k: string]: unknown | undefined
} | null)
effort_zones?: ({
[k: string]: unknown | undefined
} | null)
muscle_group_score?: ({
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}
export interface Summary {
display_name?: (string | null)
display_unit?: (string | null)
value?: (number | null)
slug?: (string | null)
[k: string]: unknown | undefined
}
export interface Metric {
display_name?: (string | null)
display_unit?: (string | null)
max_value?: (number | null)
average_value?: (number | null)
values?: ((number | null)[] | null)
slug?: (string | null)
missing_data_duration?: (number | null)
zones?: ({
display_name?: (string | null)
slug?: (string | null)
range?: (string | null)
duration?: (number | null)
max_value?: (number | null)
min_value?: (number | null)
[k: string]: unknown | undefined
}[] | null)
alternatives?: ({
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}
