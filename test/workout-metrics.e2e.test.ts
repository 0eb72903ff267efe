import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog, runCli, writeFiles } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: 130, inProgress: 1 })));
afterEach(() => sim.close());

async function read(streams: Record<string, 'full_refresh' | 'incremental'>, overrides: Record<string, unknown> = {}) {
  const paths = writeFiles({ 'config.json': simConfig(sim, overrides), 'catalog.json': catalog(streams) });
  return runCli(['read', '--config', paths['config.json']!, '--catalog', paths['catalog.json']!]);
}

describe('workout_metrics', () => {
  it('emits one performance graph per completed workout, with its id, workout_id and cursor', async () => {
    const result = await read({ workouts: 'full_refresh', workout_metrics: 'full_refresh' }, { metrics_every_n: 30 });
    const workouts = sim.history.all();
    const completed = workouts.filter((w) => w.status === 'COMPLETE');
    const metrics = result.records('workout_metrics');
    expect(metrics.map((m) => m['id'])).toEqual(completed.map((w) => w.id));
    for (const [i, m] of metrics.entries()) {
      expect(m['workout_id']).toBe(completed[i]!.id);
      expect(m['workout_created_at']).toBe(completed[i]!.created_at);
      expect(m['seconds_since_pedaling_start'][1]).toBe(30);
    }
    expect(sim.requests.filter((r) => r.route === 'performance_graph').every((r) => r.query['every_n'] === '30')).toBe(true);
    // The list is read once for both streams: two pages of 100.
    expect(sim.count('workouts')).toBe(2);
  });

  it('skips a workout whose graph answers 404, with a warning, and goes on', async () => {
    const gone = sim.history.all()[5]!;
    const realFind = sim.history.find.bind(sim.history);
    sim.history.find = (id) => (id === gone.id ? undefined : realFind(id));
    const result = await read({ workout_metrics: 'incremental' });
    expect(result.exitCode).toBe(0);
    expect(result.records('workout_metrics')).toHaveLength(128);
    expect(result.records('workout_metrics').map((m) => m['id'])).not.toContain(gone.id);
    expect(result.messages.filter((m) => m['type'] === 'LOG' && m['log'].level === 'WARN' && m['log'].message.includes(gone.id))).toHaveLength(1);
    expect(result.statuses('workout_metrics')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
  });

  it('can be selected alone, reading the workout list only to feed it', async () => {
    const result = await read({ workout_metrics: 'full_refresh' });
    expect(result.records('workouts')).toEqual([]);
    expect(result.records('workout_metrics')).toHaveLength(129);
    expect(result.statuses('workouts')).toEqual([]);
  });

  it('reads further back for metrics than for workouts when their states differ', async () => {
    const all = sim.history.all();
    const state = [
      { type: 'STREAM', stream: { stream_descriptor: { name: 'workouts' }, stream_state: { created_at: all[2]!.created_at } } },
      { type: 'STREAM', stream: { stream_descriptor: { name: 'workout_metrics' }, stream_state: { workout_created_at: all[120]!.created_at } } },
    ];
    const paths = writeFiles({ 'config.json': simConfig(sim), 'catalog.json': catalog({ workouts: 'incremental', workout_metrics: 'incremental' }), 'state.json': state });
    const result = await runCli(['read', '--config', paths['config.json']!, '--catalog', paths['catalog.json']!, '--state', paths['state.json']!]);
    expect(result.records('workouts').map((w) => w['id'])).toEqual(all.slice(0, 2).map((w) => w.id));
    expect(result.records('workout_metrics').map((m) => m['id'])).toEqual(all.slice(1, 120).map((w) => w.id));
  });
});
