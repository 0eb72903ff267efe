import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it, vi } from 'vitest';
import { resolveConfig } from '../src/config/config.js';

/** The spec is the one source of defaults: what a config of credentials alone resolves to is read off it. */
const spec = JSON.parse(readFileSync(new URL('../schemas/spec.json', import.meta.url), 'utf8')) as {
  properties: Record<string, { default?: unknown; properties?: Record<string, { default?: unknown }> }> & {
    credentials: { oneOf: Array<{ properties: Record<string, { const?: string; default?: unknown }> }> };
  };
};
const top = (name: string): unknown => spec.properties[name]?.default;
const login = (name: string): unknown => spec.properties['login_settings']?.properties?.[name]?.default;
const branch = (authType: string): Record<string, { default?: unknown }> =>
  spec.properties.credentials.oneOf.find((b) => b.properties['auth_type']?.const === authType)?.properties ?? {};

describe('config defaults come from the spec', () => {
  it('a config of credentials alone resolves to the spec’s defaults, field by field', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    const resolved = resolveConfig({ credentials: { auth_type: 'bearer', access_token: 'token' } }, now);
    expect({
      metricsEveryN: resolved.metricsEveryN,
      pageSize: resolved.pageSize,
      requestsPerSecond: resolved.requestsPerSecond,
      maxConcurrency: resolved.maxConcurrency,
      requestTimeoutMs: resolved.requestTimeoutMs,
      maxRetries: resolved.maxRetries,
      apiBaseUrl: resolved.apiBaseUrl,
      authBaseUrl: resolved.authBaseUrl,
      login: resolved.login,
    }).toEqual({
      metricsEveryN: top('metrics_every_n'),
      pageSize: top('page_size'),
      requestsPerSecond: top('requests_per_second'),
      maxConcurrency: top('max_concurrency'),
      requestTimeoutMs: (top('request_timeout_seconds') as number) * 1000,
      maxRetries: top('max_retries'),
      apiBaseUrl: top('api_base_url'),
      authBaseUrl: top('auth_base_url'),
      login: {
        passwordGrantClientId: login('password_grant_client_id'),
        passwordGrantScope: login('password_grant_scope'),
        webClientId: login('web_client_id'),
        audience: login('audience'),
        webScope: login('web_scope'),
        redirectUri: login('redirect_uri'),
        tenant: login('tenant'),
        connection: login('connection'),
      },
    });
    // The one default the spec cannot hold as a constant: 30 days before now.
    expect(resolved.startDate).toBe(now.getTime() / 1000 - 30 * 86_400);
  });

  it('every top-level setting but credentials and start_date has a default in the spec', () => {
    const withoutDefault = Object.entries(spec.properties)
      .filter(
        ([name, property]) => (property as { default?: unknown }).default === undefined && !['credentials', 'start_date'].includes(name),
      )
      .map(([name]) => name);
    expect(withoutDefault).toEqual([]);
  });

  it('credential defaults come from the branch the auth_type selects', () => {
    const password = resolveConfig({ credentials: { auth_type: 'password', username: 'u@example.com', password: 'pw' } });
    expect(password.credentials).toMatchObject({ loginMethod: branch('password')['login_method']?.default });
    const oauth = resolveConfig({ credentials: { auth_type: 'oauth', refresh_token: 'v1.refresh' } });
    expect(oauth.credentials).toMatchObject({ clientId: branch('oauth')['client_id']?.default });
  });

  it('a partial login_settings keeps its value and gets the spec’s defaults for the rest', () => {
    const resolved = resolveConfig({
      credentials: { auth_type: 'bearer', access_token: 'token' },
      login_settings: { tenant: 'peloton-staging' },
    });
    expect(resolved.login.tenant).toBe('peloton-staging');
    expect(resolved.login.webClientId).toBe(login('web_client_id'));
  });

  it('leaves the config the user gave untouched (it is handed back when a token rotates)', () => {
    const input = { credentials: { auth_type: 'oauth', refresh_token: 'v1.refresh' } };
    const resolved = resolveConfig(input);
    expect(resolved.original).toEqual({ credentials: { auth_type: 'oauth', refresh_token: 'v1.refresh' } });
  });
});

describe('config validation', () => {
  it('compiles the spec and each credentials form once per process, not on every config read', () => {
    const configs = [
      { credentials: { auth_type: 'password', username: 'u@example.com', password: 'pw' } },
      { credentials: { auth_type: 'oauth', refresh_token: 'v1.refresh' } },
      { credentials: { auth_type: 'bearer', access_token: 'token' } },
    ];
    const invalid = { credentials: { auth_type: 'password', username: 'u@example.com' } };
    // Every form read once: whatever needs compiling is compiled now.
    for (const config of configs) resolveConfig(config);
    expect(() => resolveConfig(invalid)).toThrow(/missing required field 'password'/);
    const compile = vi.spyOn(Ajv.prototype, 'compile');
    try {
      for (let i = 0; i < 3; i++) {
        for (const config of configs) resolveConfig(config);
        expect(() => resolveConfig(invalid)).toThrow(/missing required field 'password'/);
      }
      expect(compile).not.toHaveBeenCalled();
    } finally {
      compile.mockRestore();
    }
  });
});
