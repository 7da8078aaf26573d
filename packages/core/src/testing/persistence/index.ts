import type { Test } from 'tap';
import { accountTests } from './accounts.js';
import { categoryTests } from './categories.js';
import { couponTests } from './coupons.js';
import type { ConformanceOptions, PersistenceFactory } from './fixtures.js';
import { limitTests } from './limits.js';
import { orderTests } from './orders.js';
import { outboxTests } from './outbox.js';
import { productTests } from './products.js';
import { sessionTests } from './sessions.js';
import { stockTests } from './stock.js';
import { storeTests } from './stores.js';
import { transactionTests } from './transactions.js';
import { vendorTests } from './vendors.js';

export type { ConformanceOptions, OrderNumbering, PersistenceFactory, PersistenceHarness } from './fixtures.js';

/**
 * The Persistence conformance suite: every port member, tenant isolation, pagination, stock
 * under concurrency, single-use account tokens, erasure, and the limits the API promises (money to 2^53 − 1, 255-character keys).
 * `factory` gives each test a fresh adapter on a migrated database; tests only touch data
 * they create, so one database may serve them all. `options.orderNumbers` says whether a failed
 * checkout gives its order number back (default 'gapless').
 */
export function persistenceConformance(t: Test, factory: PersistenceFactory, options: ConformanceOptions = {}): void {
  vendorTests(t, factory);
  storeTests(t, factory);
  categoryTests(t, factory);
  productTests(t, factory);
  stockTests(t, factory);
  orderTests(t, factory, options.orderNumbers ?? 'gapless');
  sessionTests(t, factory);
  transactionTests(t, factory);
  limitTests(t, factory);
  accountTests(t, factory);
  outboxTests(t, factory);
  couponTests(t, factory);
}
