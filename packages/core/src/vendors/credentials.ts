import { createHash } from 'node:crypto';
import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { newId, newToken } from '../shared/id.js';
import { validate } from '../shared/validate.js';
import { apiTokenSchema } from './schemas.js';
import type { VendorPrincipal } from './vendor.js';

/** Cached principals expire quickly so a revoked credential dies everywhere within this bound even if a delete is lost. */
const principalTtlMs = 60_000;
const tokenPrefix = 'dk_';

/** Tokens are random, so one fast hash is enough: a stolen table gives nothing to guess. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function cacheKey(kind: 'session' | 'token', tokenHash: string): string {
  return `auth:${kind}:${tokenHash}`;
}

/** Starts a session for the vendor's store; the token goes in the cookie and is never stored. */
export async function createSession(
  context: CoreContext,
  vendorId: string,
  storeId: string,
): Promise<{ token: string; expiresAt: string }> {
  const token = newToken(32);
  const createdAt = nowIso(context);
  const expiresAt = new Date(context.clock.now().getTime() + context.sessionTtlMs).toISOString();
  await context.persistence.sessions.insert({ id: newId(), vendorId, storeId, tokenHash: hashToken(token), createdAt, expiresAt });
  return { token, expiresAt };
}

/** Who holds this session token, or null when it is unknown, revoked or expired. Cache first, then the database. */
export async function resolveSession(context: CoreContext, token: string): Promise<VendorPrincipal | null> {
  const tokenHash = hashToken(token);
  const key = cacheKey('session', tokenHash);
  const cached = await context.cache.get<VendorPrincipal & { expiresAt: string }>(key);
  const entry = cached ?? (await loadSession(context, tokenHash));
  if (!entry || entry.expiresAt <= nowIso(context)) return null;
  if (!cached) await context.cache.set(key, entry, principalTtlMs);
  const { expiresAt: _expiresAt, ...principal } = entry;
  return principal;
}

async function loadSession(context: CoreContext, tokenHash: string) {
  const session = await context.persistence.sessions.findByTokenHash(tokenHash);
  if (!session) return null;
  return { vendorId: session.vendorId, storeId: session.storeId, via: 'session' as const, credentialId: session.id, expiresAt: session.expiresAt };
}

/** Ends the session in the database and the shared cache, so every instance forgets it. */
export async function revokeSession(context: CoreContext, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  await context.persistence.sessions.delete(tokenHash);
  await context.durableWrites.delete(cacheKey('session', tokenHash));
}

/** Creates a named API token; the token itself is returned once and only its hash is kept. */
export async function createApiToken(
  context: CoreContext,
  principal: Pick<VendorPrincipal, 'vendorId' | 'storeId'>,
  input: unknown,
): Promise<{ id: string; name: string; token: string; createdAt: string }> {
  const { name } = validate(apiTokenSchema, input);
  const token = `${tokenPrefix}${newToken(32)}`;
  const record = { id: newId(), vendorId: principal.vendorId, storeId: principal.storeId, name, tokenHash: hashToken(token), createdAt: nowIso(context) };
  await context.persistence.apiTokens.insert(record);
  return { id: record.id, name, token, createdAt: record.createdAt };
}

/** Who holds this bearer token, or null. Cache first, then the database. */
export async function resolveApiToken(context: CoreContext, token: string): Promise<VendorPrincipal | null> {
  if (!token.startsWith(tokenPrefix)) return null;
  const tokenHash = hashToken(token);
  const key = cacheKey('token', tokenHash);
  const cached = await context.cache.get<VendorPrincipal>(key);
  if (cached) return cached;
  const record = await context.persistence.apiTokens.findByTokenHash(tokenHash);
  if (!record) return null;
  const principal: VendorPrincipal = { vendorId: record.vendorId, storeId: record.storeId, via: 'token', credentialId: record.id };
  await context.cache.set(key, principal, principalTtlMs);
  return principal;
}

/** Revokes the vendor's API token; NotFoundError when the vendor has no such token. */
export async function revokeApiToken(context: CoreContext, vendorId: string, id: string): Promise<void> {
  const removed = await context.persistence.apiTokens.delete(vendorId, id);
  if (!removed) throw new NotFoundError('No such API token');
  await context.durableWrites.delete(cacheKey('token', removed.tokenHash));
}
