import { WORKOUT_COUNT_SLUGS } from './disciplines.js';
import { defaultHeartRateZones, riderHex, riderOf } from './rider.js';
import type { Timeline } from './timeline.js';
import type { SimWorkout } from './workouts.js';

const ICONS = 'https://example.invalid/workout-count-icons';

/** Workouts per discipline slug: every slug Peloton counts, zeros included. */
export function countsByDiscipline(workouts: SimWorkout[]): Map<string, number> {
  const counts = new Map(WORKOUT_COUNT_SLUGS.map(({ slug }) => [slug, 0]));
  for (const workout of workouts) {
    const slug = String(workout['fitness_discipline']);
    counts.set(slug, (counts.get(slug) ?? 0) + 1);
  }
  return counts;
}

export const countIcon = (slug: string, count: number): string => `${ICONS}/${count > 0 ? 'nonzero' : 'zero'}-${slug}2.png`;

/**
 * GET /api/me: the member's full profile. Counts follow the history (all workouts, in progress included),
 * FTP fields the FTP model after the newest workout (cycling_ftp is the manually set FTP: 0, never set),
 * heart-rate zones the member's maximum. Personal data is fictional.
 */
export function profile(userId: string, workouts: SimWorkout[], timeline: Timeline): Record<string, unknown> {
  const rider = riderOf(userId);
  const counts = countsByDiscipline(workouts);
  const pedaling = workouts.filter((w) => w['has_pedaling_metrics'] === true).length;
  const oldest = workouts.at(-1)?.created_at;
  const ftp = timeline.currentFtp;
  return {
    id: userId,
    username: rider.username,
    email: rider.email,
    obfuscated_email: rider.obfuscatedEmail,
    name: `${rider.firstName} ${rider.lastName}`,
    first_name: rider.firstName,
    last_name: rider.lastName,
    middle_initial: '',
    image_url: `https://example.invalid/profile-images/${riderHex(userId, 'image')}.png`,
    location: rider.location,
    gender: rider.gender,
    birthday: rider.birthday,
    height: rider.heightInches,
    weight: rider.weightPounds,
    phone_number: '',
    created_at: (oldest ?? 1_500_000_000) - 14 * 86_400,
    created_country: null,
    last_workout_at: workouts[0]?.created_at ?? null,
    is_profile_private: false,
    is_provisional: false,
    is_complete_profile: true,
    is_demo: false,
    block_explicit: false,
    can_charge: true,
    has_signed_waiver: true,
    has_active_device_subscription: true,
    has_active_digital_subscription: false,
    is_internal_beta_tester: false,
    is_external_beta_tester: false,
    instructor_id: null,
    total_workouts: workouts.length,
    total_pedaling_metric_workouts: pedaling,
    total_non_pedaling_metric_workouts: workouts.length - pedaling,
    workout_counts: [...counts].map(([slug, count]) => ({
      name: WORKOUT_COUNT_SLUGS.find((d) => d.slug === slug)?.name ?? slug,
      slug,
      count,
      icon_url: countIcon(slug, count),
    })),
    total_followers: 12,
    total_following: 9,
    total_pending_followers: 0,
    cycling_ftp: 0,
    cycling_ftp_source: ftp.source,
    cycling_ftp_workout_id: ftp.testWorkoutId,
    cycling_workout_ftp: ftp.workoutFtp,
    estimated_cycling_ftp: ftp.estimated,
    default_max_heart_rate: rider.maxHeartRate,
    customized_max_heart_rate: rider.maxHeartRate,
    default_heart_rate_zones: defaultHeartRateZones(rider.maxHeartRate),
    customized_heart_rate_zones: [],
    paired_devices: [
      {
        name: 'Chest Strap HR',
        paired_device_type: 'heart_rate_monitor',
        serial_number: String(parseInt(riderHex(userId, 'hrm').slice(0, 5), 16)),
      },
      {
        name: 'Open-Ear Headphones',
        paired_device_type: 'audio',
        serial_number: riderHex(userId, 'audio')
          .slice(0, 12)
          .toUpperCase()
          .replace(/(..)(?!$)/g, '$1:'),
      },
    ],
    contract_agreements: [
      ['privacy_policy', 'Privacy Policy'],
      ['subscription_terms', 'Membership Terms'],
      ['terms_of_service', 'Terms of Service'],
    ].map(([type, display], i) => ({
      contract_type: type,
      contract_id: '',
      contract_created_at: 1_600_000_000 + i * 1_000,
      bike_contract_url: `https://example.invalid/contracts/${type}.html`,
      tread_contract_url: `https://example.invalid/contracts/${type}.html`,
      agreed_at: (oldest ?? 1_500_000_000) - 14 * 86_400,
      contract_display_name: display,
    })),
    quick_hits: { quick_hits_enabled: true, speed_shortcuts: null, incline_shortcuts: null },
    member_groups: [],
    referral_code: riderHex(userId, 'referral'),
    referrals_made: 0,
    v1_referrals_made: 0,
    subscription_credits: 0,
    subscription_credits_used: 0,
    facebook_id: '',
    facebook_access_token: '',
    is_strava_authenticated: workouts.some((w) => w['strava_id'] !== null),
    is_fitbit_authenticated: workouts.some((w) => w['fitbit_id'] !== null),
    external_music_auth_list: [],
  };
}
