import type { CoreContext } from '../context.js';
import { apiTokenPrefix, credentialCacheKey, hashToken, principalTtlMs } from './credential-cache.js';
import { isStale } from './last-used.js';
import type { VendorPrincipal } from './vendor.js';

/** Who holds this bearer token, or null. Cache first, then the database (which also updates a stale `lastUsedAt`). */
export async function resolveApiToken(context: CoreContext, token: string): Promise<VendorPrincipal | null> {
  if (!token.startsWith(apiTokenPrefix)) return null;
  const tokenHash = hashToken(token);
  const key = credentialCacheKey('token', tokenHash);
  const cached = await context.cache.get<VendorPrincipal>(key);
  if (cached) return cached;
  const record = await context.persistence.apiTokens.findByTokenHash(tokenHash);
  if (!record) return null;
  const now = context.clock.now();
  if (isStale(record.lastUsedAt, now)) await context.persistence.apiTokens.touch(record.id, now.toISOString());
  const principal: VendorPrincipal = { vendorId: record.vendorId, storeId: record.storeId, via: 'token', credentialId: record.id };
  await context.cache.set(key, principal, principalTtlMs);
  return principal;
}
