import { STATUS_CODES } from 'node:http';
import { HTTPError, RequestError, RetryError, TimeoutError, type Response, type RetryOptions } from 'got';
import { ConnectorError, systemError } from '../errors.js';
import type { FailureType } from '../protocol/messages.js';

/**
 * The one place that decides what happens to a request that did not succeed: every HTTP answer
 * (by status, and for a few statuses by the kind of body) and every network error code maps to an
 * action (retry it, fail the stream, or skip the partition), the failure type reported, and the
 * message a person reads. got's retry settings are derived from it.
 */

export type HttpAction = 'retry' | 'fail' | 'skip';

/** The config field whose host a request went to: certificate and DNS failures name it. */
export type BaseUrlField = 'api_base_url' | 'auth_base_url';

/** What a failure message may name, besides the request itself (which every message starts with). */
export interface FailedRequest {
  /** The status of the last answer, with its reason phrase ("503 Service Unavailable"); empty without one. */
  status: string;
  /** The network error code, when there was no answer. */
  code: string;
  /** The error's own description (never a header or a body). */
  detail: string;
  host: string;
  field: BaseUrlField;
}

/** An exact status, or a whole class of them. */
export type StatusMatcher = number | '4xx' | '5xx';

export interface HttpRule {
  action: HttpAction;
  failureType: FailureType;
  /** What went wrong and what to do, for a person; it follows "GET /path failed after N attempts: ". */
  message(request: FailedRequest): string;
  /** False where a stream may not turn the failure into a skip (a rejected login, a CDN block). */
  skippable?: boolean;
}

/** What the rules can see of an answer. */
export interface HttpAnswer {
  status: number;
  contentType: string;
  /** The start of the body, as text. */
  body: string;
}

/**
 * Answers that came from the CDN in front of Peloton (Cloudflare) instead of Peloton, told apart by
 * their body: Peloton's own errors are JSON (`{"status":403,…}`).
 */
const CDN_ANSWERS = {
  /** Cloudflare's rate-limit block: `error code: 1015`, as plain text to clients that are not browsers. */
  rate_limit: (answer: HttpAnswer) => /^\s*error code: 1015\b/.test(answer.body),
  /** An HTML page where Peloton answers JSON: a bot-protection challenge or block page. */
  challenge: (answer: HttpAnswer) => answer.contentType.includes('text/html') || /^\s*<(!doctype|html)/i.test(answer.body),
} satisfies Record<string, (answer: HttpAnswer) => boolean>;

interface StatusRow {
  status: StatusMatcher;
  /** Only this kind of answer from the CDN (a row without one covers Peloton's own answers). */
  cdn?: keyof typeof CDN_ANSWERS;
  rule: HttpRule;
}

const retryable = (message: HttpRule['message']): HttpRule => ({ action: 'retry', failureType: 'transient_error', message });

const outage = retryable(({ status }) => `Peloton answered ${status}. It may be having an outage; try again later.`);

const STATUS_ROWS: readonly StatusRow[] = [
  {
    status: 401,
    rule: {
      action: 'fail',
      failureType: 'config_error',
      skippable: false,
      message: ({ status }) =>
        `Peloton answered ${status} (not logged in): the credentials were rejected. Check the credentials in the config.`,
    },
  },
  {
    status: 403,
    rule: {
      action: 'fail',
      failureType: 'config_error',
      message: ({ status }) =>
        `Peloton answered ${status}: this account may not access it. Check that the credentials belong to the account whose workouts you want.`,
    },
  },
  {
    status: 403,
    cdn: 'challenge',
    rule: {
      action: 'fail',
      failureType: 'transient_error',
      skippable: false,
      message: ({ status }) =>
        `the bot protection of Peloton's CDN (Cloudflare) answered ${status} with a challenge page; the request never reached Peloton. It takes this traffic for a bot: wait an hour or so, lower requests_per_second (and max_concurrency), then sync again.`,
    },
  },
  {
    status: 404,
    rule: {
      action: 'fail',
      failureType: 'system_error',
      message: ({ status }) => `Peloton answered ${status}: it may have changed this route. Check api_base_url.`,
    },
  },
  { status: 408, rule: retryable(({ status }) => `Peloton answered ${status} (its side timed out). Try again later.`) },
  {
    status: 429,
    rule: retryable(
      ({ status }) =>
        `Peloton answered ${status}: it is rate limiting this account. Wait a while, lower requests_per_second, then sync again.`,
    ),
  },
  {
    status: 429,
    cdn: 'rate_limit',
    rule: retryable(
      ({ status }) =>
        `Peloton's CDN (Cloudflare) answered ${status} with "error code: 1015": it is rate limiting this address. Wait a while (such blocks last minutes to hours), lower requests_per_second, then sync again.`,
    ),
  },
  {
    status: '4xx',
    rule: {
      action: 'fail',
      failureType: 'system_error',
      message: ({ status }) => `Peloton answered ${status}, which the connector does not expect; the API may have changed.`,
    },
  },
  { status: 500, rule: outage },
  { status: 502, rule: outage },
  { status: 503, rule: outage },
  { status: 504, rule: outage },
  // Cloudflare's own answers when Peloton's origin is unreachable or slow.
  { status: 520, rule: outage },
  { status: 521, rule: outage },
  { status: 522, rule: outage },
  { status: 524, rule: outage },
  {
    status: '5xx',
    rule: {
      action: 'fail',
      failureType: 'transient_error',
      message: ({ status }) =>
        `Peloton answered ${status}, a server error the connector does not retry. Try again later; if it keeps happening, Peloton may have changed its API.`,
    },
  },
];

