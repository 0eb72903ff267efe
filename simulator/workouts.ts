import { chooseClass, classSpecOf, freestyleStub, justRideTitle, rideOf, type ClassKind, type ClassSpec } from './classes.js';
import { deviceDisplayName, DISCIPLINES, displayNameOf, isTread, type Discipline } from './disciplines.js';
import { ERA } from './eras.js';
import { between, hexId, intBetween, pick, round, seededRandom, streamOf } from './random.js';
import { riderOf } from './rider.js';
import { utcOffsetAt } from './timezones.js';

export { DISCIPLINES } from './disciplines.js';

export type SimWorkout = Record<string, unknown> & { id: string; created_at: number; status: string };

const TIMEZONES = ['Etc/GMT+5', 'America/New_York', 'Europe/London', 'America/Los_Angeles'];
const DURATIONS = [300, 600, 1200, 1800, 2700, 3600];
/** Disciplines with scenic content (rides, runs, walks, rows on Peloton hardware). */
const SCENIC = new Set(['cycling', 'running', 'walking', 'caesar']);
const SCENIC_NAMES: Record<string, string> = {
  cycling: 'Scenic Ride',
  running: 'Scenic Run',
  walking: 'Scenic Walk',
  caesar: 'Scenic Row',
};

/** Walks and runs done outdoors with the app (GPS, no device metrics): a share of tread-discipline workouts. */
const OUTDOOR_SHARE = 0.15;
/** The phone the app runs on outdoors. */
const PHONE: Pick<Discipline, 'device' | 'platform'> = { device: 'iPhone', platform: 'iOS_app' };

/**
 * One deterministic workout: `index` counts from the oldest (0) so adding newer ones never changes older ones.
 * The first stream's draws come in a fixed order, a few of them unused, which pins each workout's discipline,
 * length, status and times; every other field draws from a second stream of the workout. `forced` makes the
 * workout take that class (its discipline, length and kind) instead of drawing one.
 */
export function makeWorkout(
  seed: number,
  index: number,
  userId: string,
  createdAt: number,
  inProgress: boolean,
  forced?: ClassSpec,
): SimWorkout {
  const random = seededRandom(seed * 100_003 + index);
  const drawn = pick(random, DISCIPLINES);
  const discipline = forced === undefined ? drawn : (DISCIPLINES.find((d) => d.name === forced.discipline) ?? drawn);
  const drawnDuration = pick(random, DURATIONS);
  const freestyleDraw = forced === undefined && discipline.pedaling && random() < 0.1;
  random(); // unused (the class decides the instructor), kept so the draws after it stay in place
  random(); // unused (the time zone decides the local-time offset)
  const startDelay = intBetween(random, 5, 40);
  const endDelay = inProgress ? null : intBetween(random, 20, 90);
  const scenicDraw = freestyleDraw ? false : random() < 0.05;
  const timezone = pick(random, TIMEZONES);
  const outdoorStream = streamOf('outdoor', seed, index);
  const outdoor = forced === undefined ? isTread(discipline.name) && outdoorStream() < OUTDOOR_SHARE : forced.kind === 'outdoor';
  // Outdoors half the workouts follow an audio class, the others are a "Just Walk/Run: Outdoor" of any length.
  const freeOutdoor = outdoor && forced === undefined && outdoorStream() < 0.4;
  const duration = forced?.duration ?? (freeOutdoor ? intBetween(outdoorStream, 600, 3_600) : drawnDuration);
  const hasMetrics = discipline.metricsType !== null && !outdoor;
  const workDraw = hasMetrics && !inProgress ? random() : undefined;
  if (hasMetrics) random(); // unused (the history decides personal records)
  const stravaId = !inProgress && random() < 0.3 ? String(intBetween(random, 1e9, 9e9)) : null;
  const watched = inProgress || random() < 0.2 ? null : duration;
  const buffering = inProgress ? null : intBetween(random, 0, 4);
  const rankedDraw = hasMetrics && !freestyleDraw;
  const rankShare = rankedDraw && !inProgress && random() < 0.8 ? random() : null;
  const usersDrawn = rankedDraw ? intBetween(random, 1_000, 40_000) : null;
  const effort = inProgress || random() < 0.3 ? null : effortZones(random, duration);

  const extra = streamOf('workout-extra', seed, index);
  // Just Ride is a bike's own mode: a bike bootcamp drawn as one takes a class instead.
  const justRide = (freestyleDraw && discipline.name === 'cycling') || freeOutdoor;
  const kind: ClassKind =
    forced?.kind ??
    (outdoor
      ? 'outdoor'
      : scenicDraw && SCENIC.has(discipline.name)
        ? 'scenic'
        : discipline.name === 'strength' && createdAt >= ERA.targets && extra() < 0.12
          ? 'gym'
          : 'class');
  const spec = justRide ? undefined : (forced ?? chooseClass(seed, kind, discipline.name, duration, createdAt, extra));
  const ranked = hasMetrics && !justRide && kind !== 'gym';
  const users = ranked ? (usersDrawn ?? intBetween(extra, 1_000, 40_000)) : 0;
  let rank: number | null = null;
  if (ranked && !inProgress) {
    if (rankedDraw) rank = rankShare === null ? null : 1 + Math.floor(rankShare * users);
    else rank = extra() < 0.8 ? intBetween(extra, 1, users) : null;
  }
  const modern = createdAt >= ERA.v2;
  const watchTime = justRide ? null : watched;
  const music = kind === 'scenic' && !justRide;
  return {
    id: hexId('workout', seed, index),
    user_id: userId,
    created_at: createdAt,
    created: createdAt,
    start_time: createdAt + startDelay,
    end_time: endDelay === null ? null : createdAt + duration + endDelay,
    device_time_created_at: createdAt + utcOffsetAt(timezone, createdAt),
    status: inProgress ? 'IN_PROGRESS' : 'COMPLETE',
    fitness_discipline: discipline.name,
    workout_type: justRide ? 'freestyle' : kind === 'scenic' ? 'scenic' : 'class',
    metrics_type: outdoor ? null : discipline.metricsType,
    name: kind === 'scenic' && !justRide ? (SCENIC_NAMES[discipline.name] ?? 'Scenic Ride') : `${displayNameOf(discipline.name)} Workout`,
    title: justRide ? justRideTitle(duration, discipline.name, outdoor) : null,
    device_type: outdoor ? PHONE.device : discipline.device,
    device_type_display_name: deviceDisplayName(outdoor ? PHONE.device : discipline.device),
    platform: outdoor ? PHONE.platform : discipline.platform,
    timezone,
    total_work: hasMetrics && !inProgress ? totalWork(userId, discipline.name, spec, duration, createdAt, workDraw ?? extra()) : 0.0,
    is_total_work_personal_record: false,
    is_outdoor: outdoor,
    has_pedaling_metrics: discipline.pedaling,
    has_leaderboard_metrics: ranked,
    peloton_id: justRide ? null : hexId('peloton', seed, index),
    strava_id: stravaId,
    fitbit_id: extra() < 0.04 ? String(intBetween(extra, 10_000_000, 99_999_999)) : null,
    total_video_watch_time_seconds: modern || watched === null || justRide ? 0 : duration + intBetween(extra, 0, 40),
    total_video_buffering_seconds: modern || buffering === null ? 0 : buffering,
    v2_total_video_watch_time_seconds: modern ? watchTime : null,
    v2_total_video_buffering_seconds: modern && !justRide ? buffering : null,
    total_music_audio_play_seconds: music ? watchTime : null,
    total_music_audio_buffer_seconds: music && !inProgress ? 0 : null,
    service_id: null,
    leaderboard_rank: rank,
    total_leaderboard_users: users,
    effort_zones: createdAt < ERA.strive ? null : effort,
    ride: spec === undefined ? freestyleStub(createdAt, duration, discipline.name, outdoor) : rideOf(spec),
  };
}

