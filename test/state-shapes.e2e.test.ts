import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, readArgs, runCli, runRaw, writeFiles } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

let sim: PelotonSimulator;
beforeAll(async () => (sim = await startSim({ workouts: 6, inProgress: 0 })));
afterAll(() => sim.close());

/** The simulator's own answer: a state on the third-newest workout leaves exactly the two newer ones to read. */
const cursor = (): number => sim.history.all()[2]!.created_at;
const newerIds = (): string[] =>
  sim.history
    .all()
    .slice(0, 2)
    .map((w) => w.id);

const streamMessage = (name: string, state: unknown): Record<string, unknown> => ({
  type: 'STREAM',
  stream: { stream_descriptor: { name }, stream_state: state },
});

const AIRBYTE_FORMS: Array<[string, () => unknown]> = [
  ['a list of STREAM states', () => [streamMessage('workouts', { created_at: cursor() })]],
  ['a list of full STATE messages', () => [{ type: 'STATE', state: streamMessage('workouts', { created_at: cursor() }) }]],
  ['a single STREAM state', () => streamMessage('workouts', { created_at: cursor() })],
  ['a LEGACY state', () => [{ type: 'LEGACY', data: { workouts: { created_at: cursor() } } }]],
  ['the legacy bare object', () => ({ workouts: { created_at: cursor() } })],
  [
    'a GLOBAL state',
    () => [
      {
        type: 'GLOBAL',
        global: { shared_state: {}, stream_states: [{ stream_descriptor: { name: 'workouts' }, stream_state: { created_at: cursor() } }] },
      },
    ],
  ],
];

describe('read --state: every Airbyte form resumes', () => {
  it.each(AIRBYTE_FORMS)('%s', async (_name, state) => {
    const result = await runCli(readArgs(simConfig(sim), catalog({ workouts: 'incremental' }), state()));
    expect(result.exitCode).toBe(0);
    expect(result.records('workouts').map((w) => w['id'])).toEqual(newerIds());
  });

  it('ignores the state of a stream that is not selected, saying so in one INFO line', async () => {
    const state = [
      streamMessage('workouts', { created_at: cursor() }),
      streamMessage('workout_metrics', { workout_created_at: cursor() }),
      streamMessage('user', {}),
    ];
    const result = await runCli(readArgs(simConfig(sim), catalog({ workouts: 'incremental' }), state));
    expect(result.exitCode).toBe(0);
    expect(result.records('workouts').map((w) => w['id'])).toEqual(newerIds());
    const notes = result.messages.filter((m) => m['type'] === 'LOG' && /not selected/.test(m['log'].message));
    expect(notes.map((m) => [m['log'].level, m['log'].message])).toEqual([
      ['INFO', 'Ignoring the state of streams not selected in the catalog: workout_metrics, user.'],
    ]);
  });
});

const tap = (args: string[]): ReturnType<typeof runRaw> => runRaw(['singer', ...args]);
const singerRecords = (stdout: string, stream: string): string[] =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>)
    .filter((m) => m['type'] === 'RECORD' && m['stream'] === stream)
    .map((m) => m['record'].id);
const onlyWorkouts = { streams: [{ tap_stream_id: 'workouts', schema: {}, metadata: [{ breadcrumb: [], metadata: { selected: true } }] }] };

const SINGER_FORMS: Array<[string, () => unknown]> = [
  ['{"bookmarks": ...}', () => ({ bookmarks: { workouts: { created_at: cursor() } } })],
  ['bookmarks with currently_syncing', () => ({ currently_syncing: null, bookmarks: { workouts: { created_at: cursor() } } })],
  ['a Singer STATE message', () => ({ type: 'STATE', value: { bookmarks: { workouts: { created_at: cursor() } } } })],
  ["a STATE message's value alone", () => ({ value: { bookmarks: { workouts: { created_at: cursor() } } } })],
];

