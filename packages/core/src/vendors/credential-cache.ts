import { createHash } from 'node:crypto';

// Resolved sessions and API tokens are cached briefly, keyed by the token's hash, so an
// authenticated request rarely reaches the database. Revocations delete these entries.

/** Cached principals expire quickly so a revoked credential dies everywhere within this bound even if a delete is lost. */
export const principalTtlMs = 60_000;
/** API tokens carry a prefix, so a leaked one is recognisable (secret scanners) and a session token is never tried as one. */
export const apiTokenPrefix = 'dk_';

/** Tokens are random, so one fast hash is enough: a stolen table gives nothing to guess. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function credentialCacheKey(kind: 'session' | 'token', tokenHash: string): string {
  return `auth:${kind}:${tokenHash}`;
}

/**
 * Set when every session of a vendor was revoked: cached session entries cannot be found by
 * vendor, so while this marker lives (as long as any cached entry could) the vendor's
 * sessions are read from the database instead.
 */
export function sessionsRevokedKey(vendorId: string): string {
  return `auth:sessions-revoked:${vendorId}`;
}
