import { performanceGraph } from './graphs.js';
import { WorkoutHistory } from './history.js';

/**
 * `npm run build && node dist/simulator/graph-bench.js [workouts] [every_n]`: the CPU time the simulator spends
 * building and serialising each workout's performance graph (the per-second series are rebuilt for every
 * workout, as they are when a read fetches thousands of graphs), best of three passes.
 */
const workouts = Number(process.argv[2] ?? 2_000);
const everyN = Number(process.argv[3] ?? 5);
const history = new WorkoutHistory({ workouts, seed: 1, newestAt: 1_790_000_000, userId: 'f'.repeat(32), inProgress: 0 });
const all = history.all();
const passes: number[] = [];
let bytes = 0;
for (let pass = 0; pass < 3; pass++) {
  const before = process.cpuUsage();
  bytes = 0;
  for (const workout of all) bytes += JSON.stringify(performanceGraph(workout, everyN)).length;
  const used = process.cpuUsage(before);
  passes.push((used.user + used.system) / 1000);
}
const best = Math.min(...passes);
process.stdout.write(
  `${all.length} graphs at every_n=${everyN}: ${best.toFixed(0)} ms CPU (best of 3), ${((1000 * best) / all.length).toFixed(0)} µs per graph, ` +
    `${(bytes / all.length / 1024).toFixed(1)} KiB per graph\n`,
);
