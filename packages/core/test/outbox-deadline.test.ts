// Review #3: each attempt (mail included) is cut off below the lease and recorded as timed out,
// so a hanging mail relay can neither outlive the lease (a second instance would send the mail
// again) nor hold the dispatcher's round; and a lease too short for the webhook timeout is refused.
import t from 'tap';
import type { MailMessage } from '../src/index.js';
import { attemptDeadlineMs, startDispatcher } from '../src/outbox/dispatcher.js';
import { webhookSettings } from '../src/webhooks/webhook-settings.js';
import { coreVariants } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';

t.test('the attempt deadline stays below the lease and above the webhook timeout', async (t) => {
  t.equal(attemptDeadlineMs(30_000, 5000), 25_000, 'default: lease - 5 s');
  t.equal(attemptDeadlineMs(120_000, 5000), 60_000, 'at most a minute');
  t.equal(attemptDeadlineMs(10_000, 5000), 7500, 'a short lease keeps half its room above the timeout');
  for (const [lease, timeout] of [[6001, 5000], [2000, 500], [45_000, 5000], [600_000, 30_000]] as const) {
    const deadline = attemptDeadlineMs(lease, timeout);
    t.ok(deadline < lease && deadline > timeout, `lease ${lease}, timeout ${timeout}: ${deadline}`);
  }
});

t.test('startDispatcher refuses a lease not above the webhook timeout + 1 s', async (t) => {
  const context = { webhooks: webhookSettings({}) } as unknown as Parameters<typeof startDispatcher>[0];
  for (const leaseMs of [6000, 5000, 1000, 0, -1, Number.NaN]) {
    t.throws(() => startDispatcher(context, { enabled: false, leaseMs }, () => undefined), TypeError, `leaseMs ${leaseMs}`);
  }
  const short = { webhooks: webhookSettings({ timeoutMs: 500 }) } as unknown as Parameters<typeof startDispatcher>[0];
  t.throws(() => startDispatcher(short, { enabled: false, leaseMs: 1500 }, () => undefined), { name: 'TypeError', message: /leaseMs \(1500\) must be more than the webhook timeout \(500 ms\) \+ 1000 ms/ });
});

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    let calls = 0;
    const hanging: Array<() => void> = [];
    // A relay that takes the connection and never finishes the transaction.
    const mailer = {
      send(_message: MailMessage) {
        calls += 1;
        return new Promise<void>((resolve) => void hanging.push(resolve));
      },
    };
    const errors: string[] = [];
    const fixture = await variant.open({
      outbox: { enabled: false, leaseMs: 2000 },
      webhooks: { allowPrivate: true, timeoutMs: 500 },
      mail: { mailer, publicUrl: 'https://shop.example.com' },
      onError: (_error, operation) => void errors.push(operation),
    });
    t.teardown(async () => {
      for (const resolve of hanging) resolve();
      await fixture.close();
    });
    const { dukaan, knex } = fixture;

    t.test('a hanging mail is recorded as timed out before the lease runs out', async (t) => {
      const { store } = await openStore(dukaan);
      const product = await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000, stock: 100 });
      const { order } = await dukaan.orders.place(store.slug, { ...orderFor([{ productId: product.id, quantity: 1 }]), customer: { ...orderFor([]).customer, email: 'ravi@example.com' } });
      const started = Date.now();
      await dukaan.outbox.runOnce();
      const took = Date.now() - started;
      const deadline = attemptDeadlineMs(2000, 500);
      t.ok(took >= deadline - 50 && took < 2000 + 3000, `the round ended at the deadline (${took} ms, deadline ${deadline} ms)`);
      t.equal(calls, 2, 'vendor and customer mail were each tried once');
      const rows = (await knex('outbox_deliveries as d')
        .join('outbox_events as e', 'e.id', 'd.event_id')
        .where('e.order_id', order.id)
        .whereIn('d.target', ['mail:vendor', 'mail:customer'])
        .select('d.status', 'd.error', 'd.attempt', 'd.lease_until', 'd.locked_by')) as Array<{ status: string; error: string | null; attempt: number; lease_until: string | null; locked_by: string | null }>;
      t.equal(rows.length, 2);
      // Review #7: the event is recorded without the tracking token.
      const events = (await knex('outbox_events').where('order_id', order.id).select('data')) as Array<{ data: string }>;
      t.ok(events.length > 0);
      for (const { data } of events) {
        t.notOk(String(data).includes(order.token), 'no tracking token in the stored event');
        t.notOk('token' in (JSON.parse(String(data)) as { order: object }).order);
      }
      for (const row of rows) {
        t.match(row, { status: 'pending', error: `timed out after ${deadline} ms`, lease_until: null, locked_by: null });
        t.equal(Number(row.attempt), 1);
      }
    });
  });
}

t.test('review #7: a webhook body never carries data.order.token, even for an event recorded with one', async (t) => {
  const { webhookRequest } = await import('../src/outbox/dispatcher.js');
  const event = {
    id: 'e1', type: 'order.placed' as const, storeId: 's', orderId: 'o', productId: null, createdAt: '2026-11-29T00:00:00.000Z', dispatchedAt: null,
    data: { order: { id: 'o', number: 1001, token: 'rmMLaKcciJRX1IysfAfSWMH_' }, previousStatus: 'pending' },
  };
  const { body } = webhookRequest(event as unknown as Parameters<typeof webhookRequest>[0], 'whsec_x', 1);
  t.same(JSON.parse(body).data, { order: { id: 'o', number: 1001 }, previousStatus: 'pending' });
  t.notOk(body.includes('rmMLaKcciJRX1IysfAfSWMH_'));
});

t.test('createDukaan refuses a lease below the webhook timeout before it starts anything', async (t) => {
  const { createDukaan } = await import('../src/index.js');
  const { noCache } = await import('../src/adapters/keyv/index.js');
  const { inProcessEventBus } = await import('../src/events.js');
  const events = inProcessEventBus();
  let subscribed = 0;
  const counting = { ...events, subscribe: (handler: Parameters<typeof events.subscribe>[0]) => (subscribed++, events.subscribe(handler)) };
  const persistence = {} as Parameters<typeof createDukaan>[0]['persistence'];
  t.throws(() => createDukaan({ persistence, cache: noCache(), events: counting, outbox: { leaseMs: 6000 } }), { name: 'TypeError', message: /leaseMs \(6000\)/ });
  t.equal(subscribed, 0, 'no subscription, timer or feed was started');
});
