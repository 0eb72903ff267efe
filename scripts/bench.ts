import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { STREAMS } from '../src/streams/registry.js';
import { benchHeap } from './bench-heap.js';
import { benchSamplesPipeline } from './bench-samples.js';

/**
 * `npm run bench`: full reads in a child process against the simulator, with pacing off, printing
 * wall time, records/s, requests/s, CPU time and peak RSS.
 * `npm run bench -- --quick` runs smaller scenarios (a smoke test of the harness).
 * `npm run bench -- --baseline OTHER/bin/source-peloton.js` also times another build of the connector
 * (e.g. an earlier commit) on the same workouts + workout_metrics reads, alternating runs of the two.
 */
const quick = process.argv.includes('--quick');
const baselineAt = process.argv.indexOf('--baseline');
const baselineBin = baselineAt < 0 ? undefined : process.argv[baselineAt + 1];
const bin = join(PACKAGE_ROOT, 'bin', 'source-peloton.js');
const probe = join(PACKAGE_ROOT, 'dist', 'scripts', 'bench-probe.js');
const work = mkdtempSync(join(tmpdir(), 'source-peloton-bench-'));
const PAGE_SIZE = 100;
/** The V8 flag the image's ENTRYPOINT and the bin's shebang pass (see bin/source-peloton.js). */
const NODE_FLAGS = ['--max-semi-space-size=4'];
const simulatorCli = join(PACKAGE_ROOT, 'dist', 'simulator', 'cli.js');

/** The simulator in a process of its own, so serving requests never competes with this harness's event loop. */
interface SimulatorProcess {
  url: string;
  accessToken: string;
  requests(): Promise<number>;
  requestsByRoute(): Promise<Record<string, number>>;
  close(): void;
}

async function startSimulator(workouts: number, latencyMs: number): Promise<SimulatorProcess> {
  const child = spawn(
    process.execPath,
    [simulatorCli, '--port', '0', '--workouts', String(workouts), '--latency', String(latencyMs), '--in-progress', '0'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  const info = JSON.parse(first.done === true ? '{}' : first.value) as { url: string; access_token: string };
  return {
    url: info.url,
    accessToken: info.access_token,
    requests: async () => ((await (await fetch(`${info.url}/__simulator/stats`)).json()) as { total_requests: number }).total_requests,
    requestsByRoute: async () =>
      ((await (await fetch(`${info.url}/__simulator/stats`)).json()) as { requests: Record<string, number> }).requests,
    close: () => child.kill('SIGTERM'),
  };
}

interface RunResult {
  wallMs: number;
  workouts: number;
  metrics: number;
  /** Records of every stream, by name. */
  records: Record<string, number>;
  requests: number;
  cpuMs: number;
  maxRssMb: number;
  exitCode: number;
  /** STATE messages: how many, their bytes in all, and the largest. */
  states: { count: number; bytes: number; largest: number };
}

async function runRead(
  sim: SimulatorProcess,
  concurrency: number,
  streams: string[],
  connector = bin,
  syncMode: 'full_refresh' | 'incremental' = 'full_refresh',
): Promise<RunResult> {
  const config = join(work, 'config.json');
  const catalog = join(work, 'catalog.json');
  const usage = join(work, 'usage.json');
  writeFileSync(
    config,
    JSON.stringify({
      credentials: { auth_type: 'bearer', access_token: sim.accessToken },
      start_date: '1970-01-02T00:00:00Z',
      api_base_url: sim.url,
      requests_per_second: 0,
      max_concurrency: concurrency,
      page_size: PAGE_SIZE,
    }),
  );
  writeFileSync(
    catalog,
    JSON.stringify({
      streams: streams.map((name) => ({
        stream: { name, json_schema: {}, supported_sync_modes: [syncMode] },
        sync_mode: syncMode,
        destination_sync_mode: 'overwrite',
      })),
    }),
  );
  const before = await sim.requests();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...NODE_FLAGS, '--import', probe, connector, 'read', '--config', config, '--catalog', catalog], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_USAGE_FILE: usage },
  });
  const records: Record<string, number> = {};
  const states = { count: 0, bytes: 0, largest: 0 };
  const prefix = '{"type":"RECORD","record":{"stream":"';
  let rest = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('{"type":"STATE"')) {
        states.count++;
        states.bytes += line.length + 1;
        states.largest = Math.max(states.largest, line.length + 1);
      }
      if (!line.startsWith(prefix)) continue;
      const stream = line.slice(prefix.length, line.indexOf('"', prefix.length));
      records[stream] = (records[stream] ?? 0) + 1;
    }
  });
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const probed = JSON.parse(readFileSync(usage, 'utf8')) as { userMs: number; systemMs: number; maxRssKb: number };
  const workouts = records['workouts'] ?? 0;
  const metrics = records['workout_metrics'] ?? 0;
  return {
    wallMs,
    workouts,
    metrics,
    records,
    requests: (await sim.requests()) - before,
    cpuMs: probed.userMs + probed.systemMs,
    maxRssMb: probed.maxRssKb / 1024,
    exitCode,
    states,
  };
}

