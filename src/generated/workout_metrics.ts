/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * A workout's performance graph, GET /api/workout/{id}/performance_graph?every_n=N, unchanged, plus the added id, workout_id and workout_created_at. Fields other than duration, metrics, summaries and average_summaries are optional.
 */
export interface WorkoutMetrics {
/**
 * Added: the workout id (primary key).
 */
id: string
/**
 * Added: the workout id.
 */
workout_id: string
/**
 * Added: the workout's created_at, unix seconds (UTC). The incremental cursor.
 */
workout_created_at: number
/**
 * Seconds.
 */
duration?: (number | null)
is_class_plan_shown?: (boolean | null)
/**
 * The class plan: warmup, main and cool-down blocks.
 */
segment_list?: ({
id?: (string | null)
/**
 * e.g. "Warmup", "Cycling".
 */
name?: (string | null)
/**
 * Seconds from the start of pedaling.
 */
start_time_offset?: (number | null)
/**
 * Seconds.
 */
length?: (number | null)
/**
 * Intensity in METs.
 */
intensity_in_mets?: (number | null)
metrics_type?: (string | null)
icon_name?: (string | null)
icon_slug?: (string | null)
icon_url?: (string | null)
is_drill?: (boolean | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * The x axis of every metric series: seconds from the start of pedaling, every every_n seconds.
 */
seconds_since_pedaling_start?: ((number | null)[] | null)
/**
 * Averages, e.g. avg_output (watts), avg_cadence, avg_resistance, avg_speed, avg_pace, avg_stroke_rate.
 */
average_summaries?: ({
display_name?: (string | null)
/**
 * Follows the account's unit preference (mi or km); null for counts.
 */
display_unit?: (string | null)
/**
 * Integer or decimal depending on the slug.
 */
value?: (number | null)
slug?: (string | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * Totals: total_output (kJ), distance, elevation, calories (kcal), duration, stroke_count.
 */
summaries?: ({
display_name?: (string | null)
/**
 * Follows the account's unit preference (mi or km); null for counts.
 */
display_unit?: (string | null)
/**
 * Integer or decimal depending on the slug.
 */
value?: (number | null)
slug?: (string | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * Time series; [] for classes without device metrics and no heart-rate monitor.
 */
metrics?: ({
display_name?: (string | null)
/**
 * e.g. "watts", "rpm", "%", "mph", "min/mi", "min/500m", "bpm".
 */
display_unit?: (string | null)
/**
 * bike: output, cadence, resistance, speed, heart_rate; tread: output, pace, speed, incline, altitude, heart_rate; rower: output, stroke_rate, split_pace, heart_rate.
 */
slug?: (string | null)
max_value?: (number | null)
average_value?: (number | null)
/**
 * One value per every_n seconds, aligned with seconds_since_pedaling_start; may contain null.
 */
values?: ((number | null)[] | null)
/**
 * Seconds without data (can be negative).
 */
missing_data_duration?: (number | null)
/**
 * Heart-rate zones (heart_rate only).
 */
zones?: ({
/**
 * e.g. "Zone 1".
 */
display_name?: (string | null)
/**
 * zone1..zone5
 */
slug?: (string | null)
/**
 * e.g. "109-125 bpm".
 */
range?: (string | null)
/**
 * Seconds in the zone.
 */
duration?: (number | null)
/**
 * Lower edge of the zone, bpm.
 */
min_value?: (number | null)
/**
 * Upper edge of the zone, bpm.
 */
max_value?: (number | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * The same series in another unit, e.g. speed under pace.
 */
alternatives?: ({
display_name?: (string | null)
/**
 * e.g. "watts", "rpm", "%", "mph", "min/mi", "min/500m", "bpm".
 */
display_unit?: (string | null)
/**
 * bike: output, cadence, resistance, speed, heart_rate; tread: output, pace, speed, incline, altitude, heart_rate; rower: output, stroke_rate, split_pace, heart_rate.
 */
slug?: (string | null)
max_value?: (number | null)
average_value?: (number | null)
/**
 * One value per every_n seconds, aligned with seconds_since_pedaling_start; may contain null.
 */
values?: ((number | null)[] | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}[] | null)
has_apple_watch_metrics?: (boolean | null)
/**
 * Outdoor GPS track (sent with the header Peloton-Platform: web).
 */
location_data?: ({
segment_id?: (string | null)
is_gap?: (boolean | null)
coordinates?: ({
latitude?: (number | null)
longitude?: (number | null)
/**
 * Metres.
 */
accuracy?: (number | null)
/**
 * Cumulative distance in distance_display_unit.
 */
distance?: (number | null)
distance_display_unit?: (string | null)
seconds_offset_from_start?: (number | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}[] | null)
is_location_data_accurate?: (boolean | null)
/**
 * Distance splits: an empty list in some older graphs (bike and strength workouts of 2019-2020), an object in the others.
 */
splits_data?: ({
/**
 * e.g. "mi".
 */
distance_marker_display_unit?: (string | null)
/**
 * e.g. "ft".
 */
elevation_change_display_unit?: (string | null)
splits?: ({
order?: (number | null)
/**
 * Distance at the end of the split.
 */
distance_marker?: (number | null)
/**
 * Seconds the split took.
 */
seconds?: (number | null)
elevation_change?: (number | null)
is_best?: (boolean | null)
has_floor_segment?: (boolean | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
} | unknown[] | null)
/**
 * Split table (rower: per 500 m; runs: per mile/km). Newer graphs (2022+).
 */
splits_metrics?: ({
/**
 * Column definitions: meter, total_time, pace, spm, avg_output, form_score ...
 */
header?: ({
slug?: (string | null)
display_name?: (string | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * One row per split.
 */
metrics?: ({
is_best?: (boolean | null)
has_floor_segment?: (boolean | null)
data?: ({
slug?: (string | null)
value?: (number | null)
/**
 * e.g. "m", "min", "min/500m", "w", "%"; null for counts.
 */
unit?: (string | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
} | null)
/**
 * Rower (caesar) stroke data and form feedback (2022+).
 */
caesar_metrics?: ({
/**
 * Per-stroke output.
 */
output?: ({
display_name?: (string | null)
display_unit?: (string | null)
slug?: (string | null)
max_value?: (number | null)
average_value?: (number | null)
/**
 * One entry per stroke.
 */
data?: ({
/**
 * Stroke number.
 */
id?: (number | null)
seconds_since_pedaling_start?: (number | null)
/**
 * Watts.
 */
output?: (number | null)
/**
 * Strokes per minute.
 */
stroke_rate?: (number | null)
errors?: ({
/**
 * Form error, e.g. "under_compress".
 */
type?: (string | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
} | null)
/**
 * Form feedback per stroke phase.
 */
detail?: ({
/**
 * Form score, percent (whole in the capture).
 */
score?: (number | null)
user_avg_score?: (number | null)
segments?: ({
/**
 * Stroke phase, e.g. "catch".
 */
type?: (string | null)
/**
 * Share of strokes with good form in this phase, percent.
 */
percent_of_good?: (number | null)
media_id?: (string | null)
url?: (string | null)
errors?: ({
type?: (string | null)
/**
 * Share of strokes with this error, percent.
 */
percent_of_strokes?: (number | null)
media_id?: (string | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
} | null)
/**
 * Instructor targets and time spent within them (from late 2020).
 */
target_metrics_performance_data?: ({
/**
 * The class's targets per segment.
 */
target_metrics?: ({
offsets?: ({
/**
 * Seconds of the class video (includes the ~60 s pre-roll).
 */
start?: (number | null)
/**
 * Seconds of the class video.
 */
end?: (number | null)
[k: string]: unknown | undefined
} | null)
segment_type?: (string | null)
metrics?: ({
/**
 * resistance, cadence (bike); speed, incline (tread); pace_intensity; power_zone.
 */
name?: (string | null)
lower?: (number | null)
upper?: (number | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}[] | null)
time_in_metric?: ({
name?: (string | null)
/**
 * Seconds within the target range.
 */
value?: (number | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
} | null)
/**
 * Older (2020) form of the targets: cadence/resistance ranges and seconds within them.
 */
target_performance_metrics?: ({
target_graph_metrics?: ({
/**
 * cadence or resistance.
 */
type?: (string | null)
/**
 * Lowest target over the class (rpm or resistance percent).
 */
min?: (number | null)
/**
 * Highest target over the class (rpm or resistance percent).
 */
max?: (number | null)
/**
 * Average target over the class (rpm or resistance percent).
 */
average?: (number | null)
/**
 * One value per 5 s of the class.
 */
graph_data?: ({
/**
 * Upper edge of the target band.
 */
upper?: ((number | null)[] | null)
/**
 * Lower edge of the target band.
 */
lower?: ((number | null)[] | null)
/**
 * Middle of the target band.
 */
average?: ((number | null)[] | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * Seconds.
 */
cadence_time_in_range?: (number | null)
/**
 * Seconds.
 */
resistance_time_in_range?: (number | null)
[k: string]: unknown | undefined
} | null)
/**
 * Tread pace-target zones per pace level. Known only from client code (models and test fixtures of two clients).
 */
target_metrics_compliance?: ({
/**
 * The member's pace level for the workout, e.g. "level_4".
 */
workout_pace_level?: (string | null)
pace_intensities_mapping?: ({
/**
 * Pace intensity, 0 (Recovery) to 6 (Max); the pace_intensity of target_metrics_performance_data.
 */
value?: (number | null)
/**
 * e.g. "Recovery", "Easy", "Max".
 */
display_name?: (string | null)
pace_levels?: ({
/**
 * e.g. "level_4".
 */
slug?: (string | null)
display_name?: (string | null)
/**
 * Fast edge of the zone in MINUTES.SECONDS per mile or km (15.47 = 15:47), not decimal minutes.
 */
fast_pace?: (number | null)
/**
 * Slow edge of the zone in MINUTES.SECONDS (15.47 = 15:47), not decimal minutes.
 */
slow_pace?: (number | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
} | null)
/**
 * Known only from client code (typed models of several clients).
 */
summary_available?: (boolean | null)
/**
 * Known only from client code (typed models of several clients).
 */
performance_graph_available?: (boolean | null)
/**
 * Strive Score and heart-rate zone times; null without a heart-rate monitor, while IN_PROGRESS and in older bodies (values seen from 2021). Mostly in list items and performance graphs: workout details carry average_effort_score and total_heart_rate_zone_durations instead (from late 2020).
 */
effort_zones?: ({
/**
 * Strive Score of the workout (heart-rate effort points, decimal).
 */
total_effort_points?: (number | null)
/**
 * Seconds spent in each of the five heart-rate zones.
 */
heart_rate_zone_durations?: ({
/**
 * Seconds spent in heart-rate zone 1.
 */
heart_rate_z1_duration?: (number | null)
/**
 * Seconds spent in heart-rate zone 2.
 */
heart_rate_z2_duration?: (number | null)
/**
 * Seconds spent in heart-rate zone 3.
 */
heart_rate_z3_duration?: (number | null)
/**
 * Seconds spent in heart-rate zone 4.
 */
heart_rate_z4_duration?: (number | null)
/**
 * Seconds spent in heart-rate zone 5.
 */
heart_rate_z5_duration?: (number | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
} | null)
/**
 * Muscle groups worked (strength and others; 2022+).
 */
muscle_group_score?: ({
muscle_group?: (string | null)
display_name?: (string | null)
score?: (number | null)
/**
 * Share of the workout's muscle work, percent (whole in captures).
 */
percentage?: (number | null)
/**
 * Intensity class, 1 = lowest (an ordinal rank).
 */
bucket?: (number | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}
