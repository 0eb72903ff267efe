import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performanceGraph } from '../simulator/graphs.js';
import { PelotonSimulator, type SimulatorOptions } from '../simulator/server.js';

// The simulator's profile, workout detail, class details and overview routes, checked over HTTP against
// figures recomputed here from the history (sim.history), and against the stream schemas in schemas/.

type Body = Record<string, any>;
const ZEROS = '0'.repeat(32);
const CLASS_ID = /^[0-9a-f]{32}$/;
const DASHED_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TWELVE_SLUGS = [
  'cycling',
  'running',
  'walking',
  'caesar',
  'strength',
  'yoga',
  'meditation',
  'stretching',
  'cardio',
  'bike_bootcamp',
  'caesar_bootcamp',
  'circuit',
];
const GROUP_NAMES: Record<string, string> = {
  cycling: 'Cycling',
  running: 'Running',
  walking: 'Walking',
  caesar: 'Rowing',
  bike_bootcamp: 'Bike Bootcamp',
};
const RIDE_DETAIL_ONLY_KEYS = ['is_favorite', 'total_user_workouts', 'total_following_workouts', 'leaderboard_filter_type'];

/** A history of the last year (2025-10 to 2026-09) and one of 2018 to 2021, for the older shapes. */
const MODERN: SimulatorOptions = { workouts: 500, seed: 1, newestAt: 1_790_000_000 };
const OLDER: SimulatorOptions = { workouts: 1500, seed: 3, newestAt: Date.UTC(2021, 2, 1) / 1000 };

interface Fixture {
  sim: PelotonSimulator;
  token: string;
  /** The list as GET /workouts pages it (joins=ride,ride.instructor), newest first. */
  list: Body[];
  /** GET /api/workout/{id}?joins=ride,ride.instructor of every workout, by id. */
  details: Map<string, Body>;
  /** GET /api/ride/{id}/details of every class ride id (200s only), by ride id. */
  rides: Map<string, Body>;
}

async function call(
  fixture: { sim: PelotonSimulator; token: string },
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Body }> {
  const response = await fetch(`${fixture.sim.url}${path}`, { headers: { authorization: `Bearer ${fixture.token}`, ...headers } });
  return { status: response.status, body: (await response.json()) as Body };
}

async function inBatches<T, R>(items: T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += 16) results.push(...(await Promise.all(items.slice(i, i + 16).map(task))));
  return results;
}

async function load(options: SimulatorOptions): Promise<Fixture> {
  const sim = await PelotonSimulator.start({ ...options, recordRequests: true });
  const fixture = { sim, token: sim.issueAccessToken() };
  const list: Body[] = [];
  for (let page = 0; ; page++) {
    const { body } = await call(
      fixture,
      `/api/user/${sim.history.userId}/workouts?page=${page}&limit=100&joins=ride,ride.instructor&sort_by=-created`,
    );
    list.push(...(body['data'] as Body[]));
    if (body['show_next'] !== true) break;
  }
  const details = new Map<string, Body>();
  await inBatches(list, async (w) => {
    const { status, body } = await call(fixture, `/api/workout/${w['id']}?joins=ride,ride.instructor`);
    expect(status).toBe(200);
    details.set(String(w['id']), body);
  });
  const rides = new Map<string, Body>();
  const classIds = [...new Set(list.map((w) => String(w['ride']['id'])))].filter((id) => CLASS_ID.test(id) && id !== ZEROS);
  await inBatches(classIds, async (id) => {
    const { status, body } = await call(fixture, `/api/ride/${id}/details`);
    expect(status).toBe(200);
    rides.set(id, body);
  });
  return { ...fixture, list, details, rides };
}

const chronological = (list: Body[]): Body[] => [...list].reverse();
const isFtpTest = (w: Body): boolean => w['fitness_discipline'] === 'cycling' && /FTP Test/.test(String(w['ride']?.['title']));
const testResult = (w: Body): number => Math.round((0.95 * Number(w['total_work'])) / Number(w['ride']['duration']));
const isoSeconds = (seconds: number): string => new Date(seconds * 1000).toISOString().slice(0, 19);
const without = (object: Body, keys: string[]): Body => Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

let modern: Fixture;
let older: Fixture;
beforeAll(async () => {
  [modern, older] = await Promise.all([load(MODERN), load(OLDER)]);
}, 120_000);
afterAll(async () => {
  // Either is undefined if loading failed.
  await Promise.all(([modern, older] as Array<Fixture | undefined>).map((fixture) => fixture?.sim.close() ?? Promise.resolve()));
});

