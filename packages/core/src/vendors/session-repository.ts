import type { ApiTokenRecord, SessionRecord } from './vendor.js';

export interface SessionRepository {
  /** Stores a new session. */
  insert(session: SessionRecord): Promise<void>;
  /** The session with this token hash, or null (expired sessions included; the caller checks). */
  findByTokenHash(tokenHash: string): Promise<SessionRecord | null>;
  /** Removes the session; resolves whether it existed. */
  delete(tokenHash: string): Promise<boolean>;
  /** Removes every session of the vendor (password change, "log out everywhere"); returns how many. */
  deleteByVendor(vendorId: string): Promise<number>;
  /** Removes sessions whose `expiresAt` is before `now` (a session expiring at `now` stays); returns how many. */
  deleteExpired(now: string): Promise<number>;
}

export interface ApiTokenRepository {
  /** Stores a new API token. */
  insert(token: ApiTokenRecord): Promise<void>;
  /** The token with this hash, or null. */
  findByTokenHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  /** Removes the vendor's token; resolves the removed record, or null when the vendor has no such token. */
  delete(vendorId: string, id: string): Promise<ApiTokenRecord | null>;
}