/**
 * What the simulator allows at best: node's raw http client reading every page in turn and every graph
 * at concurrency C, doing nothing with the data. The simulator's timers overshoot a little and each
 * answer costs it CPU, so this floor sits above the nominal pages·L + graphs·L/C.
 */
async function transportFloorMs(sim: SimulatorProcess, workouts: number, concurrency: number): Promise<number> {
  const agent = new Agent({ keepAlive: true });
  const get = (path: string): Promise<string> =>
    new Promise((resolve, reject) => {
      request(`${sim.url}${path}`, { agent, headers: { authorization: `Bearer ${sim.accessToken}` } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve(body));
      })
        .on('error', reject)
        .end();
    });
  const started = process.hrtime.bigint();
  const userId = (JSON.parse(Buffer.from(sim.accessToken.split('.')[1] ?? '', 'base64url').toString()) as Record<string, string>)[
    'http://onepeloton.com/user_id'
  ];
  const ids: string[] = [];
  for (let page = 0; page * PAGE_SIZE < workouts; page++) {
    const envelope = JSON.parse(await get(`/api/user/${userId}/workouts?page=${page}&limit=${PAGE_SIZE}`)) as {
      data: Array<{ id: string }>;
    };
    ids.push(...envelope.data.map((w) => w.id));
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ids.length) await get(`/api/workout/${ids[next++]}/performance_graph?every_n=5`);
    }),
  );
  agent.destroy();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function report(label: string, r: RunResult, extra = ''): void {
  const seconds = r.wallMs / 1000;
  const records = r.workouts + r.metrics;
  process.stdout.write(
    `| ${label} | ${fmt(seconds, 2)} s | ${fmt(r.workouts)} + ${fmt(r.metrics)} | ${fmt(records / seconds)} | ${fmt(r.workouts / seconds)} | ${fmt(r.metrics / seconds)} | ${fmt(r.requests / seconds)} | ${fmt(r.cpuMs / 1000, 2)} s | ${fmt(r.maxRssMb, 1)} MB |${extra}\n`,
  );
  if (r.exitCode !== 0) process.stdout.write(`  (exit code ${r.exitCode})\n`);
}

const HEADER = '| run | wall | workouts + metrics | records/s | workouts/s | metrics/s | requests/s | CPU | peak RSS |';
const RULE = '|---|---|---|---|---|---|---|---|---|';

process.stdout.write(
  `# source-peloton benchmark\n\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}${quick ? ' (quick mode)' : ''}\n\n`,
);

// 1. Latency-bound reads: how close to the lower bound pages·L + graphs·L/C, and the speed-up over C = 1.
const latencyWorkouts = quick ? 300 : 2_000;
const latencyMs = 25;
{
  const sim = await startSimulator(latencyWorkouts, latencyMs);
  process.stdout.write(
    `## ${fmt(latencyWorkouts)} workouts, ${latencyMs} ms latency per request, both streams\n\n${HEADER.slice(0, -1)}| lower bound | wall / bound | transport floor | wall / floor | wall / wall(C=1) |\n${RULE}---|---|---|---|---|\n`,
  );
  let serialWall = 0;
  for (const c of [1, 4, 8, 16]) {
    const r = await runRead(sim, c, ['workouts', 'workout_metrics']);
    const floor = await transportFloorMs(sim, latencyWorkouts, c);
    const pages = Math.ceil(latencyWorkouts / PAGE_SIZE);
    const bound = pages * latencyMs + (latencyWorkouts * latencyMs) / c;
    if (c === 1) serialWall = r.wallMs;
    report(
      `C = ${c}`,
      r,
      ` ${fmt(bound / 1000, 2)} s | ${fmt(r.wallMs / bound, 2)} | ${fmt(floor / 1000, 2)} s | ${fmt(r.wallMs / floor, 2)} | ${fmt(r.wallMs / serialWall, 3)} |`,
    );
  }
  sim.close();
}

