import { pageLimit, pagingFields } from './envelope.js';
import { hexId, intBetween, pick, streamOf } from './random.js';

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

const FIRST_NAMES = ['Noor', 'Felix', 'Ines', 'Marcus', 'Hana', 'Diego', 'Leah', 'Tomas', 'Zara', 'Owen', 'Maya', 'Rafael'];
const LAST_NAMES = [
  'Ashby',
  'Delacroix',
  'Halvorsen',
  'Ibarra',
  'Jensen',
  'Kaur',
  'Laurent',
  'Mbeki',
  'Nakamura',
  'Ortega',
  'Petrov',
  'Quill',
];
const EVERY_DISCIPLINE = [...SHARE_DISCIPLINES, 'caesar_bootcamp'];
const QUOTES = ['One more rep is a decision.', 'Earn the cool-down.', 'Slow is smooth, smooth is fast.', 'Your pace, your race.'];

/** A coach of the simulator's fictional team. */
interface Entry {
  first: string;
  last: string;
  teaches: readonly string[];
  quote: string;
  /** Retired from the team: still listed, teaches no new classes. */
  retired?: boolean;
  /** A group of coaches teaching together. */
  members?: readonly string[];
}

/**
 * The whole team, in list order: the ten who teach most of the classes, forty-eight more (some teaching only
 * disciplines the simulated member never does, three retired) and one coaching pair, 59 in all as in a real dump.
 */
const TEAM: readonly Entry[] = [
  ...ROSTER,
  ...Array.from({ length: 48 }, (_, i): Entry => {
    const random = streamOf('instructor', i);
    const teaches = [...new Set([pick(random, EVERY_DISCIPLINE), pick(random, EVERY_DISCIPLINE), pick(random, EVERY_DISCIPLINE)])].slice(
      0,
      intBetween(random, 1, 3),
    );
    return {
      first: FIRST_NAMES[i % FIRST_NAMES.length] as string,
      last: LAST_NAMES[(i * 5 + Math.floor(i / FIRST_NAMES.length)) % LAST_NAMES.length] as string,
      teaches,
      quote: pick(random, QUOTES),
      retired: i % 16 === 15,
    };
  }),
  { first: 'Avery', last: '& Jordan', teaches: ['cycling'], quote: 'Twice the playlist.', members: ['Avery', 'Jordan'] },
];

const keyOf = (entry: Entry): string => `${entry.first} ${entry.last}`;
export const instructorIdOf = (key: string): string => hexId('instructor', key);

/**
 * Ids of the instructors who teach a discipline and still teach new classes, in list order (the whole active
 * team for a discipline nobody teaches). Coaching groups teach no classes of their own here.
 */
export function instructorsFor(discipline: string): string[] {
  const active = TEAM.filter((entry) => entry.retired !== true && entry.members === undefined);
  const teaching = active.filter((entry) => entry.teaches.includes(discipline));
  return (teaching.length > 0 ? teaching : active).map((entry) => instructorIdOf(keyOf(entry)));
}

let objects: Map<string, Record<string, unknown>> | undefined;

/** Every instructor object, in list order (GET /api/instructor pages through these). */
export function allInstructors(): Array<Record<string, unknown>> {
  objects ??= new Map(TEAM.map((entry, i) => [instructorIdOf(keyOf(entry)), build(entry, i)]));
  return [...objects.values()];
}

/** The full instructor object (as `ride.instructor` and class details embed it), or undefined for an unknown id. */
export function instructorObject(id: string): Record<string, unknown> | undefined {
  if (objects === undefined) allInstructors();
  return objects?.get(id);
}

/**
 * GET /api/instructor?page=P&limit=L: 0-based pages of `limit` (capped at 100) in list order. Beyond `data` and
 * `total` the real envelope is unconfirmed; the simulator adds the paging fields the workout list has.
 */
export function instructorPage(page: number, requestedLimit: number): Record<string, unknown> {
  const limit = pageLimit(requestedLimit);
  const all = allInstructors();
  return pagingFields({ data: all.slice(page * limit, page * limit + limit), page, limit, total: all.length });
}

function build(entry: Entry, position: number): Record<string, unknown> {
  const id = instructorIdOf(keyOf(entry));
  const name = `${entry.first} ${entry.last}`;
  const image = (what: string): string => `https://example.invalid/instructors/${id}/${what}.png`;
  const random = streamOf('instructor-object', id);
  const group = entry.members !== undefined;
  return {
    id,
    bio: `${name} is a fictional coach of the Peloton simulator, teaching ${entry.teaches.join(', ').replace(/_/g, ' ')} classes built for steady progress.`,
    short_bio: `"${entry.quote}"`,
    coach_type: 'peloton_coach',
    is_filterable: entry.retired !== true,
    is_instructor_group: group,
    individual_instructor_ids: TEAM.filter((e) => e.members === undefined && entry.members?.includes(e.first) === true).map((e) =>
      instructorIdOf(keyOf(e)),
    ),
    is_visible: entry.retired !== true,
    is_announced: true,
    list_order: position + 1,
    featured_profile: position < 20,
    film_link: '',
    facebook_fan_page: '',
    music_bio: `A sample of ${entry.first}'s class playlists.`,
    spotify_playlist_uri: random() < 0.3 ? null : `spotify:user:simulator:playlist:${id.slice(0, 22)}`,
    background: `${entry.first} came to coaching from competitive sport.`,
    ordered_q_and_as: [
      ['How do you motivate?', entry.quote],
      ['Outside of class', 'Long walks, good books and more training.'],
      ['', ''],
    ],
    instagram_profile: '',
    strava_profile: '',
    twitter_profile: '',
    quote: entry.quote,
    username: `${entry.first}_${entry.last}`.toLowerCase().replace(/[^a-z_]/g, ''),
    name,
    first_name: entry.first,
    last_name: entry.last,
    user_id: group ? null : hexId('instructor-user', keyOf(entry)),
    life_style_image_url: random() < 0.2 ? null : image('life_style'),
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
