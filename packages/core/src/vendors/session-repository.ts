import type { ApiTokenRecord, SessionRecord } from './vendor.js';

export interface SessionRepository {
  /** Stores a new session. */
  insert(session: SessionRecord): Promise<void>;
  /** The session with this token hash, or null (also when its vendor closed the account); expired sessions included (the caller checks). */
  findByTokenHash(tokenHash: string): Promise<SessionRecord | null>;
  /** Every session of the vendor (expired ones included; the caller filters), newest first. */
  listByVendor(vendorId: string): Promise<SessionRecord[]>;
  /** Removes the session; resolves whether it existed. */
  delete(tokenHash: string): Promise<boolean>;
  /** Removes the vendor's session with this id; resolves the removed record, or null when the vendor has no such session. */
  deleteById(vendorId: string, id: string): Promise<SessionRecord | null>;
  /**
   * Removes every session of the vendor (a password reset, "log out everywhere"), or every one
   * but `exceptId` (a password change keeps the session that made it); returns how many.
   */
  deleteByVendor(vendorId: string, exceptId?: string): Promise<number>;
  /** Sets the session's `lastSeenAt`; no error when it is gone. */
  touch(id: string, at: string): Promise<void>;
  /** Removes sessions whose `expiresAt` is before `now` (a session expiring at `now` stays); returns how many. */
  deleteExpired(now: string): Promise<number>;
}

export interface ApiTokenRepository {
  /** Stores a new API token. */
  insert(token: ApiTokenRecord): Promise<void>;
  /** The token with this hash, or null (also when its vendor closed the account). */
  findByTokenHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  /** Every token of the vendor, newest first. */
  listByVendor(vendorId: string): Promise<ApiTokenRecord[]>;
  /** Sets the token's `lastUsedAt`; no error when it is gone. */
  touch(id: string, at: string): Promise<void>;
  /** Removes the vendor's token; resolves the removed record, or null when the vendor has no such token. */
  delete(vendorId: string, id: string): Promise<ApiTokenRecord | null>;
  /** Removes every token of the vendor (closing the account); resolves the removed records, so their cached copies can be dropped. */
  deleteByVendor(vendorId: string): Promise<ApiTokenRecord[]>;
}
