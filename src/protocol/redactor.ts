const REDACTED = '**********';
const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every known secret in text that leaves the process. Secrets come from the config's
 * airbyte_secret fields, and from tokens obtained while running (added as they appear).
 */
export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  add(secret: string | undefined): void {
    if (secret === undefined || secret.length < MIN_SECRET_LENGTH || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    // Encoded forms reach URLs and form bodies, so they are secrets too.
    for (const variant of [encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) this.secrets.add(variant);
    const sorted = [...this.secrets].sort((a, b) => b.length - a.length);
    this.pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
  }

  redact(text: string): string {
    return this.pattern === undefined ? text : text.replace(this.pattern, REDACTED);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Collects the values of every property marked airbyte_secret in a JSON schema from a config. */
export function secretsIn(schema: unknown, value: unknown): string[] {
  if (typeof schema !== 'object' || schema === null || typeof value !== 'object' || value === null) return [];
  const node = schema as { properties?: Record<string, unknown>; oneOf?: unknown[] };
  const found: string[] = [];
  for (const branch of node.oneOf ?? []) found.push(...secretsIn(branch, value));
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const childValue = (value as Record<string, unknown>)[key];
    if ((child as { airbyte_secret?: boolean }).airbyte_secret === true && typeof childValue === 'string') found.push(childValue);
    else found.push(...secretsIn(child, childValue));
  }
  return [...new Set(found)];
}
