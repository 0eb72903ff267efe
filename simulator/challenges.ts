import { hexId, intBetween, streamOf } from './random.js';
import type { SimWorkout } from './workouts.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A challenge tier: the minutes that earn its badge (every challenge has a tier at 0, for joining). */
export interface Tier {
  id: string;
  title: string;
  detailed_badge_image_url: string;
  metric_value: number;
  metric_display_unit: 'min';
}

/** A challenge the member joined, with their progress in it. */
export interface JoinedChallenge {
  summary: {
    id: string;
    title: string;
    symbol_image_url: string;
    start_time: number;
    end_time: number;
    challenge_type: 'individual';
    description: string;
    background_image_url: string;
  };
  participants: number;
  detailedDescription: string;
  tiers: Tier[];
  /** Minutes of finished workouts counted so far (whole minutes). */
  minutes: number;
  /** The highest tier reached (the zero tier at least). */
  currentTier: Tier;
}

interface Plan {
  key: string;
  title: string;
  start: number;
  end: number;
  counts: (workout: SimWorkout) => boolean;
  tiers: Array<[string, number]>;
  description: string;
}

/**
 * The challenges the member is in as of the newest workout (the simulated data's "now"): the year's annual
 * challenge (minutes of anything; a new id every year, as Peloton does) and the month's cycling challenge
 * (minutes on the bike). Progress counts finished workouts inside the challenge's window.
 */
export function joinedChallenges(chronological: SimWorkout[]): JoinedChallenge[] {
  const newest = chronological.at(-1);
  if (newest === undefined) return [];
  const now = new Date(newest.created_at * 1000);
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const plans: Plan[] = [
    {
      key: `annual:${year}`,
      title: `The Annual ${year}`,
      start: Date.UTC(year, 0, 1) / 1000,
      end: Date.UTC(year + 1, 0, 1) / 1000 - 1,
      counts: () => true,
      tiers: [
        ['Joined', 0],
        ['Bronze', 1_000],
        ['Silver', 3_000],
        ['Gold', 6_000],
        ['Platinum', 10_000],
      ],
      description: `Every minute of ${year} counts: move for 10,000 minutes to reach Platinum.`,
    },
    {
      key: `cycling:${year}:${month}`,
      title: `${MONTHS[month] ?? ''} Cycling Challenge`,
      start: Date.UTC(year, month, 1) / 1000,
      end: Date.UTC(year, month + 1, 1) / 1000 - 1,
      counts: (w) => w['fitness_discipline'] === 'cycling',
      tiers: [
        ['Joined', 0],
        ['Bronze', 150],
        ['Silver', 300],
        ['Gold', 600],
      ],
      description: 'Ride through the month: every minute on the bike counts.',
    },
  ];
  return plans.map((plan) => challengeOf(plan, chronological));
}

function challengeOf(plan: Plan, chronological: SimWorkout[]): JoinedChallenge {
  const id = hexId('challenge', plan.key);
  const image = (what: string): string => `https://example.invalid/challenges/${id}/${what}.png`;
  let seconds = 0;
  for (const workout of chronological)
    if (workout.status === 'COMPLETE' && workout.created_at >= plan.start && workout.created_at <= plan.end && plan.counts(workout))
      seconds += (workout['ride'] as { duration?: number } | null)?.duration ?? 0;
  const minutes = Math.floor(seconds / 60);
  const tiers = plan.tiers.map(([title, value]): Tier => ({
    id: hexId('challenge-tier', plan.key, title),
    title,
    detailed_badge_image_url: image(`badge-${title.toLowerCase()}`),
    metric_value: value,
    metric_display_unit: 'min',
  }));
  return {
    summary: {
      id,
      title: plan.title,
      symbol_image_url: image('symbol'),
      start_time: plan.start,
      end_time: plan.end,
      challenge_type: 'individual',
      description: plan.description,
      background_image_url: image('background'),
    },
    participants: intBetween(streamOf('challenge-participants', id), 20_000, 900_000),
    detailedDescription: `${plan.description} Badges at ${tiers.map((t) => `${t.metric_value} min`).join(', ')}.`,
    tiers,
    minutes,
    currentTier: tiers.filter((t) => t.metric_value <= minutes).at(-1) ?? (tiers[0] as Tier),
  };
}

const displayed = (value: number): string => value.toLocaleString('en-US');

/** One element of GET /api/user/{id}/challenges/current?has_joined=true. */
export function challengeListItem(challenge: JoinedChallenge): Record<string, unknown> {
  const tier = challenge.currentTier;
  return {
    challenge_summary: challenge.summary,
    participants: { total_count: challenge.participants },
    progress: {
      metric_value: challenge.minutes,
      metric_display_value: displayed(challenge.minutes),
      metric_display_unit: 'min',
      current_tier: { ...tier, metric_display_value: displayed(tier.metric_value) },
    },
  };
}

/** GET /api/user/{id}/challenge/{challenge_id}. */
export function challengeDetail(challenge: JoinedChallenge): Record<string, unknown> {
  return {
    challenge_summary: challenge.summary,
    challenge_detail: { detailed_description: challenge.detailedDescription, tiers: challenge.tiers },
    progress: { metric_value: challenge.minutes, metric_display_unit: 'min' },
  };
}
