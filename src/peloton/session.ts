import type { ResolvedConfig } from '../config/config.js';
import { systemError } from '../errors.js';
import type { MessageSink } from '../protocol/sink.js';
import { PelotonApi, type RetryNotice } from './api-client.js';
import type { Authenticator } from './auth/authenticator.js';
import { createAuthenticator } from './auth/index.js';
import { decodeJwtClaims, USER_ID_CLAIM } from './jwt.js';
import { DEFAULT_RETRY_TIMING, type RetryTiming } from './http-policy.js';
import { Throttle } from './throttle.js';

export interface SessionDeps {
  output: MessageSink;
  now: () => number;
  retryTiming?: RetryTiming | undefined;
  signal?: AbortSignal | undefined;
  onRetry?: ((notice: RetryNotice) => void) | undefined;
  /** --debug: every HTTP attempt as a DEBUG log line. */
  debug?: boolean | undefined;
}

/** One run's connection to Peloton: its authenticator and an API client sharing one request budget. */
export interface PelotonSession {
  auth: Authenticator;
  api: PelotonApi;
}

export function openSession(config: ResolvedConfig, deps: SessionDeps): PelotonSession {
  const nowSeconds = (): number => Math.floor(deps.now() / 1000);
  const debug = deps.debug === true ? (line: string): void => void deps.output.log('DEBUG', line) : undefined;
  const auth = createAuthenticator(config, { output: deps.output, nowSeconds, signal: deps.signal, debug });
  const throttle = new Throttle(config.maxConcurrency, config.requestsPerSecond, deps.now);
  const api = new PelotonApi({
    config,
    auth,
    throttle,
    timing: deps.retryTiming ?? DEFAULT_RETRY_TIMING,
    signal: deps.signal,
    onRetry: deps.onRetry,
    debug,
  });
  return { auth, api };
}

export interface PelotonUser {
  id: string;
  username: string | undefined;
  totalWorkouts: number | undefined;
}

/** The logged-in user's id: from the token's claim when present, else from GET /api/me. */
export async function resolveUserId(session: PelotonSession): Promise<string> {
  const claim = decodeJwtClaims(await session.auth.accessToken())?.[USER_ID_CLAIM];
  if (typeof claim === 'string' && claim.length > 0) return claim;
  return (await fetchMe(session)).id;
}

export async function fetchMe(session: PelotonSession): Promise<PelotonUser> {
  const me = await session.api.getJson({ path: '/api/me' });
  if (typeof me['id'] !== 'string') throw systemError('GET /api/me answered without a user id; the API may have changed.');
  return {
    id: me['id'],
    username: typeof me['username'] === 'string' ? me['username'] : undefined,
    totalWorkouts: typeof me['total_workouts'] === 'number' ? me['total_workouts'] : undefined,
  };
}
