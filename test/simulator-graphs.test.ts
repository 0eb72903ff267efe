import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performanceGraph } from '../simulator/graphs.js';
import { PelotonSimulator } from '../simulator/server.js';
import { sampleRows } from '../simulator/truth.js';
import type { SimWorkout } from '../simulator/workouts.js';
import { REAL_PAYLOADS_DIR } from './helpers/real-payloads.js';

// The simulator's performance graphs against the rules real graphs follow (peloton-api.md §6.5, §6.6, §6.8),
// each rule re-implemented here from the per-second truth the simulator's model reports, and against the
// key sets and types of the real bodies in ../shared/real-payloads/performance_graph/.

type Body = Record<string, any>;
type Values = Array<number | null>;

/** Seven years of history (2019-08 to 2026-09): every era, outdoor workouts, rowers, a few lost graphs. */
let sim: PelotonSimulator;
let token: string;
let all: SimWorkout[];
/** Finished workouts whose graph has no samples at all. */
let lost: SimWorkout[];
beforeAll(async () => {
  sim = await PelotonSimulator.start({ workouts: 4000, seed: 11, newestAt: 1_790_000_000, recordRequests: true });
  token = sim.issueAccessToken();
  all = sim.history.chronological();
  lost = all.filter((w) => w.status === 'COMPLETE' && sim.sampleTruth(w.id)!.offsets.length === 0);
});
afterAll(() => sim.close());

