import { classPlan, rangeOf, targetAt, type ClassPlan, type PlanSegment, type TargetStretch } from './class-plan.js';
import { NO_CLASS_ID } from './classes.js';
import { ERA } from './eras.js';
import { between, intBetween, pick, round, streamOf } from './random.js';
import { riderOf } from './rider.js';
import { classOfWorkout, completedTotalWork, type SimWorkout } from './workouts.js';

/**
 * One recorded series of a workout at every_n = 1. Values are kept as doubles with NaN for "nothing recorded"
 * (the API's null): thousands of graphs are built per benchmark, and boxed numbers would cost more than the
 * arithmetic. `max_value` and `average_value` are the API's, over every recorded second.
 */
export interface Channel {
  slug: string;
  display_name: string;
  display_unit: string;
  /** One value per second of `WorkoutSeries.offsets`; NaN where nothing was recorded. */
  values: Float64Array;
  max_value: number | null;
  average_value: number | null;
  zones?: Array<Record<string, unknown>>;
  missing_data_duration?: number;
  /** The same series in another unit (tread and outdoor pace: speed). */
  alternatives?: Channel[];
  /** Decimals of the average; which value is the max (the fastest, for paces); none for altitude. Not sent. */
  decimals: number;
  statistics: 'max' | 'fastest' | 'none';
}

/** What a workout recorded, second by second: the model every graph of it (any every_n) is rendered from. */
export interface WorkoutSeries {
  duration: number;
  /** The seconds since the start of pedaling that have data (every_n = 1), strictly increasing. */
  offsets: number[];
  channels: Channel[];
  /** Outdoors, a stretch [start, end) the member paused: no metrics then, while the GPS kept recording. */
  pause: { start: number; end: number } | undefined;
}

const HEART_RATE_BASE: Record<string, number> = { meditation: 72, yoga: 105, stretching: 98, strength: 118 };
const CACHED = 64;
const cache = new Map<string, WorkoutSeries>();

/** The workout's recorded series (kept for the most recently asked workouts; a graph is the same on every request). */
export function workoutSeries(workout: SimWorkout): WorkoutSeries {
  const key = `${workout.id}:${workout.status}:${String(workout['total_work'])}`;
  let series = cache.get(key);
  if (series === undefined) {
    series = buildSeries(workout);
    if (cache.size >= CACHED) cache.delete(cache.keys().next().value as string);
    cache.set(key, series);
  }
  return series;
}

export const isOutdoorWorkout = (workout: SimWorkout): boolean => workout['is_outdoor'] === true;

/** A channel by slug, alternatives included. */
export function findChannel(channels: readonly Channel[], slug: string): Channel | undefined {
  for (const channel of channels) {
    if (channel.slug === slug) return channel;
    const alternative = channel.alternatives?.find((a) => a.slug === slug);
    if (alternative !== undefined) return alternative;
  }
  return undefined;
}

/** Average watts the output is scaled to: the workout's total_work (or what it will end with) over its length. */
function averageWatts(workout: SimWorkout, duration: number): number {
  const work = workout.status === 'COMPLETE' ? Number(workout['total_work']) : completedTotalWork(workout);
  return work > 0 ? work / duration : 100;
}

interface Context {
  random: () => number;
  offsets: number[];
  plan: ClassPlan | undefined;
  watts: number;
  discipline: string;
  /** Per second: how hard that part of the class is (relative to its main part), 0 off the bike in a bootcamp. */
  intensity: Float64Array;
}

