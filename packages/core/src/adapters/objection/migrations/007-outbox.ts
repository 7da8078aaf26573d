import type { Knex } from 'knex';
import { idColumn, instantColumn, ownerColumn } from './columns.js';

/**
 * The transactional outbox: one row per event that leaves the process, written in the
 * transaction of its change. `dispatched_at` is set once the dispatcher has turned the event
 * into its deliveries; the partial-looking index on it keeps the dispatcher's scan short.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('outbox_events', (t) => {
    idColumn(t);
    ownerColumn(t, 'store_id', 'stores');
    t.string('type', 40).notNullable();
    t.string('order_id', 36).nullable().index();
    t.string('product_id', 36).nullable();
    // JSON text on both databases: the payload as receivers get it.
    t.text('data').notNullable();
    instantColumn(t, 'created_at');
    t.string('dispatched_at', 24).nullable();
    t.index(['dispatched_at', 'id']);
  });
}

/** Drops what up created. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('outbox_events');
}