/** Network-level failures, by the error code got (or our own hooks) report. */
export const EMPTY_BODY_CODE = 'ERR_EMPTY_BODY';
const BODY_PARSE_CODE = 'ERR_BODY_PARSE_FAILURE';

const unreachable = (reason: string, advice: string): HttpRule =>
  retryable(({ host, field }) => `${host} (${field}) ${reason}. Check ${field} in the config and ${advice}.`);

const INTERCEPTED = 'if a proxy on this network inspects HTTPS, give Node its certificate authority with NODE_EXTRA_CA_CERTS';
const CLOCK = "if it is right, check this machine's clock";

/** A certificate the connection was refused over: the config points at the wrong host, or something on the way intercepts HTTPS. */
const badCertificate = (problem: string, advice = INTERCEPTED): HttpRule => ({
  action: 'fail',
  failureType: 'config_error',
  message: ({ host, field, code }) =>
    `${host} (${field}) presented ${problem}, so the connection was refused (${code}). Check ${field} in the config; ${advice}.`,
});
const untrusted = badCertificate('a certificate from an authority this machine does not trust');

const ERROR_CODE_RULES: Readonly<Record<string, HttpRule>> = {
  ETIMEDOUT: retryable(
    ({ host }) =>
      `${host} sent no answer within request_timeout_seconds. Peloton may be slow right now; try again later or raise request_timeout_seconds.`,
  ),
  ECONNRESET: retryable(({ host }) => `the connection to ${host} was reset. Try again later.`),
  EPIPE: retryable(({ host }) => `the connection to ${host} broke. Try again later.`),
  ERR_STREAM_PREMATURE_CLOSE: retryable(({ host }) => `the answer from ${host} was cut off. Try again later.`),
  EADDRINUSE: retryable(() => 'no local port was free. Try again later.'),
  ECONNREFUSED: unreachable('refused the connection', "this machine's network"),
  // The name does not exist (unlike EAI_AGAIN, a resolver that did not answer): a wrong URL, not a bad moment.
  ENOTFOUND: {
    action: 'fail',
    failureType: 'config_error',
    message: ({ host, field }) =>
      `${host} (${field}) could not be resolved (ENOTFOUND: no such host). Check ${field} in the config and this machine's DNS settings.`,
  },
  EAI_AGAIN: unreachable(
    'could not be resolved right now (EAI_AGAIN: the DNS server did not answer)',
    "this machine's DNS settings; if both are right, try again later",
  ),
  ENETUNREACH: unreachable('is on a network this machine cannot reach (ENETUNREACH)', "this machine's network"),
  EHOSTUNREACH: unreachable('cannot be reached from this machine (EHOSTUNREACH)', "this machine's network"),
  [EMPTY_BODY_CODE]: retryable(() => 'Peloton answered 200 with an empty body. It may be having trouble; try again later.'),
  [BODY_PARSE_CODE]: retryable(() => 'Peloton answered 200 with a body that is not JSON. It may be having trouble; try again later.'),
  ERR_ABORTED: { action: 'fail', failureType: 'transient_error', message: () => 'it was cancelled before it finished.' },
  DEPTH_ZERO_SELF_SIGNED_CERT: badCertificate('a self-signed certificate'),
  SELF_SIGNED_CERT_IN_CHAIN: badCertificate('a certificate chain ending in a self-signed root this machine does not trust'),
  CERT_HAS_EXPIRED: badCertificate('an expired certificate', CLOCK),
  CERT_NOT_YET_VALID: badCertificate('a certificate that is not valid yet', CLOCK),
  ERR_TLS_CERT_ALTNAME_INVALID: badCertificate('a certificate issued for another host name'),
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: badCertificate(
    'a certificate whose issuer this machine cannot verify (an incomplete chain, or an unknown authority)',
  ),
  UNABLE_TO_GET_ISSUER_CERT: untrusted,
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: untrusted,
  CERT_UNTRUSTED: untrusted,
  CERT_REJECTED: untrusted,
  CERT_REVOKED: badCertificate('a revoked certificate'),
  CERT_SIGNATURE_FAILURE: badCertificate('a certificate whose signature is invalid'),
  // What a TLS handshake with a server that does not speak TLS ends in (e.g. https:// to a plain-HTTP port).
  EPROTO: {
    action: 'fail',
    failureType: 'config_error',
    message: ({ host, field }) =>
      `${host} (${field}) did not complete a TLS handshake (EPROTO): it may not speak HTTPS on this port. Check ${field} in the config.`,
  },
};

