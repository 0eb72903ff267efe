import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRaw, writeFiles } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: 250, inProgress: 0 })));
afterEach(() => sim.close());

const parse = (stdout: string): Array<Record<string, any>> =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>);

function singerCatalog(selected: string[]): unknown {
  return {
    streams: selected.map((name) => ({
      tap_stream_id: name,
      stream: name,
      schema: {},
      metadata: [{ breadcrumb: [], metadata: { selected: true } }],
    })),
  };
}

describe('tap-peloton --test', () => {
  it('syncs one record per selected stream through the real read path, writes no state, exits 0', async () => {
    const paths = writeFiles({ 'config.json': simConfig(sim), 'catalog.json': singerCatalog(['workouts', 'workout_metrics']) });
    const { code, stdout, stderr } = await runRaw([
      'singer',
      '--config',
      paths['config.json']!,
      '--catalog',
      paths['catalog.json']!,
      '--test',
    ]);
    expect(code).toBe(0);
    // 250 workouts are there, but an estimate speaks of what this run will read.
    const estimates = stderr.split('\n').filter((line) => /records? to read/.test(line));
    expect(estimates).toEqual(expect.arrayContaining(['INFO stream workouts: at most 1 record to read (a connection test)']));
    expect(stderr).toMatch(/^INFO Read 1 record from workouts, 1 record from workout_metrics\.$/m);
    for (const line of estimates) expect(Number(/ (\d+) records? to read/.exec(line)?.[1])).toBeLessThanOrEqual(1);
    const messages = parse(stdout);
    const newest = sim.history.all()[0]!;
    expect(messages.filter((m) => m['type'] === 'RECORD').map((m) => [m['stream'], m['record'].id])).toEqual([
      ['workouts', newest.id],
      ['workout_metrics', newest.id],
    ]);
    expect(messages.filter((m) => m['type'] === 'STATE')).toEqual([]);
    expect(messages.filter((m) => m['type'] === 'SCHEMA').map((m) => m['stream'])).toEqual(['workouts', 'workout_metrics']);
    // One graph, and no more than the first page plus the page read ahead.
    expect(sim.count('performance_graph')).toBe(1);
    expect(sim.count('workouts')).toBeLessThanOrEqual(2);
  });

  it('--test=schema prints the SCHEMA messages only, without reading anything', async () => {
    const paths = writeFiles({ 'config.json': simConfig(sim), 'catalog.json': singerCatalog(['workouts', 'workout_metrics']) });
    const { code, stdout } = await runRaw([
      'singer',
      '--config',
      paths['config.json']!,
      '--catalog',
      paths['catalog.json']!,
      '--test=schema',
    ]);
    expect(code).toBe(0);
    expect(parse(stdout).map((m) => [m['type'], m['stream']])).toEqual([
      ['SCHEMA', 'workouts'],
      ['SCHEMA', 'workout_metrics'],
    ]);
    expect(sim.requests).toEqual([]);
  });

  it('refuses an unknown test mode', async () => {
    const paths = writeFiles({ 'config.json': simConfig(sim) });
    const { code, stdout, stderr } = await runRaw(['singer', '--config', paths['config.json']!, '--test=everything']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/CRITICAL config_error: --test takes no value .* or "schema"/);
  });

  it('--about lists the test capability and marks every secret setting sensitive', async () => {
    const { stdout } = await runRaw(['singer', '--about']);
    const about = JSON.parse(stdout) as { capabilities: string[]; settings_list: Array<{ name: string; sensitive: boolean }> };
    expect(about.capabilities).toContain('test');
    const sensitive = about.settings_list
      .filter((s) => s.sensitive)
      .map((s) => s.name)
      .sort();
    expect(sensitive).toEqual([
      'credentials.access_token',
      'credentials.access_token',
      'credentials.password',
      'credentials.refresh_token',
    ]);
  });
});
