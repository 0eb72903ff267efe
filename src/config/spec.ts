import { systemError } from '../errors.js';
import type { JsonObject } from '../protocol/messages.js';
import { loadSchema } from '../schemas.js';

/** One form of `credentials` in the spec, with the auth_type that selects it. */
export interface CredentialBranch {
  authType: string;
  schema: JsonObject;
}

/** The connector's spec (schemas/spec.json): the one source of config fields, defaults and examples. */
export function specSchema(): JsonObject {
  return loadSchema('spec.json');
}

/** The `properties` of an object schema (none when it has no such keyword). */
export function propertiesOf(schema: JsonObject | undefined): Record<string, JsonObject> {
  const properties = schema?.['properties'];
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, JsonObject>) : {};
}

/** Every form `credentials` may take, in the spec's order. */
export function credentialBranches(): CredentialBranch[] {
  const branches = (propertiesOf(specSchema())['credentials']?.['oneOf'] ?? []) as JsonObject[];
  return branches.map((schema) => ({ authType: String(propertiesOf(schema)['auth_type']?.['const']), schema }));
}

/** The credentials form that `authType` selects, if the spec has one. */
export function credentialBranch(authType: unknown): JsonObject | undefined {
  return credentialBranches().find((b) => b.authType === authType)?.schema;
}

/** The choices and default of the password login's `login_method`, as the spec declares them. */
export function loginMethodSetting(): { choices: string[]; default: string } {
  const setting = propertiesOf(credentialBranch('password'))['login_method'];
  const choices = setting?.['enum'];
  const fallback = setting?.['default'];
  if (!Array.isArray(choices) || typeof fallback !== 'string') {
    throw systemError('schemas/spec.json lost the enum or default of credentials.login_method (auth_type "password").');
  }
  return { choices: choices.map(String), default: fallback };
}
