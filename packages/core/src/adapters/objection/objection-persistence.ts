import type { Knex } from 'knex';
import type { Persistence, Repositories } from '../../persistence.js';
import { ObjectionCategoryRepository } from './objection-category-repository.js';
import { ObjectionOrderRepository } from './objection-order-repository.js';
import { ObjectionProductRepository } from './objection-product-repository.js';
import { ObjectionApiTokenRepository, ObjectionSessionRepository } from './objection-session-repository.js';
import { ObjectionStoreRepository } from './objection-store-repository.js';
import { ObjectionVendorRepository } from './objection-vendor-repository.js';

/** Every repository on one knex instance or one knex transaction. */
function repositories(db: Knex): Repositories {
  return {
    vendors: new ObjectionVendorRepository(db),
    stores: new ObjectionStoreRepository(db),
    categories: new ObjectionCategoryRepository(db),
    products: new ObjectionProductRepository(db),
    orders: new ObjectionOrderRepository(db),
    sessions: new ObjectionSessionRepository(db),
    apiTokens: new ObjectionApiTokenRepository(db),
  };
}

/** The Persistence port on knex + objection (PostgreSQL or SQLite); run migrateLatest first. */
export function objectionPersistence(knex: Knex): Persistence {
  return {
    ...repositories(knex),
    transaction: (work) => knex.transaction((trx) => work(repositories(trx))),
    async ping() {
      await knex.raw('select 1');
    },
    close: () => knex.destroy(),
  };
}