describe('the fixture', () => {
  it('has what the checks below need: FTP tests, gym sessions, classes taken twice, tracked strength', () => {
    const tests = modern.list.filter(isFtpTest);
    expect(tests.filter((w) => w['status'] === 'COMPLETE').length).toBeGreaterThanOrEqual(2);
    expect(modern.list.some((w) => DASHED_UUID.test(String(w['ride']['id'])))).toBe(true);
    expect(modern.list.some((w) => w['ride']['id'] === ZEROS)).toBe(true);
    expect([...modern.details.values()].some((d) => d['movement_tracker_data'] !== undefined)).toBe(true);
    expect(modern.list).toHaveLength(500);
    expect(modern.list.map((w) => w['id'])).toEqual(modern.sim.history.all().map((w) => w.id));
  });
});

describe('classes', () => {
  it('embeds one ride object per ride id: every workout of a class carries the same class, instructor included', () => {
    const byRide = new Map<string, string[]>();
    for (const w of modern.list)
      if (w['ride']['id'] !== ZEROS) byRide.set(w['ride']['id'], [...(byRide.get(w['ride']['id']) ?? []), JSON.stringify(w['ride'])]);
    expect([...byRide.values()].filter((rides) => rides.length > 1).length).toBeGreaterThan(20);
    for (const rides of byRide.values()) expect(new Set(rides).size).toBe(1);
  });

  it('a class fits its workouts: discipline, length, air time before every workout that took it', () => {
    for (const w of [...modern.list, ...older.list]) {
      const ride = w['ride'];
      if (ride['id'] === ZEROS) continue;
      expect(ride['fitness_discipline']).toBe(w['fitness_discipline']);
      expect(ride['original_air_time']).toBeLessThan(w['created_at']);
      expect(ride['pedaling_duration']).toBe(ride['duration']);
    }
  });

  it('uses the same instructors everywhere, the full object the same in every class', () => {
    const seen = new Map<string, string>();
    for (const body of [...modern.list.map((w) => w['ride']), ...[...modern.rides.values()].map((d) => d['ride'])]) {
      if (body['instructor_id'] === null || body['instructor_id'] === undefined) continue;
      expect(body['instructor']['id']).toBe(body['instructor_id']);
      const text = JSON.stringify(body['instructor']);
      expect(seen.get(body['instructor_id']) ?? text).toBe(text);
      seen.set(body['instructor_id'], text);
    }
    expect(seen.size).toBeGreaterThan(5);
  });

  it("keeps the 6-key stub without a class: JUST RIDE on the bike, JUST WALK / JUST RUN outdoors, the workout's own title", () => {
    const freestyle = modern.list.filter((x) => x['ride']['id'] === ZEROS);
    const expected = (w: Body): [string, RegExp] =>
      w['fitness_discipline'] === 'cycling'
        ? ['JUST RIDE', /^\d+ min Just Ride$/]
        : [`JUST ${w['fitness_discipline'] === 'running' ? 'RUN' : 'WALK'}`, /^\d+ min Just (Run|Walk): Outdoor$/];
    for (const w of freestyle) {
      expect(Object.keys(w['ride']).sort()).toEqual(['duration', 'id', 'instructor', 'is_archived', 'scheduled_start_time', 'title']);
      const [instructor, title] = expected(w);
      expect(w['ride']['instructor']['name']).toBe(instructor);
      expect(w['ride']['title']).toMatch(title);
      expect(w['is_outdoor']).toBe(w['fitness_discipline'] !== 'cycling');
      expect(w['workout_type']).toBe('freestyle');
      expect(w['title']).toBe(w['ride']['title']);
      expect(w['peloton_id']).toBeNull();
    }
    expect(new Set(freestyle.map((w) => w['ride']['instructor']['name']))).toEqual(new Set(['JUST RIDE', 'JUST RUN', 'JUST WALK']));
  });
});

