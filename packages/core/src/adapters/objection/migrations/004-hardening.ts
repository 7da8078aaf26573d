import type { Knex } from 'knex';
import { dialectFor } from '../dialect.js';

/** Every money column (minor units), by table: bigint, as JSON integers reach 2^53 − 1. */
const moneyColumns: Record<string, string[]> = {
  stores: ['delivery_fee', 'free_delivery_above', 'min_order_value'],
  products: ['price', 'compare_at_price'],
  orders: ['subtotal', 'delivery_fee', 'total'],
  order_items: ['unit_price', 'line_total'],
};

/**
 * Money as bigint; idempotency keys of up to 255 characters (what the API accepts), with the
 * fingerprint of the request that placed the order; when each earlier slug of a store was
 * retired, so that only the most recent ones are kept.
 */
export async function up(knex: Knex): Promise<void> {
  const dialect = dialectFor(knex);
  for (const [table, columns] of Object.entries(moneyColumns)) {
    await dialect.changeColumnTypes(knex, table, Object.fromEntries(columns.map((column) => [column, 'bigint'])));
  }
  await dialect.changeColumnTypes(knex, 'orders', { idempotency_key: 'varchar(255)' });
  await knex.schema.alterTable('orders', (t) => {
    // sha256, hex; null for orders placed without a key or before fingerprints.
    t.string('idempotency_fingerprint', 64).nullable();
  });
  await knex.schema.alterTable('store_slugs', (t) => {
    // Null for the current slug.
    t.string('retired_at', 24).nullable();
  });
  // Earlier slugs of existing stores count as retired at the store's last change.
  await knex('store_slugs')
    .update({ retired_at: knex('stores').select('updated_at').where('stores.id', knex.ref('store_slugs.store_id')) })
    .whereNotExists(knex('stores').where('stores.id', knex.ref('store_slugs.store_id')).where('stores.slug', knex.ref('store_slugs.slug')));
}

/** Reverts the new columns; money stays bigint (narrowing could fail on stored amounts). */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('store_slugs', (t) => t.dropColumn('retired_at'));
  await knex.schema.alterTable('orders', (t) => t.dropColumn('idempotency_fingerprint'));
}
