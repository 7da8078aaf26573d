// The outbox dispatcher against a real HTTP receiver on loopback that checks signatures: signed
// deliveries exactly once per dispatcher pass, retries with backoff, dead after the last attempt,
// manual retry, redirects not followed, timeouts, leases of a dispatcher that died, the SSRF
// guard at delivery time (DNS rebinding), and events written only when their transaction commits.
import t from 'tap';
import { createDukaan, verifyWebhookSignature, type DeliveryView, type Dukaan } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';
import { manualClock, startReceiver } from './support/webhooks-receiver.js';

const retry = { attempts: 3, baseMs: 1000, capMs: 4000 };

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const receiver = await startReceiver();
    t.teardown(() => receiver.close());
    const clock = manualClock();
    receiver.state.now = () => Math.floor(clock.now().getTime() / 1000);
    const fixture = await variant.open({ clock, limits: { checkout: 0 }, outbox: { enabled: false, retry, leaseMs: 10_000 }, webhooks: { allowPrivate: true } });
    t.teardown(() => fixture.close());
    const { dukaan, knex } = fixture;

    /** A store with a product and a webhook on `path` (its secret handed to the receiver). */
    async function shop(path: string, events: string[] = ['order.placed', 'order.status_changed'], core: Dukaan = dukaan) {
      const { store } = await openStore(core);
      const product = await core.catalog.createProduct(store.id, { name: 'Chai', price: 1000, stock: 100 });
      const hook = await core.webhooks.create(store.id, { url: receiver.url(path), events });
      receiver.state.secrets.set(path, hook.secret);
      const place = async (quantity = 1) => (await core.orders.place(store.slug, orderFor([{ productId: product.id, quantity }]))).order;
      const deliveries = () => core.webhooks.deliveries(store.id, hook.id);
      return { store, product, hook, place, deliveries };
    }
    const at = (path: string) => receiver.received.filter((r) => r.path === path);

    t.test('a placed order reaches the webhook once, signed, with the vendor view of the order', async (t) => {
      const { hook, place, deliveries, store } = await shop('/signed');
      const order = await place();
      await dukaan.outbox.runOnce();
      const [got] = at('/signed');
      t.ok(got, 'delivered');
      if (!got) return;
      t.ok(got.signed, 'the signature checks out with the secret');
      t.equal(got.headers['content-type'], 'application/json');
      t.equal(got.headers['user-agent'], 'dukaan-kit-webhooks/1');
      t.equal(got.headers['dukaan-event-id'], got.json.id);
      t.match(got.headers['dukaan-signature'], /^t=\d+,v1=[0-9a-f]{64}$/);
      t.equal(Number(/t=(\d+)/.exec(String(got.headers['dukaan-signature']))?.[1]), Math.floor(clock.now().getTime() / 1000), 't is the dispatch time');
      t.same(Object.keys(got.json).sort(), ['createdAt', 'data', 'id', 'type']);
      t.equal(got.json.type, 'order.placed');
      t.match(got.json.data, { order: { id: order.id, number: order.number, status: 'pending', customer: { name: 'Asha Rao' } } });
      t.notOk('storeId' in (got.json.data['order'] as object), 'the vendor view, not the record');
      t.notOk(verifyWebhookSignature(hook.secret, `${got.body} `, String(got.headers['dukaan-signature']), { now: Math.floor(clock.now().getTime() / 1000) }), 'a changed body fails');
      t.notOk(verifyWebhookSignature('whsec_other', got.body, String(got.headers['dukaan-signature']), { now: Math.floor(clock.now().getTime() / 1000) }), 'another secret fails');

      const [delivered] = await deliveries();
      t.match(delivered, { eventId: got.json.id, eventType: 'order.placed', status: 'delivered', attempt: 1, statusCode: 200, error: null, nextAttemptAt: null });
      t.type(delivered?.durationMs, 'number');
      t.type(delivered?.lastAttemptAt, 'string');

      await dukaan.outbox.runOnce();
      t.equal(at('/signed').length, 1, 'a second pass delivers nothing again');

      await dukaan.orders.changeStatus(store.id, order.id, { status: 'accepted' });
      await dukaan.outbox.runOnce();
      const changed = at('/signed')[1];
      t.match(changed?.json, { type: 'order.status_changed', data: { order: { status: 'accepted' }, previousStatus: 'pending' } });
      t.ok(changed?.signed);
      t.same(
        (await deliveries()).map((d) => d.eventType),
        ['order.status_changed', 'order.placed'],
        'newest first',
      );
    });

    t.test('a URL with a host name is delivered through the resolver (localhost, allowed here)', async (t) => {
      const { store } = await openStore(dukaan);
      const product = await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000, stock: 10 });
      const hook = await dukaan.webhooks.create(store.id, { url: `http://localhost:${receiver.port}/by-name`, events: ['order.placed'] });
      receiver.state.secrets.set('/by-name', hook.secret);
      await dukaan.orders.place(store.slug, orderFor([{ productId: product.id, quantity: 1 }]));
      await dukaan.outbox.runOnce();
      t.equal(at('/by-name').length, 1);
      t.ok(at('/by-name')[0]?.signed);
      t.match((await dukaan.webhooks.deliveries(store.id, hook.id))[0], { status: 'delivered', statusCode: 200 });
    });

    t.test('a webhook gets only the events it subscribed to', async (t) => {
      const { place, store } = await shop('/only-status', ['order.status_changed']);
      const order = await place();
      await dukaan.outbox.runOnce();
      t.equal(at('/only-status').length, 0);
      await dukaan.orders.changeStatus(store.id, order.id, { status: 'rejected' });
      await dukaan.outbox.runOnce();
      t.same(at('/only-status').map((r) => r.json.type), ['order.status_changed']);
    });

    t.test('a 500 is retried with growing, jittered waits until it succeeds; the event id stays', async (t) => {
      receiver.state.answer = ({ path, count }) => ({ status: path === '/flaky' && count <= 2 ? 500 : 200 });
      t.teardown(() => (receiver.state.answer = () => ({ status: 200 })));
      const { place, deliveries } = await shop('/flaky');
      await place();
      await dukaan.outbox.runOnce();
      let [view] = await deliveries();
      t.match(view, { status: 'pending', attempt: 1, statusCode: 500, error: 'HTTP 500' });
      const wait1 = Date.parse(view?.nextAttemptAt ?? '') - Date.parse(view?.lastAttemptAt ?? '');
      t.ok(wait1 >= 0 && wait1 < 1000, `first wait within [0, 1 s): ${wait1}`);
      clock.advance(1000);
      await dukaan.outbox.runOnce();
      [view] = await deliveries();
      t.match(view, { status: 'pending', attempt: 2, statusCode: 500 });
      const wait2 = Date.parse(view?.nextAttemptAt ?? '') - Date.parse(view?.lastAttemptAt ?? '');
      t.ok(wait2 >= 0 && wait2 < 2000, `second wait within [0, 2 s): ${wait2}`);
      clock.advance(2000);
      await dukaan.outbox.runOnce();
      [view] = await deliveries();
      t.match(view, { status: 'delivered', attempt: 3, statusCode: 200, error: null, nextAttemptAt: null });
      const ids = new Set(at('/flaky').map((r) => r.headers['dukaan-event-id']));
      t.equal(at('/flaky').length, 3);
      t.equal(ids.size, 1, 'one event id across the attempts, for receivers to drop duplicates');
    });

    t.test('dead after the last attempt; a manual retry gives it one more', async (t) => {
      let healthy = false;
      receiver.state.answer = ({ path }) => ({ status: path === '/down' && !healthy ? 503 : 200 });
      t.teardown(() => (receiver.state.answer = () => ({ status: 200 })));
      const { place, deliveries, store, hook } = await shop('/down');
      await place();
      await dukaan.outbox.runOnce();
      clock.advance(1000);
      await dukaan.outbox.runOnce();
      clock.advance(2000);
      await dukaan.outbox.runOnce();
      let [view] = await deliveries();
      t.match(view, { status: 'dead', attempt: 3, statusCode: 503, nextAttemptAt: null });
      clock.advance(24 * 3600_000);
      await dukaan.outbox.runOnce();
      t.equal(at('/down').length, 3, 'nothing after dead');
      healthy = true;
      const retried = await dukaan.webhooks.retry(store.id, hook.id, view?.id ?? '');
      t.match(retried, { id: view?.id, status: 'pending', attempt: 3 });
      await dukaan.outbox.runOnce();
      [view] = await deliveries();
      t.match(view, { status: 'delivered', attempt: 4, statusCode: 200 });
      t.equal(at('/down').length, 4);
      await t.rejects(dukaan.webhooks.retry(store.id, hook.id, 'nope'), { code: 'NOT_FOUND' });
      // Review #5: a delivered delivery is not sent again on demand; 409 and nothing is POSTed.
      await t.rejects(dukaan.webhooks.retry(store.id, hook.id, view?.id ?? ''), { code: 'CONFLICT', message: /already delivered/ });
      await dukaan.outbox.runOnce();
      t.equal(at('/down').length, 4, 'no further POST');
      t.match((await deliveries())[0], { status: 'delivered', attempt: 4 });
    });

    t.test('a redirect is a failure and is never followed', async (t) => {
      receiver.state.answer = ({ path }) => (path === '/moved' ? { status: 302, headers: { location: receiver.url('/elsewhere') } } : { status: 200 });
      t.teardown(() => (receiver.state.answer = () => ({ status: 200 })));
      const { place, deliveries } = await shop('/moved');
      await place();
      await dukaan.outbox.runOnce();
      t.equal(at('/moved').length, 1);
      t.equal(at('/elsewhere').length, 0, 'not followed');
      t.match((await deliveries())[0], { status: 'pending', statusCode: 302, error: /redirects are not followed/ });
    });

    t.test('a receiver that does not answer times out', async (t) => {
      receiver.state.answer = ({ path }) => (path === '/slow' ? 'hang' : { status: 200 });
      t.teardown(() => (receiver.state.answer = () => ({ status: 200 })));
      const { place, deliveries } = await shop('/slow');
      await place();
      // Another instance on the same database with a short timeout (the shared one keeps 5 s, so a loaded machine does not time out the other tests).
      const short = createDukaan({ persistence: fixture.persistence, cache: fixture.makeCache(), clock, outbox: { enabled: false }, webhooks: { allowPrivate: true, timeoutMs: 500 }, sessionSweepIntervalMs: 0 });
      t.teardown(() => short.close());
      const started = Date.now();
      await short.outbox.runOnce();
      t.ok(Date.now() - started < 3000, 'bounded by the timeout');
      const [view] = await deliveries();
      t.match(view, { status: 'pending', statusCode: null, error: 'timed out after 500 ms' });
      t.ok((view?.durationMs ?? 0) >= 400);
    });

    t.test('a dispatcher that died mid-delivery: its lease runs out and another delivers', async (t) => {
      const { place, deliveries } = await shop('/lease');
      await place();
      await dukaan.outbox.fanOut();
      const now = clock.now();
      // A process claims the delivery, then is killed before it finishes.
      const claimed = await fixture.persistence.outbox.claimDue(now.toISOString(), new Date(now.getTime() + 10_000).toISOString(), 'killed-process', 100);
      const mine = claimed.filter((c) => c.webhook?.url === receiver.url('/lease'));
      t.equal(mine.length, 1, 'claimed');
      await dukaan.outbox.runOnce();
      t.equal(at('/lease').length, 0, 'not delivered while the lease runs');
      clock.advance(10_001);
      await dukaan.outbox.runOnce();
      t.equal(at('/lease').length, 1, 'delivered after the lease ran out');
      t.match((await deliveries())[0], { status: 'delivered', attempt: 2 });
      const late = await fixture.persistence.outbox.finish(mine[0]?.id ?? '', 'killed-process', {
        status: 'dead',
        nextAttemptAt: null,
        attemptedAt: clock.now().toISOString(),
        statusCode: null,
        durationMs: null,
        error: 'late',
      });
      t.equal(late, false, 'the dead claimant can no longer write');
      t.match((await deliveries())[0], { status: 'delivered' });
    });

    t.test('two dispatchers share a burst: every event delivered exactly once', async (t) => {
      const second = fixture.secondInstance();
      const { place } = await shop('/burst');
      const orders = Array.from({ length: 30 }, () => place());
      let done = false;
      const work = async (core: Dukaan) => {
        while (!done) {
          await core.outbox.runOnce();
          // better-sqlite3 answers synchronously: without a turn of the event loop the timer that ends this would never fire.
          await new Promise((resolve) => setImmediate(resolve));
        }
      };
      const loops = [work(dukaan), work(second), work(dukaan), work(second)];
      const placed = await Promise.all(orders);
      await new Promise((resolve) => setTimeout(resolve, 300));
      done = true;
      await Promise.all(loops);
      await dukaan.outbox.runOnce();
      // A loaded machine may fail an attempt (a timeout); its retry is due on the manual clock later.
      for (let round = 0; round < 10 && new Set(at('/burst').map((r) => r.json.id)).size < 30; round++) {
        clock.advance(60_000);
        await dukaan.outbox.runOnce();
      }
      const byEvent = new Map<string, number>();
      for (const r of at('/burst')) byEvent.set(r.json.id, (byEvent.get(r.json.id) ?? 0) + 1);
      t.equal(byEvent.size, 30, 'every event');
      t.same([...byEvent.values()].filter((n) => n !== 1), [], 'none twice');
      t.same(new Set(at('/burst').map((r) => (r.json.data['order'] as { id: string }).id)), new Set(placed.map((o) => o.id)));
      t.ok(at('/burst').every((r) => r.signed));
    });

    t.test('an event exists only when its transaction commits', async (t) => {
      const { store, product, place } = await shop('/commit');
      const count = async () => Number(((await knex('outbox_events').where('store_id', store.id).count({ n: '*' }).first()) as { n: unknown }).n);
      await t.rejects(
        fixture.persistence.transaction(async (tx) => {
          await tx.outbox.add({ type: 'order.placed', storeId: store.id, orderId: null, productId: null, data: {}, createdAt: clock.now().toISOString() });
          throw new Error('rolled back');
        }),
      );
      t.equal(await count(), 0, 'a rolled-back transaction leaves no event');
      await t.rejects(dukaan.orders.place(store.slug, orderFor([{ productId: product.id, quantity: 1000 }])), { code: 'OUT_OF_STOCK' });
      t.equal(await count(), 0, 'a refused checkout leaves no event');
      await dukaan.outbox.runOnce();
      t.equal(at('/commit').length, 0);
      await place();
      t.equal(await count(), 1);
    });

    t.test('erasure strips the customer from stored events; later deliveries carry no personal data', async (t) => {
      const { store, place } = await shop('/erased');
      const order = await dukaan.orders.place(store.slug, { ...orderFor([{ productId: (await dukaan.catalog.listProducts(store.id, {})).items[0]!.id, quantity: 1 }]), customer: { name: 'Ravi Kumar', phone: '9812345678', email: 'ravi@example.com', address: '1 Park Street', pincode: '700016' }, note: 'Ring twice' });
      const other = await place();
      const erased = await fixture.persistence.outbox.eraseOrderData(store.id, [order.order.id]);
      t.equal(erased, 1);
      await dukaan.outbox.runOnce();
      const bodies = at('/erased').map((r) => r.body);
      const mine = bodies.find((b) => b.includes(order.order.id)) ?? '';
      for (const word of ['Ravi', '9812345678', 'ravi@example.com', 'Park Street', '700016', 'Ring twice']) t.notOk(mine.includes(word), `no ${word}`);
      t.match(JSON.parse(mine), { data: { order: { customer: { name: '', phone: '', email: null, address: '', pincode: '' }, note: null } } });
      t.ok(bodies.find((b) => b.includes(other.id))?.includes('Asha Rao'), 'other orders keep theirs');
      t.equal(await fixture.persistence.outbox.eraseOrderData(store.id, 'all'), 2);
      t.equal(await fixture.persistence.outbox.eraseOrderData(store.id, []), 0);
    });

    t.test('finished events are cleaned up after 30 days; pending ones stay', async (t) => {
      receiver.state.answer = ({ path }) => ({ status: path === '/clean-fail' ? 500 : 200 });
      t.teardown(() => (receiver.state.answer = () => ({ status: 200 })));
      const ok = await shop('/clean-ok');
      const failing = await shop('/clean-fail');
      await ok.place();
      await failing.place();
      await dukaan.outbox.runOnce();
      clock.advance(31 * 24 * 3600_000);
      await dukaan.outbox.cleanUp();
      const left = async (storeId: string) => Number(((await knex('outbox_events').where('store_id', storeId).count({ n: '*' }).first()) as { n: unknown }).n);
      t.equal(await left(ok.store.id), 0, 'delivered: gone');
      t.same(await ok.deliveries(), [], 'with its deliveries');
      t.equal(await left(failing.store.id), 1, 'pending: kept');
    });
  });
}

/** Keeps the type import used. */
export type Views = DeliveryView[];
