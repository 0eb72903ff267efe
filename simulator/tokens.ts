import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const USER_ID_CLAIM = 'http://onepeloton.com/user_id';

/** Signs and verifies the simulator's HS256 access tokens, shaped like Peloton's Auth0 JWTs. */
export class TokenIssuer {
  private readonly secret = randomBytes(32);

  constructor(private readonly nowSeconds: () => number) {}

  issue(userId: string, ttlSeconds: number, extra: Record<string, unknown> = {}): string {
    const now = this.nowSeconds();
    const header = encode({ alg: 'HS256', typ: 'JWT' });
    const payload = encode({
      iss: 'https://auth.onepeloton.com/',
      sub: `auth0|${userId}`,
      aud: ['https://api.onepeloton.com/'],
      iat: now,
      exp: now + ttlSeconds,
      jti: randomBytes(8).toString('hex'),
      [USER_ID_CLAIM]: userId,
      ...extra,
    });
    return `${header}.${payload}.${this.sign(`${header}.${payload}`)}`;
  }

  /** The token's claims if it is ours and unexpired, else why not. */
  verify(token: string): { ok: true; claims: Record<string, unknown> } | { ok: false; reason: string } {
    const [header, payload, signature] = token.split('.');
    if (header === undefined || payload === undefined || signature === undefined) return { ok: false, reason: 'malformed' };
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const actual = Buffer.from(signature);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return { ok: false, reason: 'bad signature' };
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (typeof claims['exp'] !== 'number' || claims['exp'] <= this.nowSeconds()) return { ok: false, reason: 'expired' };
    return { ok: true, claims };
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
