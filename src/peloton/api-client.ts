import got, { type Got } from 'got';
import { systemError } from '../errors.js';
import type { ResolvedConfig } from '../config/config.js';
import type { JsonObject } from '../protocol/messages.js';
import { USER_AGENT } from '../version.js';
import type { Authenticator } from './auth/authenticator.js';
import { debugHooks, type DebugLog } from './http-debug.js';
import { EMPTY_BODY_CODE, retryOptions, skippedStatus, toConnectorError, type RetryTiming, type StatusMatcher } from './http-policy.js';
import type { Throttle } from './throttle.js';

export interface RetryNotice {
  /** The name of the request retried (a root list or a child request): the streams waiting on it follow from it. */
  stream: string | undefined;
  attempt: number;
  reason: string;
  status: number | undefined;
  /** Set when the server said how long to wait (Retry-After). */
  retryAfterMs: number | undefined;
  /** How long this retry waits (Retry-After capped, or the backoff). */
  delayMs: number;
}

export interface ApiClientOptions {
  config: ResolvedConfig;
  auth: Authenticator;
  throttle: Throttle;
  timing: RetryTiming;
  signal?: AbortSignal | undefined;
  onRetry?: ((notice: RetryNotice) => void) | undefined;
  /** With --debug: one line per HTTP attempt. */
  debug?: DebugLog | undefined;
}

/** A GET whose every failure (that the policy does not retry away) fails it. */
export interface JsonRequest {
  /** Path below api_base_url, e.g. `/api/me`. */
  path: string;
  query?: Record<string, string | number>;
  headers?: Record<string, string>;
  /** The name of the request (a root list, a child request) for retry notices; sync.ts finds the streams waiting on it. */
  stream?: string;
  urgent?: boolean;
  /** Cancels this request (besides the run's own stop signal), queued or in flight. */
  signal?: AbortSignal;
}

/** A GET for one partition of a stream, which some final statuses skip instead of failing. */
export interface ApiRequest extends JsonRequest {
  /** Final statuses that skip this partition instead of failing the stream (see the HTTP policy). */
  skipOn?: readonly StatusMatcher[];
}

export type ApiResult = { body: JsonObject } | { skippedStatus: number };

interface RequestContext extends Record<string, unknown> {
  stream?: string;
  authRenewed?: boolean;
}

/** Peloton's data API: one got instance carrying the run's retry policy, pacing and auth. */
export class PelotonApi {
  private readonly http: Got;
  private readonly joinedSignals = new WeakMap<AbortSignal, AbortSignal>();

  constructor(private readonly options: ApiClientOptions) {
    const { config, auth, throttle, timing, signal } = options;
    const debug = debugHooks(options.debug);
    this.http = got.extend({
      prefixUrl: config.apiBaseUrl,
      headers: { 'user-agent': USER_AGENT, accept: 'application/json', 'peloton-platform': 'web' },
      timeout: { request: config.requestTimeoutMs },
      retry: retryOptions(config.maxRetries, timing, Math.random, (error, attempt, delayMs, retryAfterMs) => {
        const status = error.response?.statusCode;
        this.options.onRetry?.({
          stream: (error.options.context as RequestContext).stream,
          attempt,
          // A 200 is retried only for its body (empty or not JSON): the code says which.
          reason: status === undefined || status === 200 ? error.code : `HTTP ${status}`,
          status,
          retryAfterMs,
          delayMs,
        });
      }),
      responseType: 'json',
      ...(signal === undefined ? {} : { signal }),
      hooks: {
        beforeRequest: [
          async (request) => {
            await throttle.pace(signal);
            request.headers['authorization'] = `Bearer ${await auth.accessToken()}`;
          },
        ],
        beforeRetry: debug.beforeRetry,
        beforeError: debug.beforeError,
        afterResponse: [
          ...debug.afterResponse,
          async (response, retryWithMergedOptions) => {
            const context = response.request.options.context as RequestContext;
            if (response.statusCode === 401 && context.authRenewed !== true) {
              const sent = String(response.request.options.headers['authorization'] ?? '').replace(/^Bearer /, '');
              await auth.renew(sent);
              return retryWithMergedOptions({ context: { authRenewed: true } });
            }
            if (response.statusCode === 200 && (response.body === '' || response.body === undefined)) {
              throw Object.assign(new Error('Peloton answered 200 with an empty body'), { code: EMPTY_BODY_CODE });
            }
            return response;
          },
        ],
      },
    });
  }

  /** GETs a JSON object; any failure the policy does not retry away is thrown as a ConnectorError. */
  getJson(request: JsonRequest): Promise<JsonObject> {
    return this.scheduled(request, async () => {
      try {
        return await this.get(request);
      } catch (error) {
        throw toConnectorError(error, describe(request), 'api_base_url');
      }
    });
  }

  /**
   * GETs a JSON object, or reports the partition skipped when the final status is one the stream's
   * `skipOn` turns into a skip (per the HTTP policy).
   */
  fetch(request: ApiRequest): Promise<ApiResult> {
    return this.scheduled(request, async () => {
      try {
        return { body: await this.get(request) };
      } catch (error) {
        const status = skippedStatus(error, request.skipOn ?? []);
        if (status !== undefined) return { skippedStatus: status };
        throw toConnectorError(error, describe(request), 'api_base_url');
      }
    });
  }

  /** Runs `task` in the run's request budget; an `urgent` request (a list page, which unlocks more work) jumps the queue. */
  private scheduled<T>(request: JsonRequest, task: () => Promise<T>): Promise<T> {
    return this.options.throttle.run(
      () => {
        request.signal?.throwIfAborted();
        return task();
      },
      request.urgent === true,
      request.signal,
    );
  }

  /**
   * The request's own cancel signal joined with the run's. One joined signal per cancel signal, kept as long
   * as that lives: every AbortSignal.any() leaves an entry on its sources that is never released (Node 20),
   * so one per request would grow the heap for the whole run.
   */
  private signalFor(request: JsonRequest): { signal?: AbortSignal } {
    const run = this.options.signal;
    if (request.signal === undefined) return {};
    if (run === undefined) return { signal: request.signal };
    let joined = this.joinedSignals.get(request.signal);
    if (joined === undefined) {
      joined = AbortSignal.any([run, request.signal]);
      this.joinedSignals.set(request.signal, joined);
    }
    return { signal: joined };
  }

  /** The answer's JSON object; throws what got threw, or a ConnectorError for an answer that is not an object. */
  private async get(request: JsonRequest): Promise<JsonObject> {
    const context: RequestContext = request.stream === undefined ? {} : { stream: request.stream };
    const body: unknown = await this.http
      .get(request.path.replace(/^\//, ''), {
        searchParams: request.query ?? {},
        headers: request.headers ?? {},
        context,
        ...this.signalFor(request),
      })
      .json();
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw systemError(
        `${describe(request)} answered ${Array.isArray(body) ? 'a JSON list' : typeof body} where a JSON object was expected; the API may have changed.`,
      );
    }
    return body as JsonObject;
  }
}

const describe = (request: JsonRequest): string => `GET ${request.path}`;
