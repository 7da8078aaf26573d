import type { Knex } from 'knex';
import type { ApiTokenRepository, SessionRepository } from '../../vendors/session-repository.js';
import type { ApiTokenRecord, SessionRecord } from '../../vendors/vendor.js';
import { atomically } from './atomically.js';
import { canBeStored, columnLimits } from './column-limits.js';
import { deleteReturning } from './delete-returning.js';
import { ApiTokenModel } from './models/api-token-model.js';
import { SessionModel } from './models/session-model.js';

/**
 * The condition that the credential's vendor is not erased. A session or token created in a
 * race with closing the account (a login that checked the password just before) may outlive
 * the close's delete; it still never resolves.
 */
function liveVendor(db: Knex, table: 'sessions' | 'api_tokens'): Knex.QueryBuilder {
  return db('vendors').select(db.raw('1')).where('vendors.id', db.ref(`${table}.vendor_id`)).whereNull('vendors.deleted_at');
}

/** SessionRepository on the `sessions` table. */
export class ObjectionSessionRepository implements SessionRepository {
  constructor(private readonly db: Knex) {}

  async insert(session: SessionRecord): Promise<void> {
    await SessionModel.query(this.db).insert(SessionModel.fromRecord(session));
  }

  async findByTokenHash(tokenHash: string): Promise<SessionRecord | null> {
    const row = await SessionModel.query(this.db).select('sessions.*').findOne({ token_hash: tokenHash }).whereExists(liveVendor(this.db, 'sessions'));
    return row ? row.toRecord() : null;
  }

  async listByVendor(vendorId: string): Promise<SessionRecord[]> {
    // Ids are UUIDv7: by id descending is newest first.
    const rows = await SessionModel.query(this.db).where('vendor_id', vendorId).orderBy('id', 'desc');
    return rows.map((row) => row.toRecord());
  }

  async delete(tokenHash: string): Promise<boolean> {
    return (await SessionModel.query(this.db).delete().where('token_hash', tokenHash)) > 0;
  }

  async deleteById(vendorId: string, id: string): Promise<SessionRecord | null> {
    // From a URL: an id no column could hold is simply not one of the vendor's.
    if (!canBeStored(id, columnLimits.id)) return null;
    const row = await deleteReturning(this.db, SessionModel.tableName, { vendor_id: vendorId, id });
    return row ? SessionModel.fromDatabaseJson(row).toRecord() : null;
  }

  async deleteByVendor(vendorId: string, exceptId?: string): Promise<number> {
    const query = SessionModel.query(this.db).delete().where('vendor_id', vendorId);
    if (exceptId !== undefined) query.whereNot('id', exceptId);
    return query;
  }

  async touch(id: string, at: string): Promise<void> {
    await SessionModel.query(this.db).patch({ lastSeenAt: at }).where('id', id);
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
    const row = await ApiTokenModel.query(this.db).select('api_tokens.*').findOne({ token_hash: tokenHash }).whereExists(liveVendor(this.db, 'api_tokens'));
    return row ? row.toRecord() : null;
  }

  async listByVendor(vendorId: string): Promise<ApiTokenRecord[]> {
    const rows = await ApiTokenModel.query(this.db).where('vendor_id', vendorId).orderBy('id', 'desc');
    return rows.map((row) => row.toRecord());
  }

  async touch(id: string, at: string): Promise<void> {
    await ApiTokenModel.query(this.db).patch({ lastUsedAt: at }).where('id', id);
  }

  async delete(vendorId: string, id: string): Promise<ApiTokenRecord | null> {
    if (!canBeStored(id, columnLimits.id)) return null;
    const row = await deleteReturning(this.db, ApiTokenModel.tableName, { vendor_id: vendorId, id });
    return row ? ApiTokenModel.fromDatabaseJson(row).toRecord() : null;
  }

  async deleteByVendor(vendorId: string): Promise<ApiTokenRecord[]> {
    return atomically(this.db, async (trx) => {
      const rows = await ApiTokenModel.query(trx).where('vendor_id', vendorId);
      await ApiTokenModel.query(trx).delete().where('vendor_id', vendorId);
      return rows.map((row) => row.toRecord());
    });
  }
}
