import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTyped, openDatabase, problemsOf, streamsOfCatalog, type Database, type TypedLoadReport } from '../scripts/typed-load.js';
import { answer, FACTS } from '../scripts/typed-load/facts.js';
import type { SampleTruth } from '../simulator/truth.js';
import { readArgs, runCli, writeFiles, type CliResult, type Message } from './helpers/cli.js';
import { isFinalWorkout, iso, simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

/**
 * A full read of every stream `discover` lists, from the simulator, in typed tables: nothing a typed destination
 * would null, no repeated key, and the demo's SQL answers equal to the simulator's own history and ground truth.
 * A second read, of the newest workouts at metrics_every_n 1, holds the per-second samples the 20-minute answer needs.
 */

/** The newest workouts read again at every_n 1 (about 25 × 1,500 samples). */
const PER_SECOND_WORKOUTS = 25;

let sim: PelotonSimulator;
let db: Database;
let perSecondDb: Database;
let discovered: Message[];
let read: CliResult;
let perSecondRead: CliResult;
let report: TypedLoadReport;

/** A configured catalog of these discovered streams, full refresh. */
const catalogOf = (streams: Message[]): Record<string, unknown> => ({
  streams: streams.map((stream) => ({ stream, sync_mode: 'full_refresh', destination_sync_mode: 'overwrite' })),
});

beforeAll(async () => {
  // Two in-progress workouts: their null end times and outputs go through the casts too. The history (Oct 2024 to
  // Mar 2025) spans the change of strength field names on 2025-01-01, so both generations are loaded and summed.
  sim = await startSim({ workouts: 200, inProgress: 2, newestAt: Date.UTC(2025, 2, 1) / 1000 });
  const config = writeFiles({ 'config.json': simConfig(sim) });
  const discover = await runCli(['discover', '--config', config['config.json']!]);
  discovered = discover.messages.find((m) => m['type'] === 'CATALOG')!['catalog'].streams;
  read = await runCli(readArgs(simConfig(sim, { metrics_every_n: 5 }), catalogOf(discovered)));
  db = await openDatabase(':memory:');
  report = await loadTyped(db.connection, streamsOfCatalog(discover.messages.find((m) => m['type'] === 'CATALOG')), read.messages);

  const perSecond = catalogOf(discovered.filter((stream) => ['workouts', 'workout_samples'].includes(stream['name'])));
  const since = sim.history.all()[PER_SECOND_WORKOUTS - 1]!.created_at;
  perSecondRead = await runCli(readArgs(simConfig(sim, { metrics_every_n: 1, start_date: iso(since) }), perSecond));
  perSecondDb = await openDatabase(':memory:');
  await loadTyped(perSecondDb.connection, streamsOfCatalog(perSecond), perSecondRead.messages);
});
afterAll(async () => {
  // Also after a failed beforeAll, which may have opened neither.
  for (const database of [db, perSecondDb] as Array<Database | undefined>) database?.close();
  await (sim as PelotonSimulator | undefined)?.close();
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

describe('answers from the new streams, against the simulator’s ground truth', () => {
  it('workout_samples: each final workout has as many rows as its every_n 5 graph has offsets', async () => {
    const rows = await db.connection.runAndReadAll(
      `SELECT workout_id, count(*)::INTEGER AS samples FROM workout_samples GROUP BY workout_id`,
    );
    const counted = new Map(rows.getRowObjectsJS().map((row) => [row['workout_id'], row['samples']]));
    const expected = new Map(
      sim.history
        .all()
        .filter((workout) => isFinalWorkout(workout))
        .map((workout) => [workout.id, sim.sampleTruth(workout.id, 5)!.offsets.length] as const)
        .filter(([, samples]) => samples > 0),
    );
    expect(expected.size).toBeGreaterThan(150);
    expect(counted).toEqual(expected);
  });

  it('best 20-minute average output: per workout, what the per-second truth gives', async () => {
    expect(perSecondRead.exitCode, perSecondRead.stderr).toBe(0);
    const since = sim.history.all()[PER_SECOND_WORKOUTS - 1]!.created_at;
    const expected = sim.history
      .all()
      .filter((workout) => workout.created_at >= since && isFinalWorkout(workout))
      .flatMap((workout) => {
        const watts = bestTwentyMinutes(sim.sampleTruth(workout.id, 1)!);
        return watts === undefined ? [] : [{ created_at: workout.created_at, discipline: workout['fitness_discipline'], watts }];
      });
    expect(expected.length).toBeGreaterThanOrEqual(5);
    const rows = (await factRows('best_20_minutes', perSecondDb)).map((row) => ({
      created_at: (row['workout'] as Date).getTime() / 1000,
      discipline: row['discipline'],
      watts: Number(row['watts']),
    }));
    const byTime = (a: { created_at: number }, b: { created_at: number }): number => a.created_at - b.created_at;
    expect(rows.map(({ created_at, discipline }) => ({ created_at, discipline })).sort(byTime)).toEqual(
      expected.map(({ created_at, discipline }) => ({ created_at, discipline })).sort(byTime),
    );
    // The query rounds to 0.1 W.
    for (const [i, row] of rows.sort(byTime).entries())
      expect(Math.abs(row.watts - expected.sort(byTime)[i]!.watts)).toBeLessThanOrEqual(0.05 + 1e-9);
    // Ordered best first.
    const shown = (await factRows('best_20_minutes', perSecondDb)).map((row) => Number(row['watts']));
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
  });

  it('best 20-minute average output: no answer from every_n 5 samples, whose values are bucket maxima', async () => {
    expect(await factRows('best_20_minutes')).toEqual([]);
  });

  it('most tracked strength movements: sets, workouts, reps and seconds held as the simulator tracked them', async () => {
    const expected = new Map<string, { sets: number; workouts: Set<string>; reps: number | null; held: number | null }>();
    const add = (sum: number | null, value: unknown): number => (sum ?? 0) + Number(value);
    for (const workout of sim.history.all().filter((w) => isFinalWorkout(w))) {
      for (const set of sim.strengthSetTruth(workout.id)!) {
        const name = String(set['movement_name']);
        const sums = expected.get(name) ?? { sets: 0, workouts: new Set<string>(), reps: null, held: null };
        sums.sets++;
        sums.workouts.add(workout.id);
        // 2023 field names: is_hold and completed_number; 2025: tracking_type, completed_reps and completed_duration.
        const hold = 'is_hold' in set ? set['is_hold'] === true : set['tracking_type'] === 'time_based';
        if (hold) sums.held = add(sums.held, set['completed_duration'] ?? set['completed_number']);
        else sums.reps = add(sums.reps, set['completed_reps'] ?? set['completed_number']);
        expected.set(name, sums);
      }
    }
    expect(expected.size).toBeGreaterThan(3);
    expect([...expected.values()].some((sums) => sums.held !== null)).toBe(true);
    const numberOrNull = (value: unknown): number | null => (value === null ? null : Number(value));
    const rows = await factRows('strength_movements');
    expect(
      Object.fromEntries(
        rows.map((row) => [
          row['movement'],
          [Number(row['sets']), Number(row['workouts']), numberOrNull(row['reps']), numberOrNull(row['seconds_held'])],
        ]),
      ),
    ).toEqual(Object.fromEntries([...expected].map(([name, sums]) => [name, [sums.sets, sums.workouts.size, sums.reps, sums.held]])));
    expect(rows.map((row) => Number(row['sets']))).toEqual(rows.map((row) => Number(row['sets'])).sort((a, b) => b - a));
  });

  it('most played artists: one play per song of the class of each workout, as the simulator’s playlists hold them', async () => {
    const expected = new Map<string, { plays: number; classes: Set<string> }>();
    for (const workout of sim.history.all()) {
      const rideId = (workout['ride'] as { id?: string } | null)?.id;
      for (const song of (rideId === undefined ? undefined : sim.classSongTruth(rideId)) ?? []) {
        for (const artist of song['artists'] as Array<{ artist_name: string }>) {
          const sums = expected.get(artist.artist_name) ?? { plays: 0, classes: new Set<string>() };
          sums.plays++;
          sums.classes.add(rideId!);
          expected.set(artist.artist_name, sums);
        }
      }
    }
    expect(expected.size).toBeGreaterThan(5);
    const rows = await factRows('top_artists');
    expect(Object.fromEntries(rows.map((row) => [row['artist'], [Number(row['plays']), Number(row['classes'])]]))).toEqual(
      Object.fromEntries([...expected].map(([artist, sums]) => [artist, [sums.plays, sums.classes.size]])),
    );
    expect(rows.map((row) => Number(row['plays']))).toEqual(rows.map((row) => Number(row['plays'])).sort((a, b) => b - a));
  });

  it('current personal records: every record of the overview, as the simulator’s history sets them', async () => {
    const expected = sim.personalRecordTruth().map((record) => ({
      discipline: record.discipline,
      record: record['name'],
      value: record['value'],
      unit: record['unit'],
      set_on: String(record['workout_date']).slice(0, 10),
    }));
    expect(expected.length).toBeGreaterThan(5);
    const key = (row: Record<string, unknown>): string => `${String(row['discipline'])} ${String(row['record'])}`;
    const rows = await factRows('personal_records');
    expect(rows.map((row) => ({ ...row, value: Number(row['value']) })).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      expected.sort((a, b) => key(a).localeCompare(key(b))),
    );
  });
});

/**
 * The best mean of `output` over 1200 s of the pedaling clock: for each sample at offset t whose window
 * [t, t + 1199] ends inside the recording (t + 1199 ≤ the last offset), the mean of the non-null outputs at
 * offsets in the window; undefined without such a window or without output, or when the samples are not
 * per-second (at most one per two seconds: every_n > 1).
 */
function bestTwentyMinutes(truth: SampleTruth): number | undefined {
  const output = truth.values['output'];
  const offsets = truth.offsets;
  const first = offsets[0];
  const last = offsets.at(-1);
  if (output === undefined || first === undefined || last === undefined || 2 * offsets.length <= last - first + 1) return undefined;
  let best: number | undefined;
  for (const [i, start] of offsets.entries()) {
    if (start + 1199 > last) break;
    let sum = 0;
    let count = 0;
    for (let j = i; j < offsets.length && offsets[j]! <= start + 1199; j++) {
      const value = output[j];
      if (value !== null && value !== undefined) {
        sum += value;
        count++;
      }
    }
    if (count > 0) best = Math.max(best ?? Number.NEGATIVE_INFINITY, sum / count);
  }
  return best;
}

async function factRows(id: string, database: Database = db): Promise<Array<Record<string, unknown>>> {
  const fact = FACTS.find((f) => f.id === id)!;
  const rows = await answer(database.connection, fact);
  expect(rows, id).toBeDefined();
  return rows!;
}
