/* Generated from the JSON schema by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * The signed-in member's profile, GET /api/me (unchanged). Personal data: select only the fields you need. Captured bodies are from 2019-2020 (no full body since the 2025 login change).
 */
export interface PelotonUser {
/**
 * User id, 32 hex characters. Primary key.
 */
id: string
/**
 * Public leaderboard name.
 */
username?: (string | null)
email?: (string | null)
/**
 * A sha256 hex digest (2020), not a masked address.
 */
obfuscated_email?: (string | null)
name?: (string | null)
first_name?: (string | null)
last_name?: (string | null)
middle_initial?: (string | null)
image_url?: (string | null)
/**
 * Free text; may be "".
 */
location?: (string | null)
gender?: (string | null)
/**
 * Unix seconds; 0 = not set.
 */
birthday?: (number | null)
/**
 * Decimal; 70.0 in a US capture (inches).
 */
height?: (number | null)
/**
 * Decimal; 170.0 in a US capture (pounds).
 */
weight?: (number | null)
phone_number?: (string | null)
/**
 * Unix seconds the account was created.
 */
created_at?: (number | null)
/**
 * Unix seconds of the latest workout.
 */
last_workout_at?: (number | null)
created_country?: (string | null)
is_profile_private?: (boolean | null)
is_provisional?: (boolean | null)
is_complete_profile?: (boolean | null)
is_demo?: (boolean | null)
block_explicit?: (boolean | null)
can_charge?: (boolean | null)
has_signed_waiver?: (boolean | null)
has_active_device_subscription?: (boolean | null)
has_active_digital_subscription?: (boolean | null)
is_internal_beta_tester?: (boolean | null)
is_external_beta_tester?: (boolean | null)
/**
 * Null in the capture.
 */
instructor_id?: (string | null)
/**
 * = total_pedaling_metric_workouts + total_non_pedaling_metric_workouts = the sum of workout_counts.
 */
total_workouts?: (number | null)
total_pedaling_metric_workouts?: (number | null)
total_non_pedaling_metric_workouts?: (number | null)
/**
 * Workouts per discipline, every discipline listed (zeros included).
 */
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
total_followers?: (number | null)
total_following?: (number | null)
total_pending_followers?: (number | null)
/**
 * Watts: the manually entered FTP (the one to use when cycling_ftp_source is ftp_manual_source).
 */
cycling_ftp?: (number | null)
/**
 * Which value is current: ftp_workout_source -> cycling_workout_ftp (from an FTP test), ftp_manual_source -> cycling_ftp, ftp_estimated_source -> estimated_cycling_ftp; or null.
 */
cycling_ftp_source?: (string | null)
/**
 * The FTP test workout behind cycling_workout_ftp.
 */
cycling_ftp_workout_id?: (string | null)
/**
 * Watts: result of the latest FTP test; 0 when none.
 */
cycling_workout_ftp?: (number | null)
/**
 * Watts: Peloton's estimate.
 */
estimated_cycling_ftp?: (number | null)
/**
 * bpm, from age.
 */
default_max_heart_rate?: (number | null)
/**
 * bpm, set by the member.
 */
customized_max_heart_rate?: (number | null)
/**
 * Lower bounds of zones 1-5 in bpm: 0, 65 %, 75 %, 85 %, 95 % of the max heart rate (decimals).
 */
default_heart_rate_zones?: (number[] | null)
/**
 * Member-set zone bounds; seen only empty ([] when not customised).
 */
customized_heart_rate_zones?: (unknown[] | null)
paired_devices?: ({
name?: (string | null)
/**
 * e.g. "audio", "heart_rate_monitor".
 */
paired_device_type?: (string | null)
serial_number?: (string | null)
[k: string]: unknown | undefined
}[] | null)
contract_agreements?: ({
contract_type?: (string | null)
contract_display_name?: (string | null)
contract_id?: (string | null)
/**
 * Unix seconds.
 */
agreed_at?: (number | null)
/**
 * Unix seconds.
 */
contract_created_at?: (number | null)
bike_contract_url?: (string | null)
tread_contract_url?: (string | null)
[k: string]: unknown | undefined
}[] | null)
quick_hits?: ({
quick_hits_enabled?: (boolean | null)
/**
 * Tread speed shortcuts; null in the capture.
 */
speed_shortcuts?: {
[k: string]: unknown | undefined
}
/**
 * Tread incline shortcuts; null in the capture.
 */
incline_shortcuts?: {
[k: string]: unknown | undefined
}
[k: string]: unknown | undefined
} | null)
/**
 * Seen only empty in the captured bodies; item shape unknown.
 */
member_groups?: (unknown[] | null)
referral_code?: (string | null)
referrals_made?: (number | null)
v1_referrals_made?: (number | null)
subscription_credits?: (number | null)
subscription_credits_used?: (number | null)
facebook_id?: (string | null)
/**
 * Empty in the capture.
 */
facebook_access_token?: (string | null)
is_strava_authenticated?: (boolean | null)
is_fitbit_authenticated?: (boolean | null)
/**
 * Connected music services (2026 live check; shape not captured).
 */
external_music_auth_list?: (unknown[] | null)
[k: string]: unknown | undefined
}