function buildSeries(workout: SimWorkout): WorkoutSeries {
  const random = streamOf('series', workout.id);
  const duration = (workout['ride'] as { duration?: number } | null)?.duration ?? 1200;
  const discipline = String(workout['fitness_discipline']);
  const metricsType = workout['metrics_type'] as string | null;
  const outdoor = isOutdoorWorkout(workout);
  const noClass = (workout['ride'] as { id?: string } | null)?.id === NO_CLASS_ID;
  const spec = classOfWorkout(workout);
  const plan = spec === undefined ? undefined : classPlan(spec);
  // Old tread graphs and outdoor workouts without a class count from second 0; the others from 1.
  const fromZero = (outdoor && noClass) || (metricsType === 'running' && workout.created_at < ERA.effortZonesKey);
  // A pause splits the class segment it falls in; without a class the track stays one element, as the real one.
  const pauseAt = outdoor && !noClass && duration > 600 && random() < 0.3 ? intBetween(random, duration * 0.3, duration * 0.6) : undefined;
  const pause = pauseAt === undefined ? undefined : { start: pauseAt, end: pauseAt + intBetween(random, 30, 120) };
  // A few cycling graphs come back with no samples at all (summaries still filled in): lost data.
  const lost = metricsType === 'cycling' && workout.status === 'COMPLETE' && streamOf('graph-lost', workout.id)() < 0.004;
  const offsets = secondsWithData(random, duration, fromZero ? 0 : 1, pause);
  const context: Context = {
    random,
    offsets,
    plan,
    watts: averageWatts(workout, duration),
    discipline,
    intensity: intensities(plan, offsets),
  };
  const channels = outdoor ? outdoorChannels(context) : deviceChannels(metricsType, context);
  if (!outdoor && channels.length > 0 && random() < 0.05) glitch(channels, context);
  if (random() < (outdoor ? 0.85 : 0.7)) channels.push(heartRate(workout, context));
  for (const channel of channels) withStatistics(channel);
  if (!lost) return { duration, offsets, channels, pause };
  for (const channel of channels) for (const series of [channel, ...(channel.alternatives ?? [])]) series.values = new Float64Array(0);
  return { duration, offsets: [], channels, pause };
}

/**
 * The seconds with data: from `first` (2–7 when the member started late) to the end of the class or up to
 * two seconds short of it, with holes of 1, 2 or 4 seconds in about half the workouts (steps of 2, 3, 5).
 */
function secondsWithData(random: () => number, duration: number, first: number, pause: WorkoutSeries['pause']): number[] {
  const start = random() < 0.1 ? intBetween(random, 2, 7) : first;
  const last = duration - pick(random, [0, 0, 0, 1, 2]);
  const holeRate = random() < 0.55 ? 0 : between(random, 1, Math.max(2, duration / 100)) / duration;
  const offsets: number[] = [];
  for (let t = start; t <= last; t++) {
    if (pause !== undefined && t >= pause.start && t < pause.end) continue;
    offsets.push(t);
    if (holeRate > 0 && random() < holeRate) {
      const skip = pick(random, [1, 1, 1, 2, 4]);
      if (t + skip < last) t += skip;
    }
  }
  return offsets;
}

/** A sensor glitch: a few seconds with nothing at all from the device. */
function glitch(channels: Channel[], { random, offsets }: Context): void {
  for (let k = intBetween(random, 1, 4); k > 0; k--) {
    const i = Math.floor(random() * offsets.length);
    for (const channel of channels) for (const series of [channel, ...(channel.alternatives ?? [])]) series.values[i] = Number.NaN;
  }
}

/** Per second, how hard the part of the class it falls in is: the plan's segments walked once. */
function intensities(plan: ClassPlan | undefined, offsets: number[]): Float64Array {
  const segments = plan?.segments ?? [];
  const result = new Float64Array(offsets.length);
  let at = 0;
  for (let i = 0; i < offsets.length; i++) {
    let segment = segments[at];
    while (segment !== undefined && at < segments.length - 1 && (offsets[i] as number) >= segment.start_time_offset + segment.length)
      segment = segments[++at];
    result[i] = intensityOf(segment);
  }
  return result;
}

/** How hard a part of the class is, relative to its main part (0 for the floor parts of a bike bootcamp). */
function intensityOf(segment: PlanSegment | undefined): number {
  if (segment === undefined) return 1;
  if (segment.metrics_type === 'floor' && segment.icon_name !== 'warmup') return 0;
  if (segment.icon_name === 'warmup') return 0.72;
  if (segment.icon_name === 'cooldown') return 0.6;
  return segment.is_drill ? 0.65 : 1;
}

/** A slow swell of effort over a few minutes, different in every workout. */
function swell(random: () => number): (t: number) => number {
  const period = between(random, 120, 420);
  const phase = random() * 2 * Math.PI;
  return (t) => 1 + 0.12 * Math.sin((2 * Math.PI * t) / period + phase);
}

