import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { PelotonSimulator } from '../simulator/server.js';
import { formatReport, loadTyped, openDatabase, problemsOf, streamsOfCatalog } from './typed-load.js';
import { answer, FACTS, renderRows } from './typed-load/facts.js';

/**
 * `npm run demo`: spec, check, discover and read end to end through the real CLI, against the
 * built-in simulator (or, with PELOTON_CONFIG=path/to/config.json, against that account), then the read
 * loaded into demo-output/peloton.duckdb (one typed table per stream) and a few answers in SQL.
 * Everything the connector printed is kept in demo-output/.
 */
const outDir = join(PACKAGE_ROOT, 'demo-output');
mkdirSync(outDir, { recursive: true });
const bin = join(PACKAGE_ROOT, 'bin', 'source-peloton.js');
const HISTORY = 300;
const WINDOW_DAYS = 90;

const realConfig = process.env['PELOTON_CONFIG'];
const simulator =
  realConfig === undefined ? await PelotonSimulator.start({ workouts: HISTORY, latencyMs: 2, recordRequests: false }) : undefined;
const configPath = realConfig ?? join(outDir, 'config.json');
let windowStart = 0;
if (simulator !== undefined) {
  const newest = simulator.history.all()[0]?.created_at ?? 0;
  windowStart = newest - WINDOW_DAYS * 86_400;
  writeFileSync(
    configPath,
    JSON.stringify(
      {
        credentials: {
          auth_type: 'password',
          username: simulator.auth0.username,
          password: simulator.auth0.password,
          login_method: 'auto',
        },
        start_date: new Date(windowStart * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
        // Per-second samples: at a larger every_n each sample is the maximum of its bucket (see workout_samples).
        metrics_every_n: 1,
        api_base_url: simulator.url,
        auth_base_url: simulator.url,
        requests_per_second: 0,
        max_concurrency: 8,
      },
      null,
      2,
    ),
  );
}
const catalogPath = join(outDir, 'catalog.json');

type Message = Record<string, any>;

async function cli(name: string, args: string[]): Promise<Message[]> {
  const started = Date.now();
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  writeFileSync(join(outDir, `${name}.jsonl`), out);
  const messages = out
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Message);
  process.stdout.write(`  ${`source-peloton ${name}`.padEnd(26)} exit ${code}, ${messages.length} messages, ${Date.now() - started} ms\n`);
  return messages;
}

if (simulator === undefined) {
  const startDate = (JSON.parse(readFileSync(configPath, 'utf8')) as { start_date?: unknown }).start_date;
  const window = typeof startDate === 'string' ? `the workouts since ${startDate} (start_date)` : 'the last 30 days (no start_date)';
  process.stdout.write(`Reading the account configured in ${realConfig}: ${window}.\n`);
} else {
  const inWindow = simulator.history.all().filter((workout) => workout.created_at >= windowStart).length;
  process.stdout.write(
    `Peloton simulator at ${simulator.url}: a member with ${HISTORY} workouts, logging in with a password through its Auth0.\n` +
      `Reading the last ${WINDOW_DAYS} days: ${inWindow} of ${HISTORY} workouts, with per-second samples (metrics_every_n 1).\n`,
  );
}
await cli('spec', ['spec']);
const check = await cli('check', ['check', '--config', configPath]);
process.stdout.write(`    check: ${JSON.stringify(check.find((m) => m['type'] === 'CONNECTION_STATUS')?.['connectionStatus'])}\n`);
const discover = await cli('discover', ['discover', '--config', configPath]);
const streams = (discover.find((m) => m['type'] === 'CATALOG')?.['catalog'].streams ?? []) as Message[];
writeFileSync(
  catalogPath,
  JSON.stringify({
    streams: streams.map((stream) => {
      const incremental = (stream['supported_sync_modes'] as string[]).includes('incremental');
      return {
        stream,
        sync_mode: incremental ? 'incremental' : 'full_refresh',
        destination_sync_mode: incremental ? 'append_dedup' : 'overwrite',
        ...(incremental ? { cursor_field: stream['default_cursor_field'] } : {}),
        primary_key: stream['source_defined_primary_key'],
      };
    }),
  }),
);
const read = await cli('read', ['read', '--config', configPath, '--catalog', catalogPath]);

