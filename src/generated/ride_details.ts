/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * Class details, GET /api/ride/{ride_id}/details, fetched once per distinct class, plus the added id (the ride id) and workout_created_at. Full bodies captured from 2019-2020; later fields are declared from partial evidence.
 */
export interface RideDetails {
/**
 * Added: the ride (class) id, = ride.id. Primary key.
 */
id: string
/**
 * Added: unix seconds (UTC) of the newest workout in the sync that took the class. The incremental cursor.
 */
workout_created_at: number
/**
 * The class with its instructor, plus the caller's own counts.
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
/**
 * Bookmarked by the signed-in member.
 */
is_favorite?: (boolean | null)
/**
 * How many times the signed-in member took this class.
 */
total_user_workouts?: (number | null)
/**
 * Workouts of this class by members the caller follows.
 */
total_following_workouts?: (number | null)
leaderboard_filter_type?: (string | null)
/**
 * Seen {}.
 */
venues_location_dict?: ({
[k: string]: unknown | undefined
} | null)
/**
 * Membership tier limits on the class (2023+). Keys from a 2024 class body quoted in a public issue; not in a captured body here.
 */
membership_tiering_info?: ({
/**
 * e.g. "all_access".
 */
tier_type?: (string | null)
/**
 * Classes the member has taken under a limited tier; null on all-access.
 */
limited_classes_taken?: (number | null)
/**
 * Classes a limited tier allows; null on all-access.
 */
limited_classes_total?: (number | null)
/**
 * When the limited-tier count resets; null in the evidence, so its type is unknown.
 */
limited_classes_reset_date?: {
[k: string]: unknown | undefined
}
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
} | null)
/**
 * The class music.
 */
playlist?: ({
id?: (string | null)
ride_id?: (string | null)
songs?: ({
id?: (string | null)
title?: (string | null)
artists?: ({
artist_id?: (string | null)
artist_name?: (string | null)
[k: string]: unknown | undefined
}[] | null)
album?: ({
id?: (string | null)
name?: (string | null)
image_url?: (string | null)
[k: string]: unknown | undefined
} | null)
/**
 * Seconds into the class video.
 */
cue_time_offset?: (number | null)
/**
 * Seconds into the class video.
 */
start_time_offset?: (number | null)
/**
 * Liked by the signed-in member.
 */
liked?: (boolean | null)
/**
 * 2023+.
 */
explicit_rating?: (number | null)
[k: string]: unknown | undefined
}[] | null)
top_artists?: ({
artist_id?: (string | null)
artist_name?: (string | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * 2023+.
 */
top_albums?: ({
id?: (string | null)
name?: (string | null)
image_url?: (string | null)
[k: string]: unknown | undefined
}[] | null)
is_playlist_shown?: (boolean | null)
is_top_artists_shown?: (boolean | null)
is_in_class_music_shown?: (boolean | null)
stream_id?: (string | null)
stream_url?: (string | null)
[k: string]: unknown | undefined
} | null)
/**
 * Averages over every member who took the class.
 */
averages?: ({
/**
 * Average total output of members, kJ (integer in captures; unlike a workout's total_work, which is J).
 */
average_total_work?: (number | null)
average_distance?: (number | null)
/**
 * kcal.
 */
average_calories?: (number | null)
/**
 * Watts.
 */
average_avg_power?: (number | null)
average_avg_speed?: (number | null)
/**
 * rpm.
 */
average_avg_cadence?: (number | null)
/**
 * Percent.
 */
average_avg_resistance?: (number | null)
/**
 * Average Strive Score (2023+).
 */
average_effort_score?: (number | null)
/**
 * 2023+.
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
[k: string]: unknown | undefined
} | null)
/**
 * The class plan.
 */
segments?: ({
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
/**
 * Movements of strength/yoga blocks (2023+).
 */
subsegments_v2?: ({
id?: (string | null)
/**
 * e.g. "movement".
 */
type?: (string | null)
display_name?: (string | null)
/**
 * Seconds.
 */
scheduled_offset?: (number | null)
/**
 * Seconds.
 */
offset?: (number | null)
/**
 * Seconds.
 */
length?: (number | null)
rounds?: (number | null)
trackable_movements_disabled?: (boolean | null)
movements?: ({
id?: (string | null)
name?: (string | null)
slug?: (string | null)
skill_level?: (string | null)
/**
 * Weight the movement calls for, e.g. heavy or medium. Known only from client code (peloton-to-garmin's class-segment model).
 */
weight_level?: (string | null)
muscle_groups?: ({
muscle_group?: (string | null)
display_name?: (string | null)
ranking?: (number | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * 2023+.
 */
is_transition?: (boolean | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * Share of the class per segment category, e.g. {"Cycling Warmup": "0.116666666667"}: values are STRINGS.
 */
segment_category_distribution?: ({
[k: string]: unknown | undefined
} | null)
/**
 * Share of the class per body focus, e.g. {"cardio": "1.0"}: values are STRINGS.
 */
segment_body_focus_distribution?: ({
[k: string]: unknown | undefined
} | null)
/**
 * 2023+; shape not captured.
 */
movements_by_weight_category?: ({
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
} | null)
/**
 * Cycling: the instructor's resistance and cadence calls over time.
 */
instructor_cues?: ({
offsets?: ({
/**
 * Seconds of the class video.
 */
start?: (number | null)
/**
 * Seconds of the class video.
 */
end?: (number | null)
[k: string]: unknown | undefined
} | null)
resistance_range?: ({
/**
 * Resistance, percent.
 */
lower?: (number | null)
/**
 * Resistance, percent.
 */
upper?: (number | null)
[k: string]: unknown | undefined
} | null)
cadence_range?: ({
/**
 * Cadence, rpm.
 */
lower?: (number | null)
/**
 * Cadence, rpm.
 */
upper?: (number | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * Cycling: cadence and resistance target bands.
 */
target_class_metrics?: ({
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
total_expected_output?: ({
/**
 * kJ (whole in captures).
 */
expected_lower_output?: (number | null)
/**
 * kJ (whole in captures).
 */
expected_upper_output?: (number | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
} | null)
/**
 * Targets per segment (resistance/cadence on the bike, speed/incline on the tread), since about 2023. Known from client code and a live key check, not from a captured body.
 */
target_metrics_data?: ({
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
total_expected_output?: ({
/**
 * kJ.
 */
expected_lower_output?: (number | null)
/**
 * kJ.
 */
expected_upper_output?: (number | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
} | null)
/**
 * 2023+.
 */
class_types?: ({
id?: (string | null)
name?: (string | null)
[k: string]: unknown | undefined
}[] | null)
default_album_images?: ({
default_class_detail_image_url?: (string | null)
default_in_class_image_url?: (string | null)
[k: string]: unknown | undefined
} | null)
excluded_platforms?: (string[] | null)
is_ftp_test?: (boolean | null)
disabled_leaderboard_filters?: ({
following?: (boolean | null)
just_me?: (boolean | null)
age_and_gender?: (boolean | null)
[k: string]: unknown | undefined
} | null)
/**
 * Null unless requested with include=sampled_top_tags; shape not captured.
 */
sampled_top_tags?: {
[k: string]: unknown | undefined
}
events?: ({
/**
 * Seen only empty in the captured bodies; item shape unknown.
 */
data?: (unknown[] | null)
[k: string]: unknown | undefined
} | null)
/**
 * Related classes (2023+): an object {id, name, display_name, rides[]} per one client model, an array per another write-up.
 */
related_rides?: ({
id?: (string | null)
name?: (string | null)
display_name?: (string | null)
rides?: (unknown[] | null)
[k: string]: unknown | undefined
} | unknown[] | null)
/**
 * Null in the evidence (2023+).
 */
lanebreak_info?: ({
[k: string]: unknown | undefined
} | null)
/**
 * Null in the evidence (2023+).
 */
last_time_metrics?: ({
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
}
