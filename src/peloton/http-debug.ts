import type { AfterResponseHook, BeforeErrorHook, BeforeRetryHook, RequestError, Response } from 'got';

/** Receives one line per HTTP attempt when --debug is on. */
export type DebugLog = (line: string) => void;

export interface DebugHooks {
  afterResponse: AfterResponseHook[];
  beforeRetry: BeforeRetryHook[];
  beforeError: BeforeErrorHook[];
}

/**
 * got hooks that describe every attempt: method, path and query (no headers or bodies, which carry the
 * credentials), status or error code, milliseconds, and the retry number. Lines are redacted downstream.
 */
export function debugHooks(log: DebugLog | undefined): DebugHooks {
  if (log === undefined) return { afterResponse: [], beforeRetry: [], beforeError: [] };
  return {
    afterResponse: [
      (response) => {
        log(
          `${describe(response.request.options.method, response.url)} → ${response.statusCode} in ${elapsed(response)}${retryLabel(response.retryCount)}`,
        );
        return response;
      },
    ],
    // Attempts that ended without an answer (a reset, a timeout) are seen only here and in beforeError.
    beforeRetry: [
      (error, retryCount) => {
        if (error.response === undefined) log(`${describeError(error)}; retry ${retryCount} follows`);
      },
    ],
    beforeError: [
      (error) => {
        if (error.response === undefined) log(`${describeError(error)}; giving up`);
        return error;
      },
    ],
  };
}

function describe(method: string, url: URL | string | undefined): string {
  if (url === undefined) return `HTTP ${method} ?`;
  const parsed = typeof url === 'string' ? new URL(url) : url;
  return `HTTP ${method} ${parsed.pathname}${parsed.search}`;
}

function describeError(error: RequestError): string {
  const ms = error.timings?.phases.total;
  return `${describe(error.options.method, error.options.url)} → ${error.code}${ms === undefined ? '' : ` after ${ms} ms`}`;
}

function elapsed(response: Response): string {
  const ms = response.timings.phases.total;
  return ms === undefined ? '? ms' : `${ms} ms`;
}

const retryLabel = (retryCount: number): string => (retryCount > 0 ? ` (retry ${retryCount})` : '');
