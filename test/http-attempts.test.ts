import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config/config.js';
import { ConnectorError } from '../src/errors.js';
import { PelotonApi, type RetryNotice } from '../src/peloton/api-client.js';
import { Auth0Client } from '../src/peloton/auth/auth0-client.js';
import type { Authenticator } from '../src/peloton/auth/authenticator.js';
import { Throttle } from '../src/peloton/throttle.js';
import { FAST_RETRIES, parseOutput, writeFiles } from './helpers/cli.js';
import { makeCertificates, startTlsServer, type TestCertificates } from './helpers/tls.js';

/**
 * Failure messages tell the truth about attempts: against real local servers, the number of attempts a
 * message states is the number of requests (or connections) the server saw.
 */

const BIN = fileURLToPath(new URL('../bin/source-peloton.js', import.meta.url));
let certificates: TestCertificates;
beforeAll(() => {
  certificates = makeCertificates();
});

const closers: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const close of closers) await close();
});

/** A plain HTTP server on 127.0.0.1 that counts connections and requests, answering each with `answer(n)` (n from 1). */
async function countingServer(
  answer: (n: number, req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ url: string; requests: number; connections: number }> {
  const counter = { url: '', requests: 0, connections: 0 };
  const server: Server = createServer((req, res) => answer(++counter.requests, req, res));
  server.on('connection', () => counter.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  counter.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return counter;
}

class TokenThatRenews implements Authenticator {
  readonly description = 'test token';
  renewals = 0;
  async accessToken(): Promise<string> {
    return `token-${this.renewals}`;
  }
  async renew(): Promise<string> {
    this.renewals++;
    return this.accessToken();
  }
}

function api(apiBaseUrl: string, maxRetries: number, notices: RetryNotice[] = [], auth: Authenticator = new TokenThatRenews()): PelotonApi {
  const config = resolveConfig({
    credentials: { auth_type: 'bearer', access_token: 'x' },
    api_base_url: apiBaseUrl,
    max_retries: maxRetries,
    request_timeout_seconds: 2,
  });
  return new PelotonApi({ config, auth, throttle: new Throttle(1, 0), timing: FAST_RETRIES, onRetry: (n) => notices.push(n) });
}

async function failureOf(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

/** The number of attempts a message states. */
function statedAttempts(message: string): number {
  const stated = /failed after (\d+) attempts?:/.exec(message)?.[1];
  expect(stated, message).toBeDefined();
  return Number(stated);
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

describe('API requests: the attempts a failure message states are the requests the server saw', () => {
  it('a 5xx outside the table (501): one request, named with its reason phrase, not called an outage after retries', async () => {
    const server = await countingServer((_n, _req, res) => json(res, 501, { status: 501, message: 'Not Implemented' }));
    const failure = await failureOf(api(server.url, 5).getJson({ path: '/api/me' }));
    expect(server.requests).toBe(1);
    expect(statedAttempts(failure.message)).toBe(server.requests);
    expect(failure.message).toContain('GET /api/me failed after 1 attempt: Peloton answered 501 Not Implemented');
    expect(failure.message).not.toMatch(/retries|kept failing/);
    expect(failure.failureType).toBe('transient_error');
  });

  it('a retried 503: every attempt counted', async () => {
    const server = await countingServer((_n, _req, res) => json(res, 503, { status: 503 }));
    const failure = await failureOf(api(server.url, 2).getJson({ path: '/api/me' }));
    expect(server.requests).toBe(3);
    expect(statedAttempts(failure.message)).toBe(server.requests);
    expect(failure.message).toMatch(/Peloton answered 503 Service Unavailable\. It may be having an outage; try again later\./);
    expect(failure.failureType).toBe('transient_error');
  });

  it('a 401 answered by a token renewal counts as an attempt too', async () => {
    const auth = new TokenThatRenews();
    const server = await countingServer((n, _req, res) =>
      n === 1 ? json(res, 401, { status: 401, error_code: 3020 }) : json(res, 503, {}),
    );
    const failure = await failureOf(api(server.url, 3, [], auth).getJson({ path: '/api/me' }));
    expect(auth.renewals).toBe(1);
    expect(server.requests).toBeGreaterThan(2);
    expect(statedAttempts(failure.message)).toBe(server.requests);
  });

  it('an error code outside the table: named, not retried, and not called transient', async () => {
    // Not HTTP at all: node's parser fails with an HPE_* code the table does not list.
    const sockets: Socket[] = [];
    const tcp = createTcpServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
      socket.end('SPEAKING NONSENSE\r\n\r\n');
    });
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of sockets) socket.destroy();
          tcp.close(() => resolve());
        }),
    );
    const notices: RetryNotice[] = [];
    const failure = await failureOf(
      api(`http://127.0.0.1:${(tcp.address() as AddressInfo).port}`, 4, notices).getJson({ path: '/api/me' }),
    );
    expect(sockets).toHaveLength(1);
    expect(notices).toEqual([]);
    expect(statedAttempts(failure.message)).toBe(sockets.length);
    expect(failure.failureType).toBe('system_error');
    expect(failure.message).toMatch(
      /failed after 1 attempt: HPE_[A-Z_]+ \(.+\) talking to 127\.0\.0\.1:\d+ \(api_base_url\), an error the connector does not expect and does not retry/,
    );
  });

  it('a name that does not resolve names api_base_url and says what to check', async () => {
    const notices: RetryNotice[] = [];
    const failure = await failureOf(api('https://peloton.invalid', 1, notices).getJson({ path: '/api/me' }));
    expect(failure.message).toMatch(
      /peloton\.invalid \(api_base_url\) could not be resolved.*Check api_base_url in the config and this machine's DNS settings/,
    );
    // The attempts stated are the attempts made, whichever answer this machine's resolver gives.
    expect(statedAttempts(failure.message)).toBe(notices.length + 1);
    if (failure.message.includes('ENOTFOUND')) {
      // A name that does not exist is not a bad moment: no retry, and the config is what to fix.
      expect(notices).toEqual([]);
      expect(failure.failureType).toBe('config_error');
    } else {
      // No resolver answered (EAI_AGAIN, on a machine without DNS): that may pass, so it is retried.
      expect(failure.message).toMatch(/EAI_AGAIN/);
      expect(failure.failureType).toBe('transient_error');
    }
  });
});

