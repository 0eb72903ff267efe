import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalog, runCli, runRaw, writeFiles } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: 30, inProgress: 0 })));
afterEach(() => sim.close());

const DEBUG_LINE = /^HTTP GET (\/api\/\S+) → (\d{3}) in \d+ ms( \(retry \d+\))?$/;

function files(overrides: Record<string, unknown> = {}): { config: string; catalog: string; token: string } {
  const config = simConfig(sim, overrides);
  const paths = writeFiles({ 'config.json': config, 'catalog.json': catalog({ workouts: 'incremental', workout_metrics: 'incremental' }) });
  return {
    config: paths['config.json']!,
    catalog: paths['catalog.json']!,
    token: (config['credentials'] as { access_token: string }).access_token,
  };
}

describe('--debug', () => {
  it('logs every HTTP request with its path, status and time as a DEBUG message, and nothing of the token', async () => {
    const { config, catalog: catalogPath, token } = files();
    const result = await runCli(['read', '--config', config, '--catalog', catalogPath, '--debug']);
    expect(result.exitCode).toBe(0);
    const lines = result.messages.filter((m) => m['type'] === 'LOG' && m['log'].level === 'DEBUG').map((m) => String(m['log'].message));
    const served = sim.requests.map((r) => `${r.path}?${new URLSearchParams(r.query).toString()}`);
    expect(lines).toHaveLength(served.length);
    expect(lines.every((line) => DEBUG_LINE.test(line))).toBe(true);
    expect(lines.map((line) => DEBUG_LINE.exec(line)?.[1]).sort()).toEqual(served.sort());
    expect(result.stdout.includes(token)).toBe(false);
  });

  it('shows each retry with its number', async () => {
    sim.injectFaults({ route: 'workouts', kind: 'status', status: 503, times: 2 });
    const { config, catalog: catalogPath } = files();
    const result = await runCli(['read', '--config', config, '--catalog', catalogPath, '--debug']);
    const pages = result.messages
      .filter((m) => m['type'] === 'LOG' && m['log'].level === 'DEBUG' && /\/workouts\?/.test(m['log'].message))
      .map((m) => String(m['log'].message));
    expect(pages.slice(0, 3).map((line) => DEBUG_LINE.exec(line)?.slice(2, 4))).toEqual([
      ['503', undefined],
      ['503', ' (retry 1)'],
      ['200', ' (retry 2)'],
    ]);
  });

  it('is off by default', async () => {
    const { config, catalog: catalogPath } = files();
    const result = await runCli(['read', '--config', config, '--catalog', catalogPath]);
    expect(result.messages.filter((m) => m['type'] === 'LOG' && m['log'].level === 'DEBUG')).toEqual([]);
  });

  it('works on check, and in tap mode writes to stderr only', async () => {
    const { config } = files();
    const check = await runCli(['check', '--config', config, '--debug']);
    expect(check.messages.filter((m) => m['type'] === 'LOG' && m['log'].level === 'DEBUG').map((m) => m['log'].message)).toEqual([
      expect.stringMatching(/^HTTP GET \/api\/me → 200 in \d+ ms$/),
    ]);
    const tap = await runRaw(['singer', '--config', config, '--debug']);
    expect(tap.code).toBe(0);
    expect(tap.stdout.includes('HTTP GET')).toBe(false);
    expect(
      tap.stderr.split('\n').filter((line) => /^DEBUG HTTP GET \/api\/user\/\w+\/workouts\?/.test(line)).length,
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('--debug with a password login', () => {
  it('logs the Auth0 requests too (method, path, status), never the credentials', async () => {
    const config = simConfig(sim, {
      credentials: { auth_type: 'password', username: sim.auth0.username, password: sim.auth0.password, login_method: 'web' },
    });
    const paths = writeFiles({ 'config.json': config });
    const result = await runCli(['check', '--config', paths['config.json']!, '--debug']);
    const lines = result.messages.filter((m) => m['type'] === 'LOG' && m['log'].level === 'DEBUG').map((m) => String(m['log'].message));
    expect(lines.filter((line) => /^HTTP POST \/oauth\/token → 200 in \d+ ms$/.test(line))).toHaveLength(1);
    expect(lines.some((line) => /^HTTP POST \/usernamepassword\/login → 200/.test(line))).toBe(true);
    expect(lines.some((line) => /^HTTP GET \/api\/me → 200/.test(line))).toBe(true);
    expect(result.stdout.includes(sim.auth0.password)).toBe(false);
    expect(result.stdout.includes(encodeURIComponent(sim.auth0.password))).toBe(false);
  });
});
