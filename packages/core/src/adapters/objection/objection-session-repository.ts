import type { Knex } from 'knex';
import type { ApiTokenRepository, SessionRepository } from '../../vendors/session-repository.js';
import type { ApiTokenRecord, SessionRecord } from '../../vendors/vendor.js';
import { deleteReturning } from './delete-returning.js';
import { ApiTokenModel } from './models/api-token-model.js';
import { SessionModel } from './models/session-model.js';

/** SessionRepository on the `sessions` table. */
export class ObjectionSessionRepository implements SessionRepository {
  constructor(private readonly db: Knex) {}

  async insert(session: SessionRecord): Promise<void> {
    await SessionModel.query(this.db).insert(SessionModel.fromRecord(session));
  }

  async findByTokenHash(tokenHash: string): Promise<SessionRecord | null> {
    const row = await SessionModel.query(this.db).findOne({ token_hash: tokenHash });
    return row ? row.toRecord() : null;
  }

  async delete(tokenHash: string): Promise<boolean> {
    return (await SessionModel.query(this.db).delete().where('token_hash', tokenHash)) > 0;
  }

  async deleteByVendor(vendorId: string): Promise<number> {
    return SessionModel.query(this.db).delete().where('vendor_id', vendorId);
  }

  async deleteExpired(now: string): Promise<number> {
    // Instants are fixed-width ISO-8601 UTC text, so text order is time order on both databases
    // (and the expires_at index serves the range).
    return SessionModel.query(this.db).delete().where('expires_at', '<', now);
  }
}

/** ApiTokenRepository on the `api_tokens` table. */
export class ObjectionApiTokenRepository implements ApiTokenRepository {
  constructor(private readonly db: Knex) {}

  async insert(token: ApiTokenRecord): Promise<void> {
    await ApiTokenModel.query(this.db).insert(ApiTokenModel.fromRecord(token));
  }

  async findByTokenHash(tokenHash: string): Promise<ApiTokenRecord | null> {
    const row = await ApiTokenModel.query(this.db).findOne({ token_hash: tokenHash });
    return row ? row.toRecord() : null;
  }

  async delete(vendorId: string, id: string): Promise<ApiTokenRecord | null> {
    const row = await deleteReturning(this.db, ApiTokenModel.tableName, { vendor_id: vendorId, id });
    return row ? ApiTokenModel.fromDatabaseJson(row).toRecord() : null;
  }
}
