import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What identifies a checkout request: SHA-256 (hex) of the canonical JSON of its validated input.
 * Validation normalises first (trimmed text, E.164 phone, lower-cased email), so a resubmitted form
 * fingerprints the same, and any change to what is ordered, by whom or where, does not.
 */
export function requestFingerprint(validatedInput: unknown): string {
  return createHash('sha256').update(canonicalJson(validatedInput)).digest('hex');
}