describe('list items', () => {
  it('carry the fields real list items have, with their types', () => {
    for (const w of modern.list) {
      for (const key of [
        'total_video_watch_time_seconds',
        'total_video_buffering_seconds',
        'total_music_audio_play_seconds',
        'total_music_audio_buffer_seconds',
        'service_id',
        'is_outdoor',
      ])
        expect(w).toHaveProperty(key);
      if (w['leaderboard_rank'] !== null) expect(w['leaderboard_rank']).toBeLessThanOrEqual(w['total_leaderboard_users']);
      expect(Number.isInteger(w['device_time_created_at'] - w['created_at'])).toBe(true);
      if (w['metrics_type'] === null) expect(w['total_work']).toBe(0);
    }
  });

  it("give local time in device_time_created_at, as the workout's time zone had it then", () => {
    for (const w of modern.list.slice(0, 60)) {
      const offset = new Intl.DateTimeFormat('en-US', { timeZone: w['timezone'], timeZoneName: 'longOffset' })
        .formatToParts(new Date(w['created_at'] * 1000))
        .find((p) => p.type === 'timeZoneName')!.value;
      const match = /GMT(?:([+-])(\d\d):(\d\d))?/.exec(offset)!;
      const seconds = match[1] === undefined ? 0 : (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 3600 + Number(match[3]) * 60);
      expect(w['device_time_created_at'] - w['created_at']).toBe(seconds);
    }
  });

  it('flag a personal record when a workout beats every earlier one of its discipline and class length', () => {
    const best = new Map<string, number>();
    for (const w of chronological(modern.list)) {
      const eligible =
        w['status'] === 'COMPLETE' && w['metrics_type'] !== null && CLASS_ID.test(w['ride']['id']) && w['ride']['id'] !== ZEROS;
      const key = `${w['fitness_discipline']}:${w['ride']['duration']}`;
      const record = eligible && w['total_work'] > (best.get(key) ?? 0);
      if (record) best.set(key, w['total_work']);
      expect(w['is_total_work_personal_record']).toBe(record);
    }
  });
});

describe('GET /api/me', () => {
  it('answers the profile the simulator reports, with counts that follow the history', async () => {
    const { status, body } = await call(modern, '/api/me');
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(modern.sim.profile())));
    const all = modern.sim.history.all();
    expect(body['id']).toBe(modern.sim.history.userId);
    expect(body['total_workouts']).toBe(all.length);
    const pedaling = all.filter((w) => w['has_pedaling_metrics'] === true).length;
    expect(body['total_pedaling_metric_workouts']).toBe(pedaling);
    expect(body['total_non_pedaling_metric_workouts']).toBe(all.length - pedaling);
    expect(body['workout_counts'].map((c: Body) => c['slug']).sort()).toEqual([...TWELVE_SLUGS].sort());
    for (const count of body['workout_counts']) {
      expect(count['count']).toBe(all.filter((w) => w['fitness_discipline'] === count['slug']).length);
      expect(count['icon_url']).toMatch(new RegExp(`/${count['count'] > 0 ? 'nonzero' : 'zero'}-${count['slug']}2\\.png$`));
    }
    expect(body['workout_counts'].reduce((sum: number, c: Body) => sum + Number(c['count']), 0)).toBe(body['total_workouts']);
    expect(body['last_workout_at']).toBe(all[0]!.created_at);
    expect(body['email']).toMatch(/@example\.com$/);
  });

  it('reports heart-rate zones at 0, 65, 75, 85 and 95 % of the maximum', async () => {
    const { body } = await call(modern, '/api/me');
    const max = body['default_max_heart_rate'];
    expect(body['default_heart_rate_zones']).toEqual([0, 0.65, 0.75, 0.85, 0.95].map((share) => Math.round(share * max * 10) / 10));
  });

  it('reports the FTP of the last FTP test, as the workouts after it show it', async () => {
    const { body } = await call(modern, '/api/me');
    const tests = chronological(modern.list).filter((w) => isFtpTest(w) && w['status'] === 'COMPLETE');
    const last = tests.at(-1)!;
    expect(body['cycling_ftp_source']).toBe('ftp_workout_source');
    expect(body['cycling_ftp_workout_id']).toBe(last['id']);
    expect(body['cycling_workout_ftp']).toBe(testResult(last));
    expect(body['cycling_ftp']).toBe(0);
    expect(Number.isInteger(body['estimated_cycling_ftp']) && body['estimated_cycling_ftp'] > 0).toBe(true);
  });
});

