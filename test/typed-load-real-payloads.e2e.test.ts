import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTyped, openDatabase, problemsOf, streamsOfCatalog, type Database, type TypedLoadReport } from '../scripts/typed-load.js';
import { runCli, writeFiles, type CliResult, type Message } from './helpers/cli.js';
import { readOverviewEvidence, readPayloads, realPayloadsAvailable, REAL_PAYLOADS_DIR } from './helpers/real-payloads.js';
import { ReplayServer, type ReplayPayloads } from './helpers/replay-server.js';

/** Real Peloton bodies replayed through the CLI, every discovered stream at once, then loaded into typed tables. */

// The account every captured workout was normalised to (real-payloads/README.md).
const SERVED_USER_ID = '9d50dddf7e594c57bda54280eeec98d7';
const available = realPayloadsAvailable();
if (!available) console.warn(`NOTICE: ${REAL_PAYLOADS_DIR} not found; the typed load of real Peloton payloads is skipped.`);
const describeReal = available ? describe : describe.skip;

function replayPayloads(): ReplayPayloads {
  const meFiles = readPayloads('me');
  return {
    workouts: readPayloads('workouts'),
    graphs: new Map(readPayloads('graphs').map((payload) => [payload.file.replace(/^graphs\/|\.json$/g, ''), payload.body])),
    workoutDetails: readPayloads('workout_detail'),
    rideDetails: readPayloads('ride_details'),
    // The full /api/me answer (the other file is the public subset embedded by joins=user).
    me: (meFiles.find((payload) => payload.file.includes('weissleb')) ?? meFiles[0])!.body,
    overview: readOverviewEvidence().find((payload) => payload.file.includes('reconstructed'))?.body ?? {},
  };
}

/** An unsigned JWT carrying the user id claim the connector reads. */
function bearerToken(userId: string): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ 'http://onepeloton.com/user_id': userId, exp: 4_102_444_800 })}.`;
}

describeReal('real payloads in typed tables', () => {
  let server: ReplayServer;
  let db: Database;
  let read: CliResult;
  let discovered: Message[];
  let report: TypedLoadReport;

  beforeAll(async () => {
    server = await ReplayServer.start(replayPayloads());
    const paths = writeFiles({
      'config.json': {
        credentials: { auth_type: 'bearer', access_token: bearerToken(SERVED_USER_ID) },
        api_base_url: server.url,
        auth_base_url: server.url,
        start_date: '2010-01-01T00:00:00Z',
        requests_per_second: 0,
      },
    });
    const discover = await runCli(['discover', '--config', paths['config.json']!]);
    const catalogMessage = discover.messages.find((m) => m['type'] === 'CATALOG')!;
    discovered = catalogMessage['catalog'].streams;
    const catalog = writeFiles({
      'catalog.json': { streams: discovered.map((stream) => ({ stream, sync_mode: 'full_refresh', destination_sync_mode: 'overwrite' })) },
    });
    read = await runCli(['read', '--config', paths['config.json']!, '--catalog', catalog['catalog.json']!]);
    db = await openDatabase(':memory:');
    report = await loadTyped(db.connection, streamsOfCatalog(catalogMessage), read.messages);
  });
  afterAll(async () => {
    db.close();
    await server.close();
  });

  it('read every stream with captured bodies to the end', () => {
    // Streams whose endpoints have no captured body may fail here; what they did emit is still loaded below.
    expect(report.streams.map((s) => s.stream)).toEqual(discovered.map((s) => s['name']));
    for (const stream of ['workouts', 'workout_metrics', 'workout_details', 'ride_details', 'user', 'overview']) {
      expect(read.statuses(stream).at(-1), stream).toBe('COMPLETE');
      expect(report.streams.find((s) => s.stream === stream)?.records, stream).toBeGreaterThan(0);
    }
  });

  it('load with zero failed casts and zero duplicate keys', () => {
    for (const stream of report.streams) {
      expect(stream.records, stream.stream).toBe(read.records(stream.stream).length);
      expect(stream.rows, stream.stream).toBe(stream.records);
    }
    expect(problemsOf(report)).toEqual([]);
  });
});
