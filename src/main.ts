import { run } from './cli.js';
import { ProtocolOutput } from './protocol/output.js';
import { Redactor } from './protocol/redactor.js';

/** Process entry: wires signals and last-resort error handling around run(). */
export async function main(argv: readonly string[]): Promise<void> {
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write(`source-peloton: ${signal} received, stopping after saving state\n`);
    abort.abort(new Error(`${signal} received`));
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  process.on('uncaughtException', (error) => void lastResort(error));
  process.on('unhandledRejection', (error) => void lastResort(error));
  process.exitCode = await run(argv, { signal: abort.signal });
}

async function lastResort(error: unknown): Promise<void> {
  const output = new ProtocolOutput(process.stdout, new Redactor());
  await output.error({ message: 'The connector crashed unexpectedly.', failureType: 'system_error', internalMessage: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