/** A code the table does not know: named as it is, not retried, and not guessed to be transient. */
const unknownError: HttpRule = {
  action: 'fail',
  failureType: 'system_error',
  message: ({ code, detail, host, field }) =>
    `${code} (${detail}) talking to ${host} (${field}), an error the connector does not expect and does not retry. Check ${field} and this machine's network; if they are fine, try again later.`,
};

const matches = (matcher: StatusMatcher, status: number): boolean =>
  typeof matcher === 'number' ? matcher === status : Math.floor(status / 100) === Number(matcher[0]);

/** The row for an answer: an exact status wins over its class, and a row for a CDN answer over the one for Peloton's. */
function rowFor(answer: HttpAnswer): StatusRow | undefined {
  const specificity = (row: StatusRow): number => (typeof row.status === 'number' ? 2 : 0) + (row.cdn === undefined ? 0 : 1);
  let best: StatusRow | undefined;
  for (const row of STATUS_ROWS) {
    if (!matches(row.status, answer.status) || (row.cdn !== undefined && !CDN_ANSWERS[row.cdn](answer))) continue;
    if (best === undefined || specificity(row) > specificity(best)) best = row;
  }
  return best;
}

/** The rule for an answer that is not a success. */
export function ruleForAnswer(answer: HttpAnswer): HttpRule {
  return (
    rowFor(answer)?.rule ?? {
      action: 'fail',
      failureType: 'system_error',
      message: ({ status }) => `Peloton answered ${status}, which the connector does not expect.`,
    }
  );
}

/**
 * What to do with a final (no longer retried) answer for a stream that may skip some partitions:
 * a stream's override can only turn a failure into a skip, never stop a retry or hide a rejected login.
 */
export function actionForAnswer(answer: HttpAnswer, skipOn: readonly StatusMatcher[] = []): HttpAction {
  const rule = ruleForAnswer(answer);
  if (rule.action === 'fail' && rule.skippable !== false && skipOn.some((matcher) => matches(matcher, answer.status))) return 'skip';
  return rule.action;
}

/** The status of an answer that failed, when the policy and the stream's `skipOn` make it a skip. */
export function skippedStatus(error: unknown, skipOn: readonly StatusMatcher[]): number | undefined {
  const answer = error instanceof HTTPError ? answerOf(error.response) : undefined;
  return answer !== undefined && actionForAnswer(answer, skipOn) === 'skip' ? answer.status : undefined;
}

/** The part of an answer the rules look at (the first kilobyte of its body is plenty). */
export function answerOf(response: Pick<Response, 'statusCode' | 'headers' | 'rawBody'>): HttpAnswer {
  // Typed as always there, but an answer cut off before its body was read has none.
  const body = response.rawBody as Buffer | undefined;
  return {
    status: response.statusCode,
    contentType: response.headers['content-type'] ?? '',
    body: body === undefined ? '' : body.subarray(0, 1024).toString('utf8'),
  };
}