const lastStates = new Map<string, unknown>();
for (const m of read.filter((x) => x['type'] === 'STATE'))
  lastStates.set(m['state'].stream.stream_descriptor.name, m['state'].stream.stream_state);
const errors = read.filter((m) => m['type'] === 'TRACE' && m['trace'].type === 'ERROR');

// The read, typed into DuckDB as a warehouse destination would hold it, then answers in SQL.
const dbPath = join(outDir, 'peloton.duckdb');
for (const file of [dbPath, `${dbPath}.wal`]) rmSync(file, { force: true });
const database = await openDatabase(dbPath);
const report = await loadTyped(database.connection, streamsOfCatalog(discover.find((m) => m['type'] === 'CATALOG')), read);
const problems = problemsOf(report);
process.stdout.write(`\n${formatReport(report)}\n`);
process.stdout.write(`\nAnswers in SQL over what was read (the overview's records cover the whole history):\n`);
for (const fact of FACTS) {
  const rows = await answer(database.connection, fact);
  if (rows === undefined) continue;
  process.stdout.write(
    `\n${fact.title}:\n${rows.length === 0 ? `  (none: ${fact.whenEmpty ?? 'no rows'})` : renderRows(rows, fact.show)}\n`,
  );
}
database.close();

// Which streams resume after which moment (each cursor is a workout's created_at).
const resumeAfter = new Map<string, string[]>();
for (const [stream, state] of lastStates)
  for (const value of Object.values(state as Record<string, unknown>)) {
    if (typeof value !== 'number') continue;
    const at = new Date(value * 1000).toISOString().replace(/\.000Z$/, 'Z');
    resumeAfter.set(at, [...(resumeAfter.get(at) ?? []), stream]);
  }
process.stdout.write(
  `\nThe next incremental read resumes after ${[...resumeAfter].map(([at, streams]) => `${at}: ${streams.join(', ')}`).join('; ')}.\n`,
);
if (errors.length > 0) process.stdout.write(`errors: ${errors.map((e) => e['trace'].error.message).join(' | ')}\n`);
const here = (path: string): string => relative(process.cwd(), path) || '.';
process.stdout.write(`Every message is in ${here(outDir)}/ (spec, check, discover, read .jsonl); the tables are in ${here(dbPath)}.\n`);
process.stdout.write(
  `Query them: npm run sql -- "SELECT fitness_discipline, count(*) FROM workouts GROUP BY ALL"\n` +
    `  or with the DuckDB command line (not installed by this project, see https://duckdb.org/install): duckdb ${here(dbPath)}\n`,
);
const connector = `node ${here(bin)}`;
const yourConfig = '~/.source-peloton/config.json';
process.stdout.write(
  `\nNext, your own account:\n` +
    `  mkdir -p ~/.source-peloton && ${connector} login --output ${yourConfig}\n` +
    `      asks for your Peloton email and password once and writes a config holding a refresh token, not the password\n` +
    `      (add "start_date": "2024-01-01T00:00:00Z" to it to read further back than 30 days, "metrics_every_n": 1 for per-second samples)\n` +
    `  PELOTON_CONFIG=${yourConfig} npm run demo\n` +
    `      this demo on your data\n` +
    `  ${connector} read --config ${yourConfig} --catalog ${here(catalogPath)} > read.jsonl\n` +
    `      the read alone, every stream of the catalog the demo wrote; add --state with its last STATE messages to read only what is new\n`,
);
await simulator?.close();
process.exitCode = errors.length > 0 || problems.length > 0 ? 1 : 0;
