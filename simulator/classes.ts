import { displayNameOf, equipmentOf, isTread } from './disciplines.js';
import { instructorObject, instructorsFor } from './instructors.js';
import { CLASS_THEMES, DISCIPLINE_MUSCLES, MUSCLE_DISPLAY, SCENIC_PLACES } from './names.js';
import { omit } from './objects.js';
import { dashedUuid, hexId, intBetween, pick, round, streamOf } from './random.js';

/** A class, scenic ride, gym session or outdoor audio class (Peloton calls them all rides). */
export type ClassKind = 'class' | 'scenic' | 'gym' | 'outdoor';

/** What a ride id stands for: everything about a class follows from it. */
export interface ClassSpec {
  id: string;
  kind: ClassKind;
  discipline: string;
  duration: number;
  /** The year (UTC) the class aired: always before any workout that takes it. */
  airYear: number;
  slot: number;
  ftpTest: boolean;
}

/** The ride id of Just Ride / freestyle workouts: no class behind it. */
export const NO_CLASS_ID = '0'.repeat(32);
const YEAR_SECONDS = 365 * 86_400;
const REGULAR_SLOTS = 3;
export const FTP_TEST_CLASS_TYPE = hexId('class-type', 'cycling', 'FTP Test');

// Ride ids embed the seed, so specs from several simulators in one process never collide.
const registry = new Map<string, ClassSpec>();
const byChoice = new Map<string, ClassSpec>();

/** The class behind a ride id, if any workout of this process has taken it. */
export const classSpecOf = (rideId: string): ClassSpec | undefined => registry.get(rideId);

/**
 * Picks the class a workout takes: a class of its discipline and length that aired one to four years before
 * it (most often the year before), among a few per year, so members repeat classes now and then.
 * 20-minute cycling classes are FTP tests about a third of the time.
 */
export function chooseClass(
  seed: number,
  kind: ClassKind,
  discipline: string,
  duration: number,
  createdAt: number,
  random: () => number,
): ClassSpec {
  const draw = random();
  const yearsBack = draw < 0.5 ? 0 : draw < 0.75 ? 1 : draw < 0.9 ? 2 : 3;
  const airYear = new Date(createdAt * 1000).getUTCFullYear() - 1 - yearsBack;
  const ftpEligible = kind === 'class' && discipline === 'cycling' && duration === 1200;
  const ftpTest = ftpEligible && random() < 0.3;
  const slot = ftpTest ? 0 : 1 + Math.floor(random() * REGULAR_SLOTS);
  const choice = `${seed}:${kind}:${discipline}:${duration}:${airYear}:${slot}`;
  let spec = byChoice.get(choice);
  if (spec === undefined) {
    const hex = hexId('ride', choice);
    spec = { id: kind === 'gym' ? dashedUuid(hex) : hex, kind, discipline, duration, airYear, slot, ftpTest };
    byChoice.set(choice, spec);
    registry.set(spec.id, spec);
  }
  return spec;
}

const rides = new Map<string, Record<string, unknown>>();
const ridesWithoutInstructor = new Map<string, Record<string, unknown>>();

/** The ride object of a class with its `instructor` (as joins=ride,ride.instructor embeds it), built once. */
export function rideOf(spec: ClassSpec): Record<string, unknown> {
  let ride = rides.get(spec.id);
  if (ride === undefined) {
    ride = buildRide(spec);
    rides.set(spec.id, ride);
  }
  return ride;
}

/** The same ride object without `instructor` (joins=ride alone, or a detail without joins). */
export function rideWithoutInstructor(ride: Record<string, unknown>): Record<string, unknown> {
  const id = ride['id'] as string;
  if (id === NO_CLASS_ID || !('instructor' in ride)) return ride;
  let bare = ridesWithoutInstructor.get(id);
  if (bare === undefined) {
    bare = omit(ride, 'instructor');
    ridesWithoutInstructor.set(id, bare);
  }
  return bare;
}

/**
 * The 6-key stub a workout without a class embeds (Just Ride on the bike, Just Walk/Run outdoors): its own
 * title and length, and a pseudo-instructor ("JUST RIDE", "JUST WALK", "JUST RUN") with no id.
 */
export function freestyleStub(createdAt: number, duration: number, discipline: string, outdoor: boolean): Record<string, unknown> {
  const mode = freestyleMode(discipline);
  const image = `https://example.invalid/rides/just-${mode.toLowerCase()}-${outdoor ? 'outdoor' : 'indoor'}.png`;
  return {
    id: NO_CLASS_ID,
    is_archived: false,
    title: justRideTitle(duration, discipline, outdoor),
    scheduled_start_time: createdAt,
    duration,
    instructor: { name: `JUST ${mode.toUpperCase()}`, image_url: image },
  };
}

