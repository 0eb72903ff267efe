import type { FailureType } from './protocol/messages.js';

/**
 * A failure the connector understands: its message is written for the person running the sync
 * (what went wrong and what to do) and must never contain a secret.
 */
export class ConnectorError extends Error {
  readonly failureType: FailureType;

  constructor(message: string, failureType: FailureType, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConnectorError';
    this.failureType = failureType;
  }
}

/** Something the user must fix: their config, catalog, state or credentials. */
export const configError = (message: string, cause?: unknown): ConnectorError =>
  new ConnectorError(message, 'config_error', cause === undefined ? undefined : { cause });

/** Something that may go away by itself: network trouble, Peloton having a bad moment. */
export const transientError = (message: string, cause?: unknown): ConnectorError =>
  new ConnectorError(message, 'transient_error', cause === undefined ? undefined : { cause });

/** A bug, or a response the connector cannot make sense of. */
export const systemError = (message: string, cause?: unknown): ConnectorError =>
  new ConnectorError(message, 'system_error', cause === undefined ? undefined : { cause });

/** The run was asked to stop (SIGTERM/SIGINT): transient, the next sync resumes from the last state. */
export const interrupted = (signal: AbortSignal): ConnectorError =>
  transientError(
    `The sync was stopped (${signal.reason instanceof Error ? signal.reason.message : 'interrupted'}) before it finished; the next sync resumes from the last state.`,
  );

/** A value from a response or file as text for a message: strings as they are, anything else as JSON. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : JSON.stringify(value);
}

/** Why something stopped: the run was asked to stop, or `error` (as a ConnectorError). */
export function failureOf(error: unknown, doing: string, signal: AbortSignal | undefined): ConnectorError {
  return signal?.aborted === true ? interrupted(signal) : toFailure(error, doing);
}

/** Any error as a ConnectorError: those the connector raised keep their type; anything else is a bug (system_error). */
export function toFailure(error: unknown, doing: string): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return systemError(`${doing} failed unexpectedly: ${detail}`, error);
}
