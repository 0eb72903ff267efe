import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
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

const realConfig = process.env['PELOTON_CONFIG'];
const simulator =
  realConfig === undefined ? await PelotonSimulator.start({ workouts: 300, latencyMs: 2, recordRequests: false }) : undefined;
const configPath = realConfig ?? join(outDir, 'config.json');
if (simulator !== undefined) {
  const newest = simulator.history.all()[0]?.created_at ?? 0;
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
        start_date: new Date((newest - 90 * 86_400) * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
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

process.stdout.write(
  simulator === undefined
    ? `Reading the account configured in ${realConfig}\n`
    : `Peloton simulator at ${simulator.url} (300 workouts; password login through its Auth0)\n`,
);
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
for (const fact of FACTS) {
  const rows = await answer(database.connection, fact);
  if (rows !== undefined) process.stdout.write(`\n${fact.title}:\n${renderRows(rows, fact.show)}\n`);
}
database.close();

process.stdout.write(`\nfinal state: ${JSON.stringify(Object.fromEntries(lastStates))}\n`);
if (errors.length > 0) process.stdout.write(`errors: ${errors.map((e) => e['trace'].error.message).join(' | ')}\n`);
process.stdout.write(`Every message is in ${outDir}/ (spec, check, discover, read .jsonl); the tables are in ${dbPath}.\n`);
process.stdout.write(
  `Query them: npm run sql -- "SELECT fitness_discipline, count(*) FROM workouts GROUP BY ALL"\n` +
    `  or with the DuckDB command line (not installed by this project, see https://duckdb.org/install): duckdb ${relative(process.cwd(), dbPath)}\n`,
);
await simulator?.close();
process.exitCode = errors.length > 0 || problems.length > 0 ? 1 : 0;
