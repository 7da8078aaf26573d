import { nowIso, type CoreContext } from '../context.js';
import { credentialCacheKey, hashToken, principalTtlMs, sessionsRevokedKey } from './credential-cache.js';
import { isStale } from './last-used.js';
import type { VendorPrincipal } from './vendor.js';

type CachedSession = VendorPrincipal & { expiresAt: string };

/** The session from the database; its `lastSeenAt` is written again when stale (and it has not expired). */
async function loadSession(context: CoreContext, tokenHash: string): Promise<CachedSession | null> {
  const session = await context.persistence.sessions.findByTokenHash(tokenHash);
  if (!session) return null;
  const now = context.clock.now();
  if (session.expiresAt > now.toISOString() && isStale(session.lastSeenAt, now)) {
    await context.persistence.sessions.touch(session.id, now.toISOString());
  }
  return { vendorId: session.vendorId, storeId: session.storeId, via: 'session', credentialId: session.id, expiresAt: session.expiresAt };
}

/** Who holds this session token, or null when it is unknown, revoked or expired. Cache first, then the database. */
export async function resolveSession(context: CoreContext, token: string): Promise<VendorPrincipal | null> {
  const tokenHash = hashToken(token);
  const key = credentialCacheKey('session', tokenHash);
  let entry = await context.cache.get<CachedSession>(key);
  // Fails closed: a marker that could not be read counts as set, so a slow or tripped cache
  // sends the request to the database instead of trusting a copy that may have been revoked.
  if (entry && (await context.cacheProbe<boolean>(sessionsRevokedKey(entry.vendorId))) !== undefined) entry = undefined;
  const fromCache = entry !== undefined;
  entry ??= (await loadSession(context, tokenHash)) ?? undefined;
  if (!entry || entry.expiresAt <= nowIso(context)) return null;
  if (!fromCache) await context.cache.set(key, entry, principalTtlMs);
  const { expiresAt: _expiresAt, ...principal } = entry;
  return principal;
}
