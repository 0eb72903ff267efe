import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog, readArgs, runCli } from './helpers/cli.js';
import { iso, simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: 400, inProgress: 0 })));
afterEach(() => sim.close());

function args(config: Record<string, unknown>, state?: unknown): string[] {
  return readArgs(config, catalog({ workouts: 'incremental', workout_metrics: 'incremental' }), state ?? undefined);
}

describe('workouts recorded or deleted while a sync runs', () => {
  it('new workouts shifting the pages are neither lost nor duplicated, and are read next time', async () => {
    const realPage = sim.history.page.bind(sim.history);
    let added: string[] = [];
    sim.history.page = (page, ...rest) => {
      if (page === 2 && added.length === 0) added = sim.history.add(7).map((w) => w.id);
      return realPage(page, ...rest);
    };
    const original = sim.history.all().map((w) => w.id);
    const first = await runCli(args(simConfig(sim, { page_size: 50 })));
    expect(first.exitCode).toBe(0);
    expect(added).toHaveLength(7);
    expect(first.records('workouts').map((r) => r['id'])).toEqual(original);
    expect(first.records('workout_metrics').map((r) => r['id'])).toEqual(original);
    const second = await runCli(args(simConfig(sim, { page_size: 50 }), first.lastStates()));
    expect(second.records('workouts').map((r) => r['id'])).toEqual([...added].reverse());
    expect(second.records('workout_metrics').map((r) => r['id'])).toEqual([...added].reverse());
  });

  it('deletions shifting the pages back make the reader step back, so nothing is skipped', async () => {
    const realPage = sim.history.page.bind(sim.history);
    let deleted: string[] = [];
    sim.history.page = (page, ...rest) => {
      if (page === 3 && deleted.length === 0)
        deleted = sim.history
          .all()
          .slice(10, 15)
          .map((w) => w.id);
      for (const id of deleted) sim.history.remove(id);
      return realPage(page, ...rest);
    };
    const before = sim.history.all().map((w) => w.id);
    const result = await runCli(args(simConfig(sim, { page_size: 50 })));
    expect(result.exitCode).toBe(0);
    expect(deleted).toHaveLength(5);
    // The deleted workouts were on page 0, read before they went: every workout is read exactly once.
    expect(result.records('workouts').map((r) => r['id'])).toEqual(before);
    expect(
      result.messages.filter(
        (m) =>
          m['type'] === 'LOG' &&
          /The workouts list shrank by 5 during the read \(deleted meanwhile\); re-reading from page 2\b/.test(m['log'].message),
      ),
    ).toHaveLength(1);
  });
});

describe('an old workout deleted while a sync runs', () => {
  it('a deletion older than the page being read shifts nothing already read: the pages re-read after the step back are passed over', async () => {
    const realPage = sim.history.page.bind(sim.history);
    let deleted: string | undefined;
    sim.history.page = (page, ...rest) => {
      // While page 2 is asked for, a workout far below it (page 6) is deleted: `total` shrinks by one.
      if (page === 2 && deleted === undefined) {
        deleted = sim.history.all()[320]!.id;
        sim.history.remove(deleted);
      }
      return realPage(page, ...rest);
    };
    const before = sim.history.all().map((w) => w.id);
    const result = await runCli(args(simConfig(sim, { page_size: 50 })));
    expect(result.exitCode, JSON.stringify(result.errors())).toBe(0);
    expect(result.records('workouts').map((r) => r['id'])).toEqual(before.filter((id) => id !== deleted));
  });
});

describe('progress', () => {
  it('estimates the rows of the sync window from the API total and the cursor', async () => {
    const all = sim.history.all();
    const full = await runCli(args(simConfig(sim)));
    const estimates = full.messages.filter((m) => m['type'] === 'TRACE' && m['trace'].type === 'ESTIMATE').map((m) => m['trace'].estimate);
    expect(estimates).toEqual([
      { name: 'workouts', type: 'STREAM', row_estimate: 400 },
      { name: 'workout_metrics', type: 'STREAM', row_estimate: 400 },
    ]);
    // From a cursor 60 workouts back, the monthly summary gives a figure near 60.
    const windowed = await runCli(args(simConfig(sim, { start_date: iso(all[59]!.created_at) })));
    const estimate = windowed.messages.find((m) => m['type'] === 'TRACE' && m['trace'].type === 'ESTIMATE')?.['trace'].estimate
      .row_estimate;
    expect(windowed.records('workouts')).toHaveLength(60);
    expect(Math.abs(estimate - 60)).toBeLessThanOrEqual(25);
  });

  it('draws a live progress line on a terminal, and nothing when stderr is not one', async () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    let drawn = '';
    tty.on('data', (chunk: Buffer) => (drawn += chunk.toString()));
    sim.latencyMs = 2;
    expect((await runCli(args(simConfig(sim)), { stderr: tty })).exitCode).toBe(0);
    // eslint-disable-next-line no-control-regex -- the terminal's erase-line escape is what is being checked.
    expect(drawn).toMatch(/\r\x1b\[Kworkouts \d+\/400 records · \d+\/s/);
    expect(drawn).toMatch(/ {2}\| {2}\d+ pages?\b/);
    expect(drawn).toMatch(/workout_metrics 400\/400 records · \d+\/s/);

    const plain = await runCli(args(simConfig(sim)));
    expect(plain.stderr).toBe('');
  });
});
