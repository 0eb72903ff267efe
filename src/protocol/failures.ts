import type { Writable } from 'node:stream';
import { asText, type ConnectorError } from '../errors.js';
import { ProtocolOutput } from './output.js';
import type { Redactor } from './redactor.js';

/**
 * Which protocol stdout speaks for this process: chosen once, at start-up, from the command line.
 * `text`: `login`, whose stdout is a config file's content, not messages.
 */
export type OutputProtocol = 'airbyte' | 'singer' | 'text';

export function protocolOf(argv: readonly string[]): OutputProtocol {
  if (argv[0] === 'singer') return 'singer';
  return argv[0] === 'login' ? 'text' : 'airbyte';
}

/**
 * The one way a failure reaches people and platforms, per protocol: a stream's failure (with `stream`)
 * or the whole run's. Every path that fails (a command, the engine, a crash) reports through it.
 */
export interface FailureReporter {
  report(failure: ConnectorError, stream?: string): Promise<void>;
}

export interface FailureOutputs {
  stdout: Writable;
  stderr: Writable;
  redactor: Redactor;
  now?: () => number;
}

export function createFailureReporter(protocol: OutputProtocol, outputs: FailureOutputs): FailureReporter {
  switch (protocol) {
    case 'airbyte':
      return new AirbyteFailures(outputs);
    case 'singer':
      return new SingerFailures(outputs);
    case 'text':
      return new TextFailures(outputs);
  }
}

/** Airbyte: a TRACE ERROR on stdout for the platform, and one line on stderr for a person at a shell. */
class AirbyteFailures implements FailureReporter {
  private readonly output: ProtocolOutput;

  constructor(private readonly outputs: FailureOutputs) {
    this.output = new ProtocolOutput(outputs.stdout, outputs.redactor, outputs.now);
  }

  async report(failure: ConnectorError, stream?: string): Promise<void> {
    await this.output.error({
      message: failure.message,
      failureType: failure.failureType,
      internalMessage: describeCause(failure),
      ...(failure.failureType === 'system_error' && failure.stack !== undefined ? { stackTrace: failure.stack } : {}),
      ...(stream === undefined ? {} : { stream }),
    });
    const where = stream === undefined ? '' : ` (stream ${stream})`;
    this.outputs.stderr.write(`source-peloton: ${failure.failureType}${where}: ${this.outputs.redactor.redact(failure.message)}\n`);
  }
}

/** Singer: stdout belongs to the target and carries only Singer messages, so failures go to stderr alone. */
class SingerFailures implements FailureReporter {
  constructor(private readonly outputs: FailureOutputs) {}

  async report(failure: ConnectorError, stream?: string): Promise<void> {
    const line =
      stream === undefined
        ? `CRITICAL ${failure.failureType}: ${failure.message}`
        : `ERROR ${failure.failureType} (stream ${stream}): ${failure.message}`;
    this.outputs.stderr.write(`${this.outputs.redactor.redact(line)}\n`);
  }
}

/** A command whose stdout is not messages: the failure goes to stderr alone. */
class TextFailures implements FailureReporter {
  constructor(private readonly outputs: FailureOutputs) {}

  async report(failure: ConnectorError): Promise<void> {
    this.outputs.stderr.write(`${this.outputs.redactor.redact(`source-peloton: ${failure.failureType}: ${failure.message}`)}\n`);
  }
}

function describeCause(error: ConnectorError): string {
  const cause = error.cause;
  if (cause === undefined) return error.message;
  return cause instanceof Error ? `${cause.name}: ${cause.message}` : asText(cause);
}
