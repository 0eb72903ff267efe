import { classPlan, movementId, publicSegment, rangeOf, subsegmentsOf, targetAt, wattsAt, type ClassPlan } from './class-plan.js';
import { rideOf, type ClassSpec } from './classes.js';
import { isTread } from './disciplines.js';
import { targetMetricsOf } from './graph-extras.js';
import { classSongs } from './class-songs.js';
import { hexId, intBetween, round, streamOf } from './random.js';

/**
 * GET /api/ride/{ride_id}/details for a class: the same ride object (with its instructor) the workouts embed,
 * its playlist, plan, targets and the averages of everyone who took it. `userWorkouts` is the caller's count.
 */
export function rideDetails(spec: ClassSpec, userWorkouts: number): Record<string, unknown> {
  const random = streamOf('ride-details', spec.id);
  const ride = rideOf(spec);
  const plan = classPlan(spec);
  const cycling = spec.discipline === 'cycling' || spec.discipline === 'bike_bootcamp';
  const targeted = plan.targets.length > 0;
  const expected = cycling && targeted ? expectedOutput(plan) : null;
  return {
    ride: {
      ...ride,
      is_favorite: random() < 0.1,
      total_user_workouts: userWorkouts,
      total_following_workouts: 0,
      leaderboard_filter_type: null,
    },
    playlist: playlist(spec),
    averages: averages(spec, random),
    segments: segments(spec, plan),
    default_album_images: {
      default_in_class_image_url: 'https://example.invalid/rides/DEFAULT_ALBUM_ART_IN_CLASS.svg',
      default_class_detail_image_url: 'https://example.invalid/rides/DEFAULT_ALBUM_ART_CLASS_DETAIL.svg',
    },
    excluded_platforms: [],
    is_ftp_test: spec.ftpTest,
    disabled_leaderboard_filters: { just_me: false, following: false, age_and_gender: false },
    sampled_top_tags: null,
    instructor_cues: cycling ? plan.targets.map(cue) : [],
    target_class_metrics:
      cycling && targeted ? { target_graph_metrics: targetGraph(plan, spec.duration), total_expected_output: expected } : null,
    target_metrics_data: { target_metrics: targetMetricsOf(plan), total_expected_output: expected },
    class_types: [{ id: (ride['class_type_ids'] as string[])[0], name: String(ride['title']).replace(/^\d+ min /, '') }],
    events: { data: [] },
    lanebreak_info: null,
    last_time_metrics: null,
    related_rides: { id: hexId('related', spec.id), name: 'more_like_this', display_name: 'More Like This', rides: [] },
  };
}

const cue = (stretch: ClassPlan['targets'][number]): Record<string, unknown> => {
  const range = (name: string): { upper: number; lower: number } => {
    const { lower, upper } = rangeOf(stretch, name);
    return { upper, lower };
  };
  return { offsets: { start: stretch.start, end: stretch.end }, resistance_range: range('resistance'), cadence_range: range('cadence') };
};

/** One value per 5 s of the class for cadence and resistance (0 where the plan sets no target, e.g. off the bike). */
function targetGraph(plan: ClassPlan, duration: number): Array<Record<string, unknown>> {
  return ['cadence', 'resistance'].map((name) => {
    const upper: number[] = [];
    const lower: number[] = [];
    const average: number[] = [];
    const cursor = { at: 0 };
    for (let t = 0; t < duration; t += 5) {
      const stretch = targetAt(plan, plan.preRoll + t, cursor);
      const range = stretch === undefined ? { lower: 0, upper: 0 } : rangeOf(stretch, name);
      upper.push(range.upper);
      lower.push(range.lower);
      average.push(Math.round((range.upper + range.lower) / 2));
    }
    const set = lower.filter((value) => value > 0);
    return {
      graph_data: { upper, lower, average },
      max: Math.max(...upper) + 10,
      min: Math.max(0, Math.min(...set) - 10),
      average: Math.round(average.reduce((a, b) => a + b, 0) / Math.max(1, average.length)),
      type: name,
    };
  });
}

