import type { Knex } from 'knex';
import type { Order } from '../../orders/order.js';
import type { NumberedOrder, PlacedOrderWrites } from '../../orders/order-repository.js';
import { postgresDialect } from './postgres-dialect.js';
import { sqliteDialect } from './sqlite-dialect.js';

/**
 * Everything PostgreSQL and SQLite do differently, chosen once per knex instance
 * (`dialectFor`), so that repositories and migrations never test the client themselves.
 */
export interface Dialect {
  readonly name: 'postgresql' | 'sqlite';
  /**
   * Locks the rows `builder` reads until the transaction ends (PostgreSQL `FOR UPDATE`). SQLite
   * has one writer at a time and no row locks: a transaction that writes already excludes others.
   */
  lockRows<B extends { forUpdate(): unknown }>(builder: B): B;
  /**
   * Takes the store's next order number and stores the order under it (`order.number` is
   * ignored) with its lines and history; resolves the number. Call it in a transaction.
   * SQLite: the store row's counter, given back by a rollback. PostgreSQL: the store's sequence,
   * which locks nothing until commit and is not given back (a failure after it leaves a gap).
   * With `writes`, also what OrderRepository.insertPlaced names (PostgreSQL: in the same statement).
   */
  insertNumberedOrder(db: Knex, order: Order, writes?: PlacedOrderWrites): Promise<NumberedOrder>;
  /** The orders `filter` selects (it gets a builder on `orders`), with lines and history. */
  loadOrders(db: Knex, filter: (builder: Knex.QueryBuilder) => void): Promise<Order[]>;
  /** Runs `work` (the migrations) while no other process migrates the same schema. */
  whileMigrating<T>(knex: Knex, waitMs: number, work: () => Promise<T>): Promise<T>;
  /**
   * Changes column types (`{ column: 'bigint' }`) in place, keeping defaults and nullability.
   * SQLite columns have type affinities, not widths (an INTEGER holds 64 bits, a VARCHAR(n)
   * any length), so there is nothing to change there.
   */
  changeColumnTypes(knex: Knex, table: string, types: Record<string, string>): Promise<void>;
}

/** The dialect of a knex instance (or transaction); throws for a client other than pg or SQLite. */
export function dialectFor(knex: Knex): Dialect {
  const { dialect } = knex.client as { dialect?: unknown };
  if (dialect === 'postgresql') return postgresDialect;
  if (dialect === 'sqlite3') return sqliteDialect;
  throw new TypeError(`Unsupported knex client: ${String(dialect)} (expected pg or better-sqlite3)`);
}
