import got, { HTTPError, type Got } from 'got';
import { ConnectorError } from '../errors.js';
import type { ResolvedConfig } from '../config/config.js';
import type { JsonObject } from '../protocol/messages.js';
import { USER_AGENT } from '../version.js';
import type { Authenticator } from './auth/authenticator.js';
import { toConnectorError } from './http-errors.js';
import { EMPTY_BODY_CODE, retryOptions, type RetryTiming } from './retry-policy.js';
import type { Throttle } from './throttle.js';

export interface RetryNotice {
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
}

interface RequestContext extends Record<string, unknown> {
  stream?: string;
  authRenewed?: boolean;
}

/** Peloton's data API: one got instance carrying the run's retry policy, pacing and auth. */
export class PelotonApi {
  private readonly http: Got;

  constructor(private readonly options: ApiClientOptions) {
    const { config, auth, throttle, timing, signal } = options;
    this.http = got.extend({
      prefixUrl: config.apiBaseUrl,
      headers: { 'user-agent': USER_AGENT, accept: 'application/json', 'peloton-platform': 'web' },
      timeout: { request: config.requestTimeoutMs },
      retry: retryOptions(config.maxRetries, timing, Math.random, (error, attempt, delayMs, retryAfterMs) => {
        const status = error.response?.statusCode;
        this.options.onRetry?.({
          stream: (error.options.context as RequestContext).stream,
          attempt,
          reason: status === undefined ? (error.code ?? error.message) : `HTTP ${status}`,
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
        afterResponse: [
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

  /**
   * GETs a JSON object from the API. `stream` names the stream the request serves (for errors and
   * statuses); an `urgent` request (a list page, which unlocks more work) jumps the queue.
   */
  getJson(path: string, searchParams: Record<string, string | number>, stream?: string, urgent = false): Promise<JsonObject> {
    return this.options.throttle.run(() => this.fetchObject(path, searchParams, stream), urgent);
  }

  /** Like getJson, but a 404 answers undefined (a deleted resource) instead of failing. */
  getJsonUnlessNotFound(path: string, searchParams: Record<string, string | number>, stream?: string): Promise<JsonObject | undefined> {
    return this.options.throttle.run(() =>
      this.fetchObject(path, searchParams, stream).catch((error: unknown) => {
        if (error instanceof ConnectorError && error.cause instanceof HTTPError && error.cause.response.statusCode === 404) return undefined;
        throw error;
      }),
    );
  }

  private async fetchObject(path: string, searchParams: Record<string, string | number>, stream: string | undefined): Promise<JsonObject> {
    const context: RequestContext = stream === undefined ? {} : { stream };
    let body: unknown;
    try {
      body = await this.http.get(path.replace(/^\//, ''), { searchParams, context }).json();
    } catch (error) {
      throw toConnectorError(error, describe(path));
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw toConnectorError(new Error(`expected a JSON object, got ${Array.isArray(body) ? 'an array' : typeof body}`), describe(path));
    }
    return body as JsonObject;
  }
}

const describe = (path: string): string => `GET ${path}`;
