import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/config.js';
import { configError } from '../src/errors.js';
import { PelotonApi, type RetryNotice } from '../src/peloton/api-client.js';
import type { Authenticator } from '../src/peloton/auth/authenticator.js';
import { actionForAnswer, backoffDelay, retryOptions, ruleForAnswer, type HttpAnswer } from '../src/peloton/http-policy.js';
import { Throttle } from '../src/peloton/throttle.js';
import { FAST_RETRIES } from './helpers/cli.js';

const BASE = 'https://api.onepeloton.com';
/** An answer with Peloton's own JSON error body. */
const json = (status: number): HttpAnswer => ({ status, contentType: 'application/json', body: `{"status":${status}}` });
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

class FakeAuth implements Authenticator {
  readonly description = 'test token';
  renewals = 0;
  constructor(
    private token = 'token-1',
    private readonly renewable = true,
  ) {}
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

function client(
  auth: Authenticator = new FakeAuth(),
  overrides: Record<string, unknown> = {},
  notices: RetryNotice[] = [],
  timing = FAST_RETRIES,
): PelotonApi {
  const config = resolveConfig({
    credentials: { auth_type: 'bearer', access_token: 'x' },
    max_retries: 3,
    request_timeout_seconds: 1,
    ...overrides,
  });
  return new PelotonApi({ config, auth, throttle: new Throttle(4, 0), timing, onRetry: (n) => notices.push(n) });
}

describe('PelotonApi', () => {
  it('sends the bearer token, platform, accept and a versioned user agent', async () => {
    const scope = nock(BASE, {
      reqheaders: {
        authorization: 'Bearer token-1',
        'peloton-platform': 'web',
        accept: 'application/json',
        'user-agent': /^source-peloton\/\d+\.\d+\.\d+$/,
      },
    })
      .get('/api/me')
      .reply(200, { id: 'u1' });
    expect(await client().getJson({ path: '/api/me' })).toEqual({ id: 'u1' });
    scope.done();
  });

  it.each([408, 429, 500, 502, 503, 504, 520, 524])('retries %i and then succeeds', async (status) => {
    const notices: RetryNotice[] = [];
    nock(BASE).get('/api/me').times(2).reply(status, { message: 'busy' }).get('/api/me').reply(200, { id: 'u1' });
    expect(await client(undefined, {}, notices).getJson({ path: '/api/me', stream: 'workouts' })).toEqual({ id: 'u1' });
    expect(notices.map((n) => [n.stream, n.status, n.attempt])).toEqual([
      ['workouts', status, 1],
      ['workouts', status, 2],
    ]);
  });

  it.each([400, 403, 404, 410, 501])('does not retry %i', async (status) => {
    const scope = nock(BASE).get('/api/me').reply(status, {});
    await expect(client().getJson({ path: '/api/me' })).rejects.toMatchObject({ failureType: ruleForAnswer(json(status)).failureType });
    scope.done();
  });

  it('retries connection resets, empty 200 bodies and bodies that are not JSON', async () => {
    const notices: RetryNotice[] = [];
    nock(BASE)
      .get('/api/me')
      .replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })
      .get('/api/me')
      .reply(200, '')
      .get('/api/me')
      .reply(200, '<html>oops</html>', { 'content-type': 'application/json' })
      .get('/api/me')
      .reply(200, { id: 'u1' });
    expect(await client(undefined, {}, notices).getJson({ path: '/api/me' })).toEqual({ id: 'u1' });
    expect(notices.map((n) => n.reason).slice(1)).toEqual(['ERR_EMPTY_BODY', 'ERR_BODY_PARSE_FAILURE']);
    expect(notices).toHaveLength(3);
  });