/** The class a workout took (undefined for Just Ride). */
export const classOfWorkout = (workout: SimWorkout): ClassSpec | undefined =>
  classSpecOf(String((workout['ride'] as { id?: unknown } | null)?.id));

/** total_work (J) a finished workout ends with; for one still IN_PROGRESS, what it will end with. */
export function completedTotalWork(workout: SimWorkout): number {
  if (workout['metrics_type'] === null) return 0;
  const duration = (workout['ride'] as { duration?: number } | null)?.duration ?? 1200;
  const draw = streamOf('workout-work', workout.id)();
  return totalWork(
    String(workout['user_id']),
    String(workout['fitness_discipline']),
    classOfWorkout(workout),
    duration,
    workout.created_at,
    draw,
  );
}

/**
 * Joules for a workout: on the bike a share of the member's fitness at the time (an FTP test is ridden at
 * about threshold, classes well below it), on the tread and rower a plausible range of watts.
 */
function totalWork(
  userId: string,
  discipline: string,
  spec: ClassSpec | undefined,
  duration: number,
  createdAt: number,
  draw: number,
): number {
  const fitness = riderOf(userId).fitnessAt(createdAt);
  let watts: number;
  if (discipline === 'cycling') watts = fitness * (spec?.ftpTest === true ? 1.0 + 0.1 * draw : 0.5 + 0.3 * draw);
  else if (discipline === 'bike_bootcamp') watts = fitness * (0.3 + 0.2 * draw);
  else if (discipline === 'running') watts = 130 + 150 * draw;
  else if (discipline === 'walking') watts = 60 + 90 * draw;
  else watts = 50 + 130 * draw;
  return round(watts * duration + draw, 2);
}

function effortZones(random: () => number, duration: number): Record<string, unknown> {
  const shares = [0.1, 0.25, 0.35, 0.2, 0.1].map((s) => Math.round(s * duration * between(random, 0.7, 1.0)));
  return {
    total_effort_points: Math.round(between(random, 5, 120) * 10) / 10,
    heart_rate_zone_durations: Object.fromEntries(shares.map((s, i) => [`heart_rate_z${i + 1}_duration`, s])),
  };
}
