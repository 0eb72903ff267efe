import type { PlanSegment } from './class-plan.js';
import { atEveryN, atPositions, gridPositions } from './grid.js';
import { between, round, streamOf } from './random.js';
import { findChannel, type WorkoutSeries } from './series.js';

/** One GPS fix of an outdoor workout, as location_data[].coordinates[] lists it. */
export interface Coordinate {
  seconds_offset_from_start: number;
  latitude: number;
  longitude: number;
  /** Metres. */
  accuracy: number;
  /** Cumulative, in distance_display_unit, 2 decimals. */
  distance: number;
  distance_display_unit: 'mi';
}

/** A run of fixes in one class segment (segment_id null without a class); is_gap marks a paused stretch. */
export interface LocationElement {
  segment_id: string | null;
  is_gap: boolean;
  coordinates: Coordinate[];
}

const METRES_PER_DEGREE = 111_320;
const METRES_PER_MILE = 1_609.344;

/**
 * The GPS track of an outdoor workout: a fix every second the graph has data (same offsets), moving at the
 * graph's speed from a start near the member's home, plus the fixes of a paused stretch (standing still,
 * `is_gap` true, seconds absent from the graph; only classes have them). Grouped into one element per class
 * segment, split around a pause; a workout without a class has one element with segment_id null.
 *
 * What every_n > 1 does to coordinates is unrecorded (the one real GPS graph used 1). The simulator thins
 * them like the x axis: it keeps the fixes at the graph's own offsets for that every_n (the fix of that
 * second, never a maximum), and every n-th fix of a paused stretch plus its last; an element left with no
 * fix is dropped. So at any every_n each coordinate joins a sample on its offset, except in a pause.
 */
export function locationTrack(
  userId: string,
  workoutId: string,
  series: WorkoutSeries,
  segments: readonly PlanSegment[],
  everyN = 1,
): LocationElement[] {
  const elements = fullTrack(userId, workoutId, series, segments);
  if (everyN <= 1) return elements;
  const kept = new Set(atEveryN(series.offsets, everyN).offsets);
  return elements
    .map((element) => ({
      ...element,
      coordinates: element.is_gap
        ? atPositions(element.coordinates, gridPositions(element.coordinates.length, everyN))
        : element.coordinates.filter((c) => kept.has(c.seconds_offset_from_start)),
    }))
    .filter((element) => element.coordinates.length > 0);
}

function fullTrack(userId: string, workoutId: string, series: WorkoutSeries, segments: readonly PlanSegment[]): LocationElement[] {
  const home = streamOf('home', userId);
  const random = streamOf('gps', workoutId);
  const start = {
    latitude: between(home, 34, 46) + between(random, -0.02, 0.02),
    longitude: between(home, -120, -75) + between(random, -0.02, 0.02),
  };
  const speeds = findChannel(series.channels, 'speed')?.values ?? new Float64Array(0);
  const seconds = withPause(series);
  const elements: LocationElement[] = [];
  let { latitude, longitude } = start;
  let heading = random() * 2 * Math.PI;
  let metres = 0;
  let accuracy = between(random, 3, 8);
  let last: number | undefined;
  let at = 0;
  for (const { t, index } of seconds) {
    const mph = index === undefined || Number.isNaN(speeds[index]) ? 0 : (speeds[index] ?? 0);
    const step = (mph * METRES_PER_MILE * (t - (last ?? t))) / 3600;
    last = t;
    heading += (random() - 0.5) * 0.2;
    latitude += (step * Math.cos(heading)) / METRES_PER_DEGREE;
    longitude += (step * Math.sin(heading)) / (METRES_PER_DEGREE * Math.cos((latitude * Math.PI) / 180));
    metres += step;
    accuracy = Math.min(16, Math.max(3, accuracy + (random() - 0.5) * 0.6));
    while (at < segments.length - 1 && t >= (segments[at] as PlanSegment).start_time_offset + (segments[at] as PlanSegment).length) at++;
    const segmentId = segments[at]?.id ?? null;
    const isGap = index === undefined;
    let element = elements.at(-1);
    if (element === undefined || element.segment_id !== segmentId || element.is_gap !== isGap) {
      element = { segment_id: segmentId, is_gap: isGap, coordinates: [] };
      elements.push(element);
    }
    element.coordinates.push({
      seconds_offset_from_start: t,
      latitude: round(latitude, 5),
      longitude: round(longitude, 5),
      accuracy: round(accuracy, 2),
      distance: round(metres / METRES_PER_MILE, 2),
      distance_display_unit: 'mi',
    });
  }
  return elements;
}

/** The graph's seconds (with their position) and the paused seconds (no position), in time order. */
function withPause(series: WorkoutSeries): Array<{ t: number; index: number | undefined }> {
  const seconds: Array<{ t: number; index: number | undefined }> = series.offsets.map((t, index) => ({ t, index }));
  const pause = series.pause;
  if (pause === undefined || series.offsets.length === 0) return seconds;
  const before = seconds.filter((s) => s.t < pause.start);
  const paused = Array.from({ length: pause.end - pause.start }, (_, k) => ({ t: pause.start + k, index: undefined }));
  return [...before, ...paused, ...seconds.slice(before.length)];
}