  it('honours Retry-After in seconds, capped at retryAfterCapMs', async () => {
    const notices: RetryNotice[] = [];
    nock(BASE).get('/api/me').reply(429, {}, { 'retry-after': '2' }).get('/api/me').reply(200, { id: 'u1' });
    await client(undefined, {}, notices, { ...FAST_RETRIES, retryAfterCapMs: 30 }).getJson({ path: '/api/me' });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ status: 429, retryAfterMs: 2000, delayMs: 30 });
  });

  it('honours Retry-After as an HTTP date, waiting the server time when it is under the cap', async () => {
    const notices: RetryNotice[] = [];
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    nock(BASE)
      .get('/api/me')
      .reply(503, {}, { 'retry-after': inAnHour })
      .get('/api/me')
      .reply(429, {}, { 'retry-after': '0' })
      .get('/api/me')
      .reply(200, { id: 'u1' });
    await client(undefined, {}, notices).getJson({ path: '/api/me' });
    expect(notices[0]?.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(notices[0]?.delayMs).toBe(FAST_RETRIES.retryAfterCapMs);
    // A zero Retry-After still waits at least a millisecond, never a tight loop.
    expect(notices[1]).toMatchObject({ retryAfterMs: 0, delayMs: 1 });
  });

  it('waits between attempts as long as the backoff says (a real clock moves)', async () => {
    const timing = { backoffBaseMs: 40, backoffMaxMs: 1000, retryAfterCapMs: 1000 };
    const times: number[] = [];
    nock(BASE)
      .get('/api/me')
      .times(3)
      .reply(() => {
        times.push(Date.now());
        return [503, {}];
      })
      .get('/api/me')
      .reply(() => {
        times.push(Date.now());
        return [200, { id: 'u1' }];
      });
    await client(undefined, {}, [], timing).getJson({ path: '/api/me' });
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
    // Equal jitter: attempt n waits at least half of base·2ⁿ⁻¹ (20, 40, 80 ms here).
    expect(gaps[0]).toBeGreaterThanOrEqual(19);
    expect(gaps[1]).toBeGreaterThanOrEqual(39);
    expect(gaps[2]).toBeGreaterThanOrEqual(79);
  });

  it('gives up after max_retries with a message naming the request', async () => {
    nock(BASE).get('/api/user/u1/workouts').query(true).times(4).reply(503, {});
    await expect(client().getJson({ path: '/api/user/u1/workouts', query: { page: 0 } })).rejects.toMatchObject({
      failureType: 'transient_error',
      message: expect.stringMatching(/GET \/api\/user\/u1\/workouts failed after 4 attempts: Peloton answered 503 Service Unavailable/),
    });
  });

  it('skips a partition on a status the stream declares skippable, and only then', async () => {
    nock(BASE).get('/api/workout/w1/performance_graph').query(true).reply(404, '<html>Not Found</html>');
    expect(await client().fetch({ path: '/api/workout/w1/performance_graph', query: { every_n: 5 }, skipOn: [404] })).toEqual({
      skippedStatus: 404,
    });
    nock(BASE).get('/api/ride/r1/details').reply(403, {});
    expect(await client().fetch({ path: '/api/ride/r1/details', skipOn: ['4xx'] })).toEqual({ skippedStatus: 403 });
    nock(BASE).get('/api/workout/w2/performance_graph').reply(404, {});
    await expect(client().fetch({ path: '/api/workout/w2/performance_graph' })).rejects.toMatchObject({
      failureType: 'system_error',
      message: expect.stringMatching(/404/),
    });
  });

  it('renews the token once on 401 and retries with the new one', async () => {
    const auth = new FakeAuth();
    nock(BASE)
      .get('/api/me')
      .matchHeader('authorization', 'Bearer token-1')
      .reply(401, { status: 401, error_code: 3020, message: 'Not logged in' });
    nock(BASE).get('/api/me').matchHeader('authorization', 'Bearer token-2').reply(200, { id: 'u1' });
    expect(await client(auth).getJson({ path: '/api/me' })).toEqual({ id: 'u1' });
    expect(auth.renewals).toBe(1);
  });

  it('turns a 401 that renewal cannot cure into a config error, even where the stream skips 4xx', async () => {
    nock(BASE).get('/api/me').reply(401, { status: 401, error_code: 3020, message: 'Not logged in' });
    await expect(client(new FakeAuth('t', false)).getJson({ path: '/api/me' })).rejects.toMatchObject({
      failureType: 'config_error',
      message: 'token rejected; paste a fresh one',
    });
    nock(BASE).get('/api/me').times(2).reply(401, { status: 401, error_code: 3020, message: 'Not logged in' });
    const renewing = new FakeAuth();
    await expect(client(renewing).fetch({ path: '/api/me', skipOn: ['4xx'] })).rejects.toMatchObject({
      failureType: 'config_error',
      message: expect.stringMatching(/401.*credentials were rejected/),
    });
    expect(renewing.renewals).toBe(1);
  });
});

