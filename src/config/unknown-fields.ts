import type { JsonObject } from '../protocol/messages.js';
import { credentialBranch, credentialBranches, propertiesOf, specSchema } from './spec.js';

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One warning per config field the spec does not know (the spec accepts any extra field, so a typo
 * would otherwise pass unseen): at the top level, in `credentials` for the chosen auth_type, and in
 * `login_settings`. Each names the closest known field when one is close. The config may be invalid
 * otherwise; only its shape is read.
 */
export function unknownFieldWarnings(config: unknown): string[] {
  if (!isObject(config)) return [];
  const top = propertiesOf(specSchema());
  const warnings = unknownIn(config, Object.keys(top), '');
  if (isObject(config['login_settings'])) {
    warnings.push(...unknownIn(config['login_settings'], Object.keys(propertiesOf(top['login_settings'])), 'login_settings.'));
  }
  const credentials = config['credentials'];
  const branch = isObject(credentials) ? credentialBranch(credentials['auth_type']) : undefined;
  if (isObject(credentials) && branch !== undefined) {
    const authType = String(credentials['auth_type']);
    const known = Object.keys(propertiesOf(branch));
    for (const name of Object.keys(credentials).filter((key) => !known.includes(key))) {
      const owners = credentialBranches().filter((b) => Object.keys(propertiesOf(b.schema)).includes(name));
      warnings.push(
        owners.length > 0
          ? `The config field credentials.${name} is ignored: auth_type "${authType}" does not use it (${owners.map((b) => `"${b.authType}"`).join(' and ')} does).`
          : unknownFieldWarning(`credentials.${name}`, known, 'credentials.', ` for auth_type "${authType}"`),
      );
    }
  }
  return warnings;
}

function unknownIn(object: JsonObject, known: string[], prefix: string): string[] {
  return Object.keys(object)
    .filter((key) => !known.includes(key))
    .map((key) => unknownFieldWarning(`${prefix}${key}`, known, prefix, ''));
}

function unknownFieldWarning(field: string, known: string[], prefix: string, context: string): string {
  const name = field.slice(prefix.length);
  const closest = closestName(name, known);
  const hint =
    closest === undefined ? `the known fields here are ${known.map((k) => prefix + k).join(', ')}.` : `did you mean ${prefix}${closest}?`;
  return `The config has an unknown field ${field}${context}, which is ignored; ${hint}`;
}

/** The candidate nearest to `name` (case aside), when it is near enough to be a likely typo. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(2, Math.floor(name.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** Levenshtein distance: the fewest single-character insertions, deletions or substitutions from a to b. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
