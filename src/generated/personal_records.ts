/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * One personal record: an element of personal_records[].records[] of GET /api/user/{user_id}/overview (needs the header Peloton-Platform: web), with its group added as discipline and discipline_name. Evidence: the rendered tables of a 2024 call (cycling only: best output per class length); groups and units of other disciplines are unknown, so any group, unit and slug is accepted. A record's workout_id and workout_date change when it is beaten.
 */
export interface PersonalRecord {
/**
 * Added: the group's slug, e.g. "cycling". Primary key, with slug.
 */
discipline: string
/**
 * Added: the group's name, e.g. "Cycling".
 */
discipline_name?: (string | null)
/**
 * The record's slug: for cycling the class length in seconds as a string ("300" ... "5400"); may be non-numeric elsewhere. Primary key, with discipline.
 */
slug: string
/**
 * e.g. "45 min".
 */
name?: (string | null)
/**
 * The record in unit, rounded (883 for 882694.27 J: whole in captures; raw_value is exact).
 */
value?: (number | null)
/**
 * The record unrounded, in the base unit: joules for kJ records (2 decimals).
 */
raw_value?: (number | null)
/**
 * "kj" for cycling; other disciplines unknown.
 */
unit?: (string | null)
/**
 * "kj" for cycling.
 */
unit_slug?: (string | null)
/**
 * The workout that set the record (32 hex).
 */
workout_id?: (string | null)
/**
 * When that workout took place: ISO-8601 without a zone, with or without microseconds ("2024-05-06T09:57:46.552438"); UTC or local is unconfirmed.
 */
workout_date?: (string | null)
[k: string]: unknown | undefined
}
