// Order mail, sent by the outbox dispatcher through sendEventMail: which mail goes out for which
// event (the vendor's new-order mail, the customer's confirmation and status mails), over real
// SMTP to a catcher, from events the code really wrote to the outbox. Nothing for a store that
// turned the vendor mail off, a customer without email, or an order erased since the event; a
// mailer failure rejects (the dispatcher retries) without naming the address.
import t from 'tap';
import type { Knex } from 'knex';
import { smtpMailer } from '../src/adapters/mail/index.js';
import type { Mailer, MailMessage } from '../src/mail/mailer.js';
import { batchMailReads, sendEventMail, type EventMailContext } from '../src/notifications/send-event-mail.js';
import type { OutboxEvent, OutboxEventType } from '../src/outbox/outbox-event.js';
import { startMailCatcher, type CaughtMail } from '../src/testing/mail-catcher.js';
import { coreVariants } from './support/core-variants.js';
import { customer, openStore } from './support/orders.js';

const publicUrl = 'https://shop.example/store';
const from = 'Dukaan <no-reply@shop.example>';

/** The events the code wrote for an order, oldest first, as the dispatcher reads them. */
async function eventsOf(knex: Knex, orderId: string): Promise<OutboxEvent[]> {
  const rows = (await knex('outbox_events').where({ order_id: orderId }).orderBy([{ column: 'created_at' }, { column: 'id' }])) as Array<Record<string, unknown>>;
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

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const catcher = await startMailCatcher();
    t.teardown(() => catcher.close());
    // The core itself has no mailer: its own dispatcher (if any) sends nothing, so every mail here is this test's.
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan, knex } = fixture;
    const mailer = smtpMailer({ url: catcher.url, from });
    t.teardown(() => mailer.close?.());
    const context: EventMailContext = { persistence: fixture.persistence, mailer, publicUrl };

    const { store, vendor } = await openStore(dukaan);
    const chai = await dukaan.catalog.createProduct(store.id, { name: 'Masala Chai 250 g', price: 24900, stock: 100 });
    const place = async (extra: Record<string, unknown> = {}) => {
      const { order } = await dukaan.orders.place(store.slug, {
        customer: { ...customer, email: 'asha@example.com' },
        items: [{ productId: chai.id, quantity: 2 }],
        paymentMethod: 'cod',
        ...extra,
      });
      return order;
    };
    /** Sends what `event` owes both audiences; resolves the mail that arrived (sendEventMail resolves once the server took it). */
    const deliver = async (event: OutboxEvent) => {
      const before = catcher.messages.length;
      await sendEventMail(context, event, 'vendor');
      await sendEventMail(context, event, 'customer');
      return catcher.messages.slice(before);
    };
    const only = (mail: CaughtMail[], to: string) => mail.filter((m) => m.to.includes(to));

    t.test('a new order: the vendor gets the order, the customer a confirmation with the tracking link', async (t) => {
      const order = await place({ note: 'Ring twice' });
      const events = await eventsOf(knex, order.id);
      t.same(events.map((e) => e.type), ['order.placed']);
      const mail = await deliver(events[0]!);
      t.equal(mail.length, 2, 'two mails');

      const [toVendor] = only(mail, vendor.email);
      t.equal(toVendor?.subject, `New order #${order.number} · ₹498.00`);
      t.match(toVendor?.text, '2 × Masala Chai 250 g — ₹498.00');
      t.match(toVendor?.text, 'Total: ₹498.00');
      t.match(toVendor?.text, 'Cash on delivery');
      t.match(toVendor?.text, customer.name);
      t.match(toVendor?.text, '+919876543210');
      t.match(toVendor?.text, `${customer.address}, PIN ${customer.pincode}`);
      t.match(toVendor?.text, 'Ring twice');
      t.equal(catcher.linkIn(toVendor!, `/dashboard/orders/${order.id}`).href, `${publicUrl}/dashboard/orders/${order.id}`, 'the dashboard page of the order');
      t.match(toVendor?.html, `href="${publicUrl}/dashboard/orders/${order.id}"`);

      const [toCustomer] = only(mail, 'asha@example.com');
      t.equal(toCustomer?.subject, `Your order #${order.number} at ${store.name}`);
      t.match(toCustomer?.text, 'Please keep ₹498.00 ready');
      t.equal(catcher.linkIn(toCustomer!, `/orders/${order.token}`).href, `${publicUrl}/${store.slug}/orders/${order.token}`, 'the tracking page');
      t.notMatch(toCustomer?.text, 'store account', 'the customer is not told about a store account');
      // Nothing the orderer typed: whoever placed the order chose this address.
      t.match(toCustomer?.text, '2 × Masala Chai 250 g — ₹498.00', 'the order lines');
      t.match(toCustomer?.text, 'Total: ₹498.00', 'the totals');
      for (const typed of ['Ring twice', customer.address, customer.name, customer.pincode, '9876543210']) {
        t.notMatch(toCustomer?.text, typed, `no ${typed} in the text`);
        t.notMatch(toCustomer?.html, typed, `no ${typed} in the HTML`);
      }
      t.match(toCustomer?.text, 'The delivery details are on your order page.');
      t.notMatch(toCustomer?.html, /<img|<script|src=/i, 'no tracking pixel, nothing loaded');
    });

    t.test('each status change mails the customer its own status, with the reason; the vendor gets nothing more', async (t) => {
      const order = await place();
      await dukaan.orders.changeStatus(store.id, order.id, { status: 'accepted' });
      await dukaan.orders.changeStatus(store.id, order.id, { status: 'shipped' });
      await dukaan.orders.changeStatus(store.id, order.id, { status: 'returned', reason: 'Refused at the door' });
      const changes = (await eventsOf(knex, order.id)).filter((e) => e.type === 'order.status_changed');
      t.equal(changes.length, 3);
      const subjects: string[] = [];
      for (const event of changes) {
        const mail = await deliver(event);
        t.same(mail.map((m) => m.to), [['asha@example.com']], `${event.id}: one mail, to the customer`);
        subjects.push(mail[0]?.subject ?? '');
        if (mail[0]) t.equal(catcher.linkIn(mail[0], `/orders/${order.token}`).pathname, `/store/${store.slug}/orders/${order.token}`);
      }
      // Sent after all three moves: each mail still says the status its event announced.
      t.same(subjects, [
        `Your order #${order.number} is accepted · ${store.name}`,
        `Your order #${order.number} is on its way · ${store.name}`,
        `Your order #${order.number} went back to the store · ${store.name}`,
      ]);
      t.match(catcher.messages.at(-1)?.text, "The store's reason: Refused at the door");
    });

    t.test('rejected, cancelled and delivered each have their mail', async (t) => {
      const rejected = await place();
      await dukaan.orders.changeStatus(store.id, rejected.id, { status: 'rejected', reason: 'Out of stock today' });
      const cancelled = await place();
      await dukaan.orders.changeStatus(store.id, cancelled.id, { status: 'cancelled' });
      const delivered = await place();
      for (const status of ['accepted', 'shipped', 'delivered']) await dukaan.orders.changeStatus(store.id, delivered.id, { status });
      const last = async (id: string) => (await eventsOf(knex, id)).filter((e) => e.type === 'order.status_changed').at(-1)!;
      const [r] = await deliver(await last(rejected.id));
      t.match(r?.subject, `could not be taken`);
      t.match(r?.text, "The store's reason: Out of stock today");
      const [c] = await deliver(await last(cancelled.id));
      t.match(c?.subject, 'is cancelled');
      t.notMatch(c?.text, "The store's reason", 'no reason line without a reason');
      const [d] = await deliver(await last(delivered.id));
      t.match(d?.subject, 'is delivered');
    });

    t.test('payment and stock events mail nobody', async (t) => {
      const order = await place();
      for (const status of ['accepted', 'shipped', 'delivered']) await dukaan.orders.changeStatus(store.id, order.id, { status });
      const payment = (await eventsOf(knex, order.id)).filter((e) => e.type === 'order.payment_changed');
      t.ok(payment.length >= 1, 'cash on delivery became paid: an order.payment_changed event');
      for (const event of payment) t.same(await deliver(event), []);
      const lowStock: OutboxEvent = { ...payment[0]!, type: 'product.low_stock', orderId: null, productId: chai.id, data: {} };
      t.same(await deliver(lowStock), []);
    });

    t.test('a store that accepts orders automatically: the confirmation says so', async (t) => {
      await dukaan.stores.update(store.id, { autoAcceptOrders: true });
      t.teardown(() => dukaan.stores.update(store.id, { autoAcceptOrders: false }));
      const order = await place();
      const mail = await deliver((await eventsOf(knex, order.id))[0]!);
      t.match(only(mail, 'asha@example.com')[0]?.text, 'the store has accepted it');
      t.match(only(mail, vendor.email)[0]?.text, 'accepted it automatically', 'the vendor is not asked to accept it');
      t.notMatch(only(mail, 'asha@example.com')[0]?.text, 'confirm it soon');
    });

    t.test("a Hindi store mails its customers in Hindi; the vendor's mail follows the vendor's own language", async (t) => {
      await dukaan.stores.update(store.id, { locale: 'hi' });
      t.teardown(() => dukaan.stores.update(store.id, { locale: 'en' }));
      const order = await place();
      await dukaan.orders.changeStatus(store.id, order.id, { status: 'accepted' });
      const [placed, accepted] = await eventsOf(knex, order.id);
      const mail = await deliver(placed!);
      const toCustomer = only(mail, 'asha@example.com')[0];
      t.equal(toCustomer?.subject, `${store.name} पर आपका ऑर्डर #${order.number}`);
      t.match(toCustomer?.text, 'कृपया ₹498.00 तैयार रखें।');
      t.match(toCustomer?.text, 'अपना ऑर्डर यहाँ देखें:');
      t.equal(only(mail, vendor.email)[0]?.subject, `New order #${order.number} · ₹498.00`, 'the vendor chose no language: English');
      const [status] = await deliver(accepted!);
      t.equal(status?.subject, `आपका ऑर्डर #${order.number} स्वीकार हो गया है · ${store.name}`);

      const principal = { vendorId: vendor.id, storeId: store.id, via: 'session' as const, credentialId: 'test' };
      await dukaan.vendors.updateAccount(principal, { locale: 'hi' });
      t.teardown(() => dukaan.vendors.updateAccount(principal, { locale: 'en' }));
      await dukaan.stores.update(store.id, { locale: 'en' });
      const next = await place();
      const second = await deliver((await eventsOf(knex, next.id))[0]!);
      t.equal(only(second, vendor.email)[0]?.subject, `नया ऑर्डर #${next.number} · ₹498.00`, 'a Hindi vendor gets the new order in Hindi');
      t.match(only(second, vendor.email)[0]?.text, 'भुगतान: कैश ऑन डिलीवरी');
      t.equal(only(second, 'asha@example.com')[0]?.subject, `Your order #${next.number} at ${store.name}`, 'while the English store mails its customers in English');
    });

    t.test('the setting off: no vendor mail; the customer still gets theirs', async (t) => {
      await dukaan.stores.update(store.id, { newOrderEmails: false });
      t.teardown(() => dukaan.stores.update(store.id, { newOrderEmails: true }));
      const order = await place();
      const mail = await deliver((await eventsOf(knex, order.id))[0]!);
      t.same(mail.map((m) => m.to), [['asha@example.com']]);
    });

    t.test('no email: no customer mail, for the confirmation or a status', async (t) => {
      const { order } = await dukaan.orders.place(store.slug, { customer, items: [{ productId: chai.id, quantity: 1 }], paymentMethod: 'cod' });
      await dukaan.orders.changeStatus(store.id, order.id, { status: 'accepted' });
      const [placed, accepted] = await eventsOf(knex, order.id);
      t.same((await deliver(placed!)).map((m) => m.to), [[vendor.email]], 'the vendor only');
      t.same(await deliver(accepted!), [], 'nothing');
    });

    t.test('erased since the event: nothing, even for deliveries already queued', async (t) => {
      const email = 'erase-me@example.com';
      const { order } = await dukaan.orders.place(store.slug, { customer: { ...customer, email }, items: [{ productId: chai.id, quantity: 1 }], paymentMethod: 'cod' });
      await dukaan.orders.changeStatus(store.id, order.id, { status: 'cancelled', reason: 'Asha asked' });
      const events = await eventsOf(knex, order.id);
      t.same(await dukaan.orders.eraseCustomer(store.id, { email }), { ordersErased: 1, ordersOpen: 0 });
      for (const event of events) t.same(await deliver(event), [], `${event.type}: nothing sent`);
      t.notOk(catcher.messages.some((m) => m.text.includes(order.token)), 'no mail for it at all');
    });

    t.test('an unknown order, another store or a core without mail: nothing, and no error', async (t) => {
      const order = await place();
      const [event] = await eventsOf(knex, order.id);
      t.same(await deliver({ ...event!, orderId: '00000000-0000-7000-8000-000000000000' }), []);
      t.same(await deliver({ ...event!, storeId: '00000000-0000-7000-8000-000000000000' }), [], "another store's id finds nothing");
      await sendEventMail({ ...context, mailer: null }, event!, 'vendor');
      await sendEventMail({ ...context, publicUrl: null }, event!, 'customer');
    });

    t.test('a mailer failure rejects with MailSendError, naming no address', async (t) => {
      const order = await place();
      const [event] = await eventsOf(knex, order.id);
      const refused = smtpMailer({ url: catcher.url.replace('test:test', 'test:wrong'), from });
      t.teardown(() => refused.close?.());
      for (const audience of ['vendor', 'customer'] as const) {
        const error = await sendEventMail({ ...context, mailer: refused }, event!, audience).then(
          () => null,
          (e: unknown) => e as Error & { kind?: string; responseCode?: number },
        );
        t.equal(error?.name, 'MailSendError', `${audience}: rejects`);
        t.equal(error?.kind, audience === 'vendor' ? 'new-order' : 'order-confirmation');
        t.equal(error?.responseCode, 535, 'the server refused the credentials');
        t.notMatch(error?.message, /asha@example\.com|@example\.com/, 'no address in the error');
      }
      // A mailer that throws something that is not even an Error.
      const broken: Mailer = { send: async (_m: MailMessage) => Promise.reject('socket hang up') };
      await t.rejects(sendEventMail({ ...context, mailer: broken }, event!, 'customer'), { name: 'MailSendError', message: /socket hang up/ });
    });

    t.test('customer mail is capped per address (any letter case): past 5 an hour it resolves unsent, naming no one', async (t) => {
      const counters = fixture.makeCache().counters;
      const capped: EventMailContext = { ...context, counters };
      const victim = 'Relay.Victim@Example.com';
      const events: OutboxEvent[] = [];
      for (let i = 0; i < 7; i++) {
        const order = await place({ customer: { ...customer, email: i % 2 ? victim.toLowerCase() : victim } });
        events.push((await eventsOf(knex, order.id))[0]!);
      }
      const before = catcher.messages.length;
      for (const event of events) t.equal(await sendEventMail(capped, event, 'customer'), undefined, 'resolves, sent or not');
      const sent = catcher.messages.slice(before).filter((m) => m.to.some((to) => to.toLowerCase() === victim.toLowerCase()));
      t.equal(sent.length, 5, 'five mails, then none');
      const vendorBefore = catcher.messages.length;
      await sendEventMail(capped, events[6]!, 'vendor');
      t.equal(catcher.messages.length - vendorBefore, 1, 'the vendor still hears of the order: the cap is on customer mail');
      const other = await place({ customer: { ...customer, email: 'someone.else@example.com' } });
      const otherBefore = catcher.messages.length;
      await sendEventMail(capped, (await eventsOf(knex, other.id))[0]!, 'customer');
      t.equal(catcher.messages.length - otherBefore, 1, 'another address is not affected');
    });

    t.test('a customer mail the server refused does not use up the address\'s hourly mails', async (t) => {
      const counters = fixture.makeCache().counters;
      const refused: Mailer = { send: async () => Promise.reject(new Error('451 try later')) };
      const address = 'retry.me@example.com';
      const order = await place({ customer: { ...customer, email: address } });
      const event = (await eventsOf(knex, order.id))[0]!;
      for (let i = 0; i < 8; i++) await t.rejects(sendEventMail({ ...context, counters, mailer: refused }, event, 'customer'), { name: 'MailSendError' });
      const before = catcher.messages.length;
      await sendEventMail({ ...context, counters }, event, 'customer');
      t.equal(catcher.messages.slice(before).filter((m) => m.to.includes(address)).length, 1, 'the retry still goes out');
    });

    t.test('one batch of deliveries reads its orders in one go and the store and its vendor once', async (t) => {
      const orders = [await place(), await place(), await place()];
      const reads = { store: 0, vendor: 0, order: 0, orders: 0 };
      const persistence = fixture.persistence;
      const counted: EventMailContext = {
        ...context,
        persistence: {
          ...persistence,
          stores: { ...persistence.stores, findById: (id: string) => (reads.store++, persistence.stores.findById(id)) },
          vendors: { ...persistence.vendors, findById: (id: string) => (reads.vendor++, persistence.vendors.findById(id)) },
          orders: {
            ...persistence.orders,
            findById: (storeId: string, id: string) => (reads.order++, persistence.orders.findById(storeId, id)),
            findByIds: (storeId: string, ids: string[]) => (reads.orders++, persistence.orders.findByIds(storeId, ids)),
          },
        },
      };
      const events = await Promise.all(orders.map(async (order) => (await eventsOf(knex, order.id))[0]!));
      const batch = batchMailReads(counted, events.map((event) => ({ storeId: event.storeId, orderId: event.orderId! })));
      const before = catcher.messages.length;
      await Promise.all(events.flatMap((event) => [sendEventMail(counted, event, 'vendor', batch), sendEventMail(counted, event, 'customer', batch)]));
      t.equal(catcher.messages.length - before, 6, 'every mail of the batch went');
      t.same(reads, { store: 1, vendor: 1, order: 0, orders: 1 }, "one read of the batch's orders, one of the store, one of the vendor");

      // An order the batch did not name is read on its own; the next batch reads everything anew,
      // so a store that turned the mail off since is obeyed.
      const extra = await place();
      await sendEventMail(counted, (await eventsOf(knex, extra.id))[0]!, 'customer', batch);
      t.equal(reads.order, 1, 'an order outside the batch is read by itself');
      await dukaan.stores.update(store.id, { newOrderEmails: false });
      t.teardown(() => dukaan.stores.update(store.id, { newOrderEmails: true }));
      const next = await place();
      const sent = catcher.messages.length;
      await sendEventMail(counted, (await eventsOf(knex, next.id))[0]!, 'vendor', batchMailReads(counted, [{ storeId: store.id, orderId: next.id }]));
      t.equal(catcher.messages.length, sent, 'no vendor mail once the store turned it off');
      t.equal(reads.store, 2, 'the new batch read the store anew');

      // Erased before its batch: nothing, even though the batch named it.
      const erased = await place({ customer: { ...customer, email: 'gone@example.com' } });
      await dukaan.orders.changeStatus(store.id, erased.id, { status: 'cancelled' });
      t.same(await dukaan.orders.eraseCustomer(store.id, { email: 'gone@example.com' }), { ordersErased: 1, ordersOpen: 0 });
      const quiet = catcher.messages.length;
      const event = (await eventsOf(knex, erased.id))[0]!;
      const erasedBatch = batchMailReads(counted, [{ storeId: store.id, orderId: erased.id }]);
      await sendEventMail(counted, event, 'vendor', erasedBatch);
      await sendEventMail(counted, event, 'customer', erasedBatch);
      t.equal(catcher.messages.length, quiet, 'no mail for an order erased before its batch');
    });

    t.test('hostile names: no header injection, no markup', async (t) => {
      const hostileName = 'Asha\r\nBcc: victim@example.com\r\n\r\n<script>alert(1)</script>';
      const hostileStore = await openStore(dukaan);
      await dukaan.stores.update(hostileStore.store.id, { name: 'Chai <b>Corner</b> & "Co"' });
      const tea = await dukaan.catalog.createProduct(hostileStore.store.id, { name: '<img src=x onerror=alert(1)>', price: 1000, stock: 10 });
      const { order } = await dukaan.orders.place(hostileStore.store.slug, {
        customer: { ...customer, name: hostileName, email: 'asha@example.com', address: '12 MG Road\r\nX-Evil: 1' },
        items: [{ productId: tea.id, quantity: 1 }],
        paymentMethod: 'cod',
        note: '</p><a href="javascript:alert(1)">click</a>',
      });
      const mail = await deliver((await eventsOf(knex, order.id))[0]!);
      t.equal(mail.length, 2);
      t.notOk(catcher.messages.some((m) => m.to.includes('victim@example.com')), 'nobody else got a copy');
      for (const m of mail) {
        t.notMatch(m.subject, /[\r\n]/, 'the subject is one line');
        t.notMatch(m.html, /<script|<img|<b>|<a href="javascript:/i, "nothing typed became markup (a link in the note stays text)");
        t.notMatch(m.subject, /Bcc|X-Evil/);
      }
      const toCustomer = only(mail, 'asha@example.com')[0];
      t.equal(toCustomer?.subject, `Your order #${order.number} at Chai <b>Corner</b> & "Co"`, 'the store name as typed, as text');
      t.match(toCustomer?.html, 'Chai &lt;b&gt;Corner&lt;/b&gt; &amp; &quot;Co&quot;');
      const toVendor = only(mail, hostileStore.vendor.email)[0];
      t.match(toVendor?.text, '<script>alert(1)</script>', 'the text part keeps what was typed (it is not HTML)');
      t.match(toVendor?.html, '&lt;img src=x onerror=alert(1)&gt;');
    });
  });
}