describe('GET /api/workout/{id}', () => {
  it('answers the detail the simulator reports: the list item, and the detail fields', () => {
    for (const w of modern.list) {
      const detail = modern.details.get(w['id'])!;
      expect(detail).toEqual(JSON.parse(JSON.stringify(modern.sim.workoutDetail(w['id']))));
      for (const [key, value] of Object.entries(w)) if (key !== 'effort_zones') expect(detail[key], key).toEqual(value);
      expect(detail).not.toHaveProperty('effort_zones');
      for (const key of [
        'ftp_info',
        'achievement_templates',
        'device_type_display_name',
        'leaderboard_rank',
        'total_leaderboard_users',
        'has_paused',
        'is_pause_available',
      ])
        expect(detail).toHaveProperty(key);
    }
  });

  it('embeds the ride without its instructor unless joins asks for ride.instructor (a Just Ride keeps its stub)', async () => {
    const sample = [
      modern.list.find((w) => w['ride']['id'] === ZEROS)!,
      ...modern.list.filter((w) => w['ride']['id'] !== ZEROS).slice(0, 10),
    ];
    for (const w of sample) {
      const bare = (await call(modern, `/api/workout/${w['id']}`)).body;
      const withRide = (await call(modern, `/api/workout/${w['id']}?joins=ride`)).body;
      const expected = w['ride']['id'] === ZEROS ? w['ride'] : without(w['ride'], ['instructor']);
      expect(bare['ride']).toEqual(expected);
      expect(withRide['ride']).toEqual(expected);
      expect(modern.details.get(w['id'])!['ride']).toEqual(w['ride']);
    }
  });

  it("gives the FTP going into each workout: estimated until the first test, then each test's result; 0 off the bike", () => {
    let lastTest: Body | undefined;
    for (const w of chronological(modern.list)) {
      const info = modern.details.get(w['id'])!['ftp_info'];
      if (w['fitness_discipline'] !== 'cycling' || w['ride']['id'] === ZEROS)
        expect(info).toEqual({ ftp: 0, ftp_source: null, ftp_workout_id: null });
      else if (lastTest === undefined) {
        expect(info['ftp_source']).toBe('ftp_estimated_source');
        expect(info['ftp_workout_id']).toBeNull();
        expect(Number.isInteger(info['ftp']) && info['ftp'] > 0).toBe(true);
      } else expect(info).toEqual({ ftp: testResult(lastTest), ftp_source: 'ftp_workout_source', ftp_workout_id: lastTest['id'] });
      if (isFtpTest(w) && w['status'] === 'COMPLETE') lastTest = w;
    }
    expect(lastTest).toBeDefined();
  });

  it("carries the Strive fields that match the workout's effort zones", () => {
    for (const w of modern.list.filter((x) => x['ride']['id'] !== ZEROS)) {
      const detail = modern.details.get(w['id'])!;
      expect(detail['total_heart_rate_zone_durations']).toEqual(w['effort_zones']?.['heart_rate_zone_durations'] ?? null);
      expect(detail['average_effort_score']).toEqual(w['effort_zones']?.['total_effort_points'] ?? null);
    }
  });

  it('awards Best Output exactly to the personal records', () => {
    for (const w of modern.list) {
      const slugs = modern.details.get(w['id'])!['achievement_templates'].map((a: Body) => a['slug']);
      expect(slugs.includes('best_output')).toBe(w['is_total_work_personal_record'] === true);
    }
  });

  it("tracks strength movements that are the class's own, with reps and weights", () => {
    let tracked = 0;
    for (const w of modern.list) {
      const detail = modern.details.get(w['id'])!;
      if (!('movement_tracker_data' in detail)) continue;
      expect(w['fitness_discipline']).toBe('strength');
      // Nothing tracked: null or {} (or no key).
      const summary = detail['movement_tracker_data']?.['completed_movements_summary_data'];
      if (summary === undefined) continue;
      tracked++;
      const segments: Body[] | undefined = modern.rides.get(w['ride']['id'])?.['segments']['segment_list'];
      const blocks = segments?.flatMap((s) =>
        s['subsegments_v2'].map((sub: Body) => ({ ...sub, at: Number(s['start_time_offset']) + Number(sub['offset']) })),
      );
      for (const rep of summary['repetition_summary_data']) {
        expect(['rep_counting', 'time_tracked_rep', 'time_based']).toContain(rep['tracking_type']);
        for (const weight of rep['weight'] ?? []) {
          expect(weight['weight_data']['weight_unit']).toBe('lb');
          expect(['heavy', 'medium', 'light', 'body_weight']).toContain(weight['weight_category']);
        }
        if (blocks !== undefined)
          expect(
            blocks.some(
              (b: Body) => b['movements'][0]['id'] === rep['movement_id'] && b['at'] === rep['offset'] && b['length'] === rep['length'],
            ),
          ).toBe(true);
      }
      expect(summary['total_repetitions']).toBe(
        summary['repetition_summary_data'].reduce((sum: number, r: Body) => sum + Number(r['completed_reps']), 0),
      );
    }
    expect(tracked).toBeGreaterThan(0);
  });

  it('answers 404 JSON for an unknown workout', async () => {
    const { status, body } = await call(modern, `/api/workout/${'f'.repeat(32)}`);
    expect(status).toBe(404);
    expect(body['status']).toBe(404);
    expect(modern.sim.workoutDetail('f'.repeat(32))).toBeUndefined();
  });
});

