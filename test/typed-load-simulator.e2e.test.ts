import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTyped, openDatabase, problemsOf, streamsOfCatalog, type Database, type TypedLoadReport } from '../scripts/typed-load.js';
import { answer, FACTS } from '../scripts/typed-load/facts.js';
import { readArgs, runCli, writeFiles, type CliResult, type Message } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

/**
 * A full read of every stream `discover` lists, from the simulator, in typed tables: nothing a typed destination
 * would null, no repeated key, and the demo's SQL answers equal to the simulator's own history.
 */

let sim: PelotonSimulator;
let db: Database;
let discovered: Message[];
let read: CliResult;
let report: TypedLoadReport;

beforeAll(async () => {
  // Two in-progress workouts: their null end times and outputs go through the casts too.
  sim = await startSim({ workouts: 200, inProgress: 2 });
  const config = writeFiles({ 'config.json': simConfig(sim) });
  const discover = await runCli(['discover', '--config', config['config.json']!]);
  discovered = discover.messages.find((m) => m['type'] === 'CATALOG')!['catalog'].streams;
  const catalog = {
    streams: discovered.map((stream) => ({ stream, sync_mode: 'full_refresh', destination_sync_mode: 'overwrite' })),
  };
  read = await runCli(readArgs(simConfig(sim), catalog));
  db = await openDatabase(':memory:');
  report = await loadTyped(db.connection, streamsOfCatalog(discover.messages.find((m) => m['type'] === 'CATALOG')), read.messages);
});
afterAll(async () => {
  db.close();
  await sim.close();
});

describe('a full simulator read in typed tables', () => {
  it('reads every discovered stream without error', () => {
    expect(read.exitCode, read.stderr).toBe(0);
    expect(read.errors()).toEqual([]);
    expect(report.streams.map((s) => s.stream)).toEqual(discovered.map((s) => s['name']));
  });

  it('loads every record of every stream, with zero failed casts and zero duplicate keys', () => {
    for (const stream of report.streams) {
      expect(stream.records, stream.stream).toBe(read.records(stream.stream).length);
      expect(stream.records, `${stream.stream} has records`).toBeGreaterThan(0);
      expect(stream.rows, stream.stream).toBe(stream.records);
      expect(
        stream.columns.filter((c) => c.failed > 0),
        stream.stream,
      ).toEqual([]);
      expect(stream.duplicateKeys, stream.stream).toEqual([]);
      expect(stream.recordsWithoutKey, stream.stream).toBe(0);
    }
    expect(problemsOf(report)).toEqual([]);
  });

  it('answers workouts per month and discipline as the simulator’s history counts them', async () => {
    const expected = new Map<string, Map<string, number>>();
    for (const workout of sim.history.all()) {
      const month = new Date(workout.created_at * 1000).toISOString().slice(0, 7);
      const counts = expected.get(month) ?? new Map<string, number>();
      const discipline = String(workout['fitness_discipline']);
      counts.set(discipline, (counts.get(discipline) ?? 0) + 1);
      expected.set(month, counts);
    }
    const rows = await factRows('workouts_per_month');
    expect(rows.map((row) => row['month'])).toEqual([...expected.keys()].sort().reverse());
    const disciplines = new Set(sim.history.all().map((w) => String(w['fitness_discipline'])));
    for (const row of rows) {
      const { month, ...counts } = row;
      expect(new Set(Object.keys(counts))).toEqual(disciplines);
      for (const [discipline, count] of Object.entries(counts))
        expect(Number(count), `${String(month)} ${discipline}`).toBe(expected.get(String(month))?.get(discipline) ?? 0);
    }
  });

  it('answers workouts and total output per discipline as the simulator’s history sums them', async () => {
    const expected = new Map<string, { workouts: number; joules: number }>();
    for (const workout of sim.history.all()) {
      const discipline = String(workout['fitness_discipline']);
      const sums = expected.get(discipline) ?? { workouts: 0, joules: 0 };
      sums.workouts++;
      sums.joules += Number(workout['total_work'] ?? 0);
      expected.set(discipline, sums);
    }
    const rows = await factRows('output_per_discipline');
    expect(rows.map((row) => row['discipline']).sort()).toEqual([...expected.keys()].sort());
    expect(rows.some((row) => Number(row['output_kj']) > 0)).toBe(true);
    for (const row of rows) {
      const sums = expected.get(String(row['discipline']))!;
      expect(Number(row['workouts']), String(row['discipline'])).toBe(sums.workouts);
      // The query rounds to 0.1 kJ.
      expect(Math.abs(Number(row['output_kj']) - sums.joules / 1000), String(row['discipline'])).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });
});

async function factRows(id: string): Promise<Array<Record<string, unknown>>> {
  const fact = FACTS.find((f) => f.id === id)!;
  const rows = await answer(db.connection, fact);
  expect(rows, id).toBeDefined();
  return rows!;
}
