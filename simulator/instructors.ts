import { hexId } from './random.js';

/** The simulator's fictional instructors and what they teach. Every body embeds the same object for each. */
const ROSTER = [
  { first: 'Avery', last: 'Lane', teaches: ['cycling', 'bike_bootcamp', 'strength'], quote: 'Show up for yourself first.' },
  { first: 'Jordan', last: 'Reyes', teaches: ['cycling', 'running', 'walking'], quote: 'Pace is a decision, not a feeling.' },
  { first: 'Sam', last: 'Okafor', teaches: ['caesar', 'strength', 'stretching'], quote: 'Long strokes, strong legs, steady mind.' },
  { first: 'Robin', last: 'Kowalski', teaches: ['yoga', 'meditation', 'stretching'], quote: 'Breathe in where you are.' },
  { first: 'Alex', last: 'Moreau', teaches: ['running', 'walking', 'strength'], quote: 'Every mile tells you something.' },
  { first: 'Mara', last: 'Lindqvist', teaches: ['cycling', 'stretching', 'meditation'], quote: 'Climb like you mean it.' },
  { first: 'Theo', last: 'Brandt', teaches: ['caesar', 'cycling', 'bike_bootcamp'], quote: 'Power comes from the legs.' },
  { first: 'Priya', last: 'Nair', teaches: ['yoga', 'meditation', 'strength'], quote: 'Strength is quiet.' },
  { first: 'Kenji', last: 'Watanabe', teaches: ['running', 'walking', 'cycling'], quote: 'Run the mile you are in.' },
  { first: 'Lucia', last: 'Ferreira', teaches: ['cycling', 'strength', 'bike_bootcamp', 'stretching'], quote: 'Make the music move you.' },
] as const;

const SHARE_DISCIPLINES = [
  'bike_bootcamp',
  'caesar',
  'cardio',
  'circuit',
  'cycling',
  'meditation',
  'running',
  'strength',
  'stretching',
  'walking',
  'yoga',
];

export const instructorIdOf = (first: string): string => hexId('instructor', first);

/** Ids of the instructors who teach a discipline, in roster order. */
export function instructorsFor(discipline: string): string[] {
  const teaching = ROSTER.filter((i) => (i.teaches as readonly string[]).includes(discipline));
  return (teaching.length > 0 ? teaching : ROSTER).map((i) => instructorIdOf(i.first));
}

const objects = new Map<string, Record<string, unknown>>();

/** The full instructor object (as `ride.instructor` and class details embed it), or undefined for an unknown id. */
export function instructorObject(id: string): Record<string, unknown> | undefined {
  if (objects.size === 0) ROSTER.forEach((entry, i) => objects.set(instructorIdOf(entry.first), build(entry, i)));
  return objects.get(id);
}

function build(entry: (typeof ROSTER)[number], position: number): Record<string, unknown> {
  const id = instructorIdOf(entry.first);
  const name = `${entry.first} ${entry.last}`;
  const image = (what: string): string => `https://example.invalid/instructors/${id}/${what}.png`;
  return {
    id,
    bio: `${name} is a fictional coach of the Peloton simulator, teaching ${entry.teaches.join(', ').replace(/_/g, ' ')} classes built for steady progress.`,
    short_bio: `"${entry.quote}"`,
    coach_type: 'peloton_coach',
    is_filterable: true,
    is_instructor_group: false,
    is_visible: true,
    is_announced: true,
    list_order: position + 1,
    featured_profile: true,
    film_link: '',
    facebook_fan_page: '',
    music_bio: `A sample of ${entry.first}'s class playlists.`,
    spotify_playlist_uri: '',
    background: `${entry.first} came to coaching from competitive sport.`,
    ordered_q_and_as: [
      ['How do you motivate?', entry.quote],
      ['Outside of class', 'Long walks, good books and more training.'],
    ],
    instagram_profile: '',
    strava_profile: '',
    twitter_profile: '',
    quote: entry.quote,
    username: `${entry.first.toLowerCase()}_${entry.last.toLowerCase()}`,
    name,
    first_name: entry.first,
    last_name: entry.last,
    user_id: hexId('instructor-user', entry.first),
    life_style_image_url: image('life_style'),
    bike_instructor_list_display_image_url: null,
    web_instructor_list_display_image_url: image('web_list'),
    ios_instructor_list_display_image_url: image('ios_list'),
    about_image_url: image('about'),
    image_url: image('profile'),
    jumbotron_url: null,
    jumbotron_url_dark: image('jumbotron_dark'),
    jumbotron_url_ios: image('jumbotron_ios'),
    web_instructor_list_gif_image_url: null,
    instructor_hero_image_url: image('hero'),
    workout_share_images: SHARE_DISCIPLINES.map((discipline) => ({
      fitness_discipline: discipline,
      image_url: `https://example.invalid/share/${discipline}.png`,
    })),
    fitness_disciplines: [...entry.teaches],
  };
}