const freestyleMode = (discipline: string): string => ({ running: 'Run', walking: 'Walk' })[discipline] ?? 'Ride';

/** "20 min Just Ride", "26 min Just Walk: Outdoor". */
export const justRideTitle = (duration: number, discipline = 'cycling', outdoor = false): string =>
  `${Math.round(duration / 60)} min Just ${freestyleMode(discipline)}${outdoor ? ': Outdoor' : ''}`;

function titleOf(
  spec: ClassSpec,
  random: () => number,
): { title: string; theme: string; place: (typeof SCENIC_PLACES)[number] | undefined } {
  const minutes = Math.round(spec.duration / 60);
  const { themes, suffix } = CLASS_THEMES[spec.discipline] ?? { themes: ['Class'], suffix: displayNameOf(spec.discipline) };
  if (spec.ftpTest) return { title: `${minutes} min FTP Test Ride`, theme: 'FTP Test', place: undefined };
  if (spec.kind === 'scenic') {
    const place = pick(random, SCENIC_PLACES);
    return { title: `${minutes} min ${place.name} ${suffix}`, theme: 'Scenic', place };
  }
  const theme = pick(random, themes);
  const ending: Partial<Record<ClassKind, string>> = { gym: 'Gym Session', outdoor: `Outdoor ${suffix}` };
  return {
    title: `${minutes} min ${theme} ${ending[spec.kind] ?? suffix}`,
    theme,
    place: undefined,
  };
}

function buildRide(spec: ClassSpec): Record<string, unknown> {
  const random = streamOf('class', spec.id);
  const { title, theme, place } = titleOf(spec, random);
  const scenic = spec.kind === 'scenic';
  // Outdoor classes are audio only, and track the member by GPS.
  const outdoor = spec.kind === 'outdoor';
  const instructorId = scenic ? null : pick(random, instructorsFor(spec.discipline));
  const airTime = Date.UTC(spec.airYear, 0, 1) / 1000 + Math.floor(random() * (YEAR_SECONDS - 86_400));
  const preRoll = scenic ? 5 : 60;
  const difficulty = scenic ? 0 : 4 + random() * 5;
  const rating = 0.95 + random() * 0.0499;
  const ratings = intBetween(random, 150, 40_000);
  const explicit = !scenic && random() < 0.3 ? 1 : 0;
  const classType = spec.ftpTest ? FTP_TEST_CLASS_TYPE : hexId('class-type', spec.discipline, theme);
  const equipment = equipmentTags(spec.discipline, random);
  const hex = spec.id.replace(/-/g, '');
  const ride: Record<string, unknown> = {
    content_availability: 'digital_and_above',
    content_availability_level: 'digital_and_above',
    free_for_limited_time: false,
    is_limited_ride: false,
    availability: { is_available: true, reason: null },
    class_type_ids: [classType],
    content_provider: scenic ? 'virtual_active' : 'peloton',
    content_format: outdoor ? 'audio' : 'video',
    description: describe(spec, theme, place?.location),
    difficulty_estimate: difficulty,
    overall_estimate: rating,
    difficulty_rating_avg: difficulty,
    difficulty_rating_count: scenic ? 0 : ratings,
    difficulty_level: scenic || random() < 0.7 ? null : pick(random, ['beginner', 'intermediate', 'advanced']),
    duration: spec.duration,
    equipment_ids: equipment.map((tag) => tag['id']),
    equipment_tags: equipment,
    explicit_rating: explicit,
    extra_images: [],
    fitness_discipline: spec.discipline,
    fitness_discipline_display_name: displayNameOf(spec.discipline),
    has_closed_captions: !scenic && !outdoor,
    has_pedaling_metrics: spec.discipline === 'cycling' || spec.discipline === 'bike_bootcamp',
    home_peloton_id: scenic ? null : hexId('home-peloton', spec.id),
    id: spec.id,
    image_url: `https://example.invalid/rides/${hex}.png`,
    instructor_id: instructorId,
    individual_instructor_ids: [],
    is_archived: true,
    is_closed_caption_shown: !scenic && !outdoor,
    is_explicit: explicit === 1,
    has_free_mode: false,
    is_live_in_studio_only: !scenic && random() < 0.4,
    language: 'english',
    origin_locale: 'en-US',
    length: spec.duration + preRoll + intBetween(random, 30, 190),
    live_stream_id: `${hex}-live`,
    live_stream_url: null,
    location: place?.location ?? (outdoor ? 'audio-booth' : `studio-${intBetween(random, 1, 4)}`),
    metrics: outdoor ? [...metricsOf(spec.discipline), 'gps', 'gps_accuracy', 'altitude'] : metricsOf(spec.discipline),
    original_air_time: airTime,
    overall_rating_avg: rating,
    overall_rating_count: Math.round(ratings * 0.9),
    pedaling_start_offset: preRoll,
    pedaling_end_offset: preRoll + spec.duration,
    pedaling_duration: spec.duration,
    rating: 0,
    ride_type_id: classType,
    ride_type_ids: [classType],
    sample_vod_stream_url: null,
    sample_preview_stream_url: null,
    scheduled_start_time: airTime + 60 * intBetween(random, 4, 10),
    series_id: hexId('series', spec.id),
    sold_out: false,
    studio_peloton_id: scenic ? null : hexId('studio-peloton', spec.id),
    title,
    total_ratings: ratings,
    total_in_progress_workouts: intBetween(random, 0, 60),
    total_workouts: intBetween(random, 2_000, 150_000),
    vod_stream_url: null,
    vod_stream_id: `${hex}-vod`,
    captions: scenic || outdoor ? [] : ['en-US'],
    user_caption_locales: [],
    join_tokens: {
      on_demand: Buffer.from(
        JSON.stringify({ home_peloton_id: null, ride_id: spec.id, studio_peloton_id: null, type: 'on_demand' }),
      ).toString('base64'),
    },
    flags: [],
    is_dynamic_video_eligible: false,
    is_fixed_distance: false,
    dynamic_video_recorded_speed_in_mph: 0,
    thumbnail_title: place?.name ?? null,
    thumbnail_location: place?.location ?? null,
    distance: null,
    distance_unit: null,
    distance_display_value: null,
    // The captured outdoor classes carry null here, not true.
    is_outdoor: outdoor ? null : false,
    has_tread_pace_target: isTread(spec.discipline) && spec.kind === 'class',
    excluded_platforms: [],
    class_avg_follow_along_score: 0,
    muscle_group_score: scenic ? [] : muscleGroupScore(spec.discipline, random),
  };
  ride['instructor'] = instructorId === null ? null : (instructorObject(instructorId) ?? null);
  return ride;
}

