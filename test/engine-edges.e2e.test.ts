import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { catalog, readArgs, runCli, runRaw, writeFiles, type CliResult } from './helpers/cli.js';
import { classIdOf, simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

/** Edges of the engine: cancelled requests, the record limit, statuses for streams held up, refused routes. */

let sim: PelotonSimulator | undefined;
afterEach(() => sim?.close());

describe('a child stream that fails', () => {
  it('cancels its queued requests instead of asking Peloton on after the sync has ended', async () => {
    sim = await startSim({ workouts: 150, inProgress: 0 });
    sim.injectFaults({ route: 'workout_detail', kind: 'status', status: 500, times: 1_000 });
    const result = await runCli(
      readArgs(
        simConfig(sim, { max_retries: 0, requests_per_second: 50, max_concurrency: 2 }),
        catalog({ workouts: 'full_refresh', workout_details: 'full_refresh' }),
      ),
    );
    expect(result.exitCode).toBe(1);
    expect(result.statuses('workout_details')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    expect(result.records('workouts')).toHaveLength(150);
    const atEnd = sim.count('workout_detail');
    // Requests already in flight when it failed may land; the 100 queued behind them must not.
    expect(atEnd).toBeLessThanOrEqual(4);
    await sleep(500);
    expect(sim.count('workout_detail')).toBe(atEnd);
  });
});

type StreamState = Record<string, any>;
const lastState = (result: CliResult, stream: string): StreamState | undefined =>
  result.states(stream).at(-1)?.['state'].stream.stream_state;
const warnings = (result: CliResult): string[] =>
  result.messages.filter((m) => m['type'] === 'LOG' && m['log'].level === 'WARN').map((m) => String(m['log'].message));
const classRequests = (from: number): string[] =>
  sim!.requests
    .slice(from)
    .filter((r) => r.route === 'ride_details')
    .map((r) => r.path.split('/')[3]!);

describe('refused partitions: the rule neither wedges a stream nor loses data', () => {
  const modes = catalog({ workouts: 'incremental', ride_details: 'incremental' });
  const sync = (current: PelotonSimulator, state?: unknown): Promise<CliResult> => runCli(readArgs(simConfig(current), modes, state));

  it('a route that refuses everything on a first sync fails it, and writes no state that would skip those classes', async () => {
    const current = (sim = await startSim({ workouts: 40, inProgress: 0 }));
    current.injectFaults({ route: 'ride_details', kind: 'status', status: 404, times: 1_000 });
    const result = await sync(current);
    expect(result.exitCode).toBe(1);
    expect(result.statuses('ride_details')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    expect(result.states('ride_details')).toEqual([]);
    expect(result.errors().map((e) => e['trace'].error)).toEqual([
      expect.objectContaining({
        stream_descriptor: { name: 'ride_details' },
        message: expect.stringMatching(/none succeeded; Peloton may have changed this route/),
      }),
    ]);
    expect(result.statuses('workouts')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
  });

  it('a route that starts refusing everything later fails even though it answered before, keeps its state, and loses nothing once it answers again', async () => {
    const current = (sim = await startSim({ workouts: 40, inProgress: 0 }));
    const first = await sync(current);
    expect(first.exitCode).toBe(0);
    const added = current.history.add(5);
    current.injectFaults({ route: 'ride_details', kind: 'status', status: 404, times: 1_000 });
    const broken = await sync(current, first.lastStates());
    expect(broken.exitCode).toBe(1);
    expect(broken.errors()[0]?.['trace'].error.message).toMatch(/not even one that answered in an earlier sync/);
    // Nothing claims the refused classes: the stream's state is the one it started from.
    expect(broken.states('ride_details')).toEqual([]);
    current.faults.clear();
    const mended = await sync(current, [
      ...broken.lastStates(),
      ...first.lastStates().filter((m) => m['stream'].stream_descriptor.name === 'ride_details'),
    ]);
    expect(mended.exitCode).toBe(0);
    const expected = new Set(added.map(classIdOf).filter((id) => id !== undefined));
    expect(new Set(mended.records('ride_details').map((r) => String(r['id'])))).toEqual(expected);
  });

  it("retired classes among a sync's new workouts: the sync completes, the cursor moves, they are asked again on later syncs, then given up with a warning", async () => {
    const current = (sim = await startSim({ workouts: 40, inProgress: 0 }));
    const first = await sync(current);
    expect(first.exitCode).toBe(0);
    const answered = lastState(first, 'ride_details')?.['answered'] as string[];
    expect(answered).toHaveLength(3);
    // Three classes from the history that are not the ones kept as proof that the route works.
    const retired = [...new Set(current.history.all().map(classIdOf))]
      .filter((id): id is string => id !== undefined && !answered.includes(id))
      .slice(0, 3);
    expect(retired).toHaveLength(3);
    const added = current.history.add(3, 0, { rideIds: retired });
    current.retireClasses(...retired);

    const before = current.requests.length;
    const second = await sync(current, first.lastStates());
    expect(second.exitCode).toBe(0);
    expect(second.statuses('ride_details')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    expect(second.records('ride_details')).toEqual([]);
    expect(warnings(second).filter((w) => /answered 404/.test(w))).toHaveLength(3);
    // The three refused classes, then one class that answered in the first sync: the route works.
    const asked = classRequests(before);
    expect(asked.slice(0, 3).sort()).toEqual([...retired].sort());
    expect(asked.slice(3)).toEqual([answered[0]]);
    const secondState = lastState(second, 'ride_details')!;
    expect(secondState['workout_created_at']).toBe(added.at(-1)!.created_at);
    expect(secondState['refused']).toEqual(
      expect.arrayContaining(added.map((w) => ({ key: classIdOf(w), cursor: w.created_at, syncs: 1 }))),
    );

    const third = await sync(current, second.lastStates());
    expect(third.exitCode).toBe(0);
    expect((lastState(third, 'ride_details')!['refused'] as StreamState[]).map((e) => e['syncs'])).toEqual([2, 2, 2]);

    const fourth = await sync(current, third.lastStates());
    expect(fourth.exitCode).toBe(0);
    const givenUp = warnings(fourth).filter((w) => /gave up on/.test(w));
    expect(givenUp).toHaveLength(1);
    for (const id of retired) expect(givenUp[0]).toContain(id);
    expect(lastState(fourth, 'ride_details')).toEqual({ workout_created_at: added.at(-1)!.created_at, answered });

    // Given up means no longer asked for.
    const beforeFifth = current.requests.length;
    await sync(current, fourth.lastStates());
    expect(classRequests(beforeFifth)).toEqual([]);
  });

  it('classes refused on one sync and answering on the next are emitted then, with the cursor of their newest workout', async () => {
    const current = (sim = await startSim({ workouts: 40, inProgress: 0 }));
    const first = await sync(current);
    const added = current.history.add(4).filter((w) => classIdOf(w) !== undefined);
    // One record per class, carrying the newest of its refused workouts' created_at (kept in the state).
    const newestOfClass = new Map<string, number>();
    for (const w of added) newestOfClass.set(classIdOf(w)!, Math.max(newestOfClass.get(classIdOf(w)!) ?? 0, w.created_at));
    current.injectFaults({ route: 'ride_details', kind: 'status', status: 404, times: newestOfClass.size });
    const second = await sync(current, first.lastStates());
    expect(second.exitCode).toBe(0);
    expect(second.records('ride_details')).toEqual([]);
    const third = await sync(current, second.lastStates());
    expect(third.exitCode).toBe(0);
    expect(new Map(third.records('ride_details').map((r) => [String(r['id']), Number(r['workout_created_at'])]))).toEqual(newestOfClass);
    expect(lastState(third, 'ride_details')!['refused']).toBeUndefined();
  });
});

describe('streams sharing a list read to different depths', () => {
  it('a stream whose window is read completes, even when a page below it fails for a stream that reads further back', async () => {
    const current = (sim = await startSim({ workouts: 60, inProgress: 0 }));
    const first = await runCli(readArgs(simConfig(current), catalog({ workouts: 'incremental' })));
    current.history.add(5);
    // Pages of 10: the five new workouts are on page 0; pages from 2 on fail, which only workout_details needs.
    current.injectFaults({ route: 'workouts', kind: 'status', status: 500, skip: 2, times: 1_000 });
    const result = await runCli(
      readArgs(
        simConfig(current, { page_size: 10, max_retries: 0 }),
        catalog({ workouts: 'incremental', workout_details: 'incremental' }),
        first.lastStates(),
      ),
    );
    expect(result.exitCode).toBe(1);
    expect(result.statuses('workouts')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    expect(result.states('workouts').at(-1)?.['state'].stream.stream_state).toEqual({ created_at: current.history.all()[0]!.created_at });
    expect(result.statuses('workout_details')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    expect(result.errors().map((e) => e['trace'].error.stream_descriptor?.name)).toEqual(['workout_details']);
  });
});

describe('a refused class asked again while a new workout takes it', () => {
  it('is asked once in the sync, emitted once, and its records come after the stream is RUNNING', async () => {
    const current = (sim = await startSim({ workouts: 40, inProgress: 0 }));
    const modes = catalog({ ride_details: 'incremental', class_songs: 'incremental' });
    const first = await runCli(readArgs(simConfig(current), modes));
    const classId = classIdOf(current.history.all().find((w) => classIdOf(w) !== undefined)!)!;
    current.history.add(1, 0, { rideIds: [classId] });
    current.injectFaults({ route: 'ride_details', kind: 'status', status: 404, times: 1 });
    const refused = await runCli(readArgs(simConfig(current), modes, first.lastStates()));
    expect(refused.exitCode).toBe(0);
    expect(lastState(refused, 'ride_details')!['refused']).toEqual([expect.objectContaining({ key: classId, syncs: 1 })]);

    // Taken again: the class is both a refused partition to ask again and a key of the new window.
    current.history.add(1, 0, { rideIds: [classId] });
    const before = current.requests.length;
    const again = await runCli(readArgs(simConfig(current), modes, refused.lastStates()));
    expect(again.exitCode).toBe(0);
    expect(classRequests(before)).toEqual([classId]);
    expect(again.records('ride_details').map((r) => r['id'])).toEqual([classId]);
    expect(new Set(again.records('class_songs').map((r) => r['ride_id']))).toEqual(new Set([classId]));
    const kinds = again.messages.map((m) =>
      m['type'] === 'RECORD' ? 'RECORD' : m['type'] === 'TRACE' ? m['trace'].stream_status?.status : undefined,
    );
    expect(kinds.indexOf('RUNNING')).toBeLessThan(kinds.indexOf('RECORD'));
    expect(lastState(again, 'ride_details')!['refused']).toBeUndefined();
  });
});

describe('a rate-limited list page', () => {
  it('marks the selected streams it holds up RATE_LIMITED, and never a stream that is not selected', async () => {
    sim = await startSim({ workouts: 30, inProgress: 0 });
    sim.injectFaults({ route: 'workouts', kind: 'status', status: 429, retryAfter: '0', times: 1 });
    const result = await runCli(readArgs(simConfig(sim), catalog({ ride_details: 'full_refresh' })));
    expect(result.exitCode).toBe(0);
    const statuses = result.messages
      .filter((m) => m['type'] === 'TRACE' && m['trace'].type === 'STREAM_STATUS')
      .map((m) => m['trace'].stream_status);
    expect(statuses.every((s) => s.stream_descriptor.name === 'ride_details')).toBe(true);
    expect(statuses.filter((s) => s.reasons?.[0]?.type === 'RATE_LIMITED')).toHaveLength(1);
  });
});

describe('Singer --test', () => {
  it('gives every selected stream its one record even when the first workout has no class and a graph is slow', async () => {
    // A history whose newest workout is a Just Ride: ride_details' one record comes from the next page.
    let found: PelotonSimulator | undefined;
    for (let seed = 1; seed < 200 && found === undefined; seed++) {
      const candidate = await startSim({ workouts: 5, inProgress: 0, seed });
      const newest = candidate.history.all();
      if (classIdOf(newest[0]!) === undefined && newest.slice(1).some((w) => classIdOf(w) !== undefined)) found = candidate;
      else await candidate.close();
    }
    expect(found, 'a seed whose newest workout has no class').toBeDefined();
    const current = (sim = found!);
    current.injectFaults({ route: 'performance_graph', kind: 'status', status: 503, times: 1 });
    const selected = ['workouts', 'workout_metrics', 'ride_details'];
    const singerCatalog = {
      streams: selected.map((name) => ({
        tap_stream_id: name,
        stream: name,
        schema: {},
        metadata: [{ breadcrumb: [], metadata: { selected: true } }],
      })),
    };
    const paths = writeFiles({ 'config.json': simConfig(current, { page_size: 1 }), 'catalog.json': singerCatalog });
    const { code, stdout } = await runRaw(['singer', '--config', paths['config.json']!, '--catalog', paths['catalog.json']!, '--test']);
    expect(code).toBe(0);
    const records = stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, any>)
      .filter((m) => m['type'] === 'RECORD');
    expect(selected.map((name) => records.filter((m) => m['stream'] === name).length)).toEqual([1, 1, 1]);
  });
});
