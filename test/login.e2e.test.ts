import { existsSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD_GRANT_CLIENT, SIM_PASSWORD, SIM_USERNAME, WEB_CLIENT } from '../simulator/auth0.js';
import { run } from '../src/cli.js';
import { FAST_RETRIES, catalog, runCli, runRaw, writeFiles } from './helpers/cli.js';
import { simConfig, startSim, type PelotonSimulator } from './helpers/sim.js';

const WORKOUTS = 40;
const WRONG_PASSWORD = 'not-the-password-4711';
const ARGUMENT_PASSWORD = 'typed-on-the-command-line-0815';

let sim: PelotonSimulator;
beforeEach(async () => (sim = await startSim({ workouts: WORKOUTS, inProgress: 0 })));
afterEach(() => sim.close());

const piped = (text: string): PassThrough => new PassThrough().end(text);

/** A base config for the simulator with fields of every kind, so the merge can be checked. */
function baseConfig(overrides: Record<string, unknown> = {}): Record<string, any> {
  return simConfig(sim, {
    metrics_every_n: 10,
    page_size: 50,
    login_settings: { tenant: 'peloton-prod' },
    custom: { kept: [1, 'two'] },
    ...overrides,
  });
}

/** Files in one fresh folder: the base config, and where the output may go. */
function folder(base: Record<string, unknown> = baseConfig()): { config: string; output: string; catalog: string } {
  const files = writeFiles({ 'base.json': base, 'catalog.json': catalog({ workouts: 'incremental', workout_metrics: 'incremental' }) });
  return { config: files['base.json']!, catalog: files['catalog.json']!, output: join(dirname(files['base.json']!), 'config.json') };
}

/** `login` in-process with the password piped to stdin; no password may appear on either stream. */
async function login(args: string[], password = `${SIM_PASSWORD}\n`): Promise<{ code: number; stdout: string; stderr: string }> {
  const result = await runRaw(['login', ...args], { stdin: piped(password) });
  for (const secret of [SIM_PASSWORD, WRONG_PASSWORD]) {
    expect(result.stdout.includes(secret), 'the password reached stdout').toBe(false);
    expect(result.stderr.includes(secret), 'the password reached stderr').toBe(false);
  }
  return result;
}

const scripted = (method: string, ...more: string[]): string[] => [
  '--username',
  SIM_USERNAME,
  '--password-stdin',
  '--login-method',
  method,
  ...more,
];
const modeOf = (path: string): number => statSync(path).mode & 0o777;
const withoutCredentials = (config: Record<string, unknown>): Record<string, unknown> => ({ ...config, credentials: undefined });
const connectionStatus = (result: Awaited<ReturnType<typeof runCli>>): unknown =>
  result.messages.find((m) => m['type'] === 'CONNECTION_STATUS')?.['connectionStatus'];

