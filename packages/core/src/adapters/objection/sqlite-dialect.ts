import type { Knex } from 'knex';
import type { Dialect } from './dialect.js';
import { atomically } from './atomically.js';
import { noWrites } from '../../orders/order-repository.js';
import { recordFreeCouponUse } from './coupon-uses.js';
import { outboxEventRow } from './outbox-rows.js';
import { repairMigrationLockTable } from './migration-lock.js';
import { OrderModel } from './models/order-model.js';
import { insertOrderRows, takeOrderNumber, withLines } from './order-rows.js';

/**
 * SQLite: one writer at a time and no network round trips, so plain statements cost no
 * contention; one process owns the file, so migrations need no lock between processes.
 */
export const sqliteDialect: Dialect = {
  name: 'sqlite',
  lockRows: (builder) => builder,
  insertNumberedOrder: (db, order, writes = noWrites) =>
    atomically(db, async (trx) => {
      const number = await takeOrderNumber(trx, order.storeId);
      await insertOrderRows(trx, { ...order, number });
      const couponUseRecorded = writes.freeCouponUse ? await recordFreeCouponUse(trx, writes.freeCouponUse) : false;
      if (writes.event) await trx('outbox_events').insert(outboxEventRow(writes.event(number)));
      return { number, couponUseRecorded };
    }),
  async loadOrders(db: Knex, filter: (builder: Knex.QueryBuilder) => void) {
    const builder = db(OrderModel.tableName).select('*');
    filter(builder);
    return withLines(db, (await builder) as Record<string, unknown>[]);
  },
  async whileMigrating(knex, _waitMs, work) {
    await repairMigrationLockTable(knex);
    return work();
  },
  changeColumnTypes: () => Promise.resolve(),
};
