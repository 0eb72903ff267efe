import { between, hexId, intBetween, pick, seededRandom } from './random.js';

export type SimWorkout = Record<string, unknown> & { id: string; created_at: number; status: string };

interface Discipline {
  name: string;
  metricsType: string | null;
  device: string;
  platform: string;
  pedaling: boolean;
}

export const DISCIPLINES: readonly Discipline[] = [
  { name: 'cycling', metricsType: 'cycling', device: 'home_bike_v1', platform: 'home_bike', pedaling: true },
  { name: 'cycling', metricsType: 'cycling', device: 'home_bike_plus', platform: 'home_bike', pedaling: true },
  { name: 'running', metricsType: 'running', device: 'home_tread', platform: 'home_tread', pedaling: false },
  { name: 'walking', metricsType: 'running', device: 'home_tread', platform: 'home_tread', pedaling: false },
  { name: 'caesar', metricsType: 'caesar', device: 'home_row', platform: 'home_row', pedaling: false },
  { name: 'strength', metricsType: null, device: 'iPhone', platform: 'iOS_app', pedaling: false },
  { name: 'yoga', metricsType: null, device: 'iPhone', platform: 'iOS_app', pedaling: false },
  { name: 'meditation', metricsType: null, device: 'web', platform: 'web', pedaling: false },
  { name: 'stretching', metricsType: null, device: 'iPhone', platform: 'iOS_app', pedaling: false },
  { name: 'bike_bootcamp', metricsType: 'cycling', device: 'home_bike_plus', platform: 'home_bike', pedaling: true },
];

const INSTRUCTORS = [
  { first: 'Avery', last: 'Lane' },
  { first: 'Jordan', last: 'Reyes' },
  { first: 'Sam', last: 'Okafor' },
  { first: 'Robin', last: 'Kowalski' },
  { first: 'Alex', last: 'Moreau' },
];
const TIMEZONES = ['Etc/GMT+5', 'America/New_York', 'Europe/London', 'America/Los_Angeles'];
const DURATIONS = [300, 600, 1200, 1800, 2700, 3600];

/** One deterministic workout: `index` counts from the oldest (0) so adding newer ones never changes older ones. */
export function makeWorkout(seed: number, index: number, userId: string, createdAt: number, inProgress: boolean): SimWorkout {
  const random = seededRandom(seed * 100_003 + index);
  const discipline = pick(random, DISCIPLINES);
  const duration = pick(random, DURATIONS);
  const justRide = discipline.pedaling && random() < 0.1;
  const hasMetrics = discipline.metricsType !== null;
  const instructor = pick(random, INSTRUCTORS);
  const instructorId = hexId('instructor', instructor.first);
  const rideId = justRide ? '0'.repeat(32) : hexId('ride', seed, index % 400);
  const leaderboard = hasMetrics && !justRide;
  const offset = pick(random, [-18_000, -14_400, 0, 3_600]);
  return {
    id: hexId('workout', seed, index),
    user_id: userId,
    created_at: createdAt,
    created: createdAt,
    start_time: createdAt + intBetween(random, 5, 40),
    end_time: inProgress ? null : createdAt + duration + intBetween(random, 20, 90),
    device_time_created_at: createdAt + offset,
    status: inProgress ? 'IN_PROGRESS' : 'COMPLETE',
    fitness_discipline: discipline.name,
    workout_type: justRide ? 'freestyle' : random() < 0.05 ? 'scenic' : 'class',
    metrics_type: discipline.metricsType,
    name: `${discipline.name[0]?.toUpperCase()}${discipline.name.slice(1)} Workout`,
    title: null,
    device_type: discipline.device,
    device_type_display_name: discipline.device.replace(/_/g, ' '),
    platform: discipline.platform,
    timezone: pick(random, TIMEZONES),
    total_work: hasMetrics && !inProgress ? Math.round(between(random, 40_000, 900_000) * 100) / 100 : 0.0,
    is_total_work_personal_record: hasMetrics && random() < 0.03,
    is_outdoor: false,
    has_pedaling_metrics: discipline.pedaling,
    has_leaderboard_metrics: leaderboard,
    peloton_id: leaderboard ? hexId('peloton', seed, index) : null,
    strava_id: !inProgress && random() < 0.3 ? String(intBetween(random, 1e9, 9e9)) : null,
    fitbit_id: null,
    v2_total_video_watch_time_seconds: inProgress || random() < 0.2 ? null : duration,
    v2_total_video_buffering_seconds: inProgress ? null : intBetween(random, 0, 4),
    leaderboard_rank: leaderboard && !inProgress && random() < 0.8 ? intBetween(random, 1, 20_000) : null,
    total_leaderboard_users: leaderboard ? intBetween(random, 1_000, 40_000) : 0,
    effort_zones: inProgress || random() < 0.3 ? null : effortZones(random, duration),
    ride: justRide ? justRideClass(duration) : classRide(random, rideId, discipline.name, duration, instructorId, instructor),
  };
}

function effortZones(random: () => number, duration: number): Record<string, unknown> {
  const shares = [0.1, 0.25, 0.35, 0.2, 0.1].map((s) => Math.round(s * duration * between(random, 0.7, 1.0)));
  return {
    total_effort_points: Math.round(between(random, 5, 120) * 10) / 10,
    heart_rate_zone_durations: Object.fromEntries(shares.map((s, i) => [`heart_rate_z${i + 1}_duration`, s])),
  };
}

function justRideClass(duration: number): Record<string, unknown> {
  return {
    id: '0'.repeat(32),
    title: `${Math.round(duration / 60)} min Just Ride`,
    description: null,
    duration,
    instructor_id: null,
    instructor: null,
    fitness_discipline: 'cycling',
    difficulty_estimate: null,
    overall_rating_avg: null,
    overall_rating_count: null,
    image_url: null,
    original_air_time: null,
  };
}

function classRide(random: () => number, id: string, discipline: string, duration: number, instructorId: string, instructor: { first: string; last: string }): Record<string, unknown> {
  return {
    id,
    title: `${Math.round(duration / 60)} min ${pick(random, ['Pop', 'Rock', 'HIIT', 'Endurance', 'Power Zone', 'Beginner'])} ${discipline}`,
    description: 'A class generated by the simulator.',
    duration,
    instructor_id: instructorId,
    fitness_discipline: discipline,
    difficulty_estimate: Math.round(between(random, 4, 9) * 100) / 100,
    overall_rating_avg: Math.round(between(random, 0.9, 1) * 1000) / 1000,
    overall_rating_count: intBetween(random, 100, 90_000),
    image_url: `https://example.invalid/rides/${id}.png`,
    original_air_time: 1_500_000_000 + intBetween(random, 0, 250_000_000),
    instructor: {
      id: instructorId,
      name: `${instructor.first} ${instructor.last}`,
      first_name: instructor.first,
      last_name: instructor.last,
      image_url: `https://example.invalid/instructors/${instructorId}.png`,
    },
  };
}