describe('login writes a config with a refresh token instead of the password', () => {
  it.each([
    ['password_grant', 1, 0],
    ['auto', 1, 0],
  ])(
    '%s: the password-grant client, a token that does not rotate, a 0600 file; check and read work with it',
    async (method, logins, authorizePages) => {
      const base = baseConfig();
      const files = folder(base);
      const result = await login(scripted(method, '--config', files.config, '--output', files.output));
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/does not rotate/);
      expect(sim.auth0.logins).toBe(logins);
      expect(sim.count('authorize')).toBe(authorizePages);

      expect(modeOf(files.output)).toBe(0o600);
      const text = readFileSync(files.output, 'utf8');
      expect(text.includes(SIM_PASSWORD)).toBe(false);
      const written = JSON.parse(text) as Record<string, any>;
      expect(written['credentials']).toEqual({
        auth_type: 'oauth',
        refresh_token: expect.stringMatching(/^v1\./),
        client_id: PASSWORD_GRANT_CLIENT,
      });
      expect(withoutCredentials(written)).toEqual(withoutCredentials(base));

      const check = await runCli(['check', '--config', files.output]);
      expect(connectionStatus(check)).toEqual({ status: 'SUCCEEDED' });
      const connected = check.messages.filter((m) => m['type'] === 'LOG' && m['log'].message.startsWith('Connected'));
      expect(connected.map((m) => m['log'].message)).toEqual([
        expect.stringMatching(new RegExp(`^Connected to Peloton with an OAuth refresh token as .*, ${WORKOUTS} workouts\\.$`)),
      ]);
      // The simulator saw exactly the token that was written, and did not rotate it (no CONTROL message).
      expect(sim.auth0.presentedRefreshTokens).toEqual([written['credentials'].refresh_token]);
      expect(check.messages.some((m) => m['type'] === 'CONTROL')).toBe(false);

      const read = await runCli(['read', '--config', files.output, '--catalog', files.catalog]);
      expect(read.exitCode).toBe(0);
      expect(read.records('workouts')).toHaveLength(WORKOUTS);
      expect(read.records('workout_metrics')).toHaveLength(WORKOUTS);
      expect(sim.auth0.logins).toBe(logins);
    },
  );

  it('web: the web client, a rotating token printed on stdout; a read hands the rotated one over and the old copy dies', async () => {
    const base = baseConfig();
    const files = folder(base);
    const result = await login(scripted('web', '--config', files.config));
    expect(result.code).toBe(0);
    expect(sim.count('authorize')).toBe(1);
    expect(result.stderr).toMatch(/ROTATES.*CONTROL message.*rewrites its --config file.*stops working/s);
    const printed = JSON.parse(result.stdout) as Record<string, any>;
    expect(printed['credentials']).toEqual({ auth_type: 'oauth', refresh_token: expect.stringMatching(/^v1\./), client_id: WEB_CLIENT });
    expect(withoutCredentials(printed)).toEqual(withoutCredentials(base));

    writeFileSync(files.output, result.stdout);
    const read = await runCli(['read', '--config', files.output, '--catalog', files.catalog]);
    expect(read.exitCode).toBe(0);
    expect(read.records('workouts')).toHaveLength(WORKOUTS);
    expect(read.records('workout_metrics')).toHaveLength(WORKOUTS);
    const rotated = read.messages.find((m) => m['type'] === 'CONTROL')?.['control'].connectorConfig.config;
    expect(rotated?.credentials.refresh_token).toMatch(/^v1\./);
    expect(rotated?.credentials.refresh_token).not.toBe(printed['credentials'].refresh_token);

    const stale = await runCli(['check', '--config', files.output]);
    expect(connectionStatus(stale)).toMatchObject({ status: 'FAILED', message: expect.stringMatching(/refused the refresh token/) });
    writeFileSync(files.output, JSON.stringify(rotated));
    expect(connectionStatus(await runCli(['check', '--config', files.output]))).toEqual({ status: 'SUCCEEDED' });
  });

  it('--help says stdout carries the config, not Airbyte messages, and that there is no --password', async () => {
    const result = await runRaw(['login', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/stdout is not Airbyte messages/);
    expect(result.stderr).toMatch(/There is no --password option/);
    // The login methods and their default are the spec's.
    const spec = JSON.parse(readFileSync(new URL('../schemas/spec.json', import.meta.url), 'utf8')) as Record<string, any>;
    const method = spec['properties'].credentials.oneOf.find((b: any) => b.properties.auth_type.const === 'password').properties
      .login_method;
    const choices = `(choices: ${method.enum.map((m: string) => `"${m}"`).join(', ')}, default: "${method.default}")`;
    expect(result.stderr.replace(/\s+/g, ' ')).toContain(choices);
  });

  it.each([
    ['a CRLF line end', `${SIM_PASSWORD}\r\n`],
    ['no line end', SIM_PASSWORD],
  ])('--password-stdin drops exactly one trailing newline (%s)', async (_name, input) => {
    const files = folder();
    const result = await login(scripted('password_grant', '--config', files.config), input);
    expect(result.code).toBe(0);
  });

  it('--password-stdin keeps any other trailing whitespace (it may be part of the password)', async () => {
    const files = folder();
    const result = await login(scripted('password_grant', '--config', files.config), `${SIM_PASSWORD}\n\n`);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/rejected the username or password/);
  });
});

