// Migration 009 on a database with stores and orders from before payments: every store keeps
// taking cash only (in Asia/Kolkata, mailing new orders); a delivered (cash) order is paid as of
// its last update, every other order pending as of its creation. Down drops it all again.
import t from 'tap';
import type { Test } from 'tap';
import type { Knex } from 'knex';
import { migrateLatest, objectionPersistence } from '../src/adapters/objection/index.js';
import { migrationSource } from '../src/adapters/objection/migrate.js';
import { migrateDownThrough, onBothDatabases } from './support/migrations.js';

async function migrationTests(t: Test, knex: Knex): Promise<void> {
  const before009 = {
    ...migrationSource,
    getMigrations: async (extensions: readonly string[]) => (await migrationSource.getMigrations(extensions)).filter((m) => m.name < '009'),
  } as Knex.MigrationSource<unknown>;
  await knex.migrate.latest({ migrationSource: before009 });
  const created = '2026-01-01T00:00:00.000Z';
  const delivered = '2026-01-03T00:00:00.000Z';
  await knex('vendors').insert({ id: 'v1', email: 'v@example.com', password_hash: 'x', created_at: created });
  await knex('stores').insert({ id: 's1', vendor_id: 'v1', slug: 'chai-now', name: 'Chai', created_at: created, updated_at: created });
  const order = (id: string, number: number, status: string, updatedAt: string) => ({
    id, store_id: 's1', number, token: `t-${id}`, status, customer_name: 'A', customer_phone: '+919811111111',
    customer_address: 'x', customer_pincode: '700016', subtotal: 9800, delivery_fee: 4000, total: 13800, currency: 'INR',
    payment_method: 'cod', created_at: created, updated_at: updatedAt,
  });
  await knex('orders').insert([order('o1', 1001, 'delivered', delivered), order('o2', 1002, 'cancelled', delivered), order('o3', 1003, 'pending', created)]);
  await migrateLatest(knex);
  const p = objectionPersistence(knex);
  t.match(await p.stores.findById('s1'), { upiId: null, paymentMethods: ['cod'], timeZone: 'Asia/Kolkata', newOrderEmails: true }, 'a store keeps taking cash only');
  t.same((await p.orders.findById('s1', 'o1'))?.payment, { method: 'cod', status: 'paid', reference: null, updatedAt: delivered }, 'delivered cash was collected');
  t.same((await p.orders.findById('s1', 'o2'))?.payment, { method: 'cod', status: 'pending', reference: null, updatedAt: created }, 'a cancelled cash order took no money');
  t.same((await p.orders.findById('s1', 'o3'))?.payment, { method: 'cod', status: 'pending', reference: null, updatedAt: created });
  t.same((await p.orders.list('s1', { limit: 10, paymentStatus: 'paid' })).items.map((o) => o.id), ['o1'], 'the filter reads the backfill');
  await migrateDownThrough(knex, '009-payments');
  for (const column of ['payment_status', 'payment_reference', 'payment_updated_at']) t.notOk(await knex.schema.hasColumn('orders', column), `down drops orders.${column}`);
  for (const column of ['upi_id', 'payment_methods', 'time_zone', 'new_order_emails']) t.notOk(await knex.schema.hasColumn('stores', column), `and stores.${column}`);
  t.equal(((await knex('orders').count({ n: '*' })) as { n: unknown }[])[0]?.n?.toString(), '3', 'keeping the rows');
  await migrateLatest(knex);
  t.equal((await p.orders.findById('s1', 'o1'))?.payment.status, 'paid', 'and up again');
}

onBothDatabases('009 upgrades an older database', 'pay', migrationTests);
