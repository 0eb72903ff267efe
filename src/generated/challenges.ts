/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * One challenge the member has joined: an element of challenges[] of GET /api/user/{user_id}/challenges/current?has_joined=true, with its detail from GET /api/user/{user_id}/challenge/{challenge_id} (both with the header Peloton-Platform: web), the four parts kept as sent. Known only from client code (peloton-to-garmin's challenge models) and a 2026 write-up of live calls: no raw body is public. Progress changes until end_time and carries no updated-at: a snapshot.
 */
export interface Challenge {
/**
 * Added: challenge_summary.id (32 hex). Primary key. The annual challenge gets a new id each year.
 */
id: string
/**
 * The challenge, as listed.
 */
challenge_summary?: ({
/**
 * 32 hex characters.
 */
id?: (string | null)
/**
 * e.g. "The Annual 2025".
 */
title?: (string | null)
symbol_image_url?: (string | null)
/**
 * Unix seconds (UTC).
 */
start_time?: (number | null)
/**
 * Unix seconds (UTC).
 */
end_time?: (number | null)
/**
 * e.g. "individual" (2026 write-up).
 */
challenge_type?: (string | null)
/**
 * 2026 write-up.
 */
description?: (string | null)
/**
 * 2026 write-up.
 */
background_image_url?: (string | null)
[k: string]: unknown | undefined
} | null)
/**
 * From the detail call: the description and the tiers to earn.
 */
challenge_detail?: ({
detailed_description?: (string | null)
/**
 * One per badge level; a tier with metric_value 0 exists.
 */
tiers?: ({
id?: (string | null)
title?: (string | null)
detailed_badge_image_url?: (string | null)
/**
 * Amount needed for the tier, in metric_display_unit.
 */
metric_value?: (number | null)
/**
 * e.g. "min" for the annual challenge.
 */
metric_display_unit?: (string | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
} | null)
participants?: ({
/**
 * Members who joined (2026 write-up).
 */
total_count?: (number | null)
[k: string]: unknown | undefined
} | null)
/**
 * The member's progress: metric_value and metric_display_unit in the detail; current_tier in the list.
 */
progress?: ({
/**
 * Amount done so far, in metric_display_unit (minutes for the annual challenge).
 */
metric_value?: (number | null)
/**
 * e.g. "min".
 */
metric_display_unit?: (string | null)
current_tier?: ({
/**
 * The amount as displayed, a STRING ("0").
 */
metric_display_value?: (string | null)
/**
 * e.g. "min".
 */
metric_display_unit?: (string | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
}
