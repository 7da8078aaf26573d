import type { Knex } from 'knex';

/**
 * Payments and the store settings that go with them.
 *
 * `stores` gains the UPI ID (100 characters, as the schema allows), the payment methods offered
 * (comma-separated method names, default `cod`: every existing store keeps taking cash only),
 * the time zone its days are counted in (default Asia/Kolkata, what every store used before) and
 * the new-order email switch (on).
 *
 * `orders` gains the payment status (default `pending`), the reference the vendor noted and when
 * the payment last changed. Existing orders: a delivered order was cash on delivery (the only
 * method there was) handed over against cash, so it is `paid` as of its last update; every other
 * order is `pending` as of its creation (a cancelled or returned cash order never took money, so
 * there is nothing to refund). An index on (store_id, payment_status, id) serves the list's filter.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('stores', (t) => {
    t.string('upi_id', 100).nullable();
    t.string('payment_methods', 40).notNullable().defaultTo('cod');
    t.string('time_zone', 64).notNullable().defaultTo('Asia/Kolkata');
    t.boolean('new_order_emails').notNullable().defaultTo(true);
  });
  await knex.schema.alterTable('orders', (t) => {
    t.string('payment_status', 16).notNullable().defaultTo('pending');
    t.string('payment_reference', 100).nullable();
    t.string('payment_updated_at', 24).nullable();
    t.index(['store_id', 'payment_status', 'id'], 'orders_store_payment_status_id_index');
  });
  await knex('orders').where('status', 'delivered').update({ payment_status: 'paid', payment_updated_at: knex.ref('updated_at') });
  await knex('orders').whereNull('payment_updated_at').update({ payment_updated_at: knex.ref('created_at') });
}

/**
 * Drops what up added. Columns go by `ALTER TABLE … DROP COLUMN` on both databases (SQLite has
 * it since 3.35): knex's SQLite fallback rebuilds the table, and dropping `orders` inside the
 * migration's transaction (where foreign keys cannot be switched off) would cascade to every
 * order's lines and history.
 */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('orders', (t) => {
    t.dropIndex(['store_id', 'payment_status', 'id'], 'orders_store_payment_status_id_index');
  });
  const dropped = {
    orders: ['payment_status', 'payment_reference', 'payment_updated_at'],
    stores: ['upi_id', 'payment_methods', 'time_zone', 'new_order_emails'],
  };
  for (const [table, columns] of Object.entries(dropped)) {
    for (const column of columns) await knex.raw('ALTER TABLE ?? DROP COLUMN ??', [table, column]);
  }
}
