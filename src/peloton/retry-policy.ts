import type { RequestError, RetryOptions } from 'got';

/** How long to wait between attempts; injectable so tests do not sleep. */
export interface RetryTiming {
  /** First backoff; doubles each attempt, with full jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A longer Retry-After is cut to this. */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY_TIMING: RetryTiming = { backoffBaseMs: 1000, backoffMaxMs: 60_000, retryAfterCapMs: 300_000 };

/** Error codes got should retry besides its own defaults: an empty or unparsable 200. */
export const EMPTY_BODY_CODE = 'ERR_EMPTY_BODY';
const BODY_PARSE_CODE = 'ERR_BODY_PARSE_FAILURE';

/** Told of every retry when its wait begins: the delay chosen, and the server's Retry-After if it sent one. */
export type RetryListener = (error: RequestError, attempt: number, delayMs: number, retryAfterMs: number | undefined) => void;

export function retryOptions(limit: number, timing: RetryTiming, random: () => number = Math.random, onRetry?: RetryListener): Partial<RetryOptions> {
  const backoff = (attemptCount: number): number => {
    const ceiling = Math.min(timing.backoffMaxMs, timing.backoffBaseMs * 2 ** (attemptCount - 1));
    return Math.max(1, Math.round(ceiling / 2 + (random() * ceiling) / 2));
  };
  return {
    limit,
    methods: ['GET'],
    statusCodes: [408, 429, 500, 502, 503, 504, 520, 521, 522, 524],
    errorCodes: ['ETIMEDOUT', 'ECONNRESET', 'EADDRINUSE', 'ECONNREFUSED', 'EPIPE', 'ENOTFOUND', 'ENETUNREACH', 'EAI_AGAIN', 'ERR_STREAM_PREMATURE_CLOSE', EMPTY_BODY_CODE, BODY_PARSE_CODE],
    // got refuses a Retry-After above this outright; we would rather wait the (capped) time.
    maxRetryAfter: Number.MAX_SAFE_INTEGER,
    calculateDelay: ({ attemptCount, error, computedValue, retryAfter }) => {
      // computedValue is got's verdict from limit, methods, status and error codes: 0 means "do not retry".
      if (computedValue === 0 || error.name === 'RetryError') return computedValue;
      const serverWait = error.response === undefined ? undefined : retryAfter;
      const delay = serverWait === undefined ? backoff(attemptCount) : Math.min(Math.max(serverWait, 1), timing.retryAfterCapMs);
      onRetry?.(error, attemptCount, delay, serverWait);
      return delay;
    },
  };
}
