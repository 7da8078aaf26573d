import type { Knex } from 'knex';

/**
 * Runs several writes as one: inside the caller's transaction when `db` is one (its rollback
 * covers them), otherwise in a transaction of their own.
 */
export function atomically<T>(db: Knex, work: (trx: Knex) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction((trx) => work(trx));
}