const jitter = (random: () => number, size: number): number => (random() - 0.5) * 2 * size;

/**
 * The middle of the class's target ranges for two metrics at each second (asked in increasing order), or
 * undefined outside every target stretch; worked out once per stretch.
 */
function targetMids(plan: ClassPlan | undefined, first: string, second: string): (t: number) => readonly number[] | undefined {
  const cursor = { at: 0 };
  let stretch: TargetStretch | undefined;
  let mids: number[] | undefined;
  return (t) => {
    if (plan === undefined || plan.targets.length === 0) return undefined;
    const now = targetAt(plan, plan.preRoll + t, cursor);
    if (now !== stretch) {
      stretch = now;
      mids = now === undefined ? undefined : [first, second].map((name) => (rangeOf(now, name).lower + rangeOf(now, name).upper) / 2);
    }
    return mids;
  };
}
const tenths = (value: number): number => Math.round(value * 10) / 10;
const hundredths = (value: number): number => Math.round(value * 100) / 100;

function deviceChannels(metricsType: string | null, context: Context): Channel[] {
  if (metricsType === 'cycling') return cycling(context);
  if (metricsType === 'running') return tread(context);
  return metricsType === 'caesar' ? rower(context) : [];
}

/** Output scaled so that its average is the workout's average watts (the shape comes from the raw effort). */
function scaledOutput(raw: Float64Array, watts: number): Float64Array {
  let total = 0;
  for (const value of raw) total += value;
  const scale = total > 0 ? (watts * raw.length) / total : 0;
  return raw.map((value) => Math.round(value * scale));
}

/** Bike: the member follows the class's resistance and cadence targets (or rides freely); output from both. */
function cycling({ random, offsets, plan, watts, intensity: parts }: Context): Channel[] {
  const n = offsets.length;
  const [raw, cadence, resistance] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const effort = swell(random);
  const bias = { resistance: intBetween(random, -4, 4), cadence: intBetween(random, -6, 6) };
  let knob = intBetween(random, 20, 30);
  // Watts go with cadence · resistance^1.444 (class-plan.ts wattsAt); the power is recomputed only when the knob turns.
  let knobPower = knob ** 1.444;
  let legs = 0;
  const target = targetMids(plan, 'resistance', 'cadence');
  for (let i = 0; i < n; i++) {
    const t = offsets[i] as number;
    if (parts[i] === 0) {
      // Off the bike in a bootcamp: the knob stays where it was.
      resistance[i] = knob;
      legs = 0;
      continue;
    }
    const mids = target(t);
    const intensity = (parts[i] as number) * effort(t);
    const wantResistance = (mids?.[0] ?? 26 + 16 * intensity) + bias.resistance;
    const wantCadence = (mids?.[1] ?? 68 + 20 * intensity) + bias.cadence;
    if (Math.abs(wantResistance - knob) >= 2 && random() < 0.25) {
      knob = Math.min(100, Math.max(5, Math.round(wantResistance) + intBetween(random, -1, 1)));
      knobPower = knob ** 1.444;
    }
    legs = Math.max(0, legs + 0.25 * (wantCadence - legs) + jitter(random, 4));
    const rpm = Math.round(legs);
    cadence[i] = rpm;
    resistance[i] = knob;
    raw[i] = rpm * knobPower;
  }
  const output = scaledOutput(raw, watts);
  return [
    channel('output', 'Output', 'watts', output),
    channel('cadence', 'Cadence', 'rpm', cadence),
    channel('resistance', 'Resistance', '%', resistance),
    // The bike's virtual speed grows with the cube root of power (about 18 mph at 140 W).
    channel(
      'speed',
      'Speed',
      'mph',
      output.map((w) => tenths(3.5 * Math.cbrt(w))),
      1,
    ),
  ];
}