describe('login never replaces a file by accident', () => {
  it('refuses an existing --output without --force, before logging in', async () => {
    const files = folder();
    writeFileSync(files.output, 'keep me');
    const result = await login(scripted('password_grant', '--config', files.config, '--output', files.output));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    // Nothing was tried, so nothing "failed": the one line says what happened, in the failure reporter's form.
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `source-peloton: config_error: The output file ${files.output} already exists, so no login was tried and nothing was written. Pass --force to replace it (to keep its other fields and replace only the credentials, use --config ${files.output} --output ${files.output} --force).`,
    ]);
    expect(readFileSync(files.output, 'utf8')).toBe('keep me');
    expect(sim.count('oauth_token')).toBe(0);
  });

  it('--force replaces it, and the new file is 0600 even if the old one was world-readable', async () => {
    const files = folder();
    writeFileSync(files.output, 'old');
    chmodSync(files.output, 0o644);
    const result = await login(scripted('password_grant', '--config', files.config, '--output', files.output, '--force'));
    expect(result.code).toBe(0);
    expect(modeOf(files.output)).toBe(0o600);
    expect(JSON.parse(readFileSync(files.output, 'utf8')).credentials.client_id).toBe(PASSWORD_GRANT_CLIENT);
  });

  it('writing back to the --config file needs --force, and then replaces only the credentials', async () => {
    const base = baseConfig({ credentials: { auth_type: 'password', username: SIM_USERNAME, password: SIM_PASSWORD } });
    const files = folder(base);
    const refused = await login(scripted('password_grant', '--config', files.config, '--output', files.config));
    expect(refused.code).toBe(1);
    expect(JSON.parse(readFileSync(files.config, 'utf8'))).toEqual(base);

    const replaced = await login(scripted('password_grant', '--config', files.config, '--output', files.config, '--force'));
    expect(replaced.code).toBe(0);
    const text = readFileSync(files.config, 'utf8');
    expect(text.includes(SIM_PASSWORD)).toBe(false);
    const written = JSON.parse(text) as Record<string, any>;
    expect(written['credentials']).toMatchObject({ auth_type: 'oauth', client_id: PASSWORD_GRANT_CLIENT });
    expect(withoutCredentials(written)).toEqual(withoutCredentials(base));
    expect(Object.keys(written)).toEqual(Object.keys(base));
    expect(modeOf(files.config)).toBe(0o600);
  });
});

describe('login failures: the messages check gives, on stderr, exit code 1, nothing on stdout', () => {
  async function checkMessage(credentials: Record<string, unknown>, overrides: Record<string, unknown> = {}): Promise<string> {
    const files = folder(baseConfig({ credentials, ...overrides }));
    const status = connectionStatus(await runCli(['check', '--config', files.config])) as { status: string; message: string };
    expect(status.status).toBe('FAILED');
    return status.message;
  }

  it.each(['password_grant', 'web'])('wrong password (%s)', async (method) => {
    const files = folder();
    const result = await login(scripted(method, '--config', files.config, '--output', files.output), `${WRONG_PASSWORD}\n`);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(existsSync(files.output)).toBe(false);
    const expected = await checkMessage({ auth_type: 'password', username: SIM_USERNAME, password: WRONG_PASSWORD, login_method: method });
    expect(expected).toMatch(/rejected the username or password/);
    expect(result.stderr).toContain(expected);
  });

  it('goes through the failure reporter, which prints it once', async () => {
    const files = folder();
    const reported: Array<{ failureType: string; message: string }> = [];
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await run(['login', ...scripted('password_grant', '--config', files.config)], {
      stdin: piped(`${WRONG_PASSWORD}\n`),
      stdout: new PassThrough(),
      stderr,
      retryTiming: FAST_RETRIES,
      failures: { report: async (failure) => void reported.push({ failureType: failure.failureType, message: failure.message }) },
    });
    expect(code).toBe(1);
    expect(reported).toEqual([{ failureType: 'config_error', message: expect.stringMatching(/rejected the username or password/) }]);
    expect(err).not.toMatch(/rejected|Login failed/);
  });

  it('Auth0 rate-limiting logins (429, too_many_attempts)', async () => {
    await sim.close();
    sim = await startSim({ workouts: 5, loginsPerMinute: 0 });
    const files = folder();
    const result = await login(scripted('password_grant', '--config', files.config));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/rate-limiting logins \(429\).*Wait at least 15 minutes/);
  });

  it('an unreachable login host', async () => {
    const unreachable = { auth_base_url: 'http://127.0.0.1:9' };
    const files = folder(baseConfig(unreachable));
    const result = await login(scripted('password_grant', '--config', files.config));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const expected = await checkMessage(
      { auth_type: 'password', username: SIM_USERNAME, password: SIM_PASSWORD, login_method: 'password_grant' },
      unreachable,
    );
    expect(expected).toMatch(/127\.0\.0\.1:9 \(auth_base_url\) refused the connection/);
    expect(result.stderr).toContain(expected);
  });

  it.each([['--password', ARGUMENT_PASSWORD], [`--password=${ARGUMENT_PASSWORD}`], [`-p${ARGUMENT_PASSWORD}`]])(
    'a password in the arguments (%s) is rejected without echoing it',
    async (...argument) => {
      const files = folder();
      const result = await login(['--username', SIM_USERNAME, ...argument, '--config', files.config]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/unknown option '(--password|-p)'/);
      expect(result.stderr.includes(ARGUMENT_PASSWORD)).toBe(false);
      expect(sim.count('oauth_token')).toBe(0);
    },
  );

  it('without a terminal and without --password-stdin it says how to script it', async () => {
    const files = folder();
    const result = await login(['--username', SIM_USERNAME, '--config', files.config]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not a terminal.*--password-stdin/);
    expect(sim.count('oauth_token')).toBe(0);
  });

  it('--password-stdin without --username', async () => {
    const files = folder();
    const result = await login(['--password-stdin', '--config', files.config]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--password-stdin needs --username/);
  });
});

