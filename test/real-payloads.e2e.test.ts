import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, runCli, writeFiles, type CliResult, type Message } from './helpers/cli.js';
import {
  coverage,
  coverageLine,
  loadSchemaFile,
  readOverviewEvidence,
  readPayloads,
  realPayloadsAvailable,
  REAL_PAYLOADS_DIR,
  schemaValidator,
  type JsonBody,
  type Payload,
} from './helpers/real-payloads.js';
import { ReplayServer, type ReplayPayloads } from './helpers/replay-server.js';

// The account every captured workout was normalised to (real-payloads/README.md).
const SERVED_USER_ID = '9d50dddf7e594c57bda54280eeec98d7';
const available = realPayloadsAvailable();
if (!available) console.warn(`NOTICE: ${REAL_PAYLOADS_DIR} not found; the tests against real Peloton payloads are skipped.`);
const describeReal = available ? describe : describe.skip;

if (!available && process.env['CI'] !== undefined) {
  describe('real payloads in CI', () => {
    it('are present beside the project', () => {
      expect.fail(`${REAL_PAYLOADS_DIR} is missing: CI must provide ../shared/real-payloads.`);
    });
  });
}

interface Evidence extends ReplayPayloads {
  graphFiles: Payload[];
  meFiles: Payload[];
  overviewFiles: Payload[];
}

function loadEvidence(): Evidence {
  const graphFiles = readPayloads('graphs');
  const meFiles = readPayloads('me');
  const overviewFiles = readOverviewEvidence();
  // The fullest overview evidence; it has no `id`, which the route adds as the real endpoint does.
  const overview = overviewFiles.find((payload) => payload.file.includes('reconstructed'))?.body ?? {};
  return {
    workouts: readPayloads('workouts'),
    graphs: new Map(graphFiles.map((payload) => [payload.file.replace(/^graphs\/|\.json$/g, ''), payload.body])),
    graphFiles,
    workoutDetails: readPayloads('workout_detail'),
    rideDetails: readPayloads('ride_details'),
    // The 2020 /api/me answer (the other file is the public subset embedded by joins=user).
    me: (meFiles.find((payload) => payload.file.includes('weissleb')) ?? meFiles[0])!.body,
    meFiles,
    overview,
    overviewFiles,
  };
}

const evidence = available ? loadEvidence() : undefined;