describe('the HTTP policy table', () => {
  it('lets a stream turn failures into skips, but never a retry or a rejected login', () => {
    expect(actionForAnswer(json(404), [404])).toBe('skip');
    expect(actionForAnswer(json(404), [])).toBe('fail');
    expect(actionForAnswer(json(403), ['4xx'])).toBe('skip');
    expect(actionForAnswer(json(429), ['4xx'])).toBe('retry');
    expect(actionForAnswer(json(408), ['4xx'])).toBe('retry');
    expect(actionForAnswer(json(401), ['4xx', 401])).toBe('fail');
    expect(actionForAnswer(json(500), ['4xx'])).toBe('retry');
    expect(actionForAnswer(json(505), ['4xx'])).toBe('fail');
  });

  it('tells the CDN’s answers from Peloton’s by their body', () => {
    const challenge: HttpAnswer = { status: 403, contentType: 'text/html; charset=UTF-8', body: '<!DOCTYPE html><html>…' };
    const blocked = ruleForAnswer(challenge);
    expect(blocked).toMatchObject({ action: 'fail', failureType: 'transient_error' });
    // A challenge is not the partition being refused: a stream that skips 4xx must still fail on it.
    expect(actionForAnswer(challenge, ['4xx', 403])).toBe('fail');
    expect(actionForAnswer(json(403), ['4xx'])).toBe('skip');
    expect(ruleForAnswer(json(403)).failureType).toBe('config_error');
    // An HTML body without a content type is still a page, not Peloton's JSON.
    expect(ruleForAnswer({ status: 403, contentType: '', body: '  <html><body>Forbidden</body></html>' })).toBe(blocked);

    const cdnLimit: HttpAnswer = { status: 429, contentType: 'text/plain; charset=UTF-8', body: 'error code: 1015' };
    expect(actionForAnswer(cdnLimit, ['4xx'])).toBe('retry');
    expect(ruleForAnswer(cdnLimit)).not.toBe(ruleForAnswer(json(429)));
    expect(ruleForAnswer({ ...cdnLimit, body: 'error code: 1020' })).toBe(ruleForAnswer(json(429)));
  });

  it('derives got’s retried statuses from the table', () => {
    expect(retryOptions(3, FAST_RETRIES).statusCodes).toEqual([408, 429, 500, 502, 503, 504, 520, 521, 522, 524]);
  });
});

describe('retry delays', () => {
  const timing = { backoffBaseMs: 1000, backoffMaxMs: 8000, retryAfterCapMs: 60_000 };

  it('back off exponentially with equal jitter, up to a ceiling', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, timing, () => 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, timing, () => 0))).toEqual([500, 1000, 2000, 4000, 4000]);
    for (let attempt = 1; attempt <= 6; attempt++) {
      const ceiling = Math.min(8000, 1000 * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i++) {
        const delay = backoffDelay(attempt, timing, Math.random);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('leave got’s "do not retry" verdict alone', () => {
    const delay = retryOptions(10, timing, () => 1).calculateDelay!;
    const error = { name: 'RequestError', code: 'ECONNRESET', response: undefined } as never;
    expect(delay({ attemptCount: 3, error, computedValue: 0, retryOptions: {} as never })).toBe(0);
    expect(delay({ attemptCount: 3, error, computedValue: 1, retryOptions: {} as never })).toBe(4000);
  });
});

describe('Throttle', () => {
  it('caps concurrency', async () => {
    const throttle = new Throttle(2, 0);
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
  });

  it('spaces request starts 1/rate apart on a clock that moves, and does not wait once time has passed', async () => {
    let clock = 1_000;
    const waits: number[] = [];
    const throttle = new Throttle(
      8,
      10,
      () => clock,
      async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    );
    const starts = [];
    for (let i = 0; i < 4; i++) starts.push(await throttle.pace());
    expect(starts).toEqual([1_000, 1_100, 1_200, 1_300]);
    expect(waits).toEqual([100, 100, 100]);
    clock += 5_000;
    expect(await throttle.pace()).toBe(6_300);
    expect(waits).toHaveLength(3);
    // Requests made at once still get their own slots.
    const together = await Promise.all([throttle.pace(), throttle.pace()]);
    expect(together).toEqual([6_400, 6_500]);
  });
});
