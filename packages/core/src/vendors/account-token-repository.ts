/** What a mailed link token lets its holder do. */
export type AccountTokenPurpose = 'password_reset' | 'email_change';

/**
 * A single-use token sent by mail (a password reset link, an email change confirmation). Only
 * the SHA-256 of the token is stored, so a copy of the table opens nothing.
 */
export interface AccountTokenRecord {
  id: string;
  vendorId: string;
  purpose: AccountTokenPurpose;
  tokenHash: string;
  /** The address an `email_change` token confirms; null for other purposes. */
  newEmail: string | null;
  createdAt: string;
  expiresAt: string;
  /** When it was consumed; null while unused. */
  usedAt: string | null;
}

export interface AccountTokenRepository {
  /** Stores a new token. */
  insert(token: AccountTokenRecord): Promise<void>;
  /** The unused token with this hash and purpose that expires after `now`, or null. Reads only: see consume. */
  findValid(tokenHash: string, purpose: AccountTokenPurpose, now: string): Promise<AccountTokenRecord | null>;
  /**
   * Marks the token used if it is still unused and unexpired at `now`, and resolves it; null
   * otherwise. Atomic: of any number of concurrent calls for one token, exactly one gets it.
   */
  consume(tokenHash: string, purpose: AccountTokenPurpose, now: string): Promise<AccountTokenRecord | null>;
  /** Removes the vendor's tokens (of one purpose, or all); returns how many. */
  deleteByVendor(vendorId: string, purpose?: AccountTokenPurpose): Promise<number>;
  /** Removes tokens whose `expiresAt` is before `now`, used or not; returns how many. */
  deleteExpired(now: string): Promise<number>;
}
