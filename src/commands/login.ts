import { resolveConfig, type ResolvedConfig } from '../config/config.js';
import { configError, toFailure } from '../errors.js';
import type { LoginMethod } from '../generated/spec.js';
import { Auth0Client } from '../peloton/auth/auth0-client.js';
import { logInWithPassword, rotatesRefreshTokens, type PasswordLoginResult } from '../peloton/auth/password-login.js';
import type { JsonObject } from '../protocol/messages.js';
import { writeLine } from '../protocol/write-line.js';
import { readConfigFile } from './inputs.js';
import { readCredentials } from './login-credentials.js';
import { assertCanWrite, writeConfigFile } from './login-output.js';
import type { CommandContext } from './runtime.js';

/** The options of `source-peloton login`, as commander parses them. */
export interface LoginOptions {
  username?: string;
  passwordStdin?: boolean;
  loginMethod: LoginMethod;
  config?: string;
  output?: string;
  force?: boolean;
}

/**
 * `source-peloton login`: one login with email and password, then the config with an OAuth refresh
 * token (never the password) on stdout or in --output. Everything for people goes to stderr, failures
 * through the failure reporter (its `text` form); on failure stdout stays empty and the exit code is 1.
 */
export async function loginCommand(ctx: CommandContext, options: LoginOptions): Promise<number> {
  const say = (text: string): void => void ctx.stderr.write(`${ctx.redactor.redact(text)}\n`);
  try {
    const base = options.config === undefined ? {} : await readBaseConfig(ctx, options.config);
    const target = loginTarget(base, options.loginMethod, ctx.now());
    if (options.output !== undefined) await assertCanWrite(options.output, options.force === true);
    const { username, password } = await readCredentials(ctx.stdin, ctx.stderr, options);
    ctx.redactor.add(password);
    const login = await logInWithPassword(
      new Auth0Client(target, ctx.signal, ctx.debug === true ? (line) => say(line) : undefined),
      { username, password, loginMethod: options.loginMethod },
      (message) => {
        say(message);
        return Promise.resolve();
      },
    );
    const config: JsonObject = {
      ...base,
      credentials: { auth_type: 'oauth', refresh_token: login.refreshToken, client_id: login.clientId },
    };
    const text = JSON.stringify(config, null, 2);
    say(
      `Logged in to Peloton as ${username} through ${login.flow === 'web' ? 'the web login' : 'the password grant'} (client ${login.clientId}).`,
    );
    if (options.output === undefined) await writeLine(ctx.stdout, text);
    else {
      await writeConfigFile(options.output, text + '\n', options.force === true);
      say(`Wrote ${options.output} (mode 0600: only you can read it). The password was not stored.`);
    }
    say(rotationNote(login));
    return 0;
  } catch (error) {
    await ctx.failures.report(toFailure(error, 'The login'));
    return 1;
  }
}

async function readBaseConfig(ctx: CommandContext, path: string): Promise<JsonObject> {
  const raw = await readConfigFile(ctx, path);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw configError(`The config file ${path} must hold a JSON object.`);
  return raw as JsonObject;
}

/** The base config, validated, with its base URLs, timeout and login settings resolved. */
function loginTarget(base: JsonObject, loginMethod: LoginMethod, nowMs: number): ResolvedConfig {
  // Logging in uses only those settings; the credentials are replaced by the login's result anyway.
  const standIn = { auth_type: 'password', username: '-', password: '-', login_method: loginMethod };
  return resolveConfig({ ...base, credentials: standIn }, new Date(nowMs));
}

function rotationNote(login: PasswordLoginResult): string {
  if (!rotatesRefreshTokens(login.flow)) {
    return 'This refresh token does not rotate: refreshing keeps it valid, so copies of this config keep working until Peloton revokes the token.';
  }
  return [
    'This refresh token ROTATES: every refresh returns a new one and kills the old one, so use this config in one place only.',
    "Airbyte stores each new token from the connector's CONTROL message; tap-peloton (Singer) rewrites its --config file;",
    'a copy used anywhere else stops working after the first refresh (log in again to get a new one).',
  ].join('\n');
}
