import got, { HTTPError, type Got, type RequestError } from 'got';
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
      retry: retryOptions(config.maxRetries, timing),
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
        beforeRetry: [(error, retryCount) => this.reportRetry(error, retryCount)],
      },
    });
  }

  /**
   * GETs a JSON object from the API. `stream` names the stream the request serves (for errors and
   * statuses); an `urgent` request (a list page, which unlocks more work) jumps the queue.
   */
  async getJson(path: string, searchParams: Record<string, string | number>, stream?: string, urgent = false): Promise<JsonObject> {
    const body = await this.request(path, searchParams, stream, false, urgent);
    if (body === undefined) throw toConnectorError(new Error('not found'), describe(path));
    return body;
  }

  /** Like getJson, but a 404 answers undefined (a deleted resource) instead of failing. */
  async getJsonUnlessNotFound(path: string, searchParams: Record<string, string | number>, stream?: string): Promise<JsonObject | undefined> {
    return this.request(path, searchParams, stream, true);
  }

  private async request(path: string, searchParams: Record<string, string | number>, stream: string | undefined, notFoundIsEmpty = false, urgent = false): Promise<JsonObject | undefined> {
    const context: RequestContext = stream === undefined ? {} : { stream };
    return this.options.throttle.run(async () => {
      try {
        const body: unknown = await this.http.get(path.replace(/^\//, ''), { searchParams, context }).json();
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          throw toConnectorError(new Error(`expected a JSON object, got ${Array.isArray(body) ? 'an array' : typeof body}`), describe(path));
        }
        return body as JsonObject;
      } catch (error) {
        if (notFoundIsEmpty && error instanceof HTTPError && error.response.statusCode === 404) return undefined;
        throw toConnectorError(error, describe(path));
      }
    }, urgent);
  }

  private reportRetry(error: RequestError, retryCount: number): void {
    const status = error.response?.statusCode;
    const header = error.response?.headers['retry-after'];
    let retryAfterMs: number | undefined;
    if (header !== undefined) {
      const seconds = Number(header);
      retryAfterMs = Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(header) - Date.now());
    }
    this.options.onRetry?.({
      stream: (error.options.context as RequestContext).stream,
      attempt: retryCount,
      reason: status === undefined ? (error.code ?? error.message) : `HTTP ${status}`,
      status,
      retryAfterMs,
    });
  }
}

const describe = (path: string): string => `GET ${path}`;