function describe(spec: ClassSpec, theme: string, location: string | undefined): string {
  if (spec.ftpTest)
    return 'Find your Functional Threshold Power: a guided warm-up, then twenty minutes at the hardest effort you can hold.';
  if (location !== undefined) return `Take in ${location} at your own pace, with nothing but the road ahead.`;
  return `A ${theme.toLowerCase()} ${displayNameOf(spec.discipline).toLowerCase()} class from the simulator's library: ${Math.round(spec.duration / 60)} minutes, start to finish.`;
}

function metricsOf(discipline: string): string[] {
  if (discipline === 'meditation') return ['heart_rate'];
  if (equipmentOf(discipline) === 'cycling' || discipline === 'bike_bootcamp') return ['heart_rate', 'cadence', 'calories'];
  if (isTread(discipline)) return ['heart_rate', 'calories', 'speed', 'distance', 'elevation'];
  return ['heart_rate', 'calories'];
}

function equipmentTags(discipline: string, random: () => number): Array<Record<string, unknown>> {
  const weighted = discipline === 'strength' || discipline === 'bike_bootcamp';
  if (!weighted && !(discipline === 'cycling' && random() < 0.15)) return [];
  const [name, slug] = discipline === 'cycling' ? ['Light Weights', 'light_weights'] : ['Medium Weights', 'medium_weights'];
  return [{ id: hexId('equipment', slug), name, slug, icon_url: `https://example.invalid/equipment-icons/${slug}.png` }];
}

/** The class's muscle_group_score: the discipline's muscles, scored, with percentages that sum to about 100. */
export function muscleGroupScore(discipline: string, random: () => number): Array<Record<string, unknown>> {
  const muscles = DISCIPLINE_MUSCLES[discipline] ?? [];
  const scores = muscles.map(([muscle, weight]) => [muscle, weight * (900 + random() * 300)] as const);
  const total = scores.reduce((sum, [, score]) => sum + score, 0);
  return scores
    .map(([muscle, score]) => ({
      muscle_group: muscle,
      score: round(score, 1),
      percentage: Math.round((100 * score) / total),
      bucket: Math.min(3, Math.max(1, Math.round((score / total) * 16))),
      display_name: MUSCLE_DISPLAY[muscle] ?? muscle,
    }))
    .sort((a, b) => a.muscle_group.localeCompare(b.muscle_group));
}
