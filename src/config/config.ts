import { configError } from '../errors.js';
import type { LoginMethod, PelotonConfig } from '../generated/spec.js';
import type { JsonObject } from '../protocol/messages.js';
import { loadSchema } from '../schemas.js';
import { createAjv, describeAjvErrors } from './ajv.js';

const DEFAULT_LOOKBACK_DAYS = 30;
const WEB_CLIENT_ID = 'WVoJxVDdPoFx4RNewvvg6ch2mZ7bwnsM';

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

let validator: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/** Validates a config against schemas/spec.json and resolves its defaults. Throws a config_error. */
export function resolveConfig(input: unknown, now: Date = new Date()): ResolvedConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw configError('The config must be a JSON object (see `spec` for its fields).');
  }
  const legacy = legacyLoginHint(input as JsonObject);
  if (legacy !== undefined) throw configError(legacy);
  validator ??= createAjv({ useDefaults: true }).compile(loadSchema('spec.json'));
  const config = structuredClone(input) as JsonObject;
  if (!validator(config)) {
    throw configError(`The config is invalid: ${credentialsErrors(config) ?? describeAjvErrors(validator.errors, 'config')}.`);
  }
  const valid = config as unknown as PelotonConfig;
  const settings = valid.login_settings ?? {};
  return {
    original: input as JsonObject,
    credentials: resolveCredentials(valid),
    startDate: valid.start_date === undefined ? Math.floor(now.getTime() / 1000) - DEFAULT_LOOKBACK_DAYS * 86_400 : Date.parse(valid.start_date) / 1000,
    metricsEveryN: valid.metrics_every_n ?? 5,
    pageSize: valid.page_size ?? 100,
    requestsPerSecond: valid.requests_per_second ?? 3,
    maxConcurrency: valid.max_concurrency ?? 3,
    requestTimeoutMs: (valid.request_timeout_seconds ?? 60) * 1000,
    maxRetries: valid.max_retries ?? 6,
    apiBaseUrl: checkedBaseUrl('api_base_url', valid.api_base_url ?? 'https://api.onepeloton.com'),
    authBaseUrl: checkedBaseUrl('auth_base_url', valid.auth_base_url ?? 'https://auth.onepeloton.com'),
    login: {
      passwordGrantClientId: settings.password_grant_client_id ?? 'mgsmWCD0A8Qn6uz6mmqI6qeBNHH9IPwS',
      passwordGrantScope: settings.password_grant_scope ?? 'offline_access openid',
      webClientId: settings.web_client_id ?? WEB_CLIENT_ID,
      audience: settings.audience ?? 'https://api.onepeloton.com/',
      webScope: settings.web_scope ?? 'offline_access openid peloton-api.members:default',
      redirectUri: settings.redirect_uri ?? 'https://members.onepeloton.com/callback',
      tenant: settings.tenant ?? 'peloton-prod',
      connection: settings.connection ?? 'pelo-user-password',
    },
  };
}

function resolveCredentials(config: PelotonConfig): Credentials {
  const c = config.credentials;
  switch (c.auth_type) {
    case 'password':
      return { authType: 'password', username: c.username, password: c.password, loginMethod: c.login_method ?? 'auto' };
    case 'oauth':
      return {
        authType: 'oauth',
        refreshToken: c.refresh_token,
        clientId: c.client_id ?? WEB_CLIENT_ID,
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
  const authType = (credentials as JsonObject)['auth_type'];
  const spec = loadSchema('spec.json') as { properties: { credentials: { oneOf: JsonObject[] } } };
  const branches = spec.properties.credentials.oneOf;
  const branch = branches.find((b) => (b['properties'] as Record<string, { const: string }>)['auth_type']?.const === authType);
  if (branch === undefined) {
    const allowed = branches.map((b) => JSON.stringify((b['properties'] as Record<string, { const: string }>)['auth_type']?.const)).join(', ');
    return `config.credentials.auth_type must be one of ${allowed}`;
  }
  const validateBranch = createAjv().compile(branch);
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
    throw configError(`The config is invalid: ${field} uses http://, which would send credentials unencrypted; use https:// (http:// is accepted only for localhost).`);
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