/** How long to wait between attempts; injectable so tests do not sleep. */
export interface RetryTiming {
  /** First backoff; doubles each attempt (equal jitter: a wait is between half of it and all of it). */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** A longer Retry-After is cut to this. */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY_TIMING: RetryTiming = { backoffBaseMs: 1000, backoffMaxMs: 60_000, retryAfterCapMs: 300_000 };

/**
 * Exponential backoff with equal jitter: attempt n waits between c/2 and c, c = min(max, base·2ⁿ⁻¹).
 * Equal rather than full jitter, so a retry never comes back almost at once to an account's API.
 */
export function backoffDelay(attempt: number, timing: RetryTiming, random: () => number): number {
  const ceiling = Math.min(timing.backoffMaxMs, timing.backoffBaseMs * 2 ** (attempt - 1));
  return Math.max(1, Math.round(ceiling / 2 + (random() * ceiling) / 2));
}

/** Told of every retry when its wait begins: the delay chosen, and the server's Retry-After if it sent one. */
export type RetryListener = (error: RequestError, attempt: number, delayMs: number, retryAfterMs: number | undefined) => void;

/** got's retry settings, derived from the rules above. */
export function retryOptions(
  limit: number,
  timing: RetryTiming,
  random: () => number = Math.random,
  onRetry?: RetryListener,
): Partial<RetryOptions> {
  return {
    limit,
    methods: ['GET'],
    // Every status some row retries; which answers of it are retried is the rule's to say (calculateDelay).
    statusCodes: [
      ...new Set(STATUS_ROWS.flatMap(({ status, rule }) => (typeof status === 'number' && rule.action === 'retry' ? [status] : []))),
    ],
    errorCodes: Object.entries(ERROR_CODE_RULES).flatMap(([code, rule]) => (rule.action === 'retry' ? [code] : [])),
    // got refuses a Retry-After above this outright; we would rather wait the (capped) time.
    maxRetryAfter: Number.MAX_SAFE_INTEGER,
    calculateDelay: ({ attemptCount, error, computedValue, retryAfter }) => {
      // computedValue is got's verdict from limit, methods, status and error codes: 0 means "do not retry".
      if (computedValue === 0 || error instanceof RetryError) return computedValue;
      if (ruleForError(error).action !== 'retry') return 0;
      const serverWait = error.response === undefined ? undefined : retryAfter;
      const delay =
        serverWait === undefined ? backoffDelay(attemptCount, timing, random) : Math.min(Math.max(serverWait, 1), timing.retryAfterCapMs);
      onRetry?.(error, attemptCount, delay, serverWait);
      return delay;
    },
  };
}

/**
 * How many times the request really went out: one per retry got made (a token renewal's repeat
 * included), plus the last attempt unless it failed before it was sent (a hook refused it).
 */
export function attemptsMade(error: RequestError): number {
  const retries = error.request?.retryCount ?? 0;
  return error.timings === undefined ? retries : retries + 1;
}

/** Turns whatever got threw into a ConnectorError whose message names the request (never a token), per the rules. */
export function toConnectorError(error: unknown, what: string, field: BaseUrlField): ConnectorError {
  const own = connectorErrorIn(error);
  if (own !== undefined) return own;
  if (!(error instanceof RequestError))
    return systemError(`${what} failed: ${error instanceof Error ? error.message : String(error)}`, error);
  return failure(
    ruleForError(error),
    what,
    attemptsMade(error),
    {
      status: error instanceof HTTPError ? statusText(error.response) : '',
      code: error instanceof TimeoutError ? 'ETIMEDOUT' : error.code,
      detail: error.message,
      host: error.options.url instanceof URL ? error.options.url.host : 'the server',
      field,
    },
    error,
  );
}

/**
 * The failure an answer stands for when it came from the CDN in front of Peloton rather than from the
 * server asked (for a client that reads error answers itself, such as the Auth0 login's); else undefined.
 */
export function cdnFailure(response: Response, what: string, field: BaseUrlField): ConnectorError | undefined {
  const row = rowFor(answerOf(response));
  if (row?.cdn === undefined) return undefined;
  return failure(row.rule, what, response.retryCount + 1, {
    status: statusText(response),
    code: '',
    detail: '',
    host: new URL(response.url).host,
    field,
  });
}

function failure(rule: HttpRule, what: string, attempts: number, failed: FailedRequest, cause?: unknown): ConnectorError {
  return new ConnectorError(
    `${what} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${rule.message(failed)}`,
    rule.failureType,
    cause === undefined ? undefined : { cause },
  );
}

function ruleForError(error: RequestError): HttpRule {
  if (error instanceof HTTPError) return ruleForAnswer(answerOf(error.response));
  return ERROR_CODE_RULES[error instanceof TimeoutError ? 'ETIMEDOUT' : error.code] ?? unknownError;
}

/** "503 Service Unavailable": the standard reason phrase, else the server's own (Cloudflare's 52x have none in Node). */
function statusText(response: Response): string {
  const phrase = STATUS_CODES[response.statusCode] ?? response.statusMessage ?? '';
  return phrase === '' ? String(response.statusCode) : `${response.statusCode} ${phrase}`;
}

/** A ConnectorError thrown inside a got hook (e.g. by auth renewal) arrives wrapped, maybe twice. */
function connectorErrorIn(error: unknown): ConnectorError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof ConnectorError) return current;
  }
  return undefined;
}
