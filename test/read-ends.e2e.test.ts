import { afterEach, describe, expect, it } from 'vitest';
import { catalog, readArgs, runCli } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

/** A read ends as soon as no selected stream needs anything more: it never waits on a page fetched ahead. */

let sim: PelotonSimulator | undefined;
afterEach(() => sim?.close());

// Longer than the test may take: a read that waited for the hanging page would fail by timing out.
const TIMEOUT_SECONDS = 600;

describe('a read whose streams are all done', () => {
  it('ends without waiting for the next list page, which hangs, once its only stream has failed', async () => {
    sim = await startSim({ workouts: 30, inProgress: 0 });
    // Page 0 answers; page 1 (fetched ahead while page 0 is handled) never does. The stream fails on a
    // graph of page 0 after the page ahead was asked for.
    sim.injectFaults(
      { route: 'workouts', kind: 'hang', skip: 1, times: 1 },
      { route: 'performance_graph', kind: 'status', status: 500, skip: 6, times: 1_000 },
    );
    const result = await runCli(
      readArgs(
        simConfig(sim, { page_size: 10, max_retries: 0, request_timeout_seconds: TIMEOUT_SECONDS }),
        catalog({ workout_metrics: 'full_refresh' }),
      ),
    );
    expect(result.exitCode).toBe(1);
    expect(result.statuses('workout_metrics')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    expect(sim.count('workouts')).toBe(2);
    expect(result.errors()).toHaveLength(1);
    expect(result.stderr).not.toMatch(/timed out/);
  });

  it('ends too when the page fetched ahead holds the only request slot (max_concurrency 1) and the other requests of the stream wait behind it', async () => {
    sim = await startSim({ workouts: 30, inProgress: 0 });
    sim.injectFaults(
      { route: 'workouts', kind: 'hang', skip: 1, times: 1 },
      { route: 'performance_graph', kind: 'status', status: 500, times: 1_000 },
    );
    const result = await runCli(
      readArgs(
        simConfig(sim, { page_size: 10, max_retries: 0, max_concurrency: 1, request_timeout_seconds: TIMEOUT_SECONDS }),
        catalog({ workout_metrics: 'full_refresh' }),
      ),
    );
    expect(result.exitCode).toBe(1);
    expect(result.statuses('workout_metrics')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
    // The graphs queued behind the page ahead were never asked for (the page itself may have been, and hung).
    expect(sim.count('performance_graph')).toBe(1);
    expect(sim.count('workouts')).toBeGreaterThanOrEqual(1);
  });
});
