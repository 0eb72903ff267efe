import { HTTPError, RequestError, RetryError, TimeoutError, type RetryOptions } from 'got';
import { ConnectorError, systemError } from '../errors.js';
import type { FailureType } from '../protocol/messages.js';

/**
 * The one place that decides what happens to a request that did not succeed: every HTTP status and
 * network error kind maps to an action (retry it, fail the stream, or skip the partition), the
 * failure type reported, and the message a person reads. got's retry settings are derived from it.
 */

export type HttpAction = 'retry' | 'fail' | 'skip';

/** What a failure message may name: the request ("GET /api/me"), its status or host, and the retry limit. */
export interface FailedRequest {
  what: string;
  retries: number;
  status: number | undefined;
  host: string;
}

/** An exact status, or a whole class of them. */
export type StatusMatcher = number | '4xx' | '5xx';

export interface HttpRule {
  action: HttpAction;
  failureType: FailureType;
  /** What went wrong and what to do, for a person. */
  message(request: FailedRequest): string;
  /** False where a stream may not turn the failure into a skip (a rejected login must stop the sync). */
  skippable?: boolean;
}

const retryable = (message: HttpRule['message']): HttpRule => ({ action: 'retry', failureType: 'transient_error', message });

const outage = retryable(
  ({ what, status, retries }) =>
    `${what} kept failing with ${status ?? 'errors'} from Peloton after ${retries} retries. Peloton may be having an outage; try again later.`,
);

const STATUS_RULES: ReadonlyArray<readonly [StatusMatcher, HttpRule]> = [
  [
    401,
    {
      action: 'fail',
      failureType: 'config_error',
      skippable: false,
      message: ({ what }) => `${what} answered 401 (not logged in): the credentials were rejected. Check the credentials in the config.`,
    },
  ],
  [
    403,
    {
      action: 'fail',
      failureType: 'config_error',
      message: ({ what }) =>
        `${what} answered 403 (forbidden): this account may not access it. Check that the credentials belong to the account whose workouts you want.`,
    },
  ],
  [
    404,
    {
      action: 'fail',
      failureType: 'system_error',
      message: ({ what }) => `${what} answered 404 (not found): Peloton may have changed this route. Check api_base_url.`,
    },
  ],
  [408, retryable(({ what, retries }) => `${what} timed out on Peloton's side (408) ${retries} times in a row. Try again later.`)],
  [
    429,
    retryable(
      ({ what, retries }) =>
        `${what} was rate limited by Peloton (429) ${retries} times in a row. Wait a while, lower requests_per_second, then sync again.`,
    ),
  ],
  [
    '4xx',
    { action: 'fail', failureType: 'system_error', message: ({ what, status }) => `${what} answered ${status ?? '4xx'} unexpectedly.` },
  ],
  [500, outage],
  [502, outage],
  [503, outage],
  [504, outage],
  // Cloudflare's own answers when Peloton's origin is unreachable or slow.
  [520, outage],
  [521, outage],
  [522, outage],
  [524, outage],
  ['5xx', { ...outage, action: 'fail' }],
];

/** Network-level failures, by the error code got (or our own hooks) report. */
export const EMPTY_BODY_CODE = 'ERR_EMPTY_BODY';
const BODY_PARSE_CODE = 'ERR_BODY_PARSE_FAILURE';

const unreachable = (reason: string): HttpRule => ({
  action: 'retry',
  failureType: 'transient_error',
  message: ({ what, host }) => `${what} failed: ${host} ${reason}. Check the network and the base URLs in the config.`,
});

const ERROR_CODE_RULES: Readonly<Record<string, HttpRule>> = {
  ETIMEDOUT: retryable(
    ({ what, retries }) =>
      `${what} timed out after ${retries} retries. Peloton may be slow right now; try again later or raise request_timeout_seconds.`,
  ),
  ECONNRESET: retryable(({ what, retries }) => `${what} failed after ${retries} retries: the connection was reset. Try again later.`),
  EPIPE: retryable(({ what, retries }) => `${what} failed after ${retries} retries: the connection broke. Try again later.`),
  ERR_STREAM_PREMATURE_CLOSE: retryable(
    ({ what, retries }) => `${what} failed after ${retries} retries: the answer was cut off. Try again later.`,
  ),
  EADDRINUSE: retryable(({ what, retries }) => `${what} failed after ${retries} retries: no local port was free. Try again later.`),
  ECONNREFUSED: unreachable('refused the connection'),
  ENOTFOUND: unreachable('could not be resolved (ENOTFOUND)'),
  EAI_AGAIN: unreachable('could not be resolved right now (EAI_AGAIN)'),
  ENETUNREACH: unreachable('is on an unreachable network'),
  [EMPTY_BODY_CODE]: retryable(
    ({ what, retries }) => `${what} answered 200 with an empty body ${retries + 1} times. Peloton may be having trouble; try again later.`,
  ),
  [BODY_PARSE_CODE]: retryable(
    ({ what, retries }) =>
      `${what} answered 200 with a body that is not JSON ${retries + 1} times. Peloton may be having trouble; try again later.`,
  ),
};