async function graphOverHttp(id: string, everyN: number, headers: Record<string, string> = { 'peloton-platform': 'web' }): Promise<Body> {
  const response = await fetch(`${sim.url}/api/workout/${id}/performance_graph?every_n=${everyN}`, {
    headers: { authorization: `Bearer ${token}`, ...headers },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Body;
}

const json = (value: unknown): Body => JSON.parse(JSON.stringify(value)) as Body;
const graph = (workout: SimWorkout, everyN: number): Body => json(performanceGraph(workout, everyN));
const at = (year: number, month = 0): number => Date.UTC(year, month, 1) / 1000;
const noClass = (w: SimWorkout): boolean => (w['ride'] as { id: string }).id === '0'.repeat(32);
/** Every series of a graph by slug, alternatives included. */
const columns = (g: Body): Map<string, Values> =>
  new Map(g['metrics'].flatMap((m: Body) => [m, ...(m['alternatives'] ?? [])]).map((m: Body) => [m['slug'], m['values']]));

/** A spread of workouts: every discipline and kind, every era, outdoor ones with and without a class. */
let spread: SimWorkout[] | undefined;
function sample(): SimWorkout[] {
  if (spread !== undefined) return spread;
  const picked = new Map<string, SimWorkout[]>();
  for (const w of all) {
    const key = `${String(w['fitness_discipline'])}:${String(w['workout_type'])}:${String(w['is_outdoor'])}:${new Date(w.created_at * 1000).getUTCFullYear()}`;
    const list = picked.get(key) ?? [];
    if (list.length < 2) picked.set(key, [...list, w]);
  }
  spread = [...picked.values()].flat();
  return spread;
}

/** The §6.8 grid, written out: positions 0, n, 2n, … of the per-second list and its last; bucket maxima up to the next kept position. */
function expectedAt(offsets: number[], values: Map<string, Values>, n: number): { offsets: number[]; values: Map<string, Values> } {
  const kept: number[] = [];
  for (let p = 0; p < offsets.length; p += n) kept.push(p);
  if (offsets.length > 0 && kept.at(-1) !== offsets.length - 1) kept.push(offsets.length - 1);
  const bucket = (column: Values, k: number): number | null => {
    const slice = column.slice(kept[k], kept[k + 1] ?? kept[k]! + 1).filter((v): v is number => v !== null);
    return slice.length === 0 ? null : Math.max(...slice);
  };
  return {
    offsets: kept.map((p) => offsets[p]!),
    values: new Map([...values].map(([slug, column]) => [slug, kept.map((_, k) => bucket(column, k))])),
  };
}

describe('the fixture', () => {
  it('holds every kind of graph the checks need', () => {
    const kinds = new Set(all.map((w) => `${String(w['metrics_type'])}:${String(w['is_outdoor'])}`));
    for (const kind of ['cycling:false', 'running:false', 'caesar:false', 'null:false', 'null:true']) expect(kinds).toContain(kind);
    expect(all.filter((w) => w['is_outdoor'] === true && noClass(w)).length).toBeGreaterThan(10);
    expect(lost.length).toBeGreaterThan(0);
  });
});

describe('every_n = 1', () => {
  it('lists the seconds with data: from 1 (0 for old tread and Just Walk/Run, 2–7 after a late start) to about the end, with holes', () => {
    const firsts = new Map<number, number>();
    const steps = new Map<number, number>();
    let withHoles = 0;
    for (const w of sample()) {
      const g = graph(w, 1);
      const t: number[] = g['seconds_since_pedaling_start'];
      if (t.length === 0) continue;
      firsts.set(t[0]!, (firsts.get(t[0]!) ?? 0) + 1);
      expect(t.at(-1)).toBeGreaterThanOrEqual(g['duration'] - 2);
      expect(t.at(-1)).toBeLessThanOrEqual(g['duration']);
      const pause = (g['location_data'] ?? []).some((e: Body) => e['is_gap']);
      const gaps = t.slice(1).map((x, i) => x - t[i]!);
      expect(
        gaps.filter((step) => step <= 0 || (!pause && ![1, 2, 3, 5].includes(step))),
        w.id,
      ).toEqual([]);
      for (const step of gaps) steps.set(step, (steps.get(step) ?? 0) + 1);
      if (t.some((x, i) => i > 0 && x - t[i - 1]! > 1)) withHoles++;
      for (const values of columns(g).values()) expect(values).toHaveLength(t.length);
    }
    expect([...firsts.keys()].sort((a, b) => a - b)).toEqual(expect.arrayContaining([0, 1]));
    expect([...firsts.keys()].some((first) => first >= 2 && first <= 7)).toBe(true);
    expect(Math.max(...firsts.values())).toBe(firsts.get(1));
    expect([...steps.keys()]).toEqual(expect.arrayContaining([1, 2, 3, 5]));
    expect(withHoles).toBeGreaterThan(10);
  });

  it('starts from second 0 exactly for tread graphs before 2020 and outdoor workouts without a class (late starts aside)', () => {
    for (const w of sample()) {
      const first = graph(w, 1)['seconds_since_pedaling_start'][0];
      if (first === undefined || first > 1) continue;
      const fromZero = (w['is_outdoor'] === true && noClass(w)) || (w['metrics_type'] === 'running' && w.created_at < at(2020));
      expect(first, w.id).toBe(fromZero ? 0 : 1);
    }
  });

  it('equals the per-second truth of the model, over HTTP too', async () => {
    for (const w of sample().slice(0, 40)) {
      const truth = sim.sampleTruth(w.id)!;
      const g = await graphOverHttp(w.id, 1);
      expect(g['seconds_since_pedaling_start']).toEqual(truth.offsets);
      expect(Object.fromEntries(columns(g))).toEqual(truth.values);
    }
  });
});

describe('every_n = n > 1', () => {
  it('keeps every n-th second with data and the last one, each value the maximum of its bucket', async () => {
    for (const w of sample()) {
      const truth = sim.sampleTruth(w.id, 1)!;
      for (const n of [2, 5, 10, 50, 60, 10_000]) {
        const expected = expectedAt(truth.offsets, new Map(Object.entries(truth.values)), n);
        const g = graph(w, n);
        expect(g['seconds_since_pedaling_start'], `${w.id} at ${n}`).toEqual(expected.offsets);
        expect(columns(g), `${w.id} at ${n}`).toEqual(expected.values);
        expect(sim.sampleTruth(w.id, n)).toEqual({ ...truth, offsets: expected.offsets, values: Object.fromEntries(expected.values) });
      }
    }
    const w = sample().find((x) => x['metrics_type'] === 'cycling' && graph(x, 1)['seconds_since_pedaling_start'].length > 600)!;
    expect((await graphOverHttp(w.id, 5))['seconds_since_pedaling_start']).toEqual(graph(w, 5)['seconds_since_pedaling_start']);
  });

  it('at n = 60 takes every 12th n = 5 offset, each value the maximum of the n = 5 values up to the next', () => {
    for (const w of all.filter((x) => x.status === 'COMPLETE').slice(-300)) {
      const [five, sixty] = [graph(w, 5), graph(w, 60)];
      const t5: number[] = five['seconds_since_pedaling_start'];
      const t60: number[] = sixty['seconds_since_pedaling_start'];
      expect(t60.slice(0, -1)).toEqual(t5.filter((_, i) => i % 12 === 0 && i < t5.length - 1).slice(0, t60.length - 1));
      expect(t60.at(-1)).toBe(t5.at(-1));
      for (const [slug, values] of columns(sixty)) {
        const fine = columns(five).get(slug)!;
        let j = 0;
        t60.forEach((t, i) => {
          const bucket: number[] = [];
          for (j = t5.indexOf(t, j); j < t5.length && t5[j]! < (t60[i + 1] ?? t + 1); j++) if (fine[j] !== null) bucket.push(fine[j]!);
          expect(values[i], `${w.id} ${slug} @${t}`).toBe(bucket.length === 0 ? null : Math.max(...bucket));
        });
      }
    }
  });

  it('keeps statistics, zones, summaries and everything not indexed by sample the same at every n', () => {
    const perWorkout = (g: Body): Body => ({
      ...g,
      seconds_since_pedaling_start: undefined,
      location_data: undefined,
      target_performance_metrics: g['target_performance_metrics']?.['cadence_time_in_range'],
      metrics: g['metrics'].map((m: Body) => ({
        ...m,
        values: undefined,
        alternatives: m['alternatives']?.map((a: Body) => ({ ...a, values: undefined })),
      })),
    });
    for (const w of sample()) {
      const one = perWorkout(graph(w, 1));
      for (const n of [5, 60]) expect(perWorkout(graph(w, n)), `${w.id} at ${n}`).toEqual(one);
    }
  });

  it('sends target bands of ⌊duration / n⌋ values, not aligned with the samples', () => {
    const targeted = sample().filter((w) => graph(w, 5)['target_performance_metrics'] !== undefined);
    expect(targeted.length).toBeGreaterThan(3);
    for (const w of targeted)
      for (const n of [1, 5, 60]) {
        const g = graph(w, n);
        for (const band of g['target_performance_metrics']['target_graph_metrics'])
          expect(band['graph_data']['upper']).toHaveLength(Math.floor(g['duration'] / n));
      }
  });
});

describe('series', () => {
  it('carry statistics over every recorded second: the fastest as max for paces, none for altitude', () => {
    const decimals: Record<string, number> = { speed: 1, incline: 1, pace: 2, split_pace: 2 };
    for (const w of sample()) {
      const g = graph(w, 5);
      const truth = sim.sampleTruth(w.id, 1)!;
      for (const metric of g['metrics'].flatMap((m: Body) => [m, ...(m['alternatives'] ?? [])])) {
        const values = (truth.values[metric['slug']] ?? []).filter((v): v is number => v !== null);
        if (metric['slug'] === 'altitude') {
          expect([metric['max_value'], metric['average_value']]).toEqual([null, null]);
          continue;
        }
        if (values.length === 0) continue;
        const fastest = metric['slug'] === 'pace' || metric['slug'] === 'split_pace';
        expect(metric['max_value']).toBe(fastest ? Math.min(...values) : Math.max(...values));
        const factor = 10 ** (decimals[metric['slug']] ?? 0);
        expect(metric['average_value']).toBeCloseTo(Math.round((values.reduce((a, b) => a + b, 0) / values.length) * factor) / factor, 6);
      }
    }
  });

  it('mix whole and fractional numbers in one array, with nulls where nothing was recorded', () => {
    let mixed = 0;
    const withNulls = new Set<string>();
    for (const w of sample()) {
      for (const [slug, values] of columns(graph(w, 1))) {
        const numbers = values.filter((v): v is number => v !== null);
        if (numbers.some(Number.isInteger) && numbers.some((v) => !Number.isInteger(v))) mixed++;
        if (values.includes(null)) withNulls.add(slug);
      }
    }
    expect(mixed).toBeGreaterThan(10);
    for (const slug of ['pace', 'heart_rate']) expect(withNulls).toContain(slug);
  });

  it('per kind: the real slugs, pace with speed as its alternative, slugs unique across metrics and alternatives', () => {
    const device: Record<string, string[]> = {
      cycling: ['output', 'cadence', 'resistance', 'speed'],
      running: ['output', 'pace', 'incline'],
      caesar: ['output', 'stroke_rate', 'split_pace'],
      outdoor: ['pace', 'altitude'],
    };
    for (const w of sample()) {
      const g = graph(w, 5);
      const kind = w['is_outdoor'] === true ? 'outdoor' : String(w['metrics_type']);
      const slugs = g['metrics'].map((m: Body) => m['slug']).filter((s: string) => s !== 'heart_rate');
      expect(slugs).toEqual(device[kind] ?? []);
      const all = [...columns(g).keys()];
      expect(new Set(all).size).toBe(g['metrics'].length + g['metrics'].flatMap((m: Body) => m['alternatives'] ?? []).length);
      for (const metric of g['metrics'])
        expect((metric['alternatives'] ?? []).map((a: Body) => a['slug'])).toEqual(metric['slug'] === 'pace' ? ['speed'] : []);
    }
  });

  it('leave metrics empty with the seconds present for floor classes without a heart-rate monitor', () => {
    const floor = sample().filter((w) => w['metrics_type'] === null && w['is_outdoor'] === false);
    const empty = floor.map((w) => graph(w, 5)).filter((g) => g['metrics'].length === 0);
    expect(empty.length).toBeGreaterThan(3);
    for (const g of empty) expect(g['seconds_since_pedaling_start'].length).toBeGreaterThan(0);
    for (const w of floor) expect(sampleRows(sim.sampleTruth(w.id, 5)!).length).toBe(graph(w, 5)['seconds_since_pedaling_start'].length);
  });

  it('now and then lose a cycling graph: no seconds, empty values, summaries still filled in', () => {
    for (const w of lost) {
      expect(w['metrics_type']).toBe('cycling');
      const g = graph(w, 5);
      expect(g['duration']).toBeGreaterThan(0);
      for (const values of columns(g).values()) expect(values).toEqual([]);
      expect(g['summaries'].find((s: Body) => s['slug'] === 'total_output')['value']).toBe(Math.round(Number(w['total_work']) / 1000));
      expect(sampleRows(sim.sampleTruth(w.id, 1)!)).toEqual([]);
    }
  });
});

describe('rows', () => {
  it('one per offset with the workout id, its created_at and one column per slug', () => {
    const w = sample().find((x) => x['metrics_type'] === 'running' && x['is_outdoor'] === false)!;
    const truth = sim.sampleTruth(w.id, 5)!;
    const rows = sampleRows(truth);
    const g = graph(w, 5);
    expect(rows).toHaveLength(g['seconds_since_pedaling_start'].length);
    rows.forEach((row, i) => {
      expect(row).toMatchObject({ workout_id: w.id, workout_created_at: w.created_at, offset: g['seconds_since_pedaling_start'][i] });
      for (const [slug, values] of columns(g)) expect(row[slug]).toBe(values[i]);
    });
    expect(Object.keys(truth.values)).toEqual(expect.arrayContaining(['output', 'pace', 'speed', 'incline']));
    expect(Object.keys(rows[0]!).sort()).toEqual(['offset', 'workout_created_at', 'workout_id', ...Object.keys(truth.values)].sort());
  });
});

describe('outdoor workouts', () => {
  const outdoor = (): SimWorkout[] => all.filter((w) => w['is_outdoor'] === true && w.status === 'COMPLETE');

  it('are app workouts without device metrics', () => {
    expect(outdoor().length).toBeGreaterThan(50);
    for (const w of outdoor()) {
      expect(['walking', 'running']).toContain(w['fitness_discipline']);
      expect([w['device_type'], w['platform'], w['metrics_type'], w['total_work']]).toEqual(['iPhone', 'iOS_app', null, 0]);
      expect(w['has_leaderboard_metrics']).toBe(false);
    }
  });

  it('carry a GPS track: one element per class segment (one with a null id without a class), offsets those of the graph', () => {
    for (const w of outdoor().slice(-40)) {
      const g = graph(w, 1);
      expect(g['is_location_data_accurate']).toBe(true);
      const elements: Body[] = g['location_data'];
      const segments = g['segment_list'].map((s: Body) => s['id']);
      const ids = [...new Set(elements.map((e) => e['segment_id']))];
      expect(ids).toEqual(noClass(w) ? [null] : segments);
      if (noClass(w)) expect(elements).toHaveLength(1);
      expect(segments.length === 0).toBe(noClass(w));
      const fixes = elements.flatMap((e) => e['coordinates'].map((c: Body) => ({ ...c, gap: e['is_gap'] })));
      const offsets = fixes.map((c) => c['seconds_offset_from_start']);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(new Set(offsets).size).toBe(offsets.length);
      expect(fixes.filter((c) => !c.gap).map((c) => c['seconds_offset_from_start'])).toEqual(g['seconds_since_pedaling_start']);
      const odd = fixes.filter(
        (fix, i) =>
          fix['distance'] < (fixes[i - 1]?.['distance'] ?? 0) ||
          Math.round(fix['distance'] * 100) / 100 !== fix['distance'] ||
          !(fix['accuracy'] >= 3 && fix['accuracy'] <= 16) ||
          fix['distance_display_unit'] !== 'mi' ||
          typeof fix['latitude'] !== 'number' ||
          typeof fix['longitude'] !== 'number',
      );
      expect(odd).toEqual([]);
      expect(g['summaries'].find((s: Body) => s['slug'] === 'distance')['value']).toBe(fixes.at(-1)?.['distance']);
      const truth = sim.locationTruth(w.id)!;
      expect(truth.map(({ segment_id, is_gap, ...c }) => ({ ...c, gap: is_gap, segment: segment_id }))).toEqual(
        elements.flatMap((e) => e['coordinates'].map((c: Body) => ({ ...c, gap: e['is_gap'], segment: e['segment_id'] }))),
      );
    }
  });

  it('mark a paused stretch as a gap: fixes standing still, seconds the graph leaves out', () => {
    const paused = outdoor().filter((w) => graph(w, 1)['location_data'].some((e: Body) => e['is_gap']));
    expect(paused.length).toBeGreaterThan(3);
    for (const w of paused) {
      const g = graph(w, 1);
      const gap: Body[] = g['location_data'].find((e: Body) => e['is_gap'])['coordinates'];
      expect(new Set(gap.map((c) => c['distance'])).size).toBe(1);
      for (const fix of gap) expect(g['seconds_since_pedaling_start']).not.toContain(fix['seconds_offset_from_start']);
    }
  });

  it('at every_n > 1 keep the fixes at the graph offsets of that every_n (and every n-th of a pause)', () => {
    for (const w of outdoor().slice(-20)) {
      for (const n of [5, 60]) {
        const g = graph(w, n);
        const fixes = g['location_data'].flatMap((e: Body) => (e['is_gap'] ? [] : e['coordinates']));
        expect(fixes.map((c: Body) => c['seconds_offset_from_start'])).toEqual(g['seconds_since_pedaling_start']);
        const full = new Map(sim.locationTruth(w.id, 1)!.map((c) => [c.seconds_offset_from_start, c]));
        for (const fix of sim.locationTruth(w.id, n)!) expect(full.get(fix.seconds_offset_from_start)).toEqual(fix);
      }
    }
  });

  it('send the track of a workout without a class only with Peloton-Platform: web; a class track always', async () => {
    const free = outdoor().filter(noClass).at(-1)!;
    const withClass = outdoor()
      .filter((w) => !noClass(w))
      .at(-1)!;
    const bare = await graphOverHttp(free.id, 5, {});
    expect([bare['location_data'], bare['is_location_data_accurate']]).toEqual([[], null]);
    expect((await graphOverHttp(free.id, 5))['location_data'].length).toBe(1);
    expect((await graphOverHttp(withClass.id, 5, {}))['location_data']).toEqual(graph(withClass, 5)['location_data']);
  });

  it('keep indoor graphs with `location_data: []` or without the GPS keys, both as real graphs do', () => {
    const indoor = sample()
      .filter((w) => w['is_outdoor'] === false)
      .map((w) => graph(w, 5));
    const shapes = new Set(indoor.map((g) => JSON.stringify([g['location_data'], g['is_location_data_accurate']])));
    expect(shapes).toEqual(new Set([JSON.stringify([[], null]), JSON.stringify([undefined, undefined])]));
    for (const w of sample().filter((x) => x['is_outdoor'] === false)) expect(sim.locationTruth(w.id)).toEqual([]);
  });
});

describe('rower strokes', () => {
  const ERRORS = [
    'under_compress',
    'over_compress',
    'lunge_catch',
    'under_extend',
    'shoot_slide',
    'open_early',
    'too_much_layback',
    'too_little_layback',
    'bend_knees_early',
  ];

  it('list each stroke on its own clock, ids 1…N, float output, the real fault types on some', () => {
    const rows = all
      .filter((w) => w['fitness_discipline'] === 'caesar' && w.created_at >= at(2022, 5) && w.status === 'COMPLETE')
      .slice(-30);
    expect(rows.length).toBeGreaterThan(10);
    const faults = new Set<string>();
    let faulty = 0;
    let strokes = 0;
    for (const w of rows) {
      const g = graph(w, 5);
      const data: Body[] = g['caesar_metrics']['output']['data'];
      expect(data).toEqual(json(sim.strokeTruth(w.id)));
      expect(data.map((s) => s['id'])).toEqual(data.map((_, i) => i + 1));
      const offsets = data.map((s) => s['seconds_since_pedaling_start']);
      expect(offsets.filter((t, i) => i > 0 && t <= offsets[i - 1]!)).toEqual([]);
      expect(offsets.at(-1)).toBeLessThanOrEqual(g['duration']);
      expect(data.some((s) => !Number.isInteger(s['output']))).toBe(true);
      for (const stroke of data) for (const error of stroke['errors']) faults.add(error['type']);
      faulty += data.filter((s) => s['errors'].length > 0).length;
      strokes += data.length;
      expect(g['summaries'].find((s: Body) => s['slug'] === 'stroke_count')['value']).toBe(data.length);
      for (const segment of g['caesar_metrics']['detail']['segments'])
        for (const error of segment['errors']) {
          const share = data.filter((s) => s['errors'].some((e: Body) => e['type'] === error['type'])).length / data.length;
          expect(error['percent_of_strokes']).toBe(Math.round(100 * share));
        }
    }
    expect([...faults].every((f) => ERRORS.includes(f))).toBe(true);
    expect(faults.size).toBeGreaterThan(6);
    expect(faulty).toBeGreaterThan(0);
    expect(faulty).toBeLessThan(strokes / 2);
    const before = all.find((w) => w['fitness_discipline'] === 'caesar' && w.created_at < at(2022, 5))!;
    expect(graph(before, 5)).not.toHaveProperty('caesar_metrics');
    expect(sim.strokeTruth(before.id)).toEqual([]);
  });
});

describe('against the real graphs in ../shared/real-payloads/performance_graph', () => {
  const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  /** Every key path of a body (array elements as `[]`) with the JSON types seen there. */
  function shape(value: unknown, path = '$', out = new Map<string, Set<string>>()): Map<string, Set<string>> {
    out.set(path, (out.get(path) ?? new Set()).add(kindOf(value)));
    if (Array.isArray(value)) for (const item of value) shape(item, `${path}[]`, out);
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) shape(item, `${path}.${key}`, out);
    return out;
  }
  // Keys a real graph may lack (§6.5: indoor graphs with or without them) and paths where null is real (§6.8, schema).
  const OPTIONAL = new Set(['$.location_data', '$.is_location_data_accurate']);
  const NULLABLE = new Set(['$.metrics[].values[]', '$.metrics[].alternatives[].values[]', '$.effort_zones']);
  const described = (g: Body, key: string): unknown[] => g[key].map((m: Body) => [m['slug'], m['display_name'], m['display_unit']]);

  const cases: Array<[string, number, (w: SimWorkout) => boolean]> = [
    [
      'cyrii42_2024-02_cycling_class_every_n_5.json',
      5,
      (w) => w['fitness_discipline'] === 'cycling' && w.created_at >= at(2024) && w.created_at < at(2025),
    ],
    [
      'cyrii42_2024-02_cycling_class_every_n_60.json',
      60,
      (w) => w['fitness_discipline'] === 'cycling' && w.created_at >= at(2024) && w.created_at < at(2025),
    ],
    [
      'p2g_2021-08_outdoor_walk_class_gps_shifted_every_n_1.json',
      1,
      (w) => w['is_outdoor'] === true && w['fitness_discipline'] === 'walking' && w.created_at >= at(2021) && w.created_at < at(2022),
    ],
    [
      'p2g_2022-12_rower_class_every_n_1.json',
      1,
      (w) => w['fitness_discipline'] === 'caesar' && w.created_at >= at(2022, 5) && w.created_at < at(2023),
    ],
  ];
  for (const [file, n, matches] of cases) {
    it(`have the key paths, types, slugs and units of ${file}`, () => {
      const real = JSON.parse(readFileSync(join(REAL_PAYLOADS_DIR, 'performance_graph', file), 'utf8')) as Body;
      const twins = all.filter((w) => matches(w) && w['workout_type'] === 'class' && w.status === 'COMPLETE').map((w) => graph(w, n));
      const withHeartRate = twins.filter((g) => g['metrics'].some((m: Body) => m['slug'] === 'heart_rate'));
      expect(withHeartRate.length).toBeGreaterThan(2);
      const simulated = new Map<string, Set<string>>();
      for (const g of withHeartRate)
        for (const [path, kinds] of shape(g)) simulated.set(path, new Set([...(simulated.get(path) ?? []), ...kinds]));
      const expected = shape(real);
      const paths = (m: Map<string, Set<string>>): string[] => [...m.keys()].filter((p) => !OPTIONAL.has(p)).sort();
      expect(paths(simulated)).toEqual(paths(expected));
      for (const [path, kinds] of simulated) {
        const real = expected.get(path) ?? new Set(OPTIONAL.has(path) ? ['array', 'boolean', 'null'] : []);
        const allowed = new Set([...real, ...(NULLABLE.has(path) ? ['null'] : [])]);
        expect(
          [...kinds].filter((k) => !allowed.has(k)),
          path,
        ).toEqual([]);
      }
      for (const g of withHeartRate)
        for (const key of ['metrics', 'summaries', 'average_summaries']) expect(described(g, key), key).toEqual(described(real, key));
    });
  }
});
