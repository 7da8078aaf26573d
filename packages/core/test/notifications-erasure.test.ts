// Erasure reaches the outbox: the events keep copies of the orders (webhook payloads still to
// deliver, mail still to send). Erasing a customer strips their finished orders' copies and no
// other; closing the account strips every order's. Mail owed to an erased order is not sent.
import t from 'tap';
import type { Knex } from 'knex';
import { smtpMailer } from '../src/adapters/mail/index.js';
import { sendEventMail } from '../src/notifications/send-event-mail.js';
import type { OutboxEvent, OutboxEventType } from '../src/outbox/outbox-event.js';
import { startMailCatcher } from '../src/testing/mail-catcher.js';
import { coreVariants } from './support/core-variants.js';
import { customer, openStore } from './support/orders.js';

const publicUrl = 'https://shop.example';
const password = 'correct horse battery';

async function eventsOf(knex: Knex, storeId: string): Promise<OutboxEvent[]> {
  const rows = (await knex('outbox_events').where({ store_id: storeId }).orderBy('id')) as Array<Record<string, unknown>>;
  return rows.map((row) => ({
    id: String(row['id']),
    type: row['type'] as OutboxEventType,
    storeId: String(row['store_id']),
    orderId: row['order_id'] === null ? null : String(row['order_id']),
    productId: row['product_id'] === null ? null : String(row['product_id']),
    data: JSON.parse(String(row['data'])) as Record<string, unknown>,
    createdAt: String(row['created_at']),
  }));
}

/** Whether an event's payload still holds anything of this customer. */
function holds(event: OutboxEvent, ...needles: string[]): boolean {
  const text = JSON.stringify(event.data);
  return needles.some((needle) => text.includes(needle));
}

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const catcher = await startMailCatcher();
    t.teardown(() => catcher.close());
    // No mailer in the core: no dispatcher mail; this test sends through sendEventMail itself.
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan, knex } = fixture;
    const mailer = smtpMailer({ url: catcher.url, from: 'Dukaan <no-reply@shop.example>' });
    t.teardown(() => mailer.close?.());
    const context = { persistence: fixture.persistence, mailer, publicUrl };

    const setUp = async () => {
      const { store, vendor } = await openStore(dukaan);
      const product = await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000, stock: 100 });
      const order = async (name: string, email: string, address: string) =>
        (await dukaan.orders.place(store.slug, { customer: { ...customer, name, email, address }, items: [{ productId: product.id, quantity: 1 }], paymentMethod: 'cod', note: `Note of ${name}` })).order;
      return { store, vendor, order };
    };

    t.test('erasing a customer strips the events of their finished orders, and only those', async (t) => {
      const { store, order } = await setUp();
      const done = await order('Meera Iyer', 'meera@example.com', '7 Lake View, Kochi');
      await dukaan.orders.changeStatus(store.id, done.id, { status: 'cancelled', reason: 'Moved to another city' });
      const open = await order('Meera Iyer', 'meera@example.com', '7 Lake View, Kochi');
      const other = await order('Ravi Kumar', 'ravi@example.com', '3 Hill Road, Pune');
      const result = await dukaan.orders.eraseCustomer(store.id, { email: 'meera@example.com' });
      t.same(result, { ordersErased: 1, ordersOpen: 1 });
      const events = await eventsOf(knex, store.id);
      const of = (id: string) => events.filter((e) => e.orderId === id);
      t.equal(of(done.id).length, 2, 'placed and cancelled');
      for (const event of of(done.id)) {
        t.notOk(holds(event, 'Meera', 'meera@example.com', 'Lake View', 'Note of'), `${event.type}: nothing of Meera left`);
        t.match(event.data, { order: { id: done.id, number: done.number, total: done.total, customer: { name: '', phone: '', email: null, address: '', pincode: '' }, note: null } });
        // The vendor's reason may name the customer or their circumstances: it goes with them.
        t.notOk(holds(event, 'another city'), `${event.type}: the vendor's reason is gone too (history and statusReason)`);
      }
      for (const event of of(open.id)) t.ok(holds(event, 'meera@example.com'), 'her open order keeps its details (it still has to be delivered)');
      for (const event of of(other.id)) t.ok(holds(event, 'Ravi Kumar', 'ravi@example.com'), "another customer's events are untouched");
      for (const event of of(done.id)) {
        await sendEventMail(context, event, 'customer');
        await sendEventMail(context, event, 'vendor');
      }
      t.same(catcher.messages.filter((m) => m.text.includes(done.token)), [], 'no mail for the erased order');
    });

    t.test("closing the account strips every order's events", async (t) => {
      const { store, vendor, order } = await setUp();
      const first = await order('Meera Iyer', 'meera@example.com', '7 Lake View, Kochi');
      await order('Ravi Kumar', 'ravi@example.com', '3 Hill Road, Pune');
      const session = await dukaan.auth.createSession(vendor.id, store.id);
      const principal = await dukaan.auth.resolveSession(session.token);
      if (!principal) throw new Error('no principal');
      await dukaan.vendors.closeAccount(principal, { password });
      const events = (await eventsOf(knex, store.id)).filter((e) => e.orderId !== null);
      t.equal(events.length, 2);
      for (const event of events) t.notOk(holds(event, 'Meera', 'Ravi', '@example.com', 'Lake View', 'Hill Road', 'Note of'), `${event.type} ${event.orderId}: no customer data`);
      const before = catcher.messages.length;
      for (const event of events) {
        await sendEventMail(context, event, 'vendor');
        await sendEventMail(context, event, 'customer');
      }
      t.equal(catcher.messages.length, before, 'nothing mailed for a closed store');
      t.ok(first.token.length > 0);
    });
  });
}
