import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { catalog, readArgs, runCli, runRaw, writeFiles } from './helpers/cli.js';
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

describe('a stream whose every request is refused', () => {
  it('fails instead of completing, and writes no state that would skip those classes for good', async () => {
    sim = await startSim({ workouts: 40, inProgress: 0 });
    sim.injectFaults({ route: 'ride_details', kind: 'status', status: 403, times: 1_000 });
    const result = await runCli(readArgs(simConfig(sim), catalog({ workouts: 'incremental', ride_details: 'incremental' })));
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

  it('completes when some requests are refused and others answered', async () => {
    sim = await startSim({ workouts: 40, inProgress: 0 });
    sim.injectFaults({ route: 'ride_details', kind: 'status', status: 403, times: 5 });
    const result = await runCli(readArgs(simConfig(sim), catalog({ ride_details: 'incremental' })));
    expect(result.exitCode).toBe(0);
    expect(result.messages.filter((m) => m['type'] === 'LOG' && m['log'].level === 'WARN')).toHaveLength(5);
    expect(result.states('ride_details').at(-1)?.['state'].stream.stream_state).toEqual({
      workout_created_at: sim.history.all()[0]!.created_at,
    });
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
    let seed = 1;
    for (; seed < 200; seed++) {
      const candidate = await startSim({ workouts: 5, inProgress: 0, seed });
      const newest = candidate.history.all();
      const found = classIdOf(newest[0]!) === undefined && newest.slice(1).some((w) => classIdOf(w) !== undefined);
      if (found) {
        sim = candidate;
        break;
      }
      await candidate.close();
    }
    expect(sim, 'a seed whose newest workout has no class').toBeDefined();
    const current = sim!;
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