describe('GET /api/ride/{ride_id}/details', () => {
  it('answers the details the simulator reports, around the very ride object the workouts embed', () => {
    for (const [id, details] of modern.rides) {
      expect(details).toEqual(JSON.parse(JSON.stringify(modern.sim.rideDetails(id))));
      const taken = modern.list.filter((w) => w['ride']['id'] === id);
      expect(without(details['ride'], RIDE_DETAIL_ONLY_KEYS)).toEqual(taken[0]!['ride']);
      expect(details['ride']['total_user_workouts']).toBe(taken.length);
      expect(details['is_ftp_test']).toBe(/FTP Test/.test(details['ride']['title']));
    }
  });

  it('lays out a plan that fills the class, with string-valued distributions', () => {
    for (const details of modern.rides.values()) {
      const duration = details['ride']['duration'];
      const segments = details['segments']['segment_list'];
      expect(segments.reduce((sum: number, s: Body) => sum + Number(s['length']), 0)).toBe(duration);
      for (const value of Object.values(details['segments']['segment_category_distribution'])) expect(typeof value).toBe('string');
      const shares = Object.values(details['segments']['segment_category_distribution']).map(Number);
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      // Scenic rides play no playlist; classes play one from the end of the pre-roll to about the end.
      const scenic = details['ride']['content_provider'] !== 'peloton';
      expect(details['playlist']['songs'].length > 0).toBe(!scenic);
      for (const song of details['playlist']['songs']) {
        expect(song['start_time_offset']).toBeGreaterThanOrEqual(details['ride']['pedaling_start_offset']);
        expect(song['start_time_offset']).toBeLessThan(details['ride']['pedaling_end_offset']);
        expect('explicit_rating' in song).toBe(new Date(details['ride']['original_air_time'] * 1000).getUTCFullYear() >= 2023);
      }
    }
  });

  it('gives cycling classes cues and a target graph with one value per 5 s of the class', () => {
    const cycling = [...modern.rides.values()].filter(
      (d) => d['ride']['fitness_discipline'] === 'cycling' && d['ride']['content_provider'] === 'peloton',
    );
    expect(cycling.length).toBeGreaterThan(10);
    for (const details of cycling) {
      expect(details['instructor_cues'].length).toBeGreaterThan(0);
      for (const metric of details['target_class_metrics']['target_graph_metrics'])
        expect(metric['graph_data']['upper']).toHaveLength(Math.ceil(details['ride']['duration'] / 5));
      expect(details['target_metrics_data']['target_metrics']).toHaveLength(details['instructor_cues'].length);
    }
  });

  it('answers 4xx JSON for Just Ride, gym sessions and unknown ids, where the simulator reports no details', async () => {
    const gym = modern.list.find((w) => DASHED_UUID.test(w['ride']['id']))!['ride']['id'];
    for (const [id, expected] of [
      [ZEROS, 404],
      ['0123456789abcdef0123456789abcdef', 404],
      [gym, 400],
    ] as const) {
      const { status, body } = await call(modern, `/api/ride/${id}/details`);
      expect(status).toBe(expected);
      expect(body['status']).toBe(expected);
      expect(modern.sim.rideDetails(id)).toBeUndefined();
    }
  });
});

