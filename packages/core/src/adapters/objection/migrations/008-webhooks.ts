import type { Knex } from 'knex';
import { idColumn, instantColumn, ownerColumn } from './columns.js';

/**
 * Webhooks, and the deliveries the outbox dispatcher makes of each event (to a webhook, or the
 * order mail to the vendor or the customer). A delivery keeps its latest attempt only; the
 * (status, next_attempt_at) index serves the dispatchers' claim, (webhook_id, id) the vendor's
 * list, event_id the clean-up.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('webhooks', (t) => {
    idColumn(t);
    ownerColumn(t, 'store_id', 'stores');
    t.string('url', 2048).notNullable();
    // JSON text: the event types it receives.
    t.text('events').notNullable();
    t.string('secret', 64).notNullable();
    instantColumn(t, 'created_at');
    t.index(['store_id', 'id']);
  });
  await knex.schema.createTable('outbox_deliveries', (t) => {
    idColumn(t);
    ownerColumn(t, 'event_id', 'outbox_events');
    ownerColumn(t, 'store_id', 'stores');
    t.string('target', 16).notNullable();
    t.string('webhook_id', 36).nullable().references('id').inTable('webhooks').onDelete('CASCADE');
    t.string('status', 10).notNullable();
    t.integer('attempt').notNullable().defaultTo(0);
    t.string('next_attempt_at', 24).nullable();
    // The dispatcher holding the delivery, and until when: a dead process's lease runs out.
    t.string('lease_until', 24).nullable();
    t.string('locked_by', 64).nullable();
    t.integer('status_code').nullable();
    t.integer('duration_ms').nullable();
    t.string('error', 200).nullable();
    t.string('last_attempt_at', 24).nullable();
    instantColumn(t, 'created_at');
    t.string('delivered_at', 24).nullable();
    t.index(['status', 'next_attempt_at']);
    t.index(['webhook_id', 'id']);
    t.index(['event_id']);
  });
}

/** Drops what up created. */
export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('outbox_deliveries');
  await knex.schema.dropTableIfExists('webhooks');
}