describe('tap-peloton --state', () => {
  it.each(SINGER_FORMS)('accepts %s', async (_name, state) => {
    const files = writeFiles({ 'config.json': simConfig(sim), 'catalog.json': onlyWorkouts, 'state.json': state() });
    const result = await tap(['--config', files['config.json']!, '--catalog', files['catalog.json']!, '--state', files['state.json']!]);
    expect(result.code).toBe(0);
    expect(singerRecords(result.stdout, 'workouts')).toEqual(newerIds());
  });

  it.each([
    ['an empty object', {}],
    ['null', null],
  ])('treats %s as no state', async (_name, state) => {
    const files = writeFiles({ 'config.json': simConfig(sim), 'catalog.json': onlyWorkouts, 'state.json': state });
    const result = await tap(['--config', files['config.json']!, '--catalog', files['catalog.json']!, '--state', files['state.json']!]);
    expect(result.code).toBe(0);
    expect(singerRecords(result.stdout, 'workouts')).toEqual(sim.history.all().map((w) => w.id));
  });

  it.each<[string, unknown, RegExp]>([
    [
      'an Airbyte state list',
      [streamMessage('workouts', { created_at: 5 })],
      /^CRITICAL config_error: The state is an Airbyte state \(a list of STATE messages\), but the Singer tap takes a Singer state: \{"bookmarks": .*`source-peloton read --state`/m,
    ],
    ['an Airbyte STREAM state', streamMessage('workouts', { created_at: 5 }), /The state is an Airbyte STREAM state, but/],
    [
      'an Airbyte STATE message',
      { type: 'STATE', state: streamMessage('workouts', { created_at: 5 }) },
      /is an Airbyte STATE message, but/,
    ],
    [
      'a bare object keyed by stream name',
      { workouts: { created_at: 5 } },
      /keyed by stream name without "bookmarks" \(the shape of an Airbyte legacy state\); wrap it as \{"bookmarks": \{\.\.\.\}\}/,
    ],
    ["Meltano's stored form", { singer_state: { bookmarks: {} } }, /the form Meltano stores .*use what "singer_state" holds/],
    [
      'bookmarks of an unknown stream beside a known one',
      { bookmarks: { workouts: { created_at: 5 }, rides: {} } },
      /holds bookmarks for 'rides', which this connector does not have \(its streams: workouts, .*\)/,
    ],
    ['a bookmark that is not an object', { bookmarks: { workouts: 5 } }, /bookmarks\.workouts must hold an object/],
    ['bookmarks that are a list', { bookmarks: [1] }, /"bookmarks" must be an object keyed by stream name/],
    [
      'an unexpected top-level key',
      { bookmarks: {}, version: 2 },
      /it has "version" where only "bookmarks" \(and "currently_syncing"\) belong/,
    ],
  ])('refuses %s with a config_error before reading anything', async (_name, state, message) => {
    const files = writeFiles({ 'config.json': simConfig(sim), 'state.json': state });
    sim.requests.length = 0;
    const result = await tap(['--config', files['config.json']!, '--state', files['state.json']!]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^CRITICAL config_error: /m);
    expect(result.stderr).toMatch(message);
    expect(sim.requests).toEqual([]);
  });

  it('does not use the bookmarks of streams not selected, says so once, and carries them into every STATE', async () => {
    const kept = { workout_created_at: cursor() };
    const files = writeFiles({
      'config.json': simConfig(sim),
      'catalog.json': onlyWorkouts,
      'state.json': { bookmarks: { workouts: { created_at: cursor() }, workout_metrics: kept } },
    });
    const graphsBefore = sim.count('performance_graph');
    const result = await tap(['--config', files['config.json']!, '--catalog', files['catalog.json']!, '--state', files['state.json']!]);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').filter((line) => /not selected/.test(line))).toEqual([
      'INFO Ignoring the state of streams not selected in the catalog: workout_metrics; they are copied unchanged into the new state.',
    ]);
    const states = result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, any>)
      .filter((m) => m['type'] === 'STATE');
    expect(states.length).toBeGreaterThan(0);
    expect(states.map((m) => m['value'].bookmarks.workout_metrics)).toEqual(states.map(() => kept));
    expect(sim.count('performance_graph')).toBe(graphsBefore);
  });
});