/** Tread: speed and incline set by buttons, following the class's targets; output from both. */
function tread({ random, offsets, plan, watts, discipline, intensity }: Context): Channel[] {
  const n = offsets.length;
  const [raw, speeds, inclines] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  const target = targetMids(plan, 'speed', 'incline');
  const base = discipline === 'running' ? watts / 33 : 1.8 + watts / 60;
  const bias = tenths(between(random, -0.4, 0.4));
  const baseIncline = pick(random, [0, 0.5, 1, 1.5, 2, 3]);
  const standing = intBetween(random, 1, 5);
  let speed = 0;
  let incline = 0;
  for (let i = 0; i < n; i++) {
    const t = offsets[i] as number;
    const part = intensity[i] as number;
    const mids = target(t);
    const wantSpeed = mids === undefined ? base * part : (mids[0] as number) + bias;
    // Incline targets are steps of 1.5 % with a 1 % band: the member takes the bottom of it.
    const wantIncline = mids === undefined ? (part < 1 ? 0 : baseIncline) : (mids[1] as number) - 0.5;
    // The belt starts at about 2 mph, then speeds up or slows down at most 0.5 mph a second.
    if (i === standing) speed = Math.min(wantSpeed, tenths(between(random, 1.8, 2.5)));
    else if (i > standing && Math.abs(wantSpeed - speed) > 0.15)
      speed = Math.max(0.5, tenths(speed + Math.sign(wantSpeed - speed) * Math.min(0.5, Math.abs(wantSpeed - speed))));
    if (incline !== wantIncline) incline += Math.sign(wantIncline - incline) * 0.5;
    speeds[i] = speed;
    inclines[i] = incline;
    raw[i] = speed * (1 + incline / 8);
  }
  return [
    channel('output', 'Output', 'watts', scaledOutput(raw, watts)),
    paceWithSpeed(speeds),
    channel('incline', 'Incline', '%', inclines, 1),
  ];
}

/** Rower: stroke rate by the parts of the class, output from it, pace per 500 m from output as rowers compute it. */
function rower({ random, offsets, watts, intensity: parts }: Context): Channel[] {
  const n = offsets.length;
  const [raw, rates] = [new Float64Array(n), new Float64Array(n)];
  const effort = swell(random);
  const bias = intBetween(random, -2, 2);
  let rate = 0;
  for (let i = 0; i < n; i++) {
    const t = offsets[i] as number;
    const intensity = (parts[i] as number) * effort(t);
    rate = Math.max(0, rate + 0.2 * (14 + 10 * intensity + bias - rate) + jitter(random, 2));
    rates[i] = Math.round(rate);
    raw[i] = rate * Math.sqrt(rate) * intensity;
  }
  const output = scaledOutput(raw, watts);
  return [
    channel('output', 'Stroke Output', 'watts', output),
    channel('stroke_rate', 'Stroke Rate', 'spm', rates),
    // 500 · (2.8 / W)^(1/3) seconds per 500 m; nothing while the member is not pulling.
    channel(
      'split_pace',
      'Pace',
      'min/500m',
      output.map((w) => (w > 0 ? hundredths((500 * Math.cbrt(2.8 / w)) / 60) : Number.NaN)),
      2,
      'fastest',
    ),
  ];
}

/** Outdoors: speed from the phone's GPS with the odd stop at a crossing, pace from it, and altitude. */
function outdoorChannels({ random, offsets, discipline }: Context): Channel[] {
  const n = offsets.length;
  const [speeds, altitudes] = [new Float64Array(n), new Float64Array(n)];
  const cruise = discipline === 'running' ? between(random, 5, 7.5) : between(random, 2.8, 3.6);
  const drift = between(random, -0.05, 0.05);
  let speed = 0;
  let altitude = between(random, 50, 1500);
  let stoppedUntil = (offsets[0] ?? 0) + intBetween(random, 1, 3);
  for (let i = 0; i < n; i++) {
    const t = offsets[i] as number;
    if (t >= stoppedUntil && random() < 0.002) stoppedUntil = t + intBetween(random, 3, 20);
    if (t < stoppedUntil) speed = 0;
    else speed = Math.max(0.3, speed === 0 ? cruise * 0.7 : speed + 0.15 * (cruise - speed) + jitter(random, 0.3));
    speeds[i] = tenths(speed);
    altitude = Math.max(0, altitude + drift + jitter(random, 1));
    altitudes[i] = Math.round(altitude);
  }
  return [paceWithSpeed(speeds), channel('altitude', 'Elevation', 'ft', altitudes, 0, 'none')];
}

