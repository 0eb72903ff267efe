/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * One badge the member has earned, with how many times: a (category, template) pair of GET /api/user/{user_id}/achievements (needs the header Peloton-Platform: web), whose body is {categories: [{name, slug, achievements: [{count, template}]}]}. The template's fields are kept at the top level. Evidence: a 2026 write-up of live calls (no raw body); the template is the object of overview achievement_counts (rendered 2024 tables) and of a workout's achievement_templates. Whether a template can sit in two categories is unknown, hence the key (category, id). No dates: a snapshot.
 */
export interface Achievement {
/**
 * Added: the category's slug, e.g. "special_events", "workout_milestones". Primary key, with id.
 */
category: string
/**
 * Added: template.id (32 hex). Primary key, with category.
 */
id: string
/**
 * Times the member earned the badge (302 seen).
 */
count?: (number | null)
/**
 * e.g. "Best Output".
 */
name?: (string | null)
/**
 * e.g. "best_output", "two_to_tango".
 */
slug?: (string | null)
image_url?: (string | null)
/**
 * e.g. "Personal best output in a workout."
 */
description?: (string | null)
/**
 * Null in every row seen.
 */
animated_image_url?: (string | null)
/**
 * Null in every row seen.
 */
kinetic_token_background?: (string | null)
[k: string]: unknown | undefined
}
