import type { Readable, Writable } from 'node:stream';
import type { RetryTiming } from '../peloton/http-policy.js';
import type { FailureReporter } from '../protocol/failures.js';
import type { ProtocolOutput } from '../protocol/output.js';
import type { Redactor } from '../protocol/redactor.js';

/** What a command may touch of the outside world; tests replace any of it. */
export interface Runtime {
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  stdin?: (Readable & { isTTY?: boolean }) | undefined;
  now: () => number;
  /** Backoff and Retry-After timing; the policy's defaults when absent. */
  retryTiming?: RetryTiming | undefined;
  /** Aborted on SIGTERM/SIGINT: the read stops, checkpoints what it emitted, and reports INCOMPLETE. */
  signal?: AbortSignal | undefined;
  /** Shared with the process's last-resort error handler, so even a crash report is redacted. */
  redactor?: Redactor | undefined;
  /** --debug: log every HTTP request and its outcome (DEBUG level). */
  debug?: boolean | undefined;
  /** How failures are reported, chosen at start-up for the protocol stdout speaks. */
  failures?: FailureReporter | undefined;
  /** The executable's name when it is not source-peloton: `tap-peloton` runs `singer` as its whole program. */
  invokedAs?: 'tap-peloton' | undefined;
}

export interface CommandContext extends Runtime {
  /** Airbyte messages on stdout (the Singer command renders its own). */
  output: ProtocolOutput;
  failures: FailureReporter;
  redactor: Redactor;
  stdin: Readable & { isTTY?: boolean };
}
