import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog, runCli, writeFiles } from './helpers/cli.js';
import { iso, simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: 40, inProgress: 0, latencyMs: 25 })));
afterEach(() => sim.close());

async function read(overrides: Record<string, unknown>) {
  const paths = writeFiles({
    'config.json': simConfig(sim, overrides),
    'catalog.json': catalog({ workouts: 'full_refresh', workout_metrics: 'full_refresh' }),
  });
  return runCli(['read', '--config', paths['config.json']!, '--catalog', paths['catalog.json']!]);
}

describe('one request budget for the whole run', () => {
  it('never has more than max_concurrency requests in flight', async () => {
    const result = await read({ max_concurrency: 3, requests_per_second: 0 });
    expect(result.records('workout_metrics')).toHaveLength(40);
    expect(sim.peakInFlight).toBe(3);
  });

  it('keeps the request rate under requests_per_second, pages and graphs together', async () => {
    const result = await read({ max_concurrency: 8, requests_per_second: 20 });
    expect(result.records('workout_metrics')).toHaveLength(40);
    const times = sim.requests.map((r) => r.at);
    const seconds = (Math.max(...times) - Math.min(...times)) / 1000;
    // 41 requests at 20/s cannot take less than 2 s.
    expect(times.length).toBe(41);
    expect((times.length - 1) / seconds).toBeLessThanOrEqual(20 * 1.05);
  });

  it('defaults to a gentle pace: 3 requests per second, 3 at once', async () => {
    const spec = (await runCli(['spec'])).messages[0]?.['spec'].connectionSpecification.properties;
    expect([spec.requests_per_second.default, spec.max_concurrency.default]).toEqual([3, 3]);
    const {
      requests_per_second: _rps,
      max_concurrency: _c,
      ...defaults
    } = simConfig(sim, { start_date: iso(sim.history.all()[8]!.created_at) });
    const paths = writeFiles({
      'config.json': defaults,
      'catalog.json': catalog({ workouts: 'full_refresh', workout_metrics: 'full_refresh' }),
    });
    const result = await runCli(['read', '--config', paths['config.json']!, '--catalog', paths['catalog.json']!]);
    expect(result.records('workout_metrics')).toHaveLength(9);
    const times = sim.requests.map((r) => r.at);
    expect(times).toHaveLength(10);
    expect((times.length - 1) / ((Math.max(...times) - Math.min(...times)) / 1000)).toBeLessThanOrEqual(3 * 1.05);

    // At 3 requests per second nothing overlaps; with the rate ceiling off, the concurrency default shows.
    sim.peakInFlight = 0;
    // (undefined: the key is left out of the config file.)
    const unpaced = await read({ start_date: iso(sim.history.all()[8]!.created_at), max_concurrency: undefined });
    expect(unpaced.records('workout_metrics')).toHaveLength(9);
    expect(sim.peakInFlight).toBe(3);
  });
});
