import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { performanceGraph } from '../simulator/graphs.js';
import { WorkoutHistory } from '../simulator/history.js';
import { ProtocolOutput } from '../src/protocol/output.js';
import { Redactor } from '../src/protocol/redactor.js';
import { flushLines } from '../src/protocol/write-line.js';
import { workoutSamples } from '../src/streams/workout-samples.js';
import { resolveConfig } from '../src/config/config.js';

/**
 * The connector's own CPU per workout_samples row, without HTTP or the simulator in the measurement: graphs
 * are made first, then timed is only what a read does with an answer in hand (the stream's pivot into rows,
 * and each row written as a RECORD line to a stdout that discards it). Best of several rounds.
 *
 * `npm run build && node dist/scripts/bench-samples.js [workouts] [every_n]`
 */
export async function benchSamplesPipeline(workouts = 500, everyN = 5, rounds = 5): Promise<{ rows: number; microsPerRow: number }> {
  const history = new WorkoutHistory({ workouts, seed: 1, newestAt: 1_790_000_000, userId: 'bench', inProgress: 0 });
  const graphs = history.all().map((workout) => ({ workout, graph: performanceGraph(workout, everyN) }));
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const output = new ProtocolOutput(sink, new Redactor());
  const scope = { userId: 'bench', config: resolveConfig({ credentials: { auth_type: 'bearer', access_token: 'x'.repeat(20) } }) };
  let best = Number.POSITIVE_INFINITY;
  let rows = 0;
  for (let round = 0; round < rounds; round++) {
    rows = 0;
    const started = process.cpuUsage();
    for (const { workout, graph } of graphs) {
      const partition = { key: workout.id, cursor: workout.created_at, item: workout };
      for (const row of workoutSamples.records(graph, { partition, scope })) {
        const written = output.record('workout_samples', row);
        if (written !== undefined) await written;
        rows++;
      }
    }
    await flushLines(sink);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / rows);
  }
  return { rows, microsPerRow: best };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [workouts, everyN] = process.argv.slice(2).map(Number);
  const { rows, microsPerRow } = await benchSamplesPipeline(workouts || 500, everyN || 5);
  process.stdout.write(`${rows} rows: ${microsPerRow.toFixed(2)} µs of CPU per row (best of 5)\n`);
}
