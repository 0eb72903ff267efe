import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteName } from '../simulator/faults.js';
import { PelotonSimulator, type SimulatorOptions } from '../simulator/server.js';
import type { SimWorkout } from '../simulator/workouts.js';
import { REAL_PAYLOADS_DIR } from './helpers/real-payloads.js';

// The achievements, instructors and challenges routes, strength sets, class songs and personal records, and the
// controls for retiring classes, checked against figures recomputed here from the history (sim.history) and
// against the simulator's own ground truth.

type Body = Record<string, any>;
const ZEROS = '0'.repeat(32);
const CLASS_ID = /^[0-9a-f]{32}$/;
const WEB = { 'peloton-platform': 'web' };

interface Fixture {
  sim: PelotonSimulator;
  token: string;
}

async function start(options: SimulatorOptions): Promise<Fixture> {
  const sim = await PelotonSimulator.start({ recordRequests: true, ...options });
  return { sim, token: sim.issueAccessToken() };
}

async function call(fixture: Fixture, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Body }> {
  const response = await fetch(`${fixture.sim.url}${path}`, { headers: { authorization: `Bearer ${fixture.token}`, ...headers } });
  return { status: response.status, body: (await response.json()) as Body };
}

const post = async (fixture: Fixture, path: string, body: unknown): Promise<{ status: number; body: Body }> => {
  const response = await fetch(`${fixture.sim.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Body };
};

const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const rideId = (w: SimWorkout): string => (w['ride'] as { id: string }).id;
const isClass = (id: string): boolean => CLASS_ID.test(id) && id !== ZEROS;
const yearOf = (w: SimWorkout): number => new Date(w.created_at * 1000).getUTCFullYear();

/** Seven years of history (2019-08 to 2026-09): strength sets of both generations, New Year's workouts, every class kind. */
let main: Fixture;
let user: string;
let chronological: SimWorkout[];
beforeAll(async () => {
  main = await start({ workouts: 4000, seed: 11, newestAt: 1_790_000_000 });
  user = main.sim.history.userId;
  chronological = main.sim.history.chronological();
});
afterAll(() => main.sim.close());

describe('GET /api/user/{id}/achievements', () => {
  it('groups every earned template by category, with the times the workout details show it earned', async () => {
    const { status, body } = await call(main, `/api/user/${user}/achievements`, WEB);
    expect(status).toBe(200);
    const earned = new Map<string, { count: number; template: Body }>();
    for (const w of chronological)
      for (const { achievement_count: _, ...template } of main.sim.workoutDetail(w.id)!['achievement_templates'] as Body[])
        earned.set(template['slug'], { count: (earned.get(template['slug'])?.count ?? 0) + 1, template });
    const listed: Body[] = body['categories'].flatMap((c: Body) => c['achievements']);
    expect(Object.fromEntries(listed.map((a) => [a['template']['slug'], a['count']]))).toEqual(
      Object.fromEntries([...earned].map(([slug, { count }]) => [slug, count])),
    );
    expect(listed).toHaveLength(earned.size);
    for (const achievement of listed)
      expect(achievement['template']).toEqual({
        ...earned.get(achievement['template']['slug'])!.template,
        animated_image_url: null,
        kinetic_token_background: null,
      });
    for (const category of body['categories']) {
      expect(Object.keys(category)).toEqual(['name', 'slug', 'achievements']);
      expect(category['achievements'].length).toBeGreaterThan(0);
    }
    expect(body['categories'].map((c: Body) => c['slug'])).toEqual(
      expect.arrayContaining(['workout_milestones', 'streaks', 'special_events']),
    );
  });

  it("agree with the overview's achievement counts and the ground truth", async () => {
    const { body } = await call(main, `/api/user/${user}/achievements`, WEB);
    const counts = main.sim.overview()['achievement_counts'] as Body;
    const bySlug = (list: Body[]): Record<string, unknown> =>
      Object.fromEntries(list.map((a) => [a['template']['slug'], [a['count'], a['template']]]));
    const listed = body['categories'].flatMap((c: Body) => c['achievements']);
    expect(bySlug(listed)).toEqual(bySlug(json(counts['achievements'])));
    expect(json(main.sim.achievementTruth())).toEqual(
      body['categories'].flatMap((c: Body) =>
        c['achievements'].map((a: Body) => ({ category: { name: c['name'], slug: c['slug'] }, ...a })),
      ),
    );
  });

  it("refuses another member's achievements (403) and a request without Peloton-Platform: web (400)", async () => {
    expect((await call(main, `/api/user/${'a'.repeat(32)}/achievements`, WEB)).status).toBe(403);
    expect((await call(main, `/api/user/${user}/achievements`)).status).toBe(400);
  });

  it('answers {categories: []} for a member who never earned one, and the workouts and overview carry none', async () => {
    const none = await start({ workouts: 200, seed: 4, achievements: false });
    try {
      expect((await call(none, `/api/user/${none.sim.history.userId}/achievements`, WEB)).body).toEqual({ categories: [] });
      expect(none.sim.achievementTruth()).toEqual([]);
      expect(none.sim.overview()['achievement_counts']).toEqual({ total_count: 0, achievements: [] });
      for (const w of none.sim.history.all()) expect(none.sim.workoutDetail(w.id)!['achievement_templates']).toEqual([]);
    } finally {
      await none.sim.close();
    }
  });
});

describe('GET /api/instructor', () => {
  const realInstructor = (): Body =>
    JSON.parse(readFileSync(join(REAL_PAYLOADS_DIR, 'instructors', 'pelotech_2020-08_instructor_detail.json'), 'utf8')) as Body;

  it('pages through the whole team: every page of `limit`, total on each, an empty page past the end', async () => {
    const pages: Body[] = [];
    for (let page = 0; page < 5; page++) pages.push((await call(main, `/api/instructor?page=${page}&limit=20`)).body);
    expect(pages.map((p) => p['data'].length)).toEqual([20, 20, 19, 0, 0]);
    for (const [page, body] of pages.entries())
      expect(body).toMatchObject({
        total: 59,
        count: body['data'].length,
        page,
        limit: 20,
        page_count: 3,
        show_previous: page > 0,
        show_next: page < 2,
      });
    const team = pages.flatMap((p) => p['data']);
    expect(team).toEqual(json(main.sim.instructorTruth()));
    expect(new Set(team.map((i) => i['id'])).size).toBe(59);
    expect(team.map((i) => i['list_order'])).toEqual(team.map((_, i) => i + 1));
    const capped = (await call(main, '/api/instructor?page=0&limit=500')).body;
    expect([capped['limit'], capped['data'].length]).toEqual([100, 59]);
  });

  it('carries the 35 keys of the real object with compatible types, every field but id and name nullable', () => {
    const real = realInstructor();
    const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
    const team = json(main.sim.instructorTruth()) as Body[];
    const nulls = new Set<string>();
    for (const instructor of team) {
      expect(Object.keys(instructor)).toEqual(expect.arrayContaining(Object.keys(real)));
      for (const [key, value] of Object.entries(real)) {
        if (instructor[key] === null) nulls.add(key);
        else expect([kind(value), 'null'], key).toContain(kind(instructor[key]));
      }
      expect(instructor['id']).toMatch(CLASS_ID);
      expect(typeof instructor['name']).toBe('string');
      for (const pair of instructor['ordered_q_and_as']) expect(pair.map(kind)).toEqual(['string', 'string']);
      expect(instructor['ordered_q_and_as'].at(-1)).toEqual(['', '']);
    }
    expect([...nulls]).toEqual(expect.arrayContaining(['spotify_playlist_uri', 'life_style_image_url', 'jumbotron_url']));
    expect(team.filter((i) => i['is_instructor_group'] === true).map((i) => i['individual_instructor_ids'].length)).toEqual([2]);
  });

  it('lists every instructor the classes embed, the very object of ride.instructor', () => {
    const team = new Map(json(main.sim.instructorTruth()).map((i) => [i['id'], i]));
    let embedded = 0;
    for (const w of chronological) {
      const ride = json(w['ride']) as Body;
      if (ride['instructor_id'] === null || ride['instructor_id'] === undefined) continue;
      embedded++;
      expect(ride['instructor']).toEqual(team.get(ride['instructor_id']));
    }
    expect(embedded).toBeGreaterThan(1000);
  });

  it('answers one instructor by id, 404 for an unknown one', async () => {
    const [first] = main.sim.instructorTruth();
    expect((await call(main, `/api/instructor/${String(first!['id'])}`)).body).toEqual(json(first));
    expect((await call(main, `/api/instructor/${'f'.repeat(32)}`)).status).toBe(404);
  });
});

describe('challenges', () => {
  const list = (fixture: Fixture, query = '?has_joined=true'): Promise<{ status: number; body: Body }> =>
    call(fixture, `/api/user/${fixture.sim.history.userId}/challenges/current${query}`, WEB);
  /** Whole minutes of finished workouts in [start, end], of one discipline or all. */
  const minutes = (start: number, end: number, discipline?: string): number =>
    Math.floor(
      chronological
        .filter((w) => w.status === 'COMPLETE' && w.created_at >= start && w.created_at <= end)
        .filter((w) => discipline === undefined || w['fitness_discipline'] === discipline)
        .reduce((sum, w) => sum + (w['ride'] as { duration: number }).duration, 0) / 60,
    );

  it("lists the year's annual challenge and the month's cycling challenge, with progress from the history", async () => {
    const { status, body } = await list(main);
    expect(status).toBe(200);
    const newest = new Date(chronological.at(-1)!.created_at * 1000);
    const [year, month] = [newest.getUTCFullYear(), newest.getUTCMonth()];
    const annual = { start: Date.UTC(year, 0, 1) / 1000, end: Date.UTC(year + 1, 0, 1) / 1000 - 1 };
    const monthly = { start: Date.UTC(year, month, 1) / 1000, end: Date.UTC(year, month + 1, 1) / 1000 - 1 };
    expect(
      body['challenges'].map((c: Body) => [
        c['challenge_summary']['title'],
        c['challenge_summary']['start_time'],
        c['challenge_summary']['end_time'],
      ]),
    ).toEqual([
      [`The Annual ${year}`, annual.start, annual.end],
      [expect.stringMatching(/ Cycling Challenge$/), monthly.start, monthly.end],
    ]);
    expect(body['challenges'].map((c: Body) => c['progress']['metric_value'])).toEqual([
      minutes(annual.start, annual.end),
      minutes(monthly.start, monthly.end, 'cycling'),
    ]);
    for (const challenge of body['challenges']) {
      const summary = challenge['challenge_summary'];
      expect(Object.keys(summary).sort()).toEqual(
        ['background_image_url', 'challenge_type', 'description', 'end_time', 'id', 'start_time', 'symbol_image_url', 'title'].sort(),
      );
      expect(summary['id']).toMatch(CLASS_ID);
      expect(summary['challenge_type']).toBe('individual');
      expect(Number.isInteger(challenge['participants']['total_count'])).toBe(true);
      const progress = challenge['progress'];
      expect(progress['current_tier']['metric_value']).toBeLessThanOrEqual(progress['metric_value']);
      expect(progress['current_tier']['metric_display_unit']).toBe('min');
    }
  });

  it('details each joined challenge: tiers from a zero tier up, and the same progress', async () => {
    const { body } = await list(main);
    const truth = main.sim.challengeTruth();
    expect(truth.map((c) => c.summary.id)).toEqual(body['challenges'].map((c: Body) => c['challenge_summary']['id']));
    for (const challenge of body['challenges']) {
      const id = challenge['challenge_summary']['id'];
      const detail = (await call(main, `/api/user/${user}/challenge/${id}`, WEB)).body;
      expect(detail['challenge_summary']).toEqual(challenge['challenge_summary']);
      expect(detail['progress']).toEqual({ metric_value: challenge['progress']['metric_value'], metric_display_unit: 'min' });
      const tiers: Body[] = detail['challenge_detail']['tiers'];
      expect(tiers[0]!['metric_value']).toBe(0);
      expect(tiers.map((t) => t['metric_value'])).toEqual([...tiers.map((t) => t['metric_value'])].sort((a, b) => a - b));
      for (const tier of tiers)
        expect(Object.keys(tier).sort()).toEqual(['detailed_badge_image_url', 'id', 'metric_display_unit', 'metric_value', 'title']);
      const reached = tiers.filter((t) => t['metric_value'] <= challenge['progress']['metric_value']).at(-1)!;
      expect(challenge['progress']['current_tier']['id']).toBe(reached['id']);
      expect(typeof detail['challenge_detail']['detailed_description']).toBe('string');
      expect(json(truth.find((c) => c.summary.id === id)!.tiers)).toEqual(tiers);
    }
  });

  it('answers 404 for an unknown challenge, 403 for another member, 400 without the header or has_joined', async () => {
    expect((await call(main, `/api/user/${user}/challenge/${'e'.repeat(32)}`, WEB)).status).toBe(404);
    expect((await call(main, `/api/user/${'a'.repeat(32)}/challenges/current?has_joined=true`, WEB)).status).toBe(403);
    expect((await call(main, `/api/user/${user}/challenges/current?has_joined=true`)).status).toBe(400);
    expect((await list(main, '')).status).toBe(400);
    expect((await list(main, '?has_joined=false')).body).toEqual({ challenges: [] });
  });

  it('answers {challenges: []} for a member in none', async () => {
    const none = await start({ workouts: 50, seed: 4, challenges: false });
    try {
      expect((await list(none)).body).toEqual({ challenges: [] });
      expect(none.sim.challengeTruth()).toEqual([]);
    } finally {
      await none.sim.close();
    }
  });
});

describe('strength sets', () => {
  const tracked = (): Array<{ w: SimWorkout; data: Body | null | undefined; sets: Body[] }> =>
    chronological
      .filter((w) => w['fitness_discipline'] === 'strength')
      .map((w) => {
        const detail = main.sim.workoutDetail(w.id)!;
        const data = detail['movement_tracker_data'] as Body | null | undefined;
        return { w, data, sets: data?.['completed_movements_summary_data']?.['repetition_summary_data'] ?? [] };
      });

  it('come in both generations of names: 2023–2024 is_hold / target_number / completed_number / total_volume, 2025 on tracking_type / completed_reps / completed_duration, some 2025 sets both', () => {
    const older = tracked().filter(({ w, sets }) => sets.length > 0 && yearOf(w) < 2025);
    const newer = tracked().filter(({ w, sets }) => sets.length > 0 && yearOf(w) >= 2025);
    expect([older.length, newer.length].every((n) => n > 20)).toBe(true);
    const common = ['movement_id', 'movement_name', 'offset', 'length', 'weight'];
    const keysOf = (set: Body): string => Object.keys(set).sort().join();
    const generation2023 = [...common, 'is_hold', 'target_number', 'completed_number', 'total_volume'].sort().join();
    const generation2025 = [...common, 'tracking_type', 'completed_reps', 'completed_duration'].sort().join();
    const bothGenerations = [
      ...common,
      'tracking_type',
      'completed_reps',
      'completed_duration',
      'target_number',
      'target_reps',
      'total_volume',
    ]
      .sort()
      .join();
    for (const { sets } of older)
      for (const set of sets) {
        expect(keysOf(set)).toBe(generation2023);
        expect([typeof set['is_hold'], typeof set['target_number'], typeof set['completed_number']]).toEqual([
          'boolean',
          'number',
          'number',
        ]);
      }
    let both = 0;
    for (const { sets } of newer)
      for (const set of sets) {
        expect([generation2025, bothGenerations]).toContain(keysOf(set));
        expect(['rep_counting', 'time_tracked_rep', 'time_based']).toContain(set['tracking_type']);
        expect([typeof set['completed_reps'], typeof set['completed_duration']]).toEqual(['number', 'number']);
        if ('target_number' in set) both++;
      }
    expect(both).toBeGreaterThan(0);
    expect(newer.flatMap(({ sets }) => sets).some((set) => !('target_number' in set))).toBe(true);
  });

  it('are the class plan’s movement blocks, with weights null on some sets and a body-weight category', async () => {
    const categories = new Set<string | null>();
    // Gym sessions (dashed ids, no details) are tracked too; the classes are checked against their details.
    const withDetails = tracked().filter(({ w, sets: s }) => s.length > 0 && isClass(rideId(w)));
    expect(withDetails.length).toBeGreaterThan(30);
    for (const { w, sets } of withDetails.slice(-30)) {
      const details = main.sim.rideDetails(rideId(w))!;
      const blocks = (details['segments'] as Body)['segment_list'].flatMap((s: Body) =>
        s['subsegments_v2'].map((sub: Body) => [sub['movements'][0]['id'], s['start_time_offset'] + sub['offset'], sub['length']]),
      );
      expect(sets.map((set) => [set['movement_id'], set['offset'], set['length']])).toEqual(blocks);
      for (const set of sets) {
        if (set['weight'] === null) categories.add(null);
        for (const weight of set['weight'] ?? []) categories.add(weight['weight_category']);
      }
    }
    expect(categories).toEqual(new Set([null, 'heavy', 'medium', 'light', 'body_weight']));
  });

  it('are what the ground truth reports, with the array index as position; untracked details carry null, {} or no key', () => {
    const shapes = new Set<string>();
    for (const { w, data, sets } of tracked()) {
      expect(main.sim.strengthSetTruth(w.id)).toEqual(sets.map((set, position) => ({ position, ...set })));
      shapes.add(data === undefined ? 'absent' : data === null ? 'null' : Object.keys(data).length === 0 ? 'empty' : 'sets');
    }
    expect(shapes).toEqual(new Set(['absent', 'null', 'empty', 'sets']));
    expect(main.sim.strengthSetTruth(chronological.find((w) => w['fitness_discipline'] === 'cycling')!.id)).toEqual([]);
  });
});

describe('class songs', () => {
  it('are the playlist of the class details, with their index; none for scenic rides; explicit ratings from 2023', () => {
    const ids = [...new Set(chronological.map(rideId).filter(isClass))];
    let liked = 0;
    const kinds = new Set<string>();
    for (const id of ids) {
      const details = main.sim.rideDetails(id)!;
      const songs = (details['playlist'] as Body)['songs'] as Body[];
      expect(main.sim.classSongTruth(id)).toEqual(songs.map((song, position) => ({ position, ...song })));
      const ride = details['ride'] as Body;
      kinds.add(`${String(ride['content_provider'])}:${songs.length > 0}`);
      const rated = new Date(ride['original_air_time'] * 1000).getUTCFullYear() >= 2023;
      for (const song of songs) {
        expect('explicit_rating' in song).toBe(rated);
        expect(song['artists'].length).toBeGreaterThan(0);
        expect(Object.keys(song['album']).sort()).toEqual(['id', 'image_url', 'name']);
        if (song['liked'] === true) liked++;
      }
    }
    expect(kinds).toEqual(new Set(['peloton:true', 'virtual_active:false']));
    expect(liked).toBeGreaterThan(0);
    expect(main.sim.classSongTruth(ZEROS)).toBeUndefined();
  });
});

describe('personal records', () => {
  it('are the overview’s records with their group slug as discipline', () => {
    const groups = main.sim.overview()['personal_records'] as Body[];
    expect(json(main.sim.personalRecordTruth())).toEqual(
      groups.flatMap((g) => g['records'].map((r: Body) => ({ discipline: g['slug'], ...r }))),
    );
    expect(groups.map((g) => g['slug'])).toEqual(['cycling', 'running', 'walking', 'caesar', 'bike_bootcamp']);
  });
});

describe('retired classes and workouts taking given classes', () => {
  it('make three new workouts whose classes then answer 404, in process', async () => {
    const fixture = await start({ workouts: 120, seed: 9 });
    try {
      const taken = [...new Set(fixture.sim.history.all().map(rideId).filter(isClass))].slice(0, 3);
      const before = fixture.sim.history.all().length;
      const added = fixture.sim.history.add(3, 0, { rideIds: taken });
      expect(added.map(rideId)).toEqual(taken);
      expect(
        fixture.sim.history
          .all()
          .slice(0, 3)
          .map((w) => w.id),
      ).toEqual(added.map((w) => w.id).reverse());
      for (const w of added) {
        const ride = w['ride'] as Body;
        expect([w['fitness_discipline'], w['status']]).toEqual([ride['fitness_discipline'], 'COMPLETE']);
        expect(fixture.sim.workoutDetail(w.id)).toBeDefined();
      }
      expect(fixture.sim.history.all()).toHaveLength(before + 3);
      for (const id of taken) expect((await call(fixture, `/api/ride/${id}/details`)).status).toBe(200);
      fixture.sim.retireClasses(...taken);
      for (const id of taken) {
        const { status, body } = await call(fixture, `/api/ride/${id}/details`);
        expect([status, body['status']]).toEqual([404, 404]);
        expect(fixture.sim.rideDetails(id)).toBeUndefined();
        expect(fixture.sim.classSongTruth(id)).toBeUndefined();
      }
      expect(() => fixture.sim.history.add(1, 0, { rideIds: ['f'.repeat(32)] })).toThrow(/no class/);
      expect(fixture.sim.history.all()).toHaveLength(before + 3);
    } finally {
      await fixture.sim.close();
    }
  });

  it('do the same through the control endpoints', async () => {
    const fixture = await start({ workouts: 60, seed: 10 });
    try {
      const id = fixture.sim.history.all().map(rideId).find(isClass)!;
      const { body } = await post(fixture, '/__simulator/workouts', { count: 2, ride_ids: [id] });
      expect(body['added'].map((w: string) => rideId(fixture.sim.history.find(w)!))).toEqual([id, id]);
      expect((await post(fixture, '/__simulator/retire', { ride_ids: [id] })).body).toEqual({ retired: [id] });
      expect((await call(fixture, `/api/ride/${id}/details`)).status).toBe(404);
      const refused = await post(fixture, '/__simulator/workouts', { count: 1, ride_ids: ['f'.repeat(32)] });
      expect(refused.status).toBe(400);
      expect(fixture.sim.history.all()).toHaveLength(62);
    } finally {
      await fixture.sim.close();
    }
  });
});

describe('requests to the routes of this file', () => {
  it('are counted under their route names and take injected faults', async () => {
    const paths: Array<[RouteName, string, Record<string, string>]> = [
      ['achievements', `/api/user/${user}/achievements`, WEB],
      ['instructors', '/api/instructor?page=0&limit=10', {}],
      ['instructor', `/api/instructor/${String(main.sim.instructorTruth()[0]!['id'])}`, {}],
      ['challenges', `/api/user/${user}/challenges/current?has_joined=true`, WEB],
      ['challenge_detail', `/api/user/${user}/challenge/${main.sim.challengeTruth()[0]!.summary.id}`, WEB],
    ];
    for (const [route, path, headers] of paths) {
      const before = main.sim.count(route);
      main.sim.injectFaults({ route: route, kind: 'status', status: 503, times: 1 });
      expect((await call(main, path, headers)).status).toBe(503);
      expect((await call(main, path, headers)).status).toBe(200);
      expect(main.sim.count(route)).toBe(before + 2);
    }
  });
});