/** kJ a rider makes holding the lower and the upper end of every target (integers). */
function expectedOutput(plan: ClassPlan): Record<string, number> {
  let lower = 0;
  let upper = 0;
  for (const stretch of plan.targets) {
    const seconds = stretch.end - stretch.start + 1;
    const [resistance, cadence] = [rangeOf(stretch, 'resistance'), rangeOf(stretch, 'cadence')];
    lower += wattsAt(resistance.lower, cadence.lower) * seconds;
    upper += wattsAt(resistance.upper, cadence.upper) * seconds;
  }
  return { expected_upper_output: Math.round(upper / 1000), expected_lower_output: Math.round(lower / 1000) };
}

function playlist(spec: ClassSpec): Record<string, unknown> {
  const songs = classSongs(spec);
  const artists = new Map<string, unknown>();
  for (const song of songs)
    for (const artist of song['artists'] as Array<{ artist_id: string }>)
      if (!artists.has(artist.artist_id)) artists.set(artist.artist_id, artist);
  return {
    id: hexId('playlist', spec.id),
    ride_id: spec.id,
    songs,
    top_artists: [...artists.values()].slice(0, 4),
    top_albums: songs.slice(0, 3).map((song) => song['album']),
    is_playlist_shown: true,
    is_top_artists_shown: true,
    is_in_class_music_shown: true,
    stream_id: hexId('music-stream', spec.id),
    stream_url: null,
  };
}

function averages(spec: ClassSpec, random: () => number): Record<string, unknown> {
  const cycling = spec.discipline === 'cycling' || spec.discipline === 'bike_bootcamp';
  const device = cycling || isTread(spec.discipline) || spec.discipline === 'caesar';
  const power = device ? intBetween(random, cycling ? 90 : 60, cycling ? 170 : 180) : 0;
  const speed = cycling
    ? round(11 + power * 0.05, 1)
    : isTread(spec.discipline)
      ? round(spec.discipline === 'running' ? 5 + random() * 2.5 : 3 + random(), 1)
      : 0;
  const shares = [0.08, 0.22, 0.4, 0.22, 0.08];
  return {
    average_total_work: Math.round((power * spec.duration) / 1000),
    average_distance: round((speed * spec.duration) / 3600, 2),
    average_calories: Math.round((spec.duration / 60) * (device ? 9 + random() * 3 : 3 + random() * 3)),
    average_avg_power: power,
    average_avg_speed: speed,
    average_avg_cadence: cycling ? intBetween(random, 72, 88) : 0,
    average_avg_resistance: cycling ? intBetween(random, 35, 48) : 0,
    average_effort_score: round((spec.duration / 60) * (device ? 1.2 : 0.5) * (0.8 + random() * 0.4), 1),
    total_heart_rate_zone_durations: Object.fromEntries(
      shares.map((share, i) => [`heart_rate_z${i + 1}_duration`, Math.round(share * spec.duration)]),
    ),
  };
}

function segments(spec: ClassSpec, plan: ClassPlan): Record<string, unknown> {
  const categories = new Map<string, number>();
  const focuses = new Map<string, number>();
  for (const segment of plan.segments) {
    categories.set(segment.category, (categories.get(segment.category) ?? 0) + segment.length / spec.duration);
    if (segment.focus !== 'cardio') focuses.set(segment.focus, (focuses.get(segment.focus) ?? 0) + segment.length / spec.duration);
  }
  // Cardio classes count as wholly cardio, whatever else they work (the captured bodies say "1.0").
  const cardio = plan.segments.some((s) => s.focus === 'cardio') ? [['cardio', 1] as const] : [];
  const byWeight: Record<string, string[]> = {};
  for (const { movement } of plan.movements) {
    if (movement.weight === null) continue;
    const ids = (byWeight[`${movement.weight}_weights`] ??= []);
    if (!ids.includes(movementId(movement))) ids.push(movementId(movement));
  }
  return {
    segment_list: plan.segments.map((segment) => ({
      ...publicSegment(segment),
      subsegments_v2: subsegmentsOf(plan, segment),
      is_transition: false,
    })),
    segment_category_distribution: Object.fromEntries([...categories].map(([key, share]) => [key, decimalString(share)])),
    segment_body_focus_distribution: Object.fromEntries([...cardio, ...focuses].map(([key, share]) => [key, decimalString(share)])),
    movements_by_weight_category: byWeight,
  };
}

/** Shares as the API writes them: strings, "1.0" for a whole. */
const decimalString = (share: number): string => (Number.isInteger(share) ? share.toFixed(1) : String(share));