/** Pace in min/mi (nothing while standing still) with speed in mph as its alternative, as tread and outdoor graphs send them. */
function paceWithSpeed(speeds: Float64Array): Channel {
  const pace = channel(
    'pace',
    'Pace',
    'min/mi',
    speeds.map((s) => (s > 0 ? hundredths(60 / s) : Number.NaN)),
    2,
    'fastest',
  );
  pace.alternatives = [channel('speed', 'Speed', 'mph', speeds, 1)];
  return pace;
}

/** Heart rate settling toward the effort of each part of the class; now and then a stretch where the strap lost contact. */
function heartRate(workout: SimWorkout, { random, offsets, discipline, intensity }: Context): Channel {
  const maxHeartRate = riderOf(String(workout['user_id'])).maxHeartRate;
  const working = HEART_RATE_BASE[discipline] ?? 138;
  const resting = intBetween(random, 62, 90);
  const from = random() < 0.12 ? intBetween(random, 0, offsets.length) : offsets.length;
  const to = from + intBetween(random, 5, 60);
  const values = new Float64Array(offsets.length);
  let pulse = resting;
  let missing = 0;
  for (let i = 0; i < offsets.length; i++) {
    // Off the bike in a bootcamp the heart works as hard as on it.
    const want = resting + (working - resting) * ((intensity[i] as number) || 1);
    pulse = Math.min(maxHeartRate, Math.max(45, pulse + 0.03 * (want - pulse) + jitter(random, 1.5)));
    const lostContact = i >= from && i < to;
    if (lostContact) missing++;
    values[i] = lostContact ? Number.NaN : Math.round(pulse);
  }
  const result = channel('heart_rate', 'Heart Rate', 'bpm', values);
  result.zones = heartRateZones(workout, maxHeartRate, offsets.length);
  result.missing_data_duration = missing + intBetween(random, -3, 4);
  return result;
}

function heartRateZones(workout: SimWorkout, maxHeartRate: number, seconds: number): Array<Record<string, unknown>> {
  const effort = (workout['effort_zones'] as { heart_rate_zone_durations?: Record<string, number> } | null)?.heart_rate_zone_durations;
  const floors = [0, 0.65, 0.75, 0.85, 0.95].map((share) => Math.floor(share * maxHeartRate));
  return floors.map((floor, i) => {
    const ceiling = (floors[i + 1] ?? maxHeartRate + 1) - 1;
    return {
      display_name: `Zone ${i + 1}`,
      slug: `zone${i + 1}`,
      range: i === 0 ? `<${floors[1]} bpm` : i === 4 ? `>=${floor} bpm` : `${floor}-${ceiling} bpm`,
      duration: effort?.[`heart_rate_z${i + 1}_duration`] ?? Math.round(seconds / 5),
      max_value: ceiling,
      min_value: floor,
    };
  });
}

function channel(
  slug: string,
  displayName: string,
  unit: string,
  values: Float64Array,
  decimals = 0,
  statistics: Channel['statistics'] = 'max',
): Channel {
  return { slug, display_name: displayName, display_unit: unit, values, max_value: null, average_value: null, decimals, statistics };
}

/**
 * Fills in max_value and average_value over the recorded values (once every value is final): for paces the
 * max is the fastest value, the smallest number, as real graphs show it; altitude carries neither.
 */
function withStatistics(series: Channel): void {
  for (const alternative of series.alternatives ?? []) withStatistics(alternative);
  if (series.statistics === 'none') return;
  const fastest = series.statistics === 'fastest';
  let sum = 0;
  let count = 0;
  let top = Number.NaN;
  for (const value of series.values) {
    // NaN, nothing recorded, is the one value not equal to itself.
    if (value !== value) continue;
    sum += value;
    count++;
    if (Number.isNaN(top) || (fastest ? value < top : value > top)) top = value;
  }
  series.max_value = Number.isNaN(top) ? 0 : top;
  series.average_value = count === 0 ? 0 : round(sum / count, series.decimals);
}
