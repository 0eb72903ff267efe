import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SimWorkout } from '../simulator/workouts.js';
import { catalog, readArgs, runCli, runRaw, STREAM_CONTRACT, writeFiles, type CliResult } from './helpers/cli.js';
import {
  classIdOf,
  expectedRecords,
  expectedRideDetailsRecords,
  isFinalWorkout,
  simConfig,
  startSim,
  type PelotonSimulator,
} from './helpers/sim.js';

/** user, overview, workout_details and ride_details against the simulator's own answers. */

let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: 260, inProgress: 1 })));
afterEach(() => sim.close());

type Modes = Record<string, 'full_refresh' | 'incremental'>;
const ALL: Modes = {
  workouts: 'full_refresh',
  workout_metrics: 'full_refresh',
  workout_details: 'full_refresh',
  ride_details: 'full_refresh',
  user: 'full_refresh',
  overview: 'full_refresh',
};

async function read(modes: Modes, state?: unknown, overrides: Record<string, unknown> = {}): Promise<CliResult> {
  return runCli(readArgs(simConfig(sim, overrides), catalog(modes), state));
}

const classesOf = (workouts: SimWorkout[]): Set<string> => new Set(workouts.map(classIdOf).filter((id) => id !== undefined));
const expectedRideDetails = (workouts: SimWorkout[]): Array<Record<string, unknown>> => expectedRideDetailsRecords(sim, workouts);
const finalWorkouts = (): SimWorkout[] => sim.history.all().filter((w) => isFinalWorkout(w));
const singerMessages = (stdout: string): Array<Record<string, any>> =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>);

