import type { CoreContext } from '../context.js';
import { TokenInvalidError } from '../errors.js';
import type { Repositories } from '../persistence.js';
import { newId, newToken } from '../shared/id.js';
import type { AccountTokenPurpose, AccountTokenRecord } from '../vendors/account-token-repository.js';
import { hashToken } from '../vendors/credential-cache.js';

/** How long each kind of mailed link works. */
export const linkLifetimeMs: Record<AccountTokenPurpose, number> = {
  password_reset: 30 * 60_000,
  email_change: 24 * 3600_000,
};

/**
 * Makes a single-use link token; only its hash is stored, the token itself goes into the mail.
 * `issuedAt` is when it was asked for (default now): a token made by a deferred job is dated
 * by the request, so a password change after the request outdates it (see confirmEmailChange)
 * however late the job runs, and its lifetime counts from the request.
 */
export async function issueLinkToken(
  context: CoreContext,
  vendorId: string,
  purpose: AccountTokenPurpose,
  { newEmail = null, issuedAt = context.clock.now() }: { newEmail?: string | null; issuedAt?: Date } = {},
): Promise<string> {
  const token = newToken(32);
  const now = issuedAt;
  await context.persistence.accountTokens.insert({
    id: newId(),
    vendorId,
    purpose,
    tokenHash: hashToken(token),
    newEmail,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + linkLifetimeMs[purpose]).toISOString(),
    usedAt: null,
  });
  return token;
}

/** The unused, unexpired token, read without using it up; TokenInvalidError otherwise. */
export async function findLinkToken(context: CoreContext, token: string, purpose: AccountTokenPurpose): Promise<AccountTokenRecord> {
  const record = await context.persistence.accountTokens.findValid(hashToken(token), purpose, context.clock.now().toISOString());
  if (!record) throw new TokenInvalidError();
  return record;
}

/**
 * Uses the token up inside the caller's transaction; TokenInvalidError when another request
 * used it first (or it expired meanwhile), which rolls the transaction back.
 */
export async function consumeLinkToken(tx: Repositories, token: string, purpose: AccountTokenPurpose, now: string): Promise<AccountTokenRecord> {
  const record = await tx.accountTokens.consume(hashToken(token), purpose, now);
  if (!record) throw new TokenInvalidError();
  return record;
}
