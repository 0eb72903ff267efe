import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/config.js';
import { configError } from '../src/errors.js';
import { PelotonApi, type RetryNotice } from '../src/peloton/api-client.js';
import type { Authenticator } from '../src/peloton/auth/authenticator.js';
import { retryOptions } from '../src/peloton/retry-policy.js';
import { Throttle } from '../src/peloton/throttle.js';
import { FAST_RETRIES } from './helpers/cli.js';

const BASE = 'https://api.onepeloton.com';
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

class FakeAuth implements Authenticator {
  readonly description = 'test token';
  renewals = 0;
  constructor(private token = 'token-1', private readonly renewable = true) {}
  async accessToken(): Promise<string> {
    return this.token;
  }
  async renew(): Promise<string> {
    this.renewals++;
    if (!this.renewable) throw configError('token rejected; paste a fresh one');
    this.token = `token-${this.renewals + 1}`;
    return this.token;
  }
}

function client(auth: Authenticator = new FakeAuth(), overrides: Record<string, unknown> = {}, notices: RetryNotice[] = []): PelotonApi {
  const config = resolveConfig({ credentials: { auth_type: 'bearer', access_token: 'x' }, max_retries: 3, request_timeout_seconds: 1, ...overrides });
  return new PelotonApi({ config, auth, throttle: new Throttle(4, 0), timing: FAST_RETRIES, onRetry: (n) => notices.push(n) });
}

describe('PelotonApi', () => {
  it('sends the bearer token, platform, accept and a versioned user agent', async () => {
    const scope = nock(BASE, { reqheaders: { authorization: 'Bearer token-1', 'peloton-platform': 'web', accept: 'application/json', 'user-agent': /^source-peloton\/\d+\.\d+\.\d+$/ } })
      .get('/api/me')
      .reply(200, { id: 'u1' });
    expect(await client().getJson('/api/me', {})).toEqual({ id: 'u1' });
    scope.done();
  });

  it.each([408, 429, 500, 502, 503, 504])('retries %i and then succeeds', async (status) => {
    const notices: RetryNotice[] = [];
    nock(BASE).get('/api/me').times(2).reply(status, { message: 'busy' }).get('/api/me').reply(200, { id: 'u1' });
    expect(await client(undefined, {}, notices).getJson('/api/me', {}, 'workouts')).toEqual({ id: 'u1' });
    expect(notices.map((n) => [n.stream, n.status, n.attempt])).toEqual([['workouts', status, 1], ['workouts', status, 2]]);
  });

  it('retries connection resets, empty 200 bodies and bodies that are not JSON', async () => {
    nock(BASE)
      .get('/api/me').replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })
      .get('/api/me').reply(200, '')
      .get('/api/me').reply(200, '<html>oops</html>', { 'content-type': 'application/json' })
      .get('/api/me').reply(200, { id: 'u1' });
    expect(await client().getJson('/api/me', {})).toEqual({ id: 'u1' });
  });

  it('honours Retry-After in seconds and as an HTTP date, capped', async () => {
    const notices: RetryNotice[] = [];
    nock(BASE)
      .get('/api/me').reply(429, {}, { 'retry-after': '0' })
      .get('/api/me').reply(429, {}, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() })
      .get('/api/me').reply(200, { id: 'u1' });
    const started = Date.now();
    expect(await client(undefined, {}, notices).getJson('/api/me', {}, 'workouts')).toEqual({ id: 'u1' });
    // The hour-long Retry-After was capped (FAST_RETRIES caps at 50 ms).
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(notices[1]?.retryAfterMs).toBeGreaterThan(3_500_000);
  });

  it('gives up after max_retries with a message naming the request', async () => {
    nock(BASE).get('/api/user/u1/workouts').query(true).times(4).reply(503, {});
    await expect(client().getJson('/api/user/u1/workouts', { page: 0 })).rejects.toMatchObject({
      failureType: 'transient_error',
      message: expect.stringMatching(/GET \/api\/user\/u1\/workouts kept failing with 503 from Peloton after 3 retries/),
    });
  });

  it('does not retry a 404, and can treat it as "gone"', async () => {
    nock(BASE).get('/api/workout/w1/performance_graph').query(true).reply(404, '<html>Not Found</html>');
    expect(await client().getJsonUnlessNotFound('/api/workout/w1/performance_graph', { every_n: 5 })).toBeUndefined();
  });

  it('renews the token once on 401 and retries with the new one', async () => {
    const auth = new FakeAuth();
    nock(BASE).get('/api/me').matchHeader('authorization', 'Bearer token-1').reply(401, { status: 401, error_code: 3020, message: 'Not logged in' });
    nock(BASE).get('/api/me').matchHeader('authorization', 'Bearer token-2').reply(200, { id: 'u1' });
    expect(await client(auth).getJson('/api/me', {})).toEqual({ id: 'u1' });
    expect(auth.renewals).toBe(1);
  });

  it('turns a 401 that renewal cannot cure into a config error', async () => {
    nock(BASE).get('/api/me').reply(401, { status: 401, error_code: 3020, message: 'Not logged in' });
    await expect(client(new FakeAuth('t', false)).getJson('/api/me', {})).rejects.toMatchObject({ failureType: 'config_error', message: 'token rejected; paste a fresh one' });
    nock(BASE).get('/api/me').times(2).reply(401, { status: 401, error_code: 3020, message: 'Not logged in' });
    const renewing = new FakeAuth();
    await expect(client(renewing).getJson('/api/me', {})).rejects.toMatchObject({ failureType: 'config_error', message: expect.stringMatching(/401.*credentials were rejected/) });
    expect(renewing.renewals).toBe(1);
  });
});

describe('retry delays', () => {
  it('back off exponentially with jitter, up to a ceiling', () => {
    const delay = retryOptions(10, { backoffBaseMs: 1000, backoffMaxMs: 8000, retryAfterCapMs: 60_000 }, () => 1).calculateDelay!;
    const error = { name: 'HTTPError', response: undefined } as never;
    expect([1, 2, 3, 4, 5].map((attemptCount) => delay({ attemptCount, error, computedValue: 1, retryOptions: {} as never }))).toEqual([1000, 2000, 4000, 8000, 8000]);
    const low = retryOptions(10, { backoffBaseMs: 1000, backoffMaxMs: 8000, retryAfterCapMs: 60_000 }, () => 0).calculateDelay!;
    expect(low({ attemptCount: 3, error, computedValue: 1, retryOptions: {} as never })).toBe(2000);
    expect(delay({ attemptCount: 3, error, computedValue: 0, retryOptions: {} as never })).toBe(0);
  });
});

describe('Throttle', () => {
  it('caps concurrency and spaces request starts', async () => {
    let clock = 0;
    const throttle = new Throttle(2, 10, () => clock);
    let active = 0;
    let peak = 0;
    const task = async (): Promise<void> => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    };
    await Promise.all(Array.from({ length: 6 }, () => throttle.run(task)));
    expect(peak).toBe(2);
    const starts: number[] = [];
    const paced = new Throttle(8, 100);
    const t0 = Date.now();
    await Promise.all(Array.from({ length: 5 }, async () => { await paced.pace(); starts.push(Date.now() - t0); }));
    expect(Math.max(...starts)).toBeGreaterThanOrEqual(35);
  });
});
