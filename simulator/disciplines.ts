/** A kind of workout the simulated member does, and the device it is done on. */
export interface Discipline {
  name: string;
  metricsType: string | null;
  device: string;
  platform: string;
  pedaling: boolean;
}

// Order and length matter: a workout's discipline is drawn by index from this list.
export const DISCIPLINES: readonly Discipline[] = [
  { name: 'cycling', metricsType: 'cycling', device: 'home_bike_v1', platform: 'home_bike', pedaling: true },
  { name: 'cycling', metricsType: 'cycling', device: 'home_bike_plus', platform: 'home_bike', pedaling: true },
  { name: 'running', metricsType: 'running', device: 'home_tread', platform: 'home_tread', pedaling: false },
  { name: 'walking', metricsType: 'running', device: 'home_tread', platform: 'home_tread', pedaling: false },
  { name: 'caesar', metricsType: 'caesar', device: 'caesar', platform: 'caesar', pedaling: false },
  { name: 'strength', metricsType: null, device: 'iPhone', platform: 'iOS_app', pedaling: false },
  { name: 'yoga', metricsType: null, device: 'iPhone', platform: 'iOS_app', pedaling: false },
  { name: 'meditation', metricsType: null, device: 'web', platform: 'web', pedaling: false },
  { name: 'stretching', metricsType: null, device: 'iPhone', platform: 'iOS_app', pedaling: false },
  { name: 'bike_bootcamp', metricsType: 'cycling', device: 'home_bike_plus', platform: 'home_bike', pedaling: true },
];

/** Every discipline slug Peloton counts, with the names its count lists use (overview order is by count). */
export const WORKOUT_COUNT_SLUGS: ReadonlyArray<{ slug: string; name: string }> = [
  { slug: 'cycling', name: 'Cycling' },
  { slug: 'running', name: 'Running' },
  { slug: 'walking', name: 'Walking' },
  { slug: 'caesar', name: 'Rowing' },
  { slug: 'strength', name: 'Strength' },
  { slug: 'yoga', name: 'Yoga' },
  { slug: 'meditation', name: 'Meditation' },
  { slug: 'stretching', name: 'Stretching' },
  { slug: 'cardio', name: 'Cardio' },
  { slug: 'bike_bootcamp', name: 'Bike Bootcamp' },
  { slug: 'caesar_bootcamp', name: 'Row Bootcamp' },
  { slug: 'circuit', name: 'Tread Bootcamp' },
];

export const displayNameOf = (slug: string): string => WORKOUT_COUNT_SLUGS.find((d) => d.slug === slug)?.name ?? slug;

/** "Bike", "Tread", "Row" on Peloton hardware, "App" elsewhere. */
export function deviceDisplayName(device: string): string {
  if (device.startsWith('home_bike')) return 'Bike';
  if (device === 'home_tread') return 'Tread';
  if (device === 'caesar') return 'Row';
  return 'App';
}

/** The hardware a discipline's classes are taught on, as segment metrics_type: cycling, running, caesar or floor. */
export function equipmentOf(discipline: string): 'cycling' | 'running' | 'caesar' | 'floor' {
  if (discipline === 'cycling') return 'cycling';
  if (discipline === 'running' || discipline === 'walking') return 'running';
  if (discipline === 'caesar') return 'caesar';
  return 'floor';
}

export const isTread = (discipline: string): boolean => discipline === 'running' || discipline === 'walking';