describe('the four new streams, read in full', () => {
  it('each equals the simulator’s own answers: every expected record, no extra', async () => {
    const result = await read(ALL);
    expect(result.exitCode).toBe(0);
    expect(result.records('user')).toEqual([sim.profile()]);
    expect(result.records('overview')).toEqual([{ ...sim.overview(), id: sim.history.userId }]);
    expect(result.records('workout_details')).toEqual(finalWorkouts().map((w) => sim.workoutDetail(w.id)));
    expect(result.records('ride_details')).toEqual(expectedRideDetails(sim.history.all()));
    for (const stream of Object.keys(ALL)) expect(result.statuses(stream), stream).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
  });

  it('costs one request per workout for details, one per distinct class, none for Just Ride, and one list pass for all', async () => {
    await read(ALL);
    const workouts = sim.history.all();
    const classes = classesOf(workouts);
    expect(sim.count('workouts')).toBe(Math.ceil(workouts.length / 100));
    expect(sim.count('workout_detail')).toBe(finalWorkouts().length);
    expect(sim.count('ride_details')).toBe(classes.size);
    expect(new Set(sim.requests.filter((r) => r.route === 'ride_details').map((r) => r.path)).size).toBe(classes.size);
    expect(sim.requests.some((r) => r.route === 'ride_details' && r.path.includes('0'.repeat(32)))).toBe(false);
    expect(sim.count('me')).toBe(1);
    expect(sim.count('overview')).toBe(1);
    // The simulator refuses overview without the web platform header: its record proves the header was sent.
    expect(sim.requests.find((r) => r.route === 'overview')?.query).toEqual({ version: '1' });
  });

  it('makes child requests only for the streams selected', async () => {
    const result = await read({ ride_details: 'full_refresh' });
    expect(result.exitCode).toBe(0);
    expect(sim.count('performance_graph')).toBe(0);
    expect(sim.count('workout_detail')).toBe(0);
    expect(sim.count('me')).toBe(0);
    expect(result.records('workouts')).toEqual([]);
    expect(result.records('ride_details').length).toBeGreaterThan(10);
  });

  it('skips a class whose details answer 4xx, and a workout whose detail answers 404, with a warning each', async () => {
    const [first, second] = sim.history.all().filter((w) => classIdOf(w) !== undefined);
    sim.injectFaults({ route: 'ride_details', kind: 'status', status: 404, times: 1 });
    sim.injectFaults({ route: 'workout_detail', kind: 'status', status: 404, times: 1 });
    const result = await read({ workout_details: 'incremental', ride_details: 'incremental' });
    expect(result.exitCode).toBe(0);
    const warnings = result.messages.filter((m) => m['type'] === 'LOG' && m['log'].level === 'WARN').map((m) => String(m['log'].message));
    expect(warnings).toHaveLength(2);
    expect(
      warnings.some((w) => w.startsWith('ride_details: Peloton answered 404 for the details of class ') && w.includes(classIdOf(first!)!)),
    ).toBe(true);
    expect(warnings.some((w) => w.startsWith('workout_details: Peloton answered 404'))).toBe(true);
    expect(result.records('ride_details').map((r) => r['id'])).not.toContain(classIdOf(first!));
    expect(result.records('ride_details')[0]?.['id']).toBe(classIdOf(second!));
    expect(result.records('workout_details')).toHaveLength(finalWorkouts().length - 1);
  });

  it('retries transient faults on every new endpoint and loses nothing', async () => {
    for (const route of ['me', 'overview', 'workout_detail', 'ride_details'] as const) {
      sim.injectFaults({ route, kind: 'status', status: 503, times: 2 }, { route, kind: 'reset', times: 1, skip: 3 });
    }
    const result = await read(ALL);
    expect(result.exitCode).toBe(0);
    expect(result.records('user')).toEqual([sim.profile()]);
    expect(result.records('overview')).toHaveLength(1);
    expect(result.records('workout_details')).toHaveLength(finalWorkouts().length);
    expect(result.records('ride_details')).toEqual(expectedRideDetails(sim.history.all()));
  });

  it('a single-object stream that keeps failing ends INCOMPLETE while the others complete', async () => {
    sim.injectFaults({ route: 'overview', kind: 'status', status: 500, times: 100 });
    const result = await read(ALL, undefined, { max_retries: 1 });
    expect(result.exitCode).toBe(1);
    // Its only request failed: it never ran (as any root whose first request fails).
    expect(result.statuses('overview')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    expect(result.errors().map((e) => e['trace'].error.stream_descriptor?.name)).toEqual(['overview']);
    expect(result.records('overview')).toEqual([]);
    expect(result.statuses('user')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    expect(result.records('workouts')).toHaveLength(260);
  });
});

describe('sync modes come from the declarations', () => {
  it.each(STREAM_CONTRACT.filter((s) => s.cursor === undefined).map((s) => s.name))(
    'incremental on %s is refused before anything is fetched, naming the stream',
    async (stream) => {
      const result = await read({ workouts: 'incremental', [stream]: 'incremental' });
      expect(result.exitCode).toBe(1);
      expect(result.errors()[0]?.['trace'].error).toMatchObject({
        failure_type: 'config_error',
        message: expect.stringContaining(`'${stream}', which supports only full_refresh`),
      });
      expect(sim.requests).toEqual([]);
    },
  );

  it('discover offers the fifteen streams: full_refresh only and no cursor where there is none, their keys, their schemas', async () => {
    const paths = writeFiles({ 'config.json': simConfig(sim) });
    const { stdout } = await runRaw(['discover', '--config', paths['config.json']!]);
    const streams = (JSON.parse(stdout) as { catalog: { streams: Array<Record<string, any>> } }).catalog.streams;
    expect(streams.map((s) => s['name'])).toEqual(STREAM_CONTRACT.map((s) => s.name));
    for (const [i, { name, key, cursor }] of STREAM_CONTRACT.entries()) {
      const schema = JSON.parse(readFileSync(new URL(`../schemas/${name}.json`, import.meta.url), 'utf8')) as unknown;
      expect(streams[i], name).toEqual({
        name,
        json_schema: schema,
        supported_sync_modes: cursor === undefined ? ['full_refresh'] : ['full_refresh', 'incremental'],
        source_defined_cursor: cursor !== undefined,
        ...(cursor === undefined ? {} : { default_cursor_field: [cursor] }),
        source_defined_primary_key: key.map((field) => [field]),
        is_resumable: false,
      });
    }
  });
});

describe('incremental reads of the new child streams', () => {
  it('the next sync reads only new workouts’ details and classes, and the completed workout’s detail', async () => {
    const modes: Modes = { workout_details: 'incremental', ride_details: 'incremental' };
    const first = await read(modes);
    const inProgress = sim.history.all().find((w) => w.status === 'IN_PROGRESS')!;
    expect(first.records('workout_details').map((r) => r['id'])).not.toContain(inProgress.id);
    const added = sim.history.add(6);
    sim.history.completeInProgress();
    const before = sim.requests.length;
    const second = await read(modes, first.lastStates());
    expect(second.exitCode).toBe(0);
    expect(second.records('workout_details')).toEqual([...added.reverse(), inProgress].map((w) => sim.workoutDetail(w.id)));
    // Classes are read again when taken again in a later sync (destinations keep the newest by id).
    expect(second.records('ride_details')).toEqual(expectedRideDetails(added));
    const requests = sim.requests.slice(before);
    expect(requests.filter((r) => r.route === 'workout_detail')).toHaveLength(7);
    expect(requests.filter((r) => r.route === 'ride_details')).toHaveLength(classesOf(added).size);
  });

  it('Singer mode without a catalog reads all fifteen streams, with the records of the simulator and a bookmark per cursor', async () => {
    const paths = writeFiles({ 'config.json': simConfig(sim, { metrics_every_n: 60 }) });
    const { code, stdout } = await runRaw(['singer', '--config', paths['config.json']!]);
    expect(code).toBe(0);
    const messages = singerMessages(stdout);
    const records = (stream: string): unknown[] =>
      messages.filter((m) => m['type'] === 'RECORD' && m['stream'] === stream).map((m) => m['record']);
    const all = sim.history.all();
    for (const { name } of STREAM_CONTRACT) {
      const expected = expectedRecords(sim, name, all, 60);
      // Challenges by id: their content is checked in fan-out-records.e2e.test.ts.
      if (name === 'challenges') expect(records(name).map((r: any) => r['id'])).toEqual(expected.map((r) => r['id']));
      else expect(records(name), name).toEqual(expected);
      expect(records(name).length, name).toBeGreaterThan(0);
    }
    const bookmarks = messages.filter((m) => m['type'] === 'STATE').at(-1)?.['value'].bookmarks as Record<string, unknown>;
    // The newest workout is in progress: every cursor stops a second before it, but those of the class details,
    // which do not wait for a workout to end (README, State).
    const newest = all[0]!.created_at;
    for (const { name, cursor } of STREAM_CONTRACT.filter((s) => s.cursor !== undefined)) {
      const stop = name === 'ride_details' || name === 'class_songs' ? newest : newest - 1;
      expect(bookmarks[name], name).toMatchObject({ [cursor!]: stop });
    }
    const schemas = messages.filter((m) => m['type'] === 'SCHEMA');
    expect(schemas.map((m) => m['stream']).sort()).toEqual(STREAM_CONTRACT.map((s) => s.name).sort());
    expect(schemas.find((m) => m['stream'] === 'user')).not.toHaveProperty('bookmark_properties');
    expect(schemas.find((m) => m['stream'] === 'ride_details')?.['bookmark_properties']).toEqual(['workout_created_at']);
  });
});

describe('streams without cursor', () => {
  it('have nothing to bookmark: each final state is empty, and Singer writes no bookmark for them', async () => {
    const streams = STREAM_CONTRACT.filter((s) => s.cursor === undefined).map((s) => s.name);
    const airbyte = await read(Object.fromEntries(streams.map((s) => [s, 'full_refresh' as const])));
    expect(airbyte.exitCode).toBe(0);
    for (const name of streams) expect(airbyte.states(name).at(-1)?.['state'].stream.stream_state, name).toEqual({});
    const paths = writeFiles({ 'config.json': simConfig(sim) });
    const { code, stdout } = await runRaw(['singer', '--config', paths['config.json']!]);
    expect(code).toBe(0);
    const bookmarks = singerMessages(stdout)
      .filter((m) => m['type'] === 'STATE')
      .at(-1)?.['value'].bookmarks as Record<string, unknown>;
    expect(Object.keys(bookmarks).sort()).toEqual(
      STREAM_CONTRACT.filter((s) => s.cursor !== undefined)
        .map((s) => s.name)
        .sort(),
    );
  });
});