describe('a certificate the connection is refused over is a config_error naming the config field', () => {
  it.each([
    [
      'a self-signed certificate',
      'selfSigned',
      /presented a self-signed certificate, so the connection was refused \(DEPTH_ZERO_SELF_SIGNED_CERT\)/,
    ],
    [
      'an expired certificate',
      'expired',
      /presented an expired certificate, so the connection was refused \(CERT_HAS_EXPIRED\)\. Check api_base_url in the config; if it is right, check this machine's clock\./,
    ],
    [
      'a certificate from an unknown authority',
      'wrongHost',
      /presented a certificate whose issuer this machine cannot verify \(an incomplete chain, or an unknown authority\), so the connection was refused \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/,
    ],
  ] as const)('API requests, %s: one attempt, not retried', async (_name, which, problem) => {
    const server = await startTlsServer(certificates[which]);
    closers.push(server.close);
    const failure = await failureOf(api(server.url, 4).getJson({ path: '/api/me' }));
    expect(server.connections).toBe(1);
    expect(statedAttempts(failure.message)).toBe(server.connections);
    expect(failure.failureType).toBe('config_error');
    expect(failure.message).toMatch(problem);
    expect(failure.message).toMatch(/127\.0\.0\.1:\d+ \(api_base_url\) presented .* Check api_base_url in the config/);
    expect(failure.message).not.toMatch(/try again later/i);
  });

  it('an https:// address of a server that does not speak TLS', async () => {
    const server = await countingServer((_n, _req, res) => json(res, 200, {}));
    const failure = await failureOf(api(server.url.replace('http:', 'https:'), 4).getJson({ path: '/api/me' }));
    expect(server.connections).toBe(1);
    expect(statedAttempts(failure.message)).toBe(server.connections);
    expect(failure.failureType).toBe('config_error');
    expect(failure.message).toMatch(
      /\(api_base_url\) did not complete a TLS handshake \(EPROTO\): it may not speak HTTPS on this port\. Check api_base_url/,
    );
  });

  it('Auth0 requests: the message names auth_base_url', async () => {
    const server = await startTlsServer(certificates.selfSigned);
    closers.push(server.close);
    const config = resolveConfig({
      credentials: { auth_type: 'password', username: 'someone@example.com', password: 'not-used' },
      auth_base_url: server.url,
      request_timeout_seconds: 2,
    });
    const failure = await failureOf(new Auth0Client(config).passwordGrant('someone@example.com', 'not-used'));
    expect(server.connections).toBe(1);
    expect(statedAttempts(failure.message)).toBe(server.connections);
    expect(failure).toMatchObject({ failureType: 'config_error' });
    expect(failure.message).toMatch(
      /^POST https:\/\/127\.0\.0\.1:\d+\/oauth\/token failed after 1 attempt: 127\.0\.0\.1:\d+ \(auth_base_url\) presented a self-signed certificate/,
    );
  });

  it('a certificate for another host name, from an authority the machine trusts (a real process with NODE_EXTRA_CA_CERTS)', async () => {
    const server = await startTlsServer(certificates.wrongHost);
    closers.push(server.close);
    const files = writeFiles({
      'config.json': { credentials: { auth_type: 'bearer', access_token: 'not-a-jwt' }, api_base_url: server.url },
    });
    const child = spawn(process.execPath, [BIN, 'check', '--config', files['config.json']!], {
      env: { ...process.env, NODE_EXTRA_CA_CERTS: certificates.caPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const result = parseOutput(code ?? 1, out, '');
    const message = String(result.messages.find((m) => m['type'] === 'CONNECTION_STATUS')?.['connectionStatus'].message);
    expect(server.connections).toBe(1);
    expect(statedAttempts(message)).toBe(server.connections);
    expect(message).toMatch(
      /\(api_base_url\) presented a certificate issued for another host name, so the connection was refused \(ERR_TLS_CERT_ALTNAME_INVALID\).*Check api_base_url in the config/,
    );
  });
});
