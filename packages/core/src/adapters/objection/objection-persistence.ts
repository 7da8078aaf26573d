import type { Knex } from 'knex';
import type { Persistence, Repositories } from '../../persistence.js';
import { withDataExceptions } from './data-exceptions.js';
import { dialectFor } from './dialect.js';
import type { Dialect } from './dialect.js';
import { ObjectionAccountTokenRepository } from './objection-account-token-repository.js';
import { ObjectionCategoryRepository } from './objection-category-repository.js';
import { ObjectionCouponRepository } from './objection-coupon-repository.js';
import { ObjectionOrderRepository } from './objection-order-repository.js';
import { ObjectionOutboxRepository } from './objection-outbox-repository.js';
import { ObjectionProductRepository } from './objection-product-repository.js';
import { ObjectionApiTokenRepository, ObjectionSessionRepository } from './objection-session-repository.js';
import { ObjectionStoreRepository } from './objection-store-repository.js';
import { ObjectionVendorRepository } from './objection-vendor-repository.js';
import { ObjectionWebhookRepository } from './objection-webhook-repository.js';

/** Every repository on one knex instance or one knex transaction. */
function repositories(db: Knex, dialect: Dialect): Repositories {
  return {
    vendors: withDataExceptions(new ObjectionVendorRepository(db)),
    stores: withDataExceptions(new ObjectionStoreRepository(db, dialect)),
    categories: withDataExceptions(new ObjectionCategoryRepository(db)),
    products: withDataExceptions(new ObjectionProductRepository(db)),
    orders: withDataExceptions(new ObjectionOrderRepository(db, dialect)),
    sessions: withDataExceptions(new ObjectionSessionRepository(db)),
    apiTokens: withDataExceptions(new ObjectionApiTokenRepository(db)),
    accountTokens: withDataExceptions(new ObjectionAccountTokenRepository(db)),
    outbox: withDataExceptions(new ObjectionOutboxRepository(db, dialect)),
    webhooks: withDataExceptions(new ObjectionWebhookRepository(db, dialect)),
    coupons: withDataExceptions(new ObjectionCouponRepository(db)),
  };
}

/** The Persistence port on knex + objection (PostgreSQL or SQLite); run migrateLatest first. */
export function objectionPersistence(knex: Knex): Persistence {
  // Chosen once: repositories ask the dialect, never the client.
  const dialect = dialectFor(knex);
  return {
    ...repositories(knex, dialect),
    transaction: (work) => knex.transaction((trx) => work(repositories(trx, dialect))),
    async ping() {
      await knex.raw('select 1');
    },
    close: () => knex.destroy(),
  };
}
