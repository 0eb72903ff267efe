import { Command } from 'commander';
import { PelotonSimulator } from './server.js';

/** `npm run simulator -- --port 0 --workouts 500`: serves until interrupted; prints one JSON line with its URL. */
const options = new Command('peloton-simulator')
  .option('--port <n>', 'port (0 = any free port)', '0')
  .option('--workouts <n>', 'workouts in the history', '500')
  .option('--seed <n>', 'data seed', '1')
  .option('--latency <ms>', 'delay before every answer', '0')
  .option('--in-progress <n>', 'newest workouts still in progress', '1')
  .option('--token-ttl <seconds>', 'lifetime of issued access tokens', '172800')
  .option('--newest-at <unix-seconds>', 'created_at of the newest workout (default: ten minutes ago, whole hours)')
  .option('--no-achievements', 'the member never earned an achievement')
  .option('--no-challenges', 'the member is in no challenge')
  .parse()
  .opts<{
    port: string;
    workouts: string;
    seed: string;
    latency: string;
    inProgress: string;
    tokenTtl: string;
    newestAt?: string;
    achievements: boolean;
    challenges: boolean;
  }>();

const simulator = await PelotonSimulator.start({
  port: Number(options.port),
  workouts: Number(options.workouts),
  seed: Number(options.seed),
  latencyMs: Number(options.latency),
  inProgress: Number(options.inProgress),
  accessTokenTtlSeconds: Number(options.tokenTtl),
  ...(options.newestAt === undefined ? {} : { newestAt: Number(options.newestAt) }),
  achievements: options.achievements,
  challenges: options.challenges,
  recordRequests: false,
});
process.stdout.write(
  JSON.stringify({
    url: simulator.url,
    access_token: simulator.issueAccessToken(),
    username: simulator.auth0.username,
    password: simulator.auth0.password,
    workouts: simulator.history.all().length,
  }) + '\n',
);
const stop = (): void => void simulator.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