describe('GET /api/user/{user_id}/overview', () => {
  const path = (fixture: Fixture): string => `/api/user/${fixture.sim.history.userId}/overview?version=1`;

  it("refuses a request without Peloton-Platform: web (400) and another member's overview (403)", async () => {
    expect((await call(modern, path(modern))).status).toBe(400);
    expect((await call(modern, path(modern), { 'peloton-platform': 'ios' })).status).toBe(400);
    const other = await call(modern, `/api/user/${'a'.repeat(32)}/overview?version=1`, { 'peloton-platform': 'web' });
    expect(other.status).toBe(403);
    expect(other.body['status']).toBe(403);
  });

  it('answers the overview the simulator reports, counts sorted by count over all twelve slugs', async () => {
    const { status, body } = await call(modern, path(modern), { 'peloton-platform': 'web' });
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(modern.sim.overview())));
    const counts = body['workout_counts'];
    expect(counts['total_workouts']).toBe(modern.list.length);
    expect(counts['workouts'].map((c: Body) => c['slug']).sort()).toEqual([...TWELVE_SLUGS].sort());
    for (const c of counts['workouts']) expect(c['count']).toBe(modern.list.filter((w) => w['fitness_discipline'] === c['slug']).length);
    const values = counts['workouts'].map((c: Body) => c['count']);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('lists per device discipline the best total output per class length, lengths in the order first done', async () => {
    for (const fixture of [modern, older]) {
      const { body } = await call(fixture, path(fixture), { 'peloton-platform': 'web' });
      const groups = new Map<string, { first: Body; best: Map<number, Body> }>();
      for (const w of chronological(fixture.list)) {
        if (w['metrics_type'] === null || w['status'] !== 'COMPLETE' || !CLASS_ID.test(w['ride']['id']) || w['ride']['id'] === ZEROS)
          continue;
        const group = groups.get(w['fitness_discipline']) ?? { first: w, best: new Map<number, Body>() };
        groups.set(w['fitness_discipline'], group);
        const holder = group.best.get(w['ride']['duration']);
        if (holder === undefined || w['total_work'] > holder['total_work']) group.best.set(w['ride']['duration'], w);
      }
      const records: Body[] = body['personal_records'];
      expect(records.map((g) => g['slug'])).toEqual(TWELVE_SLUGS.filter((slug) => groups.has(slug)));
      expect(records.length).toBeGreaterThanOrEqual(4);
      for (const group of records) {
        const expected = groups.get(group['slug'])!;
        expect(group['name']).toBe(GROUP_NAMES[group['slug']]);
        expect(group['first_workout_date'].slice(0, 19)).toBe(isoSeconds(expected.first['created_at']));
        expect(group['reset_date']).toBeNull();
        expect(group['records'].map((r: Body) => r['slug'])).toEqual([...expected.best.keys()].map(String));
        for (const record of group['records']) {
          const holder = expected.best.get(Number(record['slug']))!;
          expect(record).toEqual({
            name: `${Number(record['slug']) / 60} min`,
            slug: record['slug'],
            value: Math.round(holder['total_work'] / 1000),
            raw_value: holder['total_work'],
            unit: 'kj',
            unit_slug: 'kj',
            workout_id: holder['id'],
            workout_date: record['workout_date'],
          });
          // ISO without zone: whole seconds before 2023, with microseconds after (both forms are real).
          const micro = holder['created_at'] >= Date.UTC(2023, 0, 1) / 1000;
          expect(record['workout_date']).toMatch(new RegExp(`^${isoSeconds(holder['created_at'])}${micro ? '\\.\\d{6}' : ''}$`));
          expect(holder['is_total_work_personal_record']).toBe(true);
        }
      }
    }
    const cycling = (await call(modern, path(modern), { 'peloton-platform': 'web' })).body['personal_records'][0]['records'];
    const lengths = cycling.map((r: Body) => Number(r['slug']));
    expect(lengths).not.toEqual([...lengths].sort((a, b) => a - b));
  });

  it('counts daily and weekly streaks back from the newest workout', async () => {
    for (const fixture of [modern, older]) {
      const { body } = await call(fixture, path(fixture), { 'peloton-platform': 'web' });
      const times = fixture.list.map((w) => w['created_at'] as number);
      const expected = (periodOf: (t: number) => number): { current: number; start: number; best: number } => {
        const periods = new Set(times.map(periodOf));
        const newest = periodOf(times[0]!);
        let current = 0;
        while (periods.has(newest - current)) current++;
        const first = newest - current + 1;
        const start = Math.min(...times.filter((t) => periodOf(t) === first));
        const sorted = [...periods].sort((a, b) => a - b);
        let best = 0;
        let run = 0;
        sorted.forEach((p, i) => {
          run = i > 0 && p === sorted[i - 1]! + 1 ? run + 1 : 1;
          best = Math.max(best, run);
        });
        return { current, start, best };
      };
      const daily = expected((t) => Math.floor(t / 86_400));
      const weekly = expected((t) => Math.floor((t / 86_400 + 3) / 7));
      expect(body['streaks']).toEqual({
        current_weekly: weekly.current,
        best_weekly: weekly.best,
        start_date_of_current_weekly: weekly.start,
        current_daily: daily.current,
        start_date_of_current_daily: daily.start,
      });
    }
  });

  it('breaks the streaks where the history has a gap, in weeks that start on Monday', async () => {
    const fixture = { sim: await PelotonSimulator.start({ workouts: 300, seed: 5, newestAt: MODERN.newestAt! }), token: '' };
    fixture.token = fixture.sim.issueAccessToken();
    try {
      const all = fixture.sim.history.all();
      const day = (t: number): number => Math.floor(t / 86_400);
      // The member resumes on a Sunday (UTC) after two weeks without workouts (as if they deleted them):
      // Monday weeks put that Sunday at the end of a week, Sunday weeks at the start of one.
      const resumed = all.find(
        (w, i) => i > 40 && new Date(w.created_at * 1000).getUTCDay() === 0 && day(all[i + 1]!.created_at) < day(w.created_at),
      )!.created_at;
      for (const w of all.filter((x) => x.created_at < resumed && x.created_at >= resumed - 14 * 86_400)) fixture.sim.history.remove(w.id);
      const times = fixture.sim.history.all().map((w) => w.created_at);
      const week = (t: number): number => Math.floor((t / 86_400 + 3) / 7);
      const { body } = await call(fixture, `/api/user/${fixture.sim.history.userId}/overview`, { 'peloton-platform': 'web' });
      expect(body['streaks']['current_weekly']).toBe(week(times[0]!) - week(resumed) + 1);
      expect(body['streaks']['start_date_of_current_weekly']).toBe(resumed);
      expect(body['streaks']['best_weekly']).toBe(
        Math.max(body['streaks']['current_weekly'], week(resumed - 14 * 86_400) - week(times.at(-1)!) + 1),
      );
    } finally {
      await fixture.sim.close();
    }
  });

  it('counts the achievements the workout details carry', async () => {
    const { body } = await call(modern, path(modern), { 'peloton-platform': 'web' });
    const earned = new Map<string, number>();
    for (const detail of modern.details.values())
      for (const a of detail['achievement_templates']) earned.set(a['slug'], (earned.get(a['slug']) ?? 0) + 1);
    const counts = body['achievement_counts'];
    expect(Object.fromEntries(counts['achievements'].map((a: Body) => [a['template']['slug'], a['count']]))).toEqual(
      Object.fromEntries(earned),
    );
    expect(counts['total_count']).toBe([...earned.values()].reduce((a, b) => a + b, 0));
  });
});

