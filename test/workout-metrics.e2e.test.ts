import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog, readArgs, runCli, writeFiles } from './helpers/cli.js';
import { expectedMetricsRecord, simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

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
    expect(result.exitCode).toBe(0);
    // Each record is the simulator's graph at every_n=30, plus the workout's id and cursor.
    expect(result.records('workout_metrics')).toEqual(completed.map((w) => expectedMetricsRecord(w, 30)));
    const graphRequests = sim.requests.filter((r) => r.route === 'performance_graph');
    expect(graphRequests).toHaveLength(completed.length);
    expect(graphRequests.filter((r) => r.query['every_n'] !== '30')).toEqual([]);
    // The list is read once for both streams: two pages of 100.
    expect(sim.count('workouts')).toBe(2);
  });

  it('skips a workout whose graph answers 404, with a warning, and goes on', async () => {
    const gone = sim.history.all()[5]!;
    const realFind = sim.history.find.bind(sim.history);
    sim.history.find = (id) => (id === gone.id ? undefined : realFind(id));
    const result = await read({ workout_metrics: 'incremental' });
    expect(result.exitCode).toBe(0);
    const completeIds = sim.history
      .all()
      .filter((w) => w.status === 'COMPLETE')
      .map((w) => w.id);
    expect(result.records('workout_metrics').map((m) => m['id'])).toEqual(completeIds.filter((id) => id !== gone.id));
    expect(
      result.messages.filter((m) => m['type'] === 'LOG' && m['log'].level === 'WARN' && m['log'].message.includes(gone.id)),
    ).toHaveLength(1);
    expect(result.statuses('workout_metrics')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
  });

  it('can be selected alone, reading the workout list only to feed it', async () => {
    const result = await read({ workout_metrics: 'full_refresh' });
    expect(result.exitCode).toBe(0);
    expect(result.records('workouts')).toEqual([]);
    expect(result.records('workout_metrics').map((m) => m['id'])).toEqual(
      sim.history
        .all()
        .filter((w) => w.status === 'COMPLETE')
        .map((w) => w.id),
    );
    expect(result.statuses('workouts')).toEqual([]);
  });

  it('reads further back for metrics than for workouts when their states differ', async () => {
    const all = sim.history.all();
    const state = [
      { type: 'STREAM', stream: { stream_descriptor: { name: 'workouts' }, stream_state: { created_at: all[2]!.created_at } } },
      {
        type: 'STREAM',
        stream: { stream_descriptor: { name: 'workout_metrics' }, stream_state: { workout_created_at: all[120]!.created_at } },
      },
    ];
    const result = await runCli(readArgs(simConfig(sim), catalog({ workouts: 'incremental', workout_metrics: 'incremental' }), state));
    expect(result.records('workouts').map((w) => w['id'])).toEqual(all.slice(0, 2).map((w) => w.id));
    expect(result.records('workout_metrics').map((m) => m['id'])).toEqual(all.slice(1, 120).map((w) => w.id));
  });
});
