import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog, runCli, writeFiles, type CliResult } from './helpers/cli.js';
import { asJson, iso, simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: 250, inProgress: 0 })));
afterEach(() => sim.close());

async function read(
  config: Record<string, unknown>,
  streams: Record<string, 'full_refresh' | 'incremental'>,
  state?: unknown,
): Promise<CliResult> {
  const files = writeFiles({
    'config.json': config,
    'catalog.json': catalog(streams),
    ...(state === undefined ? {} : { 'state.json': state }),
  });
  const args = ['read', '--config', files['config.json']!, '--catalog', files['catalog.json']!];
  if (state !== undefined) args.push('--state', files['state.json']!);
  return runCli(args);
}

describe('read workouts', () => {
  it('full refresh prints exactly the workouts created at or after start_date, newest first', async () => {
    const all = sim.history.all();
    const startDate = all[137]!.created_at;
    const result = await read(simConfig(sim, { start_date: iso(startDate), page_size: 40 }), { workouts: 'full_refresh' });
    expect(result.exitCode).toBe(0);
    // Exactly the API's list items, every field as Peloton sent it.
    expect(result.records('workouts')).toEqual(asJson(all.slice(0, 138)));
    // 138 records in pages of 40: page 3 holds the boundary, page 4 is never requested.
    expect(sim.requests.filter((r) => r.route === 'workouts').map((r) => r.query['page'])).toEqual(['0', '1', '2', '3']);
    expect(
      sim.requests
        .filter((r) => r.route === 'workouts')
        .every((r) => r.query['limit'] === '40' && r.query['joins'] === 'ride,ride.instructor' && r.query['sort_by'] === '-created'),
    ).toBe(true);
    expect(result.statuses('workouts')).toEqual(['STARTED', 'RUNNING', 'COMPLETE']);
    const states = result.states('workouts');
    expect(states.reduce((n, s) => n + s['state'].sourceStats.recordCount, 0)).toBe(138);
    expect(states.at(-1)?.['state'].stream.stream_state).toEqual({ created_at: all[0]!.created_at });
  });

  it('incremental from the printed state returns only newer workouts', async () => {
    const config = simConfig(sim, { page_size: 50 });
    const first = await read(config, { workouts: 'incremental' });
    expect(first.records('workouts').map((w) => w['id'])).toEqual(sim.history.all().map((w) => w.id));

    const added = sim.history.add(7);
    sim.requests.length = 0;
    const second = await read(config, { workouts: 'incremental' }, first.lastStates());
    expect(second.exitCode).toBe(0);
    expect(second.records('workouts').map((w) => w['id'])).toEqual(added.map((w) => w.id).reverse());
    expect(sim.requests.filter((r) => r.route === 'workouts')).toHaveLength(1);

    const third = await read(config, { workouts: 'incremental' }, second.lastStates());
    expect(third.records('workouts')).toEqual([]);
    expect(third.states('workouts').at(-1)?.['state'].stream.stream_state).toEqual({ created_at: added.at(-1)!.created_at });
  });

  it('accepts the legacy bare-object state', async () => {
    const all = sim.history.all();
    const result = await read(simConfig(sim), { workouts: 'incremental' }, { workouts: { created_at: all[3]!.created_at } });
    expect(result.exitCode).toBe(0);
    expect(result.records('workouts').map((w) => w['id'])).toEqual(all.slice(0, 3).map((w) => w.id));
  });

  it('full refresh ignores the input state but still emits state', async () => {
    const all = sim.history.all();
    const state = [
      { type: 'STREAM', stream: { stream_descriptor: { name: 'workouts' }, stream_state: { created_at: all[0]!.created_at } } },
    ];
    const result = await read(simConfig(sim), { workouts: 'full_refresh' }, state);
    expect(result.records('workouts').map((w) => w['id'])).toEqual(all.map((w) => w.id));
    expect(result.states('workouts').at(-1)?.['state'].stream.stream_state).toEqual({ created_at: all[0]!.created_at });
  });

  it('stops with an error instead of looping when the server repeats a page', async () => {
    const real = sim.history.page.bind(sim.history);
    sim.history.page = (_page, ...rest) => real(0, ...rest);
    const result = await read(simConfig(sim, { page_size: 50 }), { workouts: 'full_refresh' });
    expect(result.exitCode).toBe(1);
    expect(result.records('workouts')).toHaveLength(50);
    expect(result.errors()[0]?.['trace'].error).toMatchObject({
      failure_type: 'system_error',
      stream_descriptor: { name: 'workouts' },
      message: expect.stringMatching(/already read.*instead of looping/),
    });
    expect(result.statuses('workouts')).toEqual(['STARTED', 'RUNNING', 'INCOMPLETE']);
  });
});
