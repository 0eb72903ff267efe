import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { PelotonSimulator } from '../simulator/server.js';

/**
 * `npm run demo`: spec, check, discover and read end to end through the real CLI, against the
 * built-in simulator (or, with PELOTON_CONFIG=path/to/config.json, against that account), then a
 * short summary. Everything the connector printed is kept in demo-output/.
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

const records = read.filter((m) => m['type'] === 'RECORD').map((m) => m['record']);
const byStream = new Map<string, Message[]>();
for (const r of records) byStream.set(r.stream, [...(byStream.get(r.stream) ?? []), r.data]);
const workouts = byStream.get('workouts') ?? [];
const disciplines = new Map<string, number>();
for (const w of workouts) disciplines.set(w['fitness_discipline'], (disciplines.get(w['fitness_discipline']) ?? 0) + 1);
const totalKj = workouts.reduce((n, w) => n + Number(w['total_work'] ?? 0), 0) / 1000;
const lastStates = new Map<string, unknown>();
for (const m of read.filter((x) => x['type'] === 'STATE'))
  lastStates.set(m['state'].stream.stream_descriptor.name, m['state'].stream.stream_state);
const errors = read.filter((m) => m['type'] === 'TRACE' && m['trace'].type === 'ERROR');

process.stdout.write(`\nRead ${[...byStream.entries()].map(([stream, rows]) => `${rows.length} ${stream}`).join(', ')}.\n`);
process.stdout.write(
  `  by discipline: ${[...disciplines.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([d, n]) => `${d} ${n}`)
    .join(', ')}\n`,
);
process.stdout.write(`  total output: ${Math.round(totalKj).toLocaleString('en-US')} kJ\n`);
if (workouts[0] !== undefined)
  process.stdout.write(
    `  newest: ${new Date(workouts[0]['created_at'] * 1000).toISOString()} ${workouts[0]['ride']?.title ?? workouts[0]['name']} (${workouts[0]['status']})\n`,
  );
const scored = (byStream.get('workout_details') ?? []).filter((d) => typeof d['average_effort_score'] === 'number');
if (scored.length > 0)
  process.stdout.write(
    `  Strive Score: average ${(scored.reduce((n, d) => n + Number(d['average_effort_score']), 0) / scored.length).toFixed(1)} over ${scored.length} workouts\n`,
  );
const profile = byStream.get('user')?.[0];
if (profile !== undefined) {
  // A tested FTP lives in cycling_workout_ftp; a manual one in cycling_ftp (see the user stream in the README).
  const ftp = profile['cycling_ftp_source'] === 'ftp_workout_source' ? profile['cycling_workout_ftp'] : profile['cycling_ftp'];
  process.stdout.write(
    `  profile: FTP ${String(ftp ?? '?')} (${String(profile['cycling_ftp_source'] ?? 'no source')}), max heart rate ${String(profile['customized_max_heart_rate'] ?? profile['default_max_heart_rate'] ?? '?')}\n`,
  );
}
const streaks = byStream.get('overview')?.[0]?.['streaks'] as Record<string, unknown> | undefined;
if (streaks !== undefined)
  process.stdout.write(`  streaks: ${String(streaks['current_weekly'])} weeks now, best ${String(streaks['best_weekly'])}\n`);
process.stdout.write(`  final state: ${JSON.stringify(Object.fromEntries(lastStates))}\n`);
if (errors.length > 0) process.stdout.write(`  errors: ${errors.map((e) => e['trace'].error.message).join(' | ')}\n`);
process.stdout.write(`Every message is in ${outDir}/ (spec, check, discover, read .jsonl).\n`);
await simulator?.close();
process.exitCode = errors.length > 0 ? 1 : 0;