/** An unsigned JWT carrying the user id claim the connector reads, valid for years. */
function bearerToken(userId: string): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ 'http://onepeloton.com/user_id': userId, exp: 4_102_444_800 })}.`;
}

function replayConfig(url: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    credentials: { auth_type: 'bearer', access_token: bearerToken(SERVED_USER_ID) },
    api_base_url: url,
    auth_base_url: url,
    start_date: '2010-01-01T00:00:00Z',
    requests_per_second: 0,
    ...overrides,
  };
}

async function readStreams(
  url: string,
  streams: Record<string, 'full_refresh' | 'incremental'>,
  overrides: Record<string, unknown> = {},
): Promise<CliResult> {
  const paths = writeFiles({ 'config.json': replayConfig(url, overrides), 'catalog.json': catalog(streams) });
  return runCli(['read', '--config', paths['config.json']!, '--catalog', paths['catalog.json']!]);
}

/** The streams `discover` offers, with their schemas, primary keys and cursors (run before any test is collected). */
async function discover(): Promise<Message[]> {
  const paths = writeFiles({ 'config.json': replayConfig('http://127.0.0.1:9') });
  const result = await runCli(['discover', '--config', paths['config.json']!]);
  return result.messages.find((message) => message['type'] === 'CATALOG')?.['catalog'].streams ?? [];
}

const discovered = available ? await discover() : [];
const offered = new Set(discovered.map((stream) => String(stream['name'])));

const rideIdOf = (body: JsonBody): string | undefined => {
  const ride = body['ride'];
  return ride !== null && typeof ride === 'object' && !Array.isArray(ride) && typeof ride['id'] === 'string' ? ride['id'] : undefined;
};

/** created_at of the newest captured workout that took a class (the cursor ride_details adds). */
function newestWorkoutOfClass(rideId: string): number | undefined {
  const times = evidence!.workouts
    .filter((payload) => rideIdOf(payload.body) === rideId)
    .map((payload) => Number(payload.body['created_at']));
  return times.length === 0 ? undefined : Math.max(...times);
}

/** Each stream's schema file and the records its real payloads make (added fields included). */
function recordsByStream(): Record<string, { schema: string; records: Payload[] }> {
  const e = evidence!;
  const createdAt = new Map(e.workouts.map((payload) => [payload.body['id'], payload.body['created_at']]));
  return {
    workouts: { schema: 'workouts.json', records: e.workouts },
    workout_metrics: {
      schema: 'workout_metrics.json',
      records: e.graphFiles.map(({ file, body }) => {
        const id = file.replace(/^graphs\/|\.json$/g, '');
        return { file, body: { ...body, id, workout_id: id, workout_created_at: createdAt.get(id) ?? null } };
      }),
    },
    workout_details: { schema: 'workout_details.json', records: e.workoutDetails },
    ride_details: {
      schema: 'ride_details.json',
      records: e.rideDetails.map(({ file, body }) => {
        const rideId = rideIdOf(body)!;
        const ride = body['ride'] as JsonBody;
        return {
          file,
          body: { ...body, id: rideId, workout_created_at: newestWorkoutOfClass(rideId) ?? Number(ride['original_air_time']) },
        };
      }),
    },
    user: { schema: 'user.json', records: e.meFiles },
    overview: {
      schema: 'overview.json',
      records: e.overviewFiles.map(({ file, body }) => ({ file, body: { ...body, id: SERVED_USER_ID } })),
    },
  };
}

describeReal('stream schemas against the real payloads', () => {
  const streams = available ? recordsByStream() : {};

  it.each(
    Object.entries(streams).flatMap(([stream, { schema, records }]) =>
      records.map((record) => [stream, record.file, schema, record.body] as const),
    ),
  )('%s: %s is valid', (_stream, _file, schema, body) => {
    const validate = schemaValidator(schema);
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(Object.entries(streams).map(([stream, value]) => [stream, value] as const))(
    '%s: every field seen in the payloads is declared',
    (stream, { schema, records }) => {
      const result = coverage(
        loadSchemaFile(schema),
        records.map((record) => record.body),
      );
      console.log(coverageLine(stream, result));
      expect(result.topUndeclared).toEqual([]);
      expect(result.nestedUndeclared).toEqual([]);
    },
  );

  it('cover every payload folder', () => {
    expect(streams['workouts']?.records.length).toBeGreaterThan(20);
    expect(streams['workout_metrics']?.records.length).toBeGreaterThan(10);
    for (const stream of ['workout_details', 'ride_details', 'user', 'overview'])
      expect(streams[stream]?.records.length, stream).toBeGreaterThan(0);
  });
});

describeReal('discover', () => {
  it("declares every stream's primary key and cursor as top-level properties of its schema", () => {
    expect(discovered.length).toBeGreaterThanOrEqual(2);
    for (const stream of discovered) {
      const properties = Object.keys(stream['json_schema'].properties ?? {});
      for (const key of stream['source_defined_primary_key'] ?? []) expect(properties, stream['name']).toContain(key[0]);
      for (const cursor of stream['default_cursor_field'] ?? []) expect(properties, stream['name']).toContain(cursor);
    }
  });
});

describeReal('reading workouts and workout_metrics from replayed real payloads', () => {
  let server: ReplayServer;
  let result: CliResult;
  const e = evidence!;

  beforeAll(async () => {
    server = await ReplayServer.start(e);
    // Small pages so the list is read over several pages of the real envelope.
    result = await readStreams(
      server.url,
      { workouts: 'full_refresh', workout_metrics: 'full_refresh' },
      { page_size: 10, metrics_every_n: 5 },
    );
  });
  afterAll(() => server.close());

  it('succeeds', () => {
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.errors()).toEqual([]);
    expect(result.statuses('workouts').at(-1)).toBe('COMPLETE');
    expect(result.statuses('workout_metrics').at(-1)).toBe('COMPLETE');
  });

  it('emits each workout payload exactly once, unchanged, newest first', () => {
    const newestFirst = [...e.workouts]
      .sort((a, b) => Number(b.body['created_at']) - Number(a.body['created_at']))
      .map((payload) => payload.body);
    expect(result.records('workouts')).toEqual(newestFirst);
    const pages = server.requests.filter((request) => request.path === `/api/user/${SERVED_USER_ID}/workouts`);
    expect(pages.map((request) => request.query.get('page'))).toEqual(['0', '1', '2']);
    expect(pages.every((request) => request.query.get('limit') === '10' && request.query.get('joins') === 'ride,ride.instructor')).toBe(
      true,
    );
    expect(server.requests.every((request) => request.authorization === `Bearer ${bearerToken(SERVED_USER_ID)}`)).toBe(true);
  });

  it('emits each captured graph once, unchanged, with only id, workout_id and workout_created_at added', () => {
    const records = new Map(result.records('workout_metrics').map((record) => [record['id'], record]));
    expect(records.size).toBe(result.records('workout_metrics').length);
    expect([...records.keys()].sort()).toEqual([...e.graphs.keys()].sort());
    for (const [id, graph] of e.graphs) {
      const workout = e.workouts.find((payload) => payload.body['id'] === id)!.body;
      expect(records.get(id)).toEqual({ ...graph, id, workout_id: id, workout_created_at: workout['created_at'] });
    }
    const graphRequests = server.requests.filter((request) => request.path.endsWith('/performance_graph'));
    expect(graphRequests.every((request) => request.query.get('every_n') === '5')).toBe(true);
  });

  it('warns about each workout without a captured graph and emits nothing for it', () => {
    const withoutGraph = e.workouts.map((payload) => payload.body['id'] as string).filter((id) => !e.graphs.has(id));
    expect(withoutGraph.length).toBeGreaterThan(0);
    const warnings = result.messages.filter((m) => m['type'] === 'LOG' && m['log'].level === 'WARN').map((m) => String(m['log'].message));
    for (const id of withoutGraph)
      expect(
        warnings.filter((message) => message.includes(id)),
        id,
      ).toHaveLength(1);
  });
});

describeReal('reading the profile, detail and overview streams from replayed real payloads', () => {
  let server: ReplayServer;
  const e = evidence!;

  beforeAll(async () => {
    server = await ReplayServer.start(e);
  });
  afterAll(() => server.close());

  it.skipIf(!offered.has('user'))('user: one record, the /api/me body unchanged', async () => {
    const result = await readStreams(server.url, { user: 'full_refresh' });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.records('user')).toEqual([e.me]);
  });

  it.skipIf(!offered.has('overview'))('overview: one record, the body with id set to the user id', async () => {
    const result = await readStreams(server.url, { overview: 'full_refresh' });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.records('overview')).toEqual([{ ...e.overview, id: SERVED_USER_ID }]);
  });

  it.skipIf(!offered.has('workout_details'))(
    'workout_details: each captured detail of a listed workout, unchanged; the others skipped',
    async () => {
      const result = await readStreams(server.url, { workout_details: 'full_refresh' });
      expect(result.exitCode, result.stderr).toBe(0);
      const listed = new Set(e.workouts.map((payload) => payload.body['id']));
      const expected = e.workoutDetails.map((payload) => payload.body).filter((body) => listed.has(body['id']));
      expect(expected.length).toBeGreaterThan(0);
      const records = result.records('workout_details');
      expect(records).toHaveLength(expected.length);
      for (const body of expected) expect(records.find((record) => record['id'] === body['id'])).toEqual(body);
    },
  );

  it.skipIf(!offered.has('ride_details'))(
    'ride_details: each captured class taken by a listed workout, with id and workout_created_at added',
    async () => {
      const result = await readStreams(server.url, { ride_details: 'full_refresh' });
      expect(result.exitCode, result.stderr).toBe(0);
      const expected = e.rideDetails
        .map((payload) => ({ body: payload.body, rideId: rideIdOf(payload.body)! }))
        .filter(({ rideId }) => newestWorkoutOfClass(rideId) !== undefined)
        .map(({ body, rideId }) => ({ ...body, id: rideId, workout_created_at: newestWorkoutOfClass(rideId) }));
      expect(expected.length).toBeGreaterThan(0);
      expect(result.records('ride_details')).toEqual(expected);
      // Just Ride (32 zeros) has no class: never asked for.
      expect(server.requests.some((request) => request.path === `/api/ride/${'0'.repeat(32)}/details`)).toBe(false);
    },
  );
});