describe('graphs', () => {
  it("match the workout: total output, heart-rate zones at the profile's cut-offs, the class's segments", async () => {
    const max = (await call(modern, '/api/me')).body['default_max_heart_rate'];
    for (const w of modern.list.filter((x) => x['status'] === 'COMPLETE').slice(0, 80)) {
      const { body: graph } = await call(modern, `/api/workout/${w['id']}/performance_graph?every_n=5`);
      if (w['metrics_type'] !== null)
        expect(graph['summaries'].find((s: Body) => s['slug'] === 'total_output')['value']).toBe(Math.round(w['total_work'] / 1000));
      const heartRate = graph['metrics'].find((m: Body) => m['slug'] === 'heart_rate');
      if (heartRate !== undefined)
        expect(heartRate['zones'].map((z: Body) => z['min_value'])).toEqual(
          [0, 0.65, 0.75, 0.85, 0.95].map((share) => Math.floor(share * max)),
        );
      if (CLASS_ID.test(w['ride']['id']) && w['ride']['id'] !== ZEROS) {
        const segments: Body[] = modern.rides.get(w['ride']['id'])!['segments']['segment_list'];
        const plan = segments.map((s) => without(s, ['subsegments_v2', 'is_transition']));
        expect(graph['segment_list']).toEqual(plan);
      }
      if (w['fitness_discipline'] === 'caesar') expect(graph['caesar_metrics']['output']['data'].length).toBeGreaterThan(0);
    }
  });

  it('take older shapes for older workouts: [] splits before the Strive era, no effort_zones key before 2020', () => {
    const graphs = older.list
      .filter((w) => w['status'] === 'COMPLETE')
      .map((w) => ({ w, graph: performanceGraph(older.sim.history.find(w['id'])!, 5) }));
    const before2020 = graphs.filter(({ w }) => w['created_at'] < Date.UTC(2020, 0, 1) / 1000);
    expect(before2020.length).toBeGreaterThan(50);
    for (const { graph } of before2020) expect(graph).not.toHaveProperty('effort_zones');
    const indoorOffTread = ({ w }: { w: Body }): boolean => w['metrics_type'] !== 'running' && w['is_outdoor'] === false;
    for (const { w, graph } of graphs.filter((g) => indoorOffTread(g) && g.w['created_at'] < Date.UTC(2020, 10, 1) / 1000))
      expect(graph['splits_data'], w['id']).toEqual([]);
    for (const { w } of graphs.filter(({ w }) => w['created_at'] < Date.UTC(2020, 10, 1) / 1000))
      expect(older.details.get(w['id'])).not.toHaveProperty('total_heart_rate_zone_durations');
  });
});