/** A stand-in for a terminal on stdin: readline switches it to raw mode and reads keys from it. */
function fakeTerminal(): PassThrough & { isTTY: true; rawModes: boolean[]; setRawMode(mode: boolean): unknown } {
  const rawModes: boolean[] = [];
  return Object.assign(new PassThrough(), {
    isTTY: true as const,
    rawModes,
    setRawMode(mode: boolean): unknown {
      rawModes.push(mode);
      return undefined;
    },
  });
}

describe('login on a terminal', () => {
  it('asks for the email (echoed) and the password (not echoed) on stderr, typing each after its prompt', async () => {
    const files = folder();
    const terminal = fakeTerminal();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    const typed = { email: false, password: false };
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (!typed.email && err.includes('Peloton email: ')) {
        typed.email = true;
        terminal.write(`${SIM_USERNAME}\r`);
      }
      if (!typed.password && err.includes('Peloton password (not shown): ')) {
        typed.password = true;
        terminal.write(`${SIM_PASSWORD}\r`);
      }
    });
    const code = await run(['login', '--login-method', 'password_grant', '--config', files.config, '--output', files.output], {
      stdin: terminal,
      stdout,
      stderr,
      retryTiming: FAST_RETRIES,
    });
    expect(code).toBe(0);
    expect(typed).toEqual({ email: true, password: true });
    expect(err).toContain(SIM_USERNAME);
    expect(err.includes(SIM_PASSWORD)).toBe(false);
    expect(out).toBe('');
    expect(terminal.rawModes[0]).toBe(true);
    expect(terminal.rawModes.at(-1)).toBe(false);
    expect(JSON.parse(readFileSync(files.output, 'utf8')).credentials.client_id).toBe(PASSWORD_GRANT_CLIENT);
  });

  it('Ctrl+C at the password prompt cancels without logging in', async () => {
    const files = folder();
    const terminal = fakeTerminal();
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (err.includes('(not shown): ') && !err.includes('cancelled')) terminal.write('\x03');
    });
    const code = await run(['login', '--username', SIM_USERNAME, '--config', files.config], {
      stdin: terminal,
      stdout: new PassThrough(),
      stderr,
      retryTiming: FAST_RETRIES,
    });
    expect(code).toBe(1);
    expect(err).toMatch(/Login cancelled/);
    expect(sim.count('oauth_token')).toBe(0);
  });
});
