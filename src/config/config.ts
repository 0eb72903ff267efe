import { configError, systemError } from '../errors.js';
import type { LoginMethod, PelotonConfig } from '../generated/spec.js';
import type { JsonObject } from '../protocol/messages.js';
import { describeAjvErrors, validatorFor } from './ajv.js';
import { credentialBranch, credentialBranches, specSchema } from './spec.js';

/** Without start_date, a read starts this many days back. */
export const DEFAULT_LOOKBACK_DAYS = 30;

export interface LoginSettings {
  passwordGrantClientId: string;
  passwordGrantScope: string;
  webClientId: string;
  audience: string;
  webScope: string;
  redirectUri: string;
  tenant: string;
  connection: string;
}

export type Credentials =
  | { authType: 'password'; username: string; password: string; loginMethod: LoginMethod }
  | { authType: 'oauth'; refreshToken: string; accessToken?: string; clientId: string }
  | { authType: 'bearer'; accessToken: string };

/** A config that passed validation, with every default applied. */
export interface ResolvedConfig {
  /** The config as the user gave it (for handing back an updated copy). */
  readonly original: JsonObject;
  readonly credentials: Credentials;
  /** Unix seconds: workouts created before it are not read. */
  readonly startDate: number;
  readonly metricsEveryN: number;
  readonly pageSize: number;
  /** 0 means unlimited. */
  readonly requestsPerSecond: number;
  readonly maxConcurrency: number;
  readonly requestTimeoutMs: number;
  readonly maxRetries: number;
  readonly apiBaseUrl: string;
  readonly authBaseUrl: string;
  readonly login: LoginSettings;
}

/**
 * Validates a config against schemas/spec.json and resolves it. Every default comes from the spec (ajv
 * fills them in), the one exception being start_date, which is relative to now and so cannot be a
 * constant in the spec. Throws a config_error.
 */
export function resolveConfig(input: unknown, now: Date = new Date()): ResolvedConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw configError('The config must be a JSON object (see `spec` for its fields).');
  }
  const legacy = legacyLoginHint(input as JsonObject);
  if (legacy !== undefined) throw configError(legacy);
  const validator = validatorFor(specSchema());
  const config = structuredClone(input) as JsonObject;
  if (!validator(config)) {
    throw configError(`The config is invalid: ${credentialsErrors(config) ?? describeAjvErrors(validator.errors, 'config')}.`);
  }
  // ajv ignores defaults inside oneOf, so the chosen credentials branch gets its own.
  const branch = credentialBranch((config['credentials'] as JsonObject)['auth_type']);
  if (branch !== undefined) validatorFor(branch)(config['credentials']);
  const valid = config as unknown as PelotonConfig;
  const settings = defaulted(valid.login_settings, 'login_settings');
  return {
    original: input as JsonObject,
    credentials: resolveCredentials(valid),
    startDate:
      valid.start_date === undefined
        ? Math.floor(now.getTime() / 1000) - DEFAULT_LOOKBACK_DAYS * 86_400
        : Date.parse(valid.start_date) / 1000,
    metricsEveryN: defaulted(valid.metrics_every_n, 'metrics_every_n'),
    pageSize: defaulted(valid.page_size, 'page_size'),
    requestsPerSecond: defaulted(valid.requests_per_second, 'requests_per_second'),
    maxConcurrency: defaulted(valid.max_concurrency, 'max_concurrency'),
    requestTimeoutMs: defaulted(valid.request_timeout_seconds, 'request_timeout_seconds') * 1000,
    maxRetries: defaulted(valid.max_retries, 'max_retries'),
    apiBaseUrl: checkedBaseUrl('api_base_url', defaulted(valid.api_base_url, 'api_base_url')),
    authBaseUrl: checkedBaseUrl('auth_base_url', defaulted(valid.auth_base_url, 'auth_base_url')),
    login: {
      passwordGrantClientId: defaulted(settings.password_grant_client_id, 'login_settings.password_grant_client_id'),
      passwordGrantScope: defaulted(settings.password_grant_scope, 'login_settings.password_grant_scope'),
      webClientId: defaulted(settings.web_client_id, 'login_settings.web_client_id'),
      audience: defaulted(settings.audience, 'login_settings.audience'),
      webScope: defaulted(settings.web_scope, 'login_settings.web_scope'),
      redirectUri: defaulted(settings.redirect_uri, 'login_settings.redirect_uri'),
      tenant: defaulted(settings.tenant, 'login_settings.tenant'),
      connection: defaulted(settings.connection, 'login_settings.connection'),
    },
  };
}

/** A value the spec gives a default for: present after validation, or the spec lost its default (a bug). */
function defaulted<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw systemError(`schemas/spec.json has no default for ${field}.`);
  return value;
}

function resolveCredentials(config: PelotonConfig): Credentials {
  const c = config.credentials;
  switch (c.auth_type) {
    case 'password':
      return {
        authType: 'password',
        username: c.username,
        password: c.password,
        loginMethod: defaulted(c.login_method, 'credentials.login_method'),
      };
    case 'oauth':
      return {
        authType: 'oauth',
        refreshToken: c.refresh_token,
        clientId: defaulted(c.client_id, 'credentials.client_id'),
        ...(c.access_token ? { accessToken: c.access_token } : {}),
      };
    case 'bearer':
      return { authType: 'bearer', accessToken: c.access_token.replace(/^Bearer\s+/i, '').trim() };
  }
}

/** The oneOf's own errors name every branch; report only the one the auth_type selects. */
function credentialsErrors(config: JsonObject): string | undefined {
  const credentials = config['credentials'];
  if (typeof credentials !== 'object' || credentials === null || Array.isArray(credentials)) {
    return credentials === undefined ? "config is missing required field 'credentials'" : 'config.credentials must be an object';
  }
  const branch = credentialBranch((credentials as JsonObject)['auth_type']);
  if (branch === undefined) {
    return `config.credentials.auth_type must be one of ${credentialBranches()
      .map((b) => JSON.stringify(b.authType))
      .join(', ')}`;
  }
  const validateBranch = validatorFor(branch);
  return validateBranch(credentials) ? undefined : describeAjvErrors(validateBranch.errors, 'config.credentials');
}

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

function checkedBaseUrl(field: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw configError(`The config is invalid: ${field} is not a URL.`);
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    throw configError(
      `The config is invalid: ${field} uses http://, which would send credentials unencrypted; use https:// (http:// is accepted only for localhost).`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw configError(`The config is invalid: ${field} must be an https:// URL.`);
  }
  return url.toString().replace(/\/+$/, '');
}

/** Configs written for Peloton's retired session login (e.g. older taps) get told what changed. */
function legacyLoginHint(config: JsonObject): string | undefined {
  if (config['credentials'] !== undefined) return undefined;
  if (config['session_id'] === undefined && (config['username'] === undefined || config['password'] === undefined)) return undefined;
  return (
    "This config is written for Peloton's legacy session login (POST /auth/login with username and password, or a peloton_session_id cookie), " +
    'which Peloton shut down on 2025-10-31 (it answers 403). Move the login into "credentials": ' +
    '{"auth_type": "password", "username": ..., "password": ...} logs in through Peloton\'s current login (Auth0).'
  );
}
