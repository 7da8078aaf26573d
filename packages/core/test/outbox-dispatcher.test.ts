// The dispatcher as createDukaan runs it: started with the core, nudged by a commit in this
// process (so a delivery does not wait for the poll), fanning order events out to mail when the
// core has a mailer, retrying a failed mail, and stopped by close().
import t from 'tap';
import type { MailMessage } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';
import { startReceiver } from './support/webhooks-receiver.js';

async function eventually(check: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return check();
}

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const receiver = await startReceiver();
    t.teardown(() => receiver.close());
    const sent: MailMessage[] = [];
    let mailDown = false;
    // While set, sends wait for it: holds a pass in flight.
    let gate: Promise<void> | null = null;
    let held = 0;
    const mailer = {
      async send(message: MailMessage) {
        if (gate) {
          held += 1;
          await gate;
        }
        if (mailDown) throw new Error('SMTP 451 try later');
        sent.push(message);
      },
    };
    const errors: string[] = [];
    // Polls once a minute: a delivery within seconds can only come from the nudge.
    const fixture = await variant.open({
      outbox: { pollIntervalMs: 60_000 },
      webhooks: { allowPrivate: true },
      mail: { mailer, publicUrl: 'https://shop.example.com' },
      onError: (_error, operation) => void errors.push(operation),
    });
    t.teardown(() => fixture.close());
    const { dukaan, knex } = fixture;
    const { store } = await openStore(dukaan);
    const product = await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000, stock: 100 });
    const hook = await dukaan.webhooks.create(store.id, { url: receiver.url('/live'), events: ['order.placed', 'order.status_changed'] });
    receiver.state.secrets.set('/live', hook.secret);

    t.test('a commit nudges the dispatcher: delivered without waiting for the poll', async (t) => {
      const started = Date.now();
      const { order } = await dukaan.orders.place(store.slug, { ...orderFor([{ productId: product.id, quantity: 1 }]), customer: { ...orderFor([]).customer, email: 'asha@example.com' } });
      t.ok(await eventually(() => receiver.received.length === 1), 'delivered');
      t.ok(Date.now() - started < 5000);
      t.ok(receiver.received[0]?.signed);
      await dukaan.orders.changeStatus(store.id, order.id, { status: 'accepted' });
      t.ok(await eventually(() => receiver.received.length === 2), 'the status change too');
      t.equal(receiver.received[1]?.json.type, 'order.status_changed');
    });

    t.test('with a mailer, order events fan out to the vendor and customer mail as well', async (t) => {
      await dukaan.outbox.idle();
      const rows = (await knex('outbox_deliveries as d')
        .join('outbox_events as e', 'e.id', 'd.event_id')
        .where('d.store_id', store.id)
        .select('e.type', 'd.target', 'd.status')
        .orderBy('d.id')) as Array<{ type: string; target: string; status: string }>;
      const placed = rows.filter((r) => r.type === 'order.placed').map((r) => r.target).sort();
      const changed = rows.filter((r) => r.type === 'order.status_changed').map((r) => r.target).sort();
      t.same(placed, ['mail:customer', 'mail:vendor', 'webhook']);
      t.same(changed, ['mail:customer', 'webhook']);
      t.ok(await eventually(() => sent.length >= 1), 'mail went out');
    });

    t.test('an order without an email fans out no customer mail (none can ever be due), placed or moved', async (t) => {
      const before = sent.length;
      const { order } = await dukaan.orders.place(store.slug, orderFor([{ productId: product.id, quantity: 1 }]));
      t.equal(order.customer.email, null);
      await dukaan.orders.changeStatus(store.id, order.id, { status: 'accepted' });
      t.ok(await eventually(() => receiver.received.filter((r) => (r.json.data['order'] as { id?: string } | undefined)?.id === order.id).length === 2), 'both webhooks went');
      await dukaan.outbox.idle();
      const rows = (await knex('outbox_deliveries as d')
        .join('outbox_events as e', 'e.id', 'd.event_id')
        .where('e.order_id', order.id)
        .select('e.type', 'd.target', 'd.status')) as Array<{ type: string; target: string; status: string }>;
      t.same(rows.filter((r) => r.type === 'order.placed').map((r) => r.target).sort(), ['mail:vendor', 'webhook']);
      t.same(rows.filter((r) => r.type === 'order.status_changed').map((r) => r.target).sort(), ['webhook']);
      t.ok(await eventually(() => sent.length === before + 1), 'the vendor still heard of the order');
      t.equal(sent[before]?.kind, 'new-order');
    });

    t.test('a mail the server refuses is retried later, not lost', async (t) => {
      mailDown = true;
      const before = sent.length;
      const { order } = await dukaan.orders.place(store.slug, { ...orderFor([{ productId: product.id, quantity: 1 }]), customer: { ...orderFor([]).customer, email: 'ravi@example.com' } });
      t.ok(await eventually(() => receiver.received.some((r) => (r.json.data['order'] as { id?: string } | undefined)?.id === order.id)));
      await dukaan.outbox.idle();
      const pendingMail = (await knex('outbox_deliveries as d')
        .join('outbox_events as e', 'e.id', 'd.event_id')
        .where('e.order_id', order.id)
        .whereIn('d.target', ['mail:vendor', 'mail:customer'])
        .select('d.status', 'd.error')) as Array<{ status: string; error: string | null }>;
      t.ok(pendingMail.length > 0);
      t.ok(
        pendingMail.every((row) => row.status === 'pending' && row.error?.startsWith('mail not sent')),
        JSON.stringify(pendingMail),
      );
      t.ok(errors.some((operation) => operation.startsWith('outbox mail:')), 'told onError');
      t.notOk(JSON.stringify(pendingMail).includes('ravi@example.com'), 'no address in the stored error');
      t.equal(sent.length, before);
      mailDown = false;
    });

    t.test('commits while a pass is in flight queue one more pass, not one per commit', async (t) => {
      await dukaan.outbox.idle();
      let release: () => void = () => {};
      gate = new Promise((resolve) => (release = resolve));
      held = 0;
      const claims: string[] = [];
      const onQuery = (query: { sql: string }) => {
        // claimUndispatched: PostgreSQL quotes with ", SQLite with `.
        if (/^select .* from .outbox_events. where .dispatched_at. is null/i.test(query.sql)) claims.push(query.sql);
      };
      knex.on('query', onQuery);
      t.teardown(() => {
        knex.off('query', onQuery);
        gate = null;
        release();
      });
      const withEmail = { ...orderFor([{ productId: product.id, quantity: 1 }]), customer: { ...orderFor([]).customer, email: 'meera@example.com' } };
      const first = await dukaan.orders.place(store.slug, withEmail);
      t.ok(await eventually(() => held > 0), 'a pass is held in the mail');
      const placed = [first.order.id];
      for (let i = 0; i < 5; i++) placed.push((await dukaan.orders.place(store.slug, orderFor([{ productId: product.id, quantity: 1 }]))).order.id);
      gate = null;
      release();
      const delivered = () => placed.every((id) => receiver.received.some((r) => (r.json.data['order'] as { id?: string } | undefined)?.id === id));
      t.ok(await eventually(delivered), 'every order was delivered');
      await dukaan.outbox.idle();
      // The held pass, then one pass for the five commits (one per commit was six).
      t.ok(claims.length >= 2 && claims.length <= 3, `${claims.length} fan-out claims`);
    });

    t.test('close() waits for a delivery in flight, but not longer than closeTimeoutMs', async (t) => {
      receiver.state.answer = ({ path }) => (path === '/stuck' ? 'hang' : { status: 200 });
      t.teardown(() => (receiver.state.answer = () => ({ status: 200 })));
      const { store: other } = await openStore(dukaan);
      const tea = await dukaan.catalog.createProduct(other.id, { name: 'Tea', price: 500, stock: 10 });
      const stuck = await dukaan.webhooks.create(other.id, { url: receiver.url('/stuck'), events: ['order.placed'] });
      await dukaan.outbox.idle();
      const closing = (await import('../src/index.js')).createDukaan({
        persistence: fixture.persistence,
        cache: fixture.makeCache(),
        outbox: { enabled: false, closeTimeoutMs: 300 },
        webhooks: { allowPrivate: true },
        sessionSweepIntervalMs: 0,
      });
      // The shared instance must not take the delivery first.
      await fixture.dukaan.close();
      await closing.orders.place(other.slug, orderFor([{ productId: tea.id, quantity: 1 }]));
      const pass = closing.outbox.runOnce();
      t.ok(await eventually(() => receiver.received.some((r) => r.path === '/stuck')), 'the delivery is in flight');
      const started = Date.now();
      await closing.close();
      const waited = Date.now() - started;
      t.ok(waited >= 250 && waited < 3000, `close() waited about closeTimeoutMs (${waited} ms)`);
      await pass;
      t.match((await closing.webhooks.deliveries(other.id, stuck.id))[0] ?? {}, { attempt: 1 });
    });

    t.test('close() stops the dispatcher', async (t) => {
      const second = fixture.secondInstance();
      await second.close();
      await t.resolves(second.outbox.idle());
      second.outbox.nudge(); // a no-op once closed
    });
  });
}