describe('requests to the new routes', () => {
  it('are counted, logged and subject to injected faults like the others', async () => {
    const before = modern.sim.count('ride_details');
    const id = [...modern.rides.keys()][0]!;
    modern.sim.injectFaults(
      { route: 'ride_details', kind: 'status', status: 503, times: 1 },
      { route: 'overview', kind: 'status', status: 502, times: 1 },
    );
    expect((await call(modern, `/api/ride/${id}/details`)).status).toBe(503);
    expect((await call(modern, `/api/ride/${id}/details`)).status).toBe(200);
    expect((await call(modern, `/api/user/${modern.sim.history.userId}/overview`, { 'peloton-platform': 'web' })).status).toBe(502);
    expect(modern.sim.count('ride_details')).toBe(before + 2);
    expect(modern.sim.count('workout_detail')).toBeGreaterThanOrEqual(500);
    expect(modern.sim.count('overview')).toBeGreaterThan(0);
  });
});

// The stream schemas are written alongside: each body is checked, as a record of its stream, against
// whichever of them exist.
const schemaDir = fileURLToPath(new URL('../schemas/', import.meta.url));
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function validatorFor(stream: string): ValidateFunction | undefined {
  const file = `${schemaDir}${stream}.json`;
  if (!existsSync(file)) return undefined;
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
}

function recordsOf(stream: string, fixture: Fixture): Array<[string, unknown]> {
  const json = (value: unknown): Body => JSON.parse(JSON.stringify(value)) as Body;
  switch (stream) {
    case 'workouts':
      return fixture.list.map((w) => [w['id'], w]);
    case 'workout_metrics':
      return fixture.list.map((w) => [
        w['id'],
        {
          ...json(performanceGraph(fixture.sim.history.find(w['id'])!, 5)),
          id: w['id'],
          workout_id: w['id'],
          workout_created_at: w['created_at'],
        },
      ]);
    case 'workout_details':
      return [...fixture.details].map(([id, detail]) => [id, detail]);
    case 'ride_details':
      return [...fixture.rides].map(([id, details]) => [
        id,
        { ...details, id, workout_created_at: fixture.list.find((w) => w['ride']['id'] === id)!['created_at'] },
      ]);
    case 'user':
      return [['me', json(fixture.sim.profile())]];
    default:
      return [['overview', { ...json(fixture.sim.overview()), id: fixture.sim.history.userId }]];
  }
}

describe('the bodies as stream records', () => {
  for (const stream of ['workouts', 'workout_metrics', 'workout_details', 'ride_details', 'user', 'overview']) {
    it.skipIf(!existsSync(`${schemaDir}${stream}.json`))(`validate against schemas/${stream}.json`, () => {
      const validate = validatorFor(stream)!;
      const failures: string[] = [];
      for (const fixture of [modern, older]) {
        for (const [id, record] of recordsOf(stream, fixture)) {
          if (!validate(record)) failures.push(`${id}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
        }
      }
      expect(failures.slice(0, 5)).toEqual([]);
    });
  }
});
