import { storedUserAgent } from '../accounts/user-agent.js';
import { nowIso, type CoreContext } from '../context.js';
import { newId, newToken } from '../shared/id.js';
import { hashToken } from './credential-cache.js';

export interface CreateSessionOptions {
  /** The browser's User-Agent, kept (cleaned, at most 256 characters) to name the device in the session list. */
  userAgent?: string | null | undefined;
}

/** Starts a session for the vendor's store; the token goes in the cookie and is never stored. */
export async function createSession(
  context: CoreContext,
  vendorId: string,
  storeId: string,
  options: CreateSessionOptions = {},
): Promise<{ token: string; expiresAt: string }> {
  const token = newToken(32);
  const createdAt = nowIso(context);
  const expiresAt = new Date(context.clock.now().getTime() + context.sessionTtlMs).toISOString();
  await context.persistence.sessions.insert({
    id: newId(),
    vendorId,
    storeId,
    tokenHash: hashToken(token),
    createdAt,
    expiresAt,
    userAgent: storedUserAgent(options.userAgent),
    lastSeenAt: createdAt,
  });
  return { token, expiresAt };
}
