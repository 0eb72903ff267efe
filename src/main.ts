import { setMaxListeners } from 'node:events';
import { run } from './cli.js';
import { ProtocolOutput } from './protocol/output.js';
import { Redactor } from './protocol/redactor.js';

const STOP_DEADLINE_MS = 5_000;

/** Process entry: wires signals and last-resort error handling around run(). */
export async function main(argv: readonly string[]): Promise<void> {
  const abort = new AbortController();
  // Every in-flight request listens to this signal; there are legitimately more than ten.
  setMaxListeners(0, abort.signal);
  const onSignal = (signal: NodeJS.Signals): void => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write(`source-peloton: ${signal} received, stopping after saving state\n`);
    abort.abort(new Error(`${signal} received`));
    // Whatever is still pending, the process is gone within a few seconds.
    setTimeout(() => process.exit(143), STOP_DEADLINE_MS).unref();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  const redactor = new Redactor();
  process.on('uncaughtException', (error) => void lastResort(error, redactor));
  process.on('unhandledRejection', (error) => void lastResort(error, redactor));
  process.exitCode = await run(argv, { signal: abort.signal, redactor });
}

async function lastResort(error: unknown, redactor: Redactor): Promise<void> {
  const output = new ProtocolOutput(process.stdout, redactor);
  await output.error({ message: 'The connector crashed unexpectedly.', failureType: 'system_error', internalMessage: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
