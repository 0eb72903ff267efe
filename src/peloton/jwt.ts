import { parseJsonObject } from './json-object.js';

export const USER_ID_CLAIM = 'http://onepeloton.com/user_id';

/** The claims of a JWT, without verifying it (the API does that); undefined if it is not a JWT. */
export function decodeJwtClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  return parseJsonObject(Buffer.from(payload, 'base64url').toString('utf8'));
}

/** Seconds since the epoch at which the token expires, if it says. */
export function tokenExpiry(token: string): number | undefined {
  const exp = decodeJwtClaims(token)?.['exp'];
  return typeof exp === 'number' ? exp : undefined;
}
