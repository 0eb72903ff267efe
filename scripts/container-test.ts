import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { ACCEPTANCE_DATA, fixtureConfig, INTEGRATION_TESTS } from '../simulator/acceptance.js';
import { PelotonSimulator } from '../simulator/server.js';
import { STREAMS } from '../src/streams/registry.js';

/**
 * `npm run test:container`: builds the base image stand-in and the project's image with podman, then
 * runs spec, check, discover and read inside the container against the simulator on 127.0.0.1, with
 * config files mounted at /secrets, /data and /tmp, and checks what comes out.
 */
const IMAGE = 'airbyte/source-peloton:dev';
const tools = join(PACKAGE_ROOT, '..', 'shared', 'tools');
let failures = 0;

function check(what: string, ok: boolean, detail = ''): void {
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok || detail === '' ? '' : `: ${detail}`}\n`);
  if (!ok) failures++;
}

function step(title: string, command: string, args: string[]): void {
  process.stdout.write(`\n$ ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: PACKAGE_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${title} failed (exit ${result.status ?? result.signal})`);
  process.stdout.write(`(${title}: ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

type Message = Record<string, any>;

/** Runs the image; asynchronously, since the simulator answering it lives in this process. */
async function runInContainer(
  mounts: string[],
  args: string[],
  onStdout?: (text: string) => void,
): Promise<{ code: number; messages: Message[]; stderr: string }> {
  const volumes = mounts.flatMap((m) => ['-v', m]);
  const child = spawn(join(tools, 'container-run'), [...volumes, IMAGE, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    onStdout?.(stdout);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const result = { status, stdout, stderr };
  const lines = result.stdout.split('\n').filter(Boolean);
  const messages: Message[] = [];
  for (const line of lines) {
    try {
      messages.push(JSON.parse(line) as Message);
    } catch {
      check(`stdout carries only JSON messages (${args[0]})`, false, line.slice(0, 200));
    }
  }
  return { code: result.status ?? 1, messages, stderr: result.stderr };
}

/**
 * SIGTERM to the connector inside the image stops the read promptly with INCOMPLETE and a non-zero exit.
 * buildah does not forward signals, but with chroot isolation the connector is a host process: signal it.
 */
async function checkSigterm(dir: string): Promise<void> {
  const slow = await PelotonSimulator.start({ workouts: 300, inProgress: 0, latencyMs: 50, recordRequests: false });
  try {
    writeFileSync(
      join(dir, 'data', 'slow.json'),
      JSON.stringify({
        credentials: { auth_type: 'bearer', access_token: slow.issueAccessToken() },
        start_date: '2000-01-01T00:00:00Z',
        api_base_url: slow.url,
        requests_per_second: 0,
        max_concurrency: 2,
      }),
      { mode: 0o644 },
    );
    let signalledAt = 0;
    const output = { reading: false };
    // Signal only once records flow: earlier, node may not have installed its handlers yet.
    const running = runInContainer(
      [`${join(dir, 'data')}:/data`],
      ['read', '--config', '/data/slow.json', '--catalog', '/data/catalog.json'],
      (text) => {
        output.reading ||= text.includes('"type":"RECORD"');
      },
    );
    for (let waited = 0; waited < 60_000 && signalledAt === 0; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (!output.reading) continue;
      const connector = execFileSync('ps', ['-eo', 'pid=,comm=,args='], { encoding: 'utf8' })
        .split('\n')
        .find((line) => /^\s*\d+ node .*bin\/source-peloton\.js read --config \/data\/slow\.json/.test(line));
      if (connector === undefined) continue;
      process.kill(Number(connector.trim().split(/\s+/)[0]), 'SIGTERM');
      signalledAt = Date.now();
    }
    const stopped = await running;
    const statuses = stopped.messages.filter((m) => m['trace']?.stream_status?.status === 'INCOMPLETE').length;
    check(
      'SIGTERM stops a read within a few seconds',
      signalledAt > 0 && Date.now() - signalledAt < 5_000,
      `signalled: ${signalledAt > 0}`,
    );
    const errors = stopped.messages.filter((m) => m['trace']?.type === 'ERROR').map((m) => m['trace'].error.message as string);
    check(
      'after SIGTERM: non-zero exit, every stream INCOMPLETE, an error that says so',
      stopped.code !== 0 && statuses === STREAMS.length && errors.some((e) => /SIGTERM received/.test(e)),
      JSON.stringify({ code: stopped.code, statuses, errors, stderr: stopped.stderr.slice(-300) }),
    );
  } finally {
    await slow.close();
  }
}

/**
 * Records per stream of a read of every stream with the sample config, from the simulator's own truth (the whole
 * history is after its start_date). Graphs and details wait for a workout to be final: complete, or in progress
 * for over two days (README, State).
 */
function expectedCounts(simulator: PelotonSimulator, everyN: number): Record<string, number> {
  const workouts = simulator.history.all();
  const final = workouts.filter((w) => w.status !== 'IN_PROGRESS' || w.created_at < Date.now() / 1000 - 2 * 86_400);
  const perWorkout = (count: (id: string) => number): number => final.reduce((sum, w) => sum + count(w.id), 0);
  const classes = [...new Set(workouts.map((w) => (w['ride'] as { id?: string } | null)?.id ?? ''))].filter(
    (id) => simulator.rideDetails(id) !== undefined,
  );
  return {
    workouts: workouts.length,
    workout_metrics: final.length,
    workout_samples: perWorkout((id) => simulator.sampleTruth(id, everyN)?.offsets.length ?? 0),
    workout_locations: perWorkout((id) => simulator.locationTruth(id, everyN)?.length ?? 0),
    rower_strokes: perWorkout((id) => simulator.strokeTruth(id)?.length ?? 0),
    workout_details: final.length,
    strength_sets: perWorkout((id) => simulator.strengthSetTruth(id)?.length ?? 0),
    ride_details: classes.length,
    class_songs: classes.reduce((sum, id) => sum + (simulator.classSongTruth(id)?.length ?? 0), 0),
    user: 1,
    overview: 1,
    personal_records: simulator.personalRecordTruth().length,
    achievements: simulator.achievementTruth().length,
    instructors: simulator.instructorTruth().length,
    challenges: simulator.challengeTruth().length,
  };
}

step('base image', join(tools, 'container-base-image'), []);
// --layers=false: with the vfs driver every cached step is a full copy of the file system (GBs, minutes).
step('image build', 'podman', ['--storage-driver=vfs', 'build', '--isolation=chroot', '--pull=never', '--layers=false', '-t', IMAGE, '.']);

const inspect = (format: string): string =>
  execFileSync('podman', ['--storage-driver=vfs', 'image', 'inspect', '--format', format, IMAGE], { encoding: 'utf8' }).trim();
const entrypoint = JSON.parse(inspect('{{json .Config.Entrypoint}}')) as string[];
const env = JSON.parse(inspect('{{json .Config.Env}}')) as string[];
check('runs as a non-root user', inspect('{{.Config.User}}') === 'node');
check(
  'AIRBYTE_ENTRYPOINT equals the ENTRYPOINT',
  env.includes(`AIRBYTE_ENTRYPOINT=${entrypoint.join(' ')}`),
  JSON.stringify({ entrypoint, env }),
);
check(
  'io.airbyte labels are set',
  inspect('{{index .Config.Labels "io.airbyte.name"}}') === 'airbyte/source-peloton' &&
    inspect('{{index .Config.Labels "io.airbyte.version"}}') !== '',
);
process.stdout.write(`image size: ${(Number(inspect('{{.Size}}')) / 2 ** 20).toFixed(0)} MB\n`);

const sim = await PelotonSimulator.start({ ...ACCEPTANCE_DATA, loginsPerMinute: 1_000 });
try {
  const dir = mkdtempSync(join(tmpdir(), 'source-peloton-container-'));
  chmodSync(dir, 0o755);
  for (const name of ['secrets', 'data', 'tmp']) mkdirSync(join(dir, name), { mode: 0o755 });
  const config = JSON.stringify(fixtureConfig('sample_config.json', sim.url));
  for (const name of ['secrets', 'data', 'tmp']) writeFileSync(join(dir, name, 'config.json'), config, { mode: 0o644 });
  writeFileSync(join(dir, 'data', 'catalog.json'), readFileSync(join(INTEGRATION_TESTS, 'configured_catalog.json')), { mode: 0o644 });
  writeFileSync(join(dir, 'secrets', 'invalid.json'), JSON.stringify(fixtureConfig('invalid_config.json', sim.url)), { mode: 0o644 });
  const mounts = [`${join(dir, 'secrets')}:/secrets`, `${join(dir, 'data')}:/data`];

  const spec = await runInContainer(mounts, ['spec']);
  check('spec prints a SPEC message', spec.code === 0 && spec.messages[0]?.['type'] === 'SPEC');

  const good = await runInContainer(mounts, ['check', '--config', '/secrets/config.json']);
  check(
    'check succeeds with the simulator',
    good.messages.at(-1)?.['connectionStatus']?.status === 'SUCCEEDED',
    JSON.stringify(good.messages).slice(0, 400),
  );
  const bad = await runInContainer(mounts, ['check', '--config', '/secrets/invalid.json']);
  check('check fails (exit 0) with a wrong password', bad.code === 0 && bad.messages.at(-1)?.['connectionStatus']?.status === 'FAILED');

  const discover = await runInContainer(mounts, ['discover', '--config', '/data/config.json']);
  check(
    'discover lists every stream',
    JSON.stringify(discover.messages[0]?.['catalog']?.streams?.map((s: Message) => s['name'])) ===
      JSON.stringify(STREAMS.map((s) => s.name)),
  );

  const read = await runInContainer(mounts, ['read', '--config', '/secrets/config.json', '--catalog', '/data/catalog.json']);
  const count = (stream: string): number => read.messages.filter((m) => m['type'] === 'RECORD' && m['record'].stream === stream).length;
  check('read exits 0', read.code === 0, read.stderr.slice(0, 400));
  const expected = expectedCounts(sim, Number(fixtureConfig('sample_config.json', sim.url)['metrics_every_n']));
  check(
    'read emits the records of every stream',
    STREAMS.every((s) => s.name in expected) && Object.entries(expected).every(([stream, n]) => count(stream) === n),
    JSON.stringify(Object.fromEntries(Object.keys(expected).map((s) => [s, count(s)]))),
  );
  check(
    'read ends every stream COMPLETE with a STATE',
    Object.keys(expected).every(
      (s) =>
        read.messages.some((m) => m['type'] === 'STATE' && m['state'].stream.stream_descriptor.name === s) &&
        read.messages.some(
          (m) => m['trace']?.stream_status?.stream_descriptor.name === s && m['trace'].stream_status.status === 'COMPLETE',
        ),
    ),
  );

  const tmpMount = await runInContainer([`${join(dir, 'tmp')}:/tmp/airbyte`], ['check', '--config', '/tmp/airbyte/config.json']);
  check('a config mounted under /tmp works', tmpMount.messages.at(-1)?.['connectionStatus']?.status === 'SUCCEEDED');

  const missing = await runInContainer(mounts, ['read', '--config', '/secrets/nope.json', '--catalog', '/data/catalog.json']);
  check(
    'a missing config file is a config_error with a non-zero exit',
    missing.code !== 0 && missing.messages[0]?.['trace']?.error?.failure_type === 'config_error',
  );

  await checkSigterm(dir);
} finally {
  await sim.close();
}

process.stdout.write(`\n${failures === 0 ? 'container test passed' : `container test: ${failures} check(s) failed`}\n`);
process.exitCode = failures === 0 ? 0 : 1;
