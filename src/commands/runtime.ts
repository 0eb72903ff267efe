import type { Writable } from 'node:stream';
import type { RetryTiming } from '../peloton/retry-policy.js';
import type { ProtocolOutput } from '../protocol/output.js';
import type { Redactor } from '../protocol/redactor.js';

/** What a command may touch of the outside world; tests replace any of it. */
export interface Runtime {
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  now(): number;
  retryTiming: RetryTiming;
  /** Aborted on SIGTERM/SIGINT: the read stops, checkpoints what it emitted, and reports INCOMPLETE. */
  signal?: AbortSignal | undefined;
  /** Shared with the process's last-resort error handler, so even a crash report is redacted. */
  redactor?: Redactor | undefined;
}

export interface CommandContext extends Runtime {
  output: ProtocolOutput;
}
