import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRaw, writeFiles } from './helpers/cli.js';
import { ACCEPTANCE_DATA } from '../simulator/acceptance.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

let sim: PelotonSimulator;
// The acceptance data: twelve workouts among which every stream has records (an outdoor walk, a row, tracked sets).
beforeAll(async () => (sim = await startSim({ ...ACCEPTANCE_DATA, inProgress: 0 })));
afterAll(() => sim.close());

const tap = (args: string[]): ReturnType<typeof runRaw> => runRaw(['singer', ...args]);
const messages = (stdout: string): Array<Record<string, any>> =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>);

async function discovered(config: string): Promise<{ streams: Array<Record<string, any>> }> {
  const result = await tap(['--config', config, '--discover']);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as { streams: Array<Record<string, any>> };
}

describe('Singer stream selection', () => {
  it('a catalog straight from --discover syncs every stream it lists', async () => {
    const files = writeFiles({ 'config.json': simConfig(sim) });
    const catalog = await discovered(files['config.json']!);
    const path = writeFiles({ 'catalog.json': catalog })['catalog.json']!;
    const result = await tap(['--config', files['config.json']!, '--catalog', path]);
    expect(result.code).toBe(0);
    const out = messages(result.stdout);
    const withRecords = new Set(out.filter((m) => m['type'] === 'RECORD').map((m) => m['stream']));
    expect([...withRecords].sort()).toEqual(catalog.streams.map((s) => s['tap_stream_id']).sort());
    // The workouts are the simulator's, all of them.
    const workoutIds = out.filter((m) => m['type'] === 'RECORD' && m['stream'] === 'workouts').map((m) => m['record'].id);
    expect(workoutIds).toEqual(sim.history.all().map((w) => w.id));
  });

  it('FULL_TABLE can be chosen for workouts (it is a default, not forced): the bookmark is not used', async () => {
    const files = writeFiles({ 'config.json': simConfig(sim) });
    const catalog = await discovered(files['config.json']!);
    for (const stream of catalog.streams) {
      const root = stream['metadata'].find((m: any) => m.breadcrumb.length === 0).metadata;
      root.selected = stream['tap_stream_id'] === 'workouts';
      if (root.selected === true) root['replication-method'] = 'FULL_TABLE';
    }
    const paths = writeFiles({
      'catalog.json': catalog,
      'state.json': { bookmarks: { workouts: { created_at: sim.history.all()[0]!.created_at } } },
    });
    const result = await tap(['--config', files['config.json']!, '--catalog', paths['catalog.json']!, '--state', paths['state.json']!]);
    expect(result.code).toBe(0);
    const ids = messages(result.stdout)
      .filter((m) => m['type'] === 'RECORD')
      .map((m) => [m['stream'], m['record'].id]);
    expect(ids).toEqual(sim.history.all().map((w) => ['workouts', w.id]));
    expect(result.stderr).toMatch(/Reading workouts \(full_refresh\)/);
  });

  it('a catalog that selects nothing is an error that says how to select, before any request', async () => {
    const files = writeFiles({ 'config.json': simConfig(sim) });
    const catalog = await discovered(files['config.json']!);
    for (const stream of catalog.streams) stream['metadata'].find((m: any) => m.breadcrumb.length === 0).metadata.selected = false;
    const path = writeFiles({ 'catalog.json': catalog })['catalog.json']!;
    sim.requests.length = 0;
    const result = await tap(['--config', files['config.json']!, '--catalog', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^CRITICAL config_error: The Singer catalog selects no stream, so there is nothing to sync\. To sync a stream, set "selected": true in its root metadata/m,
    );
    expect(sim.requests).toEqual([]);
  });
});
