/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * One workout, as one item of the `data` list of GET /api/user/{user_id}/workouts?joins=ride,ride.instructor (unchanged). Fields vary with discipline and era (2019-2025 captures); unknown fields pass through.
 */
export interface Workout {
/**
 * Workout id, 32 hex characters. Primary key.
 */
id: string
/**
 * The member's user id (32 hex).
 */
user_id?: (string | null)
/**
 * Unix seconds (UTC) the workout was created. The incremental cursor.
 */
created_at: number
/**
 * Same instant as created_at.
 */
created?: (number | null)
/**
 * Unix seconds (UTC) the workout started.
 */
start_time?: (number | null)
/**
 * Unix seconds (UTC); null while IN_PROGRESS.
 */
end_time?: (number | null)
/**
 * The device's LOCAL wall-clock time written as if it were epoch seconds (created_at shifted by the UTC offset). Never a UTC instant: do not compare it with other timestamps.
 */
device_time_created_at?: (number | null)
/**
 * IANA zone of the device, e.g. "America/Los_Angeles"; "Etc/GMT+5" means UTC-5. Null in some 2019-2020 bodies.
 */
timezone?: (string | null)
/**
 * COMPLETE or IN_PROGRESS (others possible).
 */
status?: (string | null)
/**
 * cycling, running, walking, caesar (rowing), strength, yoga, meditation, stretching, cardio, bike_bootcamp, caesar_bootcamp, bootcamp, circuit, ...
 */
fitness_discipline?: (string | null)
/**
 * class, scenic, freestyle (Just Ride/Run), ...
 */
workout_type?: (string | null)
/**
 * cycling, running, caesar or null (no device metrics).
 */
metrics_type?: (string | null)
/**
 * e.g. "Cycling Workout".
 */
name?: (string | null)
/**
 * Usually null; e.g. "27 sec Just Ride" for freestyle workouts.
 */
title?: (string | null)
/**
 * e.g. "home_bike_v1", "home_tread", "iPhone", "web", "android".
 */
device_type?: (string | null)
/**
 * "Bike", "Tread", "App", ... (details and newer list items).
 */
device_type_display_name?: (string | null)
/**
 * e.g. "home_bike", "iOS_app", "web".
 */
platform?: (string | null)
/**
 * Total output in JOULES (divide by 1000 for the kJ shown in the app); 0 without device metrics.
 */
total_work?: (number | null)
/**
 * True when total_work set a personal record for this class length.
 */
is_total_work_personal_record?: (boolean | null)
/**
 * Outdoor (GPS) workout (2022+ bodies).
 */
is_outdoor?: (boolean | null)
/**
 * A personal record on splits (presumably tread and rower records, which are split-based); seen in a 2023 workouts list quoted in a public issue, not in a captured body here.
 */
is_splits_personal_record?: (boolean | null)
has_pedaling_metrics?: (boolean | null)
has_leaderboard_metrics?: (boolean | null)
/**
 * The class session (live or on-demand instance) the workout joined.
 */
peloton_id?: (string | null)
/**
 * Strava activity id when shared ("-1" seen); filled in after the workout.
 */
strava_id?: (string | null)
fitbit_id?: (string | null)
/**
 * Undocumented; 0 or null in captures (2022+).
 */
service_id?: (number | null)
/**
 * Seconds of video watched.
 */
total_video_watch_time_seconds?: (number | null)
/**
 * Seconds spent buffering video.
 */
total_video_buffering_seconds?: (number | null)
/**
 * Seconds of video watched (newer counter, from late 2020; null when not recorded).
 */
v2_total_video_watch_time_seconds?: (number | null)
/**
 * Seconds spent buffering (newer counter, from late 2020).
 */
v2_total_video_buffering_seconds?: (number | null)
/**
 * Seconds of music played (from late 2020).
 */
total_music_audio_play_seconds?: (number | null)
/**
 * Seconds of music buffering (from late 2020).
 */
total_music_audio_buffer_seconds?: (number | null)
/**
 * Final leaderboard position; null without one. Flips between int and null across workouts.
 */
leaderboard_rank?: (number | null)
/**
 * Size of that leaderboard.
 */
total_leaderboard_users?: (number | null)
/**
 * Position on the distance leaderboard (2025+).
 */
leaderboard_distance_rank?: (number | null)
/**
 * Size of the distance leaderboard (2025+).
 */
total_leaderboard_distance_users?: (number | null)
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
 * Strive Score (heart-rate effort points, decimal), from late 2020; null without a heart-rate monitor.
 */
average_effort_score?: (number | null)
/**
 * Seconds in each heart-rate zone over the workout (from late 2020); null without a heart-rate monitor.
 */
total_heart_rate_zone_durations?: ({
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
/**
 * The member's Functional Threshold Power at the time of the workout.
 */
ftp_info?: ({
/**
 * Watts. The FTP going INTO this workout: for an FTP test it is the previous FTP, not the result. 0 for non-cycling and Just Ride.
 */
ftp?: (number | null)
/**
 * ftp_workout_source (set by an FTP test), ftp_manual_source (typed in), ftp_estimated_source (estimated by Peloton), or null.
 */
ftp_source?: (string | null)
/**
 * The FTP test workout the value came from; chains to the previous test.
 */
ftp_workout_id?: (string | null)
[k: string]: unknown | undefined
} | null)
/**
 * Achievements earned in this workout (often empty).
 */
achievement_templates?: ({
id?: (string | null)
/**
 * e.g. "Best Output".
 */
name?: (string | null)
/**
 * e.g. "best_output".
 */
slug?: (string | null)
image_url?: (string | null)
description?: (string | null)
/**
 * How many times the member has earned it (newer bodies).
 */
achievement_count?: (number | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * From late 2020.
 */
is_skip_intro_available?: (boolean | null)
/**
 * 2022+.
 */
has_paused?: (boolean | null)
/**
 * 2022+.
 */
is_pause_available?: (boolean | null)
/**
 * 2024+.
 */
is_paused?: (boolean | null)
/**
 * Seconds paused (2024+).
 */
pause_time_elapsed?: (number | null)
/**
 * Seconds (2024+).
 */
pause_time_remaining?: (number | null)
/**
 * Seconds (some 2023-24 bodies).
 */
pause_time_limit?: (number | null)
/**
 * 2025+.
 */
metadata?: ({
/**
 * e.g. "synced".
 */
playlist_type?: (string | null)
[k: string]: unknown | undefined
} | null)
/**
 * Workout from a third-party digital source (2025+).
 */
is_3p_digital_workout?: (boolean | null)
/**
 * The goal a member set for a freestyle workout (Just Ride, Just Run), e.g. a distance or a time to reach; null or absent otherwise. No captured body carries it: its parts are declared by meaning (what is measured and in which unit, the target value, how the app names and shows it) and their key names are unconfirmed; any other key passes through.
 */
goal?: ({
/**
 * What the goal measures, e.g. distance, duration, output or calories.
 */
metric_type?: (string | null)
/**
 * Unit of value, e.g. "mi", "km", "s", "kj", "kcal".
 */
metric_unit?: (string | null)
/**
 * The target to reach, in metric_unit.
 */
value?: (number | null)
/**
 * The goal as the app names it.
 */
display_name?: (string | null)
/**
 * The unit as the app shows it.
 */
display_unit?: (string | null)
[k: string]: unknown | undefined
} | null)
/**
 * Strength workouts with movement tracking (2023+). Known only from client code: no captured body contains it; absent from non-strength details. Shape from two clients' models (2023 and 2025 field names both declared).
 */
movement_tracker_data?: ({
completed_movements_summary_data?: ({
/**
 * One entry per movement block (2025 client model).
 */
repetition_summary_data?: ({
movement_id?: (string | null)
movement_name?: (string | null)
/**
 * rep_counting, time_tracked_rep or time_based.
 */
tracking_type?: (string | null)
completed_reps?: (number | null)
/**
 * Seconds.
 */
completed_duration?: (number | null)
/**
 * Seconds into the class.
 */
offset?: (number | null)
/**
 * Seconds.
 */
length?: (number | null)
weight?: ({
/**
 * Values not captured.
 */
weight_category?: (string | null)
weight_data?: ({
weight_value?: (number | null)
/**
 * e.g. "lb".
 */
weight_unit?: (string | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * 2023 client model name.
 */
is_hold?: (boolean | null)
/**
 * 2023 client model name.
 */
target_number?: (number | null)
/**
 * 2023 client model name.
 */
completed_number?: (number | null)
/**
 * Target repetitions, beside target_number in one element a member quoted (2025); in no client model.
 */
target_reps?: (number | null)
/**
 * 2023 client model name.
 */
total_volume?: (number | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * Total weight moved (see weight_unit).
 */
total_volume?: (number | null)
/**
 * e.g. "lb".
 */
weight_unit?: (string | null)
total_repetitions?: (number | null)
num_movements?: (number | null)
num_targets_reached?: (number | null)
completion_percentage?: (number | null)
movement_aggregate_data?: ({
movement_name?: (string | null)
tracking_type?: (string | null)
stats?: ({
/**
 * total_reps, targets_hit or total_volume.
 */
slug?: (string | null)
completed_number?: (number | null)
target_number?: (number | null)
[k: string]: unknown | undefined
}[] | null)
weight_info_summary_data?: ({
heavy_weights?: ({
weight_value?: (number | null)
[k: string]: unknown | undefined
}[] | null)
medium_weights?: ({
weight_value?: (number | null)
[k: string]: unknown | undefined
}[] | null)
light_weights?: ({
weight_value?: (number | null)
[k: string]: unknown | undefined
}[] | null)
other_weights?: ({
weight_value?: (number | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
} | null)
movements?: ({
is_target_reached?: (boolean | null)
[k: string]: unknown | undefined
}[] | null)
tags?: (unknown[] | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
} | null)
/**
 * Movement-tracking tier, e.g. "Gold", "Silver". Known only from client code.
 */
movement_tracker_tier_display_name?: (string | null)
/**
 * The class taken: embedded with joins=ride (workout lists) and in workout details even without joins. Just Ride/Run workouts carry a stub with an id of 32 zeros and few other fields. Absent from list items requested without joins.
 */
ride?: ({
/**
 * The class id (32 hex); 32 zeros for Just Ride/Run, which have no class.
 */
id?: (string | null)
title?: (string | null)
description?: (string | null)
/**
 * Scheduled class length in seconds, without pre-roll.
 */
duration?: (number | null)
/**
 * Video length in seconds, pre- and post-roll included.
 */
length?: (number | null)
instructor_id?: (string | null)
/**
 * The instructor (with joins=ride.instructor, and always in ride details). A Just Ride stub carries only name and image_url.
 */
instructor?: ({
/**
 * 32 hex characters.
 */
id?: (string | null)
/**
 * Full name; "JUST RIDE" on the stub of a Just Ride workout.
 */
name?: (string | null)
first_name?: (string | null)
last_name?: (string | null)
username?: (string | null)
/**
 * The instructor's own Peloton user id.
 */
user_id?: (string | null)
image_url?: (string | null)
bio?: (string | null)
short_bio?: (string | null)
background?: (string | null)
quote?: (string | null)
music_bio?: (string | null)
/**
 * e.g. "peloton_coach".
 */
coach_type?: (string | null)
/**
 * Disciplines the instructor teaches (slugs).
 */
fitness_disciplines?: (string[] | null)
is_visible?: (boolean | null)
is_filterable?: (boolean | null)
is_announced?: (boolean | null)
/**
 * Still teaching (2026 write-up of live calls; not in a captured body).
 */
is_active?: (boolean | null)
is_instructor_group?: (boolean | null)
featured_profile?: (boolean | null)
list_order?: (number | null)
about_image_url?: (string | null)
instructor_hero_image_url?: (string | null)
life_style_image_url?: (string | null)
jumbotron_url?: (string | null)
jumbotron_url_dark?: (string | null)
jumbotron_url_ios?: (string | null)
ios_instructor_list_display_image_url?: (string | null)
web_instructor_list_display_image_url?: (string | null)
bike_instructor_list_display_image_url?: (string | null)
web_instructor_list_gif_image_url?: (string | null)
facebook_fan_page?: (string | null)
instagram_profile?: (string | null)
twitter_profile?: (string | null)
strava_profile?: (string | null)
spotify_playlist_uri?: (string | null)
film_link?: (string | null)
/**
 * Question and answer pairs, each a two-string array.
 */
ordered_q_and_as?: (string[][] | null)
workout_share_images?: ({
fitness_discipline?: (string | null)
image_url?: (string | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
} | null)
/**
 * Instructor ids of a class with several instructors.
 */
individual_instructor_ids?: (string[] | null)
fitness_discipline?: (string | null)
fitness_discipline_display_name?: (string | null)
/**
 * Difficulty on a 1-10 scale.
 */
difficulty_estimate?: (number | null)
/**
 * Average member difficulty rating, 1-10.
 */
difficulty_rating_avg?: (number | null)
difficulty_rating_count?: (number | null)
/**
 * e.g. "beginner"; often null.
 */
difficulty_level?: (string | null)
/**
 * Share of positive ratings, 0-1.
 */
overall_estimate?: (number | null)
/**
 * Share of positive ratings, 0-1.
 */
overall_rating_avg?: (number | null)
overall_rating_count?: (number | null)
/**
 * A rating of the class (0 in every capture; meaning unconfirmed).
 */
rating?: (number | null)
total_ratings?: (number | null)
/**
 * Workouts taken of this class by all members.
 */
total_workouts?: (number | null)
total_in_progress_workouts?: (number | null)
image_url?: (string | null)
/**
 * Seen only empty in the captured bodies; item shape unknown.
 */
extra_images?: (unknown[] | null)
/**
 * Unix seconds (UTC) the class first aired.
 */
original_air_time?: (number | null)
/**
 * Unix seconds (UTC).
 */
scheduled_start_time?: (number | null)
is_archived?: (boolean | null)
is_explicit?: (boolean | null)
explicit_rating?: (number | null)
is_closed_caption_shown?: (boolean | null)
has_closed_captions?: (boolean | null)
/**
 * Caption locales, e.g. "en-US".
 */
captions?: (string[] | null)
user_caption_locales?: (string[] | null)
is_live_in_studio_only?: (boolean | null)
has_free_mode?: (boolean | null)
has_pedaling_metrics?: (boolean | null)
has_tread_pace_target?: (boolean | null)
is_dynamic_video_eligible?: (boolean | null)
dynamic_video_recorded_speed_in_mph?: (number | null)
is_fixed_distance?: (boolean | null)
/**
 * Class distance for fixed-distance classes (see distance_unit).
 */
distance?: (number | null)
/**
 * "metric" or "imperial".
 */
distance_unit?: (string | null)
/**
 * e.g. "5 km".
 */
distance_display_value?: (string | null)
is_limited_ride?: (boolean | null)
free_for_limited_time?: (boolean | null)
is_outdoor?: (boolean | null)
is_skip_intro_available?: (boolean | null)
availability?: ({
is_available?: (boolean | null)
reason?: (string | null)
[k: string]: unknown | undefined
} | null)
content_availability?: (string | null)
content_availability_level?: (string | null)
/**
 * e.g. "video", "audio".
 */
content_format?: (string | null)
content_provider?: (string | null)
language?: (string | null)
origin_locale?: (string | null)
/**
 * Studio, e.g. "nyc", "uk".
 */
location?: (string | null)
class_type_ids?: (string[] | null)
ride_type_id?: (string | null)
ride_type_ids?: (string[] | null)
series_id?: (string | null)
equipment_ids?: (string[] | null)
equipment_tags?: ({
id?: (string | null)
/**
 * e.g. "Light Weights".
 */
name?: (string | null)
slug?: (string | null)
icon_url?: (string | null)
[k: string]: unknown | undefined
}[] | null)
excluded_platforms?: (string[] | null)
/**
 * Seen only empty in the captured bodies; item shape unknown.
 */
flags?: (unknown[] | null)
/**
 * Metric slugs the class shows, e.g. "heart_rate", "cadence", "calories".
 */
metrics?: (string[] | null)
/**
 * Muscle groups the class works (strength and others; 2023+).
 */
muscle_group_score?: ({
/**
 * Slug, e.g. "biceps".
 */
muscle_group?: (string | null)
display_name?: (string | null)
/**
 * Decimal in performance graphs, integer in ride details.
 */
score?: (number | null)
/**
 * Share of the class's muscle work, percent (whole in captures).
 */
percentage?: (number | null)
/**
 * Intensity bucket (1 = lowest).
 */
bucket?: (number | null)
[k: string]: unknown | undefined
}[] | null)
class_avg_follow_along_score?: (number | null)
/**
 * Seconds into the video where pedaling (the metrics clock) starts.
 */
pedaling_start_offset?: (number | null)
/**
 * Seconds into the video where pedaling ends.
 */
pedaling_end_offset?: (number | null)
/**
 * Seconds.
 */
pedaling_duration?: (number | null)
home_peloton_id?: (string | null)
studio_peloton_id?: (string | null)
live_stream_id?: (string | null)
vod_stream_id?: (string | null)
live_stream_url?: (string | null)
vod_stream_url?: (string | null)
sample_vod_stream_url?: (string | null)
sample_preview_stream_url?: (string | null)
join_tokens?: ({
on_demand?: (string | null)
[k: string]: unknown | undefined
} | null)
sold_out?: (boolean | null)
thumbnail_title?: (string | null)
thumbnail_location?: (string | null)
[k: string]: unknown | undefined
} | null)
/**
 * The member's public profile, embedded only with joins=user (seen in 2019-2020 bodies; the connector does not request it).
 */
user?: ({
id?: (string | null)
username?: (string | null)
image_url?: (string | null)
location?: (string | null)
/**
 * Unix seconds.
 */
created_at?: (number | null)
/**
 * Unix seconds.
 */
last_workout_at?: (number | null)
is_profile_private?: (boolean | null)
is_provisional?: (boolean | null)
block_explicit?: (boolean | null)
total_workouts?: (number | null)
total_pedaling_metric_workouts?: (number | null)
total_non_pedaling_metric_workouts?: (number | null)
total_followers?: (number | null)
total_following?: (number | null)
workout_counts?: ({
/**
 * Display name, e.g. "Cycling", "Rowing".
 */
name?: (string | null)
/**
 * Discipline slug, e.g. "cycling", "caesar".
 */
slug?: (string | null)
count?: (number | null)
/**
 * .../workout-count-icons/{nonzero|zero}-{slug}2.png
 */
icon_url?: (string | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
} | null)
/**
 * The class session object, embedded only with joins=peloton (seen null).
 */
peloton?: ({
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
}