// 2. CPU-bound reads (no latency): throughput and memory as the history grows.
const sizes = quick ? [500, 5_000] : [2_000, 20_000];
process.stdout.write(`\n## 0 ms latency, C = 8\n\n${HEADER}\n${RULE}\n`);
for (const size of sizes) {
  const sim = await startSimulator(size, 0);
  report(`${fmt(size)} workouts, workouts only`, await runRead(sim, 8, ['workouts']));
  report(`${fmt(size)} workouts, both streams`, await runRead(sim, 8, ['workouts', 'workout_metrics']));
  sim.close();
}

// 3. Start-up: `spec`, median of 11 runs.
const specTimes: number[] = [];
for (let i = 0; i < 11; i++) {
  const started = process.hrtime.bigint();
  await new Promise<void>((resolve) =>
    spawn(process.execPath, [...NODE_FLAGS, bin, 'spec'], { stdio: 'ignore' }).on('close', () => resolve()),
  );
  specTimes.push(Number(process.hrtime.bigint() - started) / 1e6);
}
specTimes.sort((a, b) => a - b);
process.stdout.write(
  `\n## start-up\n\n\`spec\`: median ${fmt(specTimes[5] ?? 0)} ms (min ${fmt(specTimes[0] ?? 0)} ms, max ${fmt(specTimes.at(-1) ?? 0)} ms over 11 runs)\n`,
);

// 4. Every stream: what each costs in requests, and the time of the whole read.
const ALL_STREAMS = STREAMS.map((stream) => stream.name);
{
  const size = quick ? 500 : 2_000;
  const sim = await startSimulator(size, latencyMs);
  process.stdout.write(
    `\n## ${fmt(size)} workouts, ${latencyMs} ms latency, C = 8: two streams and all ${ALL_STREAMS.length}\n\n| streams | wall | records | requests | CPU | peak RSS |\n|---|---|---|---|---|---|\n`,
  );
  for (const streams of [['workouts', 'workout_metrics'], ALL_STREAMS]) {
    const before = await sim.requestsByRoute();
    const r = await runRead(sim, 8, streams);
    const after = await sim.requestsByRoute();
    const byRoute = Object.entries(after)
      .map(([route, n]) => [route, n - (before[route] ?? 0)] as const)
      .filter(([, n]) => n > 0)
      .map(([route, n]) => `${route} ${fmt(n)}`)
      .join(', ');
    const records = Object.entries(r.records)
      .map(([stream, n]) => `${stream} ${fmt(n)}`)
      .join(', ');
    process.stdout.write(
      `| ${streams.length === 2 ? 'workouts + workout_metrics' : `all ${ALL_STREAMS.length}`} | ${fmt(r.wallMs / 1000, 2)} s | ${records} | ${fmt(r.requests)}: ${byRoute} | ${fmt(r.cpuMs / 1000, 2)} s | ${fmt(r.maxRssMb, 1)} MB |\n`,
    );
    if (r.exitCode !== 0) process.stdout.write(`  (exit code ${r.exitCode})\n`);
  }
  sim.close();
}

// 5. Against another build, same simulator, alternating runs: is this build slower on the two original streams?
if (baselineBin !== undefined) {
  const rounds = quick ? 3 : 7;
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  process.stdout.write(
    `\n## this build vs ${baselineBin} (workouts + workout_metrics, C = 8, median of ${rounds} alternating runs)\n\n| scenario | this build | baseline | this / baseline |\n|---|---|---|---|\n`,
  );
  for (const [size, latency] of [
    [quick ? 500 : 2_000, latencyMs],
    [quick ? 2_000 : 10_000, 0],
  ] as const) {
    const sim = await startSimulator(size, latency);
    const mine: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < rounds; i++) {
      theirs.push((await runRead(sim, 8, ['workouts', 'workout_metrics'], baselineBin)).wallMs);
      mine.push((await runRead(sim, 8, ['workouts', 'workout_metrics'])).wallMs);
    }
    process.stdout.write(
      `| ${fmt(size)} workouts, ${latency} ms | ${fmt(median(mine) / 1000, 2)} s | ${fmt(median(theirs) / 1000, 2)} s | ${fmt(median(mine) / median(theirs), 3)} |\n`,
    );
    sim.close();
  }
}

