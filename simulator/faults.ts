import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http.js';

/** The simulator's routes, as named in fault rules and request counts. */
export type RouteName =
  | 'me'
  | 'workouts'
  | 'performance_graph'
  | 'workout_detail'
  | 'ride_details'
  | 'overview'
  | 'achievements'
  | 'instructors'
  | 'instructor'
  | 'challenges'
  | 'challenge_detail'
  | 'legacy_login'
  | 'oauth_token'
  | 'authorize'
  | 'login_page'
  | 'usernamepassword_login'
  | 'login_callback'
  | 'authorize_resume'
  | 'not_found';

/**
 * status: answer `status` (with `retryAfter` as the Retry-After header); reset: drop the connection;
 * truncate: send half the body then drop; empty: 200 with no body; invalid_json: 200 with a broken body;
 * hang: never answer (until the client gives up); cdn_rate_limit: Cloudflare's rate-limit block (429, plain
 * text "error code: 1015", with `retryAfter` if set); cdn_challenge: Cloudflare's bot-protection challenge
 * (403 with an HTML page).
 */
export type FaultKind = 'status' | 'reset' | 'truncate' | 'empty' | 'invalid_json' | 'hang' | 'cdn_rate_limit' | 'cdn_challenge';

export interface FaultRule {
  route: RouteName | '*';
  kind: FaultKind;
  status?: number;
  retryAfter?: string;
  /** How many matching requests get the fault (then it is used up). */
  times: number;
  /** Matching requests to let through before the fault starts. */
  skip?: number;
}

export class FaultInjector {
  private rules: Array<FaultRule & { skipLeft: number; timesLeft: number }> = [];

  add(...rules: FaultRule[]): void {
    for (const rule of rules) this.rules.push({ ...rule, skipLeft: rule.skip ?? 0, timesLeft: rule.times });
  }

  clear(): void {
    this.rules = [];
  }

  /** The fault for this request, if any rule applies (consuming one of its uses). */
  take(route: RouteName): FaultRule | undefined {
    for (const rule of this.rules) {
      if (rule.timesLeft <= 0 || (rule.route !== '*' && rule.route !== route)) continue;
      if (rule.skipLeft > 0) {
        rule.skipLeft--;
        continue;
      }
      rule.timesLeft--;
      return rule;
    }
    return undefined;
  }

  get pending(): number {
    return this.rules.reduce((n, r) => n + r.timesLeft, 0);
  }
}

/** Answers a request the way the fault says. */
export function applyFault(fault: FaultRule, req: IncomingMessage, res: ServerResponse): void {
  switch (fault.kind) {
    case 'status': {
      const status = fault.status ?? 503;
      const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter };
      sendJson(res, status, { status, message: 'Injected fault' }, headers);
      return;
    }
    case 'reset':
      req.socket.destroy();
      return;
    case 'truncate': {
      const text = JSON.stringify({ data: [], total: 0, padding: 'x'.repeat(200) });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      res.write(text.slice(0, text.length / 2), () => req.socket.destroy());
      return;
    }
    case 'empty':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': 0 }).end();
      return;
    case 'invalid_json':
      res.writeHead(200, { 'content-type': 'application/json' }).end('<html>upstream error</html>');
      return;
    case 'hang':
      return;
    case 'cdn_rate_limit':
      res
        .writeHead(429, {
          'content-type': 'text/plain; charset=UTF-8',
          server: 'cloudflare',
          ...(fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }),
        })
        .end('error code: 1015');
      return;
    case 'cdn_challenge':
      res
        .writeHead(403, { 'content-type': 'text/html; charset=UTF-8', server: 'cloudflare', 'cf-mitigated': 'challenge' })
        .end(
          '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head>' +
            '<body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>',
        );
      return;
  }
}
