import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, readArgs, runCli, STREAM_CONTRACT } from './helpers/cli.js';
import { classIdOf, finalWorkouts, simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

/**
 * What the streams that select their records from another stream's answers cost: nothing beside that stream,
 * exactly its requests alone, and for all fifteen streams one request per item and root, whatever is selected.
 */

let sim: PelotonSimulator;
beforeAll(async () => (sim = await startSim({ workouts: 100, seed: 3, inProgress: 1 })));
afterAll(() => sim.close());

const ALL_STREAMS = STREAM_CONTRACT.map((s) => s.name);

/** A request as one comparable line: route, path and query (sorted). */
const requestLine = (route: string, path: string, query: Record<string, string>): string =>
  `${route} ${path}?${Object.entries(query)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')}`;

/** The requests (sorted) of one incremental first sync of `streams`; every_n 60 keeps the records few. */
async function requestsOf(streams: string[]): Promise<string[]> {
  sim.requests.length = 0;
  const incremental = (name: string): boolean => STREAM_CONTRACT.find((s) => s.name === name)?.cursor !== undefined;
  const modes = Object.fromEntries(streams.map((s) => [s, incremental(s) ? 'incremental' : 'full_refresh'] as const));
  const result = await runCli(readArgs(simConfig(sim, { page_size: 20, metrics_every_n: 60 }), catalog(modes)));
  expect(result.exitCode).toBe(0);
  for (const stream of streams) expect(result.statuses(stream).at(-1), stream).toBe('COMPLETE');
  return sim.requests.map((r) => requestLine(r.route, r.path, r.query)).sort();
}

describe('a stream beside the stream whose answers it reads', () => {
  it.each([
    ['workout_metrics', ['workout_samples', 'workout_locations', 'rower_strokes']],
    ['workout_details', ['strength_sets']],
    ['ride_details', ['class_songs']],
    ['overview', ['personal_records']],
  ])('%s, with %j beside it, costs the same requests as alone', async (source, derived) => {
    const alone = await requestsOf([source]);
    expect(alone.length).toBeGreaterThan(0);
    expect(await requestsOf([source, ...derived])).toEqual(alone);
  });
});

describe('a derived stream alone', () => {
  it.each([
    ['workout_samples', 'workout_metrics'],
    ['workout_locations', 'workout_metrics'],
    ['rower_strokes', 'workout_metrics'],
    ['strength_sets', 'workout_details'],
    ['class_songs', 'ride_details'],
    ['personal_records', 'overview'],
  ])('%s costs exactly the requests of %s alone', async (derived, source) => {
    const expected = await requestsOf([source]);
    expect(await requestsOf([derived])).toEqual(expected);
  });
});

describe('all fifteen streams together', () => {
  it('cost one list pass, one graph and one detail per final workout, one request per class, root and instructor page, 1 + N for challenges', async () => {
    const requests = await requestsOf(ALL_STREAMS);
    const all = sim.history.all();
    const finals = finalWorkouts(all).map((w) => w.id);
    const userPath = `/api/user/${sim.history.userId}`;
    const pages = (route: string, path: string, count: number, query: Record<string, string>): string[] =>
      Array.from({ length: count }, (_, page) => requestLine(route, path, { ...query, limit: '20', page: String(page) }));
    const classes = [...new Set(all.map(classIdOf).filter((id) => id !== undefined))];
    const expected = [
      ...pages('workouts', `${userPath}/workouts`, 5, { joins: 'ride,ride.instructor', sort_by: '-created' }),
      ...finals.map((id) => `performance_graph /api/workout/${id}/performance_graph?every_n=60`),
      ...finals.map((id) => `workout_detail /api/workout/${id}?joins=ride,ride.instructor`),
      ...classes.map((id) => `ride_details /api/ride/${id}/details?`),
      'me /api/me?',
      `overview ${userPath}/overview?version=1`,
      `achievements ${userPath}/achievements?`,
      ...pages('instructors', '/api/instructor', 3, {}),
      `challenges ${userPath}/challenges/current?has_joined=true`,
      ...sim.challengeTruth().map((c) => `challenge_detail ${userPath}/challenge/${c.summary.id}?`),
    ];
    expect(requests).toEqual(expected.sort());
    expect(finals).toHaveLength(99);
    expect(classes.length).toBeGreaterThan(50);
  });
});
