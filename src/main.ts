import { setMaxListeners } from 'node:events';
import { toFailure } from './errors.js';
import { createFailureReporter, protocolOf, type FailureReporter } from './protocol/failures.js';
import { Redactor } from './protocol/redactor.js';
import { flushLines, sealOutput } from './protocol/write-line.js';

const STOP_DEADLINE_MS = 5_000;

/**
 * Process entry: wires signals and last-resort error handling around run(). `invokedAs`: the executable,
 * when it is `tap-peloton` (whose argv starts with `singer`), so help and errors name it.
 */
export async function main(argv: readonly string[], invokedAs?: 'tap-peloton'): Promise<void> {
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
  // The reader of stdout went away (e.g. `| head`): nothing more can be delivered, so stop fetching.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (abort.signal.aborted) return;
    process.stderr.write(`source-peloton: stdout closed (${error.code ?? error.message}); stopping\n`);
    abort.abort(new Error('stdout closed'));
    setTimeout(() => process.exit(1), STOP_DEADLINE_MS).unref();
  });
  const redactor = new Redactor();
  // The protocol is fixed by the command line: a crash in tap mode must not print Airbyte messages.
  const failures = createFailureReporter(protocolOf(argv), { stdout: process.stdout, stderr: process.stderr, redactor });
  process.on('uncaughtException', (error) => lastResort(error, failures));
  process.on('unhandledRejection', (error) => lastResort(error, failures));
  // Loaded only now, so a SIGTERM during start-up already finds the handlers above.
  const { run } = await import('./cli.js');
  process.exitCode = await run(argv, { signal: abort.signal, redactor, failures, invokedAs });
}

let crashed = false;

function lastResort(error: unknown, failures: FailureReporter): void {
  if (crashed) return;
  crashed = true;
  // The report's stdout line is queued synchronously; then stdout is sealed so nothing follows it.
  const reported = failures.report(toFailure(error, 'The connector'));
  sealOutput();
  void reported.catch(() => undefined);
  void flushLines(process.stdout).catch(() => undefined);
  // Let the report reach the pipe, but never hang on it.
  setTimeout(() => process.exit(1), 200);
}
