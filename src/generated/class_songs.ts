/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * One song of a class playlist: an element of playlist.songs[] of GET /api/ride/{ride_id}/details (the body of ride_details), with the class and the song's position added. Fetched once per distinct class taken. Evidence: two full class bodies (2019, 2020); explicit_rating from a ~2023 client model.
 */
export interface ClassSong {
/**
 * Added: the class id (32 hex), = ride_details.id. Primary key, with position.
 */
ride_id: string
/**
 * Added: the song's index in playlist.songs (0-based, play order). Primary key, with ride_id.
 */
position: number
/**
 * Added, as in ride_details: unix seconds (UTC) of the newest workout in the sync that took the class. The incremental cursor.
 */
workout_created_at: number
/**
 * The song (32 hex).
 */
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
 * Whole seconds into the class video where the song is cued.
 */
cue_time_offset?: (number | null)
/**
 * Whole seconds into the class video where the song starts.
 */
start_time_offset?: (number | null)
/**
 * Liked by the signed-in member.
 */
liked?: (boolean | null)
/**
 * Content-rating code (2023+; known from a client model).
 */
explicit_rating?: (number | null)
[k: string]: unknown | undefined
}
