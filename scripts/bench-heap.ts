import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../src/config/config.js';
import { PelotonApi } from '../src/peloton/api-client.js';
import { BearerAuthenticator } from '../src/peloton/auth/bearer.js';
import { DEFAULT_RETRY_TIMING } from '../src/peloton/http-policy.js';
import { Throttle } from '../src/peloton/throttle.js';

/**
 * Heap over many requests: one PelotonApi (bearer auth) sends `total` requests to a local server that
 * answers at once, with the signals a read gives them (the run's stop signal, and one cancel signal per
 * stream that lives for the whole run). heapUsed is taken after a forced GC at `checkpoints`; anything a
 * request leaves behind on a long-lived object shows up as growth between them.
 *
 * `npm run build && node dist/scripts/bench-heap.js` (it starts a child with --expose-gc itself).
 */

const CHECKPOINTS = [20_000, 100_000];
/** The most the heap may grow between the first and the last checkpoint. */
const GROWTH_LIMIT_MB = 5;
const CONCURRENCY = 8;
const MEASURE_FLAG = '--measure';

interface HeapSample {
  requests: number;
  heapUsedMb: number;
}

/** Runs the measurement in a child with --expose-gc and prints its figures as a markdown table. */
export async function benchHeap(): Promise<void> {
  const child = spawn(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), MEASURE_FLAG], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => (out += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`the heap measurement exited with ${code}`);
  const samples = JSON.parse(out) as HeapSample[];
  const first = samples[0];
  const last = samples.at(-1);
  if (first === undefined || last === undefined) throw new Error('the heap measurement printed no samples');
  const growth = last.heapUsedMb - first.heapUsedMb;
  const mb = (n: number): string => `${n.toFixed(2)} MB`;
  process.stdout.write(
    `\n## heap over ${last.requests.toLocaleString('en-US')} requests (bearer auth, 0 ms local server, C = ${CONCURRENCY}, heapUsed after a forced GC)\n\n` +
      '| requests | heapUsed |\n|---|---|\n' +
      samples.map((s) => `| ${s.requests.toLocaleString('en-US')} | ${mb(s.heapUsedMb)} |`).join('\n') +
      `\n| growth ${first.requests.toLocaleString('en-US')} → ${last.requests.toLocaleString('en-US')} | ${mb(growth)} (limit ${GROWTH_LIMIT_MB} MB: ${growth <= GROWTH_LIMIT_MB ? 'within' : 'OVER'}) |\n`,
  );
}

/** The measurement itself (in the --expose-gc child): heapUsed after GC at each checkpoint, as JSON on stdout. */
async function measure(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  const body = Buffer.from(JSON.stringify({ id: 'bench', seconds_since_pedaling_start: [0, 5, 10], metrics: [] }));
  const server = createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const config = resolveConfig({
    credentials: { auth_type: 'bearer', access_token: 'bench-token' },
    api_base_url: `http://127.0.0.1:${port}`,
    requests_per_second: 0,
    max_concurrency: CONCURRENCY,
  });
  const run = new AbortController();
  const api = new PelotonApi({
    config,
    auth: new BearerAuthenticator('bench-token', () => Math.floor(Date.now() / 1000)),
    throttle: new Throttle(CONCURRENCY, 0),
    timing: DEFAULT_RETRY_TIMING,
    signal: run.signal,
  });
  // As the engine does: one controller per stream, alive for the whole run, passed with every request.
  const stream = new AbortController();
  const samples: HeapSample[] = [];
  let sent = 0;
  for (const checkpoint of CHECKPOINTS) {
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (sent < checkpoint) {
          sent++;
          await api.fetch({
            path: `/api/workout/w${sent}/performance_graph`,
            query: { every_n: 5 },
            stream: 'workout_metrics',
            skipOn: [404],
            signal: stream.signal,
          });
        }
      }),
    );
    gc();
    gc();
    samples.push({ requests: sent, heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20 });
  }
  server.close();
  server.closeAllConnections();
  process.stdout.write(JSON.stringify(samples));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes(MEASURE_FLAG)) await measure();
  else await benchHeap();
}
