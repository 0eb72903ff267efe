import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTyped, openDatabase, problemsOf, streamsOfCatalog, type Database, type TypedLoadReport } from '../scripts/typed-load.js';
import { runCli, writeFiles, type CliResult, type Message } from './helpers/cli.js';
import { realPayloadsAvailable, REAL_PAYLOADS_DIR } from './helpers/real-payloads.js';
import { bearerToken, realReplayPayloads, ReplayServer, SERVED_USER_ID } from './helpers/replay-server.js';

/** Real Peloton bodies replayed through the CLI, every discovered stream at once, then loaded into typed tables. */

const available = realPayloadsAvailable();
if (!available) console.warn(`NOTICE: ${REAL_PAYLOADS_DIR} not found; the typed load of real Peloton payloads is skipped.`);
const describeReal = available ? describe : describe.skip;

/** Streams with a real capture behind every request they make (strength_sets, achievements and challenges have none). */
const CAPTURED = [
  'workouts',
  'workout_metrics',
  'workout_samples',
  'workout_locations',
  'rower_strokes',
  'workout_details',
  'ride_details',
  'class_songs',
  'user',
  'overview',
  'personal_records',
  'instructors',
];

describeReal('real payloads in typed tables', () => {
  let server: ReplayServer;
  let db: Database;
  let read: CliResult;
  let discovered: Message[];
  let report: TypedLoadReport;

  beforeAll(async () => {
    server = await ReplayServer.start(realReplayPayloads());
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
    for (const stream of CAPTURED) {
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
