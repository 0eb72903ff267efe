/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * The member's overview, GET /api/user/{user_id}/overview?version=1 (needs the header Peloton-Platform: web), with top-level id set to the user id. Evidence: a 2022 excerpt and a 2024 reconstruction, no full body.
 */
export interface Overview {
/**
 * The user id. Primary key.
 */
id: string
workout_counts?: ({
total_workouts?: (number | null)
/**
 * Every discipline (zeros included), count descending.
 */
workouts?: ({
/**
 * e.g. "Rowing" for caesar, "Tread Bootcamp" for circuit.
 */
name?: (string | null)
slug?: (string | null)
count?: (number | null)
icon_url?: (string | null)
workout_name?: (string | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
} | null)
/**
 * Best output per class length, one group per device discipline with records.
 */
personal_records?: ({
/**
 * e.g. "Cycling".
 */
name?: (string | null)
/**
 * e.g. "cycling".
 */
slug?: (string | null)
/**
 * ISO date-time without zone.
 */
first_workout_date?: (string | null)
/**
 * Null unless the records were reset.
 */
reset_date?: (string | null)
/**
 * Only for class lengths the member has done.
 */
records?: ({
/**
 * Class length, e.g. "45 min".
 */
name?: (string | null)
/**
 * Class length in SECONDS as a string, e.g. "2700".
 */
slug?: (string | null)
/**
 * Best total output in kJ, rounded (whole in captures; raw_value is exact).
 */
value?: (number | null)
/**
 * The same record in JOULES, decimal.
 */
raw_value?: (number | null)
/**
 * "kj".
 */
unit?: (string | null)
/**
 * "kj".
 */
unit_slug?: (string | null)
/**
 * The record workout.
 */
workout_id?: (string | null)
/**
 * ISO date-time without zone, with or without microseconds.
 */
workout_date?: (string | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
}[] | null)
streaks?: ({
/**
 * Weeks in a row with a workout, up to now.
 */
current_weekly?: (number | null)
/**
 * Best weekly streak as Peloton reports it: it can be LOWER than current_weekly.
 */
best_weekly?: (number | null)
/**
 * Unix seconds.
 */
start_date_of_current_weekly?: (number | null)
/**
 * Days in a row.
 */
current_daily?: (number | null)
/**
 * Unix seconds; null without a daily streak.
 */
start_date_of_current_daily?: (number | null)
[k: string]: unknown | undefined
} | null)
achievement_counts?: ({
total_count?: (number | null)
achievements?: ({
count?: (number | null)
template?: ({
id?: (string | null)
name?: (string | null)
slug?: (string | null)
image_url?: (string | null)
description?: (string | null)
animated_image_url?: (string | null)
kinetic_token_background?: (string | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
}[] | null)
[k: string]: unknown | undefined
} | null)
[k: string]: unknown | undefined
}
