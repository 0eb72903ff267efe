import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface KeyAndCertificate {
  key: string;
  cert: string;
}

/** Certificates made for a test run with the openssl command line (node:crypto cannot issue certificates). */
export interface TestCertificates {
  /** The path of a CA that signed `wrongHost` and `expired` (trust it with NODE_EXTRA_CA_CERTS). */
  caPath: string;
  /** For 127.0.0.1, signed by itself. */
  selfSigned: KeyAndCertificate;
  /** For peloton.invalid only, signed by the CA. */
  wrongHost: KeyAndCertificate;
  /** For 127.0.0.1, signed by the CA, expired a day ago. */
  expired: KeyAndCertificate;
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'source-peloton-tls-'));
  const at = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    try {
      execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    } catch (error) {
      throw new Error(`these tests make their certificates with the openssl command line, which failed: ${String(error)}`);
    }
  };
  const read = (name: string): KeyAndCertificate => ({
    key: readFileSync(at(`${name}.key`), 'utf8'),
    cert: readFileSync(at(`${name}.pem`), 'utf8'),
  });
  openssl(
    'req',
    '-x509',
    ...EC_KEY,
    '-keyout',
    'self.key',
    '-out',
    'self.pem',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
  );
  openssl('req', '-x509', ...EC_KEY, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=source-peloton test CA');
  const signed = (name: string, altName: string, days: string): void => {
    writeFileSync(at(`${name}.ext`), `subjectAltName=${altName}\n`);
    openssl('req', ...EC_KEY, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      days,
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    );
  };
  signed('host', 'DNS:peloton.invalid', '1');
  signed('old', 'IP:127.0.0.1', '-1');
  return { caPath: at('ca.pem'), selfSigned: read('self'), wrongHost: read('host'), expired: read('old') };
}

/** An HTTPS server on 127.0.0.1 that counts the TCP connections made to it (a refused handshake sends no request). */
export interface CountingTlsServer {
  url: string;
  connections: number;
  close: () => Promise<void>;
}

export async function startTlsServer(
  credentials: KeyAndCertificate,
  handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('{}'),
): Promise<CountingTlsServer> {
  const server: Server = createHttpsServer(credentials, handler);
  const counter = { connections: 0 };
  server.on('connection', () => counter.connections++);
  // The client hangs up mid-handshake: expected here, not a test failure.
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(counter, {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
