import type { Dialect } from './dialect.js';
import { withAdvisoryMigrationLock } from './migration-lock.js';
import { loadOrdersPostgres } from './postgres-order-list.js';
import { insertNumberedOrderPostgres } from './postgres-orders.js';

/** PostgreSQL: one-statement checkout numbered from the store's sequence, order reads, advisory lock around migrations. */
export const postgresDialect: Dialect = {
  name: 'postgresql',
  lockRows(builder) {
    builder.forUpdate();
    return builder;
  },
  insertNumberedOrder: insertNumberedOrderPostgres,
  loadOrders: loadOrdersPostgres,
  whileMigrating: withAdvisoryMigrationLock,
  async changeColumnTypes(knex, table, types) {
    // One ALTER TABLE, so the table is rewritten once; raw SQL because knex's alter() drops
    // defaults it is not told again. Types are the migration's own constants, never input.
    const changes = Object.entries(types).map(([column, type]) => knex.raw(`ALTER COLUMN ?? TYPE ${type}`, [column]).toQuery());
    await knex.raw(`ALTER TABLE ?? ${changes.join(', ')}`, [table]);
  },
};
