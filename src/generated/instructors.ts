/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * One instructor as GET /api/instructor?page&limit lists it (unchanged; the same object as GET /api/instructor/{id} and a workout's ride.instructor). Evidence: a 2020 detail body (35 keys) and instructors embedded in workouts and class details (2019-2022); later keys from client models and a 2026 write-up. Public class metadata; no timestamps, about 60 rows: a snapshot. Every field but id and name may be null.
 */
export interface Instructor {
/**
 * Instructor id, 32 hex characters. Primary key.
 */
id: string
/**
 * Full name.
 */
name: string
first_name?: (string | null)
last_name?: (string | null)
username?: (string | null)
/**
 * The instructor's own member account (32 hex).
 */
user_id?: (string | null)
bio?: (string | null)
short_bio?: (string | null)
background?: (string | null)
quote?: (string | null)
/**
 * Often "".
 */
music_bio?: (string | null)
/**
 * e.g. "peloton_coach".
 */
coach_type?: (string | null)
is_visible?: (boolean | null)
is_filterable?: (boolean | null)
featured_profile?: (boolean | null)
/**
 * Position in the app's instructor list.
 */
list_order?: (number | null)
/**
 * Discipline slugs the instructor teaches, e.g. "yoga".
 */
fitness_disciplines?: (string[] | null)
/**
 * Question and answer pairs, each a two-string array (the last pair ["", ""] in the capture).
 */
ordered_q_and_as?: (string[][] | null)
/**
 * Null in the 2026 write-up.
 */
spotify_playlist_uri?: (string | null)
/**
 * Often "".
 */
instagram_profile?: (string | null)
/**
 * Often "".
 */
strava_profile?: (string | null)
/**
 * Often "".
 */
twitter_profile?: (string | null)
/**
 * Often "".
 */
facebook_fan_page?: (string | null)
/**
 * Often "".
 */
film_link?: (string | null)
image_url?: (string | null)
about_image_url?: (string | null)
/**
 * Optional in a client model.
 */
life_style_image_url?: (string | null)
instructor_hero_image_url?: (string | null)
/**
 * Null in the capture.
 */
jumbotron_url?: (string | null)
jumbotron_url_dark?: (string | null)
jumbotron_url_ios?: (string | null)
web_instructor_list_display_image_url?: (string | null)
ios_instructor_list_display_image_url?: (string | null)
/**
 * Null in the capture.
 */
web_instructor_list_gif_image_url?: (string | null)
/**
 * Null in the capture.
 */
bike_instructor_list_display_image_url?: (string | null)
/**
 * True for a group of instructors teaching together (c. 2020 class-library body; not in the 2020 detail).
 */
is_instructor_group?: (boolean | null)
/**
 * The instructors of a group (~2023 client model).
 */
individual_instructor_ids?: (string[] | null)
/**
 * ~2023 client model.
 */
is_announced?: (boolean | null)
/**
 * ~2023 client model.
 */
workout_share_images?: ({
fitness_discipline?: (string | null)
image_url?: (string | null)
[k: string]: unknown | undefined
}[] | null)
/**
 * Still teaching (2026 write-up of live calls; not in a captured body).
 */
is_active?: (boolean | null)
[k: string]: unknown | undefined
}
