import type { Knex } from 'knex';
import type { AccountTokenPurpose, AccountTokenRecord, AccountTokenRepository } from '../../vendors/account-token-repository.js';
import { AccountTokenModel } from './models/account-token-model.js';

/** Token hashes are 43 characters; anything much longer (or with a NUL byte) is not one of ours. */
function isPlausibleHash(tokenHash: string): boolean {
  return tokenHash.length <= 128 && !tokenHash.includes('\0');
}

/** AccountTokenRepository on the `account_tokens` table. */
export class ObjectionAccountTokenRepository implements AccountTokenRepository {
  constructor(private readonly db: Knex) {}

  async insert(token: AccountTokenRecord): Promise<void> {
    await AccountTokenModel.query(this.db).insert(AccountTokenModel.fromRecord(token));
  }

  async findValid(tokenHash: string, purpose: AccountTokenPurpose, now: string): Promise<AccountTokenRecord | null> {
    if (!isPlausibleHash(tokenHash)) return null;
    const row = await AccountTokenModel.query(this.db)
      .findOne({ token_hash: tokenHash, purpose })
      .whereNull('used_at')
      .where('expires_at', '>', now);
    return row ? row.toRecord() : null;
  }

  async consume(tokenHash: string, purpose: AccountTokenPurpose, now: string): Promise<AccountTokenRecord | null> {
    if (!isPlausibleHash(tokenHash)) return null;
    // One conditional UPDATE: PostgreSQL re-checks the condition on a row a concurrent
    // transaction changed once it commits, and SQLite runs one writer at a time, so of racing
    // calls exactly one sees the token unused.
    const rows = await AccountTokenModel.query(this.db)
      .patch({ usedAt: now })
      .where({ token_hash: tokenHash, purpose })
      .whereNull('used_at')
      .where('expires_at', '>', now)
      .returning('*');
    const row = rows[0];
    return row ? row.toRecord() : null;
  }

  async deleteByVendor(vendorId: string, purpose?: AccountTokenPurpose): Promise<number> {
    const query = AccountTokenModel.query(this.db).delete().where('vendor_id', vendorId);
    if (purpose !== undefined) query.where('purpose', purpose);
    return query;
  }

  async deleteExpired(now: string): Promise<number> {
    return AccountTokenModel.query(this.db).delete().where('expires_at', '<', now);
  }
}