// 6. workout_samples, the biggest stream by far: its cost on top of the read of the graphs it comes from.
{
  const size = quick ? 300 : 2_000;
  const rounds = quick ? 1 : 3;
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const base = ['workouts', 'workout_metrics'];
  process.stdout.write(
    `\n## workout_samples: ${fmt(size)} workouts, C = 8, metrics_every_n 5, median of ${rounds} alternating runs\n\n` +
      '| latency | sample rows | rows/s | CPU per sample row | CPU without / with | peak RSS without / with | wall without / with |\n|---|---|---|---|---|---|---|\n',
  );
  for (const latency of [0, latencyMs]) {
    const sim = await startSimulator(size, latency);
    const without: RunResult[] = [];
    const withSamples: RunResult[] = [];
    for (let i = 0; i < rounds; i++) {
      without.push(await runRead(sim, 8, base));
      withSamples.push(await runRead(sim, 8, [...base, 'workout_samples']));
    }
    sim.close();
    const rows = withSamples[0]?.records['workout_samples'] ?? 0;
    const cpu = [median(without.map((r) => r.cpuMs)), median(withSamples.map((r) => r.cpuMs))] as const;
    const rss = [median(without.map((r) => r.maxRssMb)), median(withSamples.map((r) => r.maxRssMb))] as const;
    const wall = [median(without.map((r) => r.wallMs)), median(withSamples.map((r) => r.wallMs))] as const;
    const change = (pair: readonly [number, number]): string =>
      `${pair[1] >= pair[0] ? '+' : ''}${fmt((pair[1] / pair[0] - 1) * 100, 1)} %`;
    process.stdout.write(
      `| ${latency} ms | ${fmt(rows)} | ${fmt(rows / (wall[1] / 1000))} | ${fmt(((cpu[1] - cpu[0]) * 1000) / Math.max(1, rows), 2)} µs | ${fmt(cpu[0] / 1000, 2)} s / ${fmt(cpu[1] / 1000, 2)} s | ${fmt(rss[0], 1)} MB / ${fmt(rss[1], 1)} MB (${change(rss)}) | ${fmt(wall[0] / 1000, 2)} s / ${fmt(wall[1] / 1000, 2)} s (${change(wall)}) |\n`,
    );
  }
}

{
  const pipeline = await benchSamplesPipeline(quick ? 100 : 500, 5);
  process.stdout.write(
    `\nThe same cost measured in-process, graphs in hand (the stream's pivot into rows and each RECORD line written, no HTTP, no simulator): ${fmt(pipeline.microsPerRow, 2)} µs of CPU per row over ${fmt(pipeline.rows)} rows (best of 5).\n`,
  );
}

// 7. State over a first sync: every checkpoint bounded, the total growing linearly with the history.
{
  const stateStreams = ['workouts', 'workout_metrics', 'workout_details', 'strength_sets', 'ride_details', 'class_songs'];
  process.stdout.write(
    `\n## STATE over a first incremental sync (${stateStreams.join(', ')}), 0 ms, C = 8\n\n| workouts | STATE messages | STATE bytes | bytes per workout | largest STATE |\n|---|---|---|---|---|\n`,
  );
  for (const size of quick ? [500, 2_500] : [2_000, 10_000]) {
    const sim = await startSimulator(size, 0);
    const r = await runRead(sim, 8, stateStreams, bin, 'incremental');
    sim.close();
    process.stdout.write(
      `| ${fmt(size)} | ${fmt(r.states.count)} | ${fmt(r.states.bytes)} | ${fmt(r.states.bytes / size, 1)} | ${fmt(r.states.largest)} B |\n`,
    );
    if (r.exitCode !== 0) process.stdout.write(`  (exit code ${r.exitCode})\n`);
  }
}

// 8. Heap over many requests: anything a request leaves on a long-lived object shows as growth.
await benchHeap();