const matches = (matcher: StatusMatcher, status: number): boolean =>
  typeof matcher === 'number' ? matcher === status : Math.floor(status / 100) === Number(matcher[0]);

/** The rule for a status: an exact entry wins over its class. */
export function ruleForStatus(status: number): HttpRule {
  const exact = STATUS_RULES.find(([matcher]) => matcher === status);
  const byClass = STATUS_RULES.find(([matcher]) => typeof matcher !== 'number' && matches(matcher, status));
  return (
    (exact ?? byClass)?.[1] ?? {
      action: 'fail',
      failureType: 'system_error',
      message: ({ what }) => `${what} answered ${status} unexpectedly.`,
    }
  );
}

/**
 * What to do with a final (no longer retried) status for a stream that may skip some partitions:
 * a stream's override can only turn a failure into a skip, never stop a retry or hide a rejected login.
 */
export function actionForStatus(status: number, skipOn: readonly StatusMatcher[] = []): HttpAction {
  const rule = ruleForStatus(status);
  if (rule.action === 'fail' && rule.skippable !== false && skipOn.some((matcher) => matches(matcher, status))) return 'skip';
  return rule.action;
}

/** How long to wait between attempts; injectable so tests do not sleep. */
export interface RetryTiming {
  /** First backoff; doubles each attempt (equal jitter: a wait is between half of it and all of it). */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A longer Retry-After is cut to this. */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY_TIMING: RetryTiming = { backoffBaseMs: 1000, backoffMaxMs: 60_000, retryAfterCapMs: 300_000 };

/**
 * Exponential backoff with equal jitter: attempt n waits between c/2 and c, c = min(max, base·2ⁿ⁻¹).
 * Equal rather than full jitter, so a retry never comes back almost at once to an account's API.
 */
export function backoffDelay(attempt: number, timing: RetryTiming, random: () => number): number {
  const ceiling = Math.min(timing.backoffMaxMs, timing.backoffBaseMs * 2 ** (attempt - 1));
  return Math.max(1, Math.round(ceiling / 2 + (random() * ceiling) / 2));
}

/** Told of every retry when its wait begins: the delay chosen, and the server's Retry-After if it sent one. */
export type RetryListener = (error: RequestError, attempt: number, delayMs: number, retryAfterMs: number | undefined) => void;

/** got's retry settings, derived from the rules above. */
export function retryOptions(
  limit: number,
  timing: RetryTiming,
  random: () => number = Math.random,
  onRetry?: RetryListener,
): Partial<RetryOptions> {
  return {
    limit,
    methods: ['GET'],
    statusCodes: STATUS_RULES.flatMap(([matcher, rule]) => (typeof matcher === 'number' && rule.action === 'retry' ? [matcher] : [])),
    errorCodes: Object.entries(ERROR_CODE_RULES).flatMap(([code, rule]) => (rule.action === 'retry' ? [code] : [])),
    // got refuses a Retry-After above this outright; we would rather wait the (capped) time.
    maxRetryAfter: Number.MAX_SAFE_INTEGER,
    calculateDelay: ({ attemptCount, error, computedValue, retryAfter }) => {
      // computedValue is got's verdict from limit, methods, status and error codes: 0 means "do not retry".
      if (computedValue === 0 || error instanceof RetryError) return computedValue;
      const serverWait = error.response === undefined ? undefined : retryAfter;
      const delay =
        serverWait === undefined ? backoffDelay(attemptCount, timing, random) : Math.min(Math.max(serverWait, 1), timing.retryAfterCapMs);
      onRetry?.(error, attemptCount, delay, serverWait);
      return delay;
    },
  };
}

/** The HTTP status behind an error, when it is an HTTP answer. */
export function statusOf(error: unknown): number | undefined {
  return error instanceof HTTPError ? error.response.statusCode : undefined;
}

/** Turns whatever got threw into a ConnectorError whose message names the request (never a token), per the rules. */
export function toConnectorError(error: unknown, what: string): ConnectorError {
  const own = connectorErrorIn(error);
  if (own !== undefined) return own;
  if (!(error instanceof RequestError))
    return systemError(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, error);
  const status = statusOf(error);
  const rule = status === undefined ? ruleForError(error) : ruleForStatus(status);
  const host = error.options.url instanceof URL ? error.options.url.host : 'the server';
  return new ConnectorError(rule.message({ what, status, retries: error.options.retry.limit ?? 0, host }), rule.failureType, {
    cause: error,
  });
}

function ruleForError(error: RequestError): HttpRule {
  const rule = ERROR_CODE_RULES[error instanceof TimeoutError ? 'ETIMEDOUT' : error.code];
  return (
    rule ??
    retryable(({ what, retries, host }) => `${what} failed after ${retries} retries: ${error.code} talking to ${host}. Try again later.`)
  );
}

/** A ConnectorError thrown inside a got hook (e.g. by auth renewal) arrives wrapped, maybe twice. */
function connectorErrorIn(error: unknown): ConnectorError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof ConnectorError) return current;
  }
  return undefined;
}
