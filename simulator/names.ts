/** Word lists for the simulator's fictional classes, places and music. */

/** Class themes by discipline, and the word a class title ends with. */
export const CLASS_THEMES: Record<string, { themes: readonly string[]; suffix: string }> = {
  cycling: { themes: ['Pop', 'Rock', 'HIIT', 'Endurance', 'Climb', 'Tabata', 'Low Impact', 'Intervals', '80s', 'Hip Hop'], suffix: 'Ride' },
  bike_bootcamp: { themes: ['Full Body', 'Upper Body', 'Lower Body', 'Core'], suffix: 'Bike Bootcamp' },
  running: { themes: ['Endurance', 'Interval', 'Tempo', 'Progression', 'Hills', 'Fun'], suffix: 'Run' },
  walking: { themes: ['Power', 'Hike', 'Brisk', 'Recovery', 'Pop'], suffix: 'Walk' },
  caesar: { themes: ['Endurance', 'Sprint', 'Pyramid', 'Form & Technique', 'Steady State'], suffix: 'Row' },
  strength: { themes: ['Full Body', 'Upper Body', 'Lower Body', 'Core', 'Glutes & Legs', 'Arms & Shoulders'], suffix: 'Strength' },
  yoga: { themes: ['Slow Flow', 'Power', 'Restorative', 'Sunrise', 'Yin'], suffix: 'Yoga' },
  meditation: { themes: ['Calm', 'Sleep', 'Focus', 'Gratitude', 'Breath'], suffix: 'Meditation' },
  stretching: { themes: ['Full Body', 'Post-Ride', 'Lower Body', 'Upper Body', 'Pre-Run'], suffix: 'Stretch' },
};

export const SCENIC_PLACES: ReadonlyArray<{ name: string; location: string }> = [
  { name: 'Coastal Loop', location: 'Big Sur, United States' },
  { name: 'Lakeside', location: 'Lake Bled, Slovenia' },
  { name: 'Vineyard', location: 'Douro Valley, Portugal' },
  { name: 'Fjord', location: 'Geiranger, Norway' },
  { name: 'Canyon', location: 'Moab, United States' },
  { name: 'Alpine', location: 'Dolomites, Italy' },
];

const ADJECTIVES = ['Golden', 'Electric', 'Midnight', 'Neon', 'Silver', 'Wild', 'Velvet', 'Crimson', 'Endless', 'Paper'];
const NOUNS = ['Signal', 'Harbor', 'Horizon', 'Engine', 'Echo', 'Garden', 'Satellite', 'Summer', 'Lantern', 'Motion'];
const BANDS = [
  'The Northern Lights',
  'Violet Avenue',
  'Static Bloom',
  'Kid Meridian',
  'Luna Vale',
  'The Low Tides',
  'Orbit Club',
  'Marlo Banks',
];

export const songTitle = (a: number, b: number): string => `${ADJECTIVES[a % ADJECTIVES.length]} ${NOUNS[b % NOUNS.length]}`;
export const artistName = (n: number): string => BANDS[n % BANDS.length] as string;
export const ARTIST_COUNT = BANDS.length;

/** A strength movement: its name, the muscles it works (ranked), how it is tracked and the dumbbell weight used. */
export interface Movement {
  name: string;
  muscles: readonly string[];
  tracking: 'rep_counting' | 'time_tracked_rep' | 'time_based';
  weight: 'heavy' | 'medium' | 'light' | null;
}

export const MOVEMENTS: readonly Movement[] = [
  { name: 'Goblet Squat', muscles: ['quads', 'glutes', 'core'], tracking: 'rep_counting', weight: 'heavy' },
  { name: 'Bent Over Row', muscles: ['lats', 'biceps', 'low_back'], tracking: 'rep_counting', weight: 'heavy' },
  { name: 'Overhead Press', muscles: ['shoulders', 'triceps'], tracking: 'rep_counting', weight: 'medium' },
  { name: 'Reverse Lunge', muscles: ['glutes', 'quads', 'hamstrings'], tracking: 'time_tracked_rep', weight: 'medium' },
  { name: 'Bicep Curl', muscles: ['biceps'], tracking: 'rep_counting', weight: 'medium' },
  { name: 'Skull Crusher', muscles: ['triceps'], tracking: 'rep_counting', weight: 'light' },
  { name: 'Romanian Deadlift', muscles: ['hamstrings', 'glutes', 'low_back'], tracking: 'rep_counting', weight: 'heavy' },
  { name: 'Chest Press', muscles: ['chest', 'triceps', 'shoulders'], tracking: 'rep_counting', weight: 'heavy' },
  { name: 'Lateral Raise', muscles: ['shoulders'], tracking: 'time_tracked_rep', weight: 'light' },
  { name: 'Forearm Plank', muscles: ['core', 'shoulders'], tracking: 'time_based', weight: null },
  { name: 'Glute Bridge', muscles: ['glutes', 'hamstrings'], tracking: 'time_tracked_rep', weight: null },
  { name: 'Dead Bug', muscles: ['core'], tracking: 'time_based', weight: null },
];

export const MUSCLE_DISPLAY: Record<string, string> = {
  quads: 'Quads',
  glutes: 'Glutes',
  core: 'Core',
  lats: 'Lats',
  biceps: 'Biceps',
  low_back: 'Low Back',
  shoulders: 'Shoulders',
  triceps: 'Triceps',
  hamstrings: 'Hamstrings',
  chest: 'Chest',
  calves: 'Calves',
  hips: 'Hips',
  upper_back: 'Upper Back',
};

/** Muscles a discipline's classes work, with their relative weight in the muscle_group_score. */
export const DISCIPLINE_MUSCLES: Record<string, ReadonlyArray<[string, number]>> = {
  cycling: [
    ['quads', 3],
    ['glutes', 3],
    ['hamstrings', 3],
    ['calves', 2],
    ['core', 2],
    ['hips', 2],
  ],
  bike_bootcamp: [
    ['quads', 3],
    ['glutes', 3],
    ['hamstrings', 2],
    ['shoulders', 2],
    ['biceps', 1],
    ['triceps', 1],
    ['core', 2],
  ],
  running: [
    ['quads', 3],
    ['hamstrings', 3],
    ['calves', 3],
    ['glutes', 2],
    ['core', 1],
  ],
  walking: [
    ['quads', 2],
    ['calves', 3],
    ['glutes', 2],
    ['hamstrings', 2],
  ],
  caesar: [
    ['lats', 2],
    ['quads', 3],
    ['glutes', 3],
    ['hamstrings', 3],
    ['biceps', 1],
    ['core', 2],
    ['low_back', 2],
    ['upper_back', 2],
  ],
  strength: [
    ['glutes', 3],
    ['quads', 2],
    ['shoulders', 2],
    ['biceps', 1],
    ['triceps', 1],
    ['core', 2],
    ['lats', 2],
  ],
  yoga: [
    ['core', 3],
    ['hips', 3],
    ['hamstrings', 2],
    ['shoulders', 1],
  ],
  stretching: [
    ['hamstrings', 3],
    ['hips', 3],
    ['quads', 2],
    ['low_back', 2],
  ],
  meditation: [],
};
