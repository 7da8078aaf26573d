import type { Test } from 'tap';
import type { DeliveryOutcome } from '../../outbox/delivery.js';
import type { OutboxEventInput } from '../../outbox/outbox-event.js';
import type { Repositories } from '../../persistence.js';
import { newId } from '../../shared/id.js';
import { at, open, seedStore } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';

function orderEvent(storeId: string, orderId: string, createdAt = at()): OutboxEventInput {
  return {
    type: 'order.placed',
    storeId,
    orderId,
    productId: null,
    data: { order: { id: orderId, customer: { name: 'Asha Rao', phone: '+919876543210', email: 'asha@example.com', address: '12 MG Road', pincode: '560001' }, note: 'Ring twice', statusReason: 'Asha moved', history: [{ status: 'pending', reason: 'Asha moved' }] } },
    createdAt,
  };
}

/** Fans out the store's waiting events to one webhook each, as the dispatcher does, in one transaction. */
async function fanOut(repos: { transaction: <T>(work: (tx: Repositories) => Promise<T>) => Promise<T> }, storeId: string, webhookId: string): Promise<string[]> {
  return repos.transaction(async (tx) => {
    const events = (await tx.outbox.claimUndispatched(1000)).filter((event) => event.storeId === storeId);
    await tx.outbox.addDeliveries(events.map((event) => ({ eventId: event.id, storeId, target: 'webhook' as const, webhookId, createdAt: at(-1000) })));
    await tx.outbox.markDispatched(
      events.map((event) => event.id),
      at(),
    );
    return events.map((event) => event.id);
  });
}

const done = (status: DeliveryOutcome['status']): DeliveryOutcome => ({ status, nextAttemptAt: null, attemptedAt: at(), statusCode: 200, durationMs: 12, error: null });

/** Persistence: webhooks per store, and the outbox's fan-out, leases, history, retry, clean-up and erasure. */
export function outboxTests(t: Test, factory: PersistenceFactory): void {
  t.test('webhooks: per store, at most `max`, removed with their deliveries', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const record = (storeId: string, events: Array<'order.placed' | 'product.low_stock'> = ['order.placed']) => ({ id: newId(), storeId, url: 'https://hooks.example.com/x', events, secret: 'whsec_test', createdAt: at() });
    const first = record(store.id, ['order.placed', 'product.low_stock']);
    t.equal(await p.webhooks.insertUnlessFull(first, 2), true);
    t.equal(await p.webhooks.insertUnlessFull(record(store.id), 2), true);
    t.equal(await p.webhooks.insertUnlessFull(record(store.id), 2), false, 'full');
    t.equal(await p.webhooks.insertUnlessFull(record(other.store.id), 2), true, 'another store has its own count');
    t.same(await p.webhooks.findById(store.id, first.id), first);
    t.equal(await p.webhooks.findById(other.store.id, first.id), null, "not another store's");
    t.equal((await p.webhooks.listByStore(store.id)).length, 2);
    t.same((await p.webhooks.subscribedTo(store.id, 'product.low_stock')).map((w) => w.id), [first.id]);
    t.equal(await p.webhooks.remove(other.store.id, first.id), false);
    t.equal(await p.webhooks.remove(store.id, first.id), true);
    t.equal(await p.webhooks.findById(store.id, first.id), null);
  });

  t.test("webhooks: removeAllByStore deletes the store's webhooks and their deliveries, nobody else's", async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const hook = (storeId: string) => ({ id: newId(), storeId, url: 'https://hooks.example.com/x', events: ['order.placed' as const], secret: 'whsec_test', createdAt: at() });
    const mine = [hook(store.id), hook(store.id)];
    const theirs = hook(other.store.id);
    for (const record of [...mine, theirs]) await p.webhooks.insertUnlessFull(record, 10);
    await p.outbox.add(orderEvent(store.id, newId()));
    await p.outbox.add(orderEvent(other.store.id, newId()));
    await fanOut(p, store.id, mine[0]?.id ?? '');
    await fanOut(p, other.store.id, theirs.id);
    t.equal(await p.transaction((tx) => tx.webhooks.removeAllByStore(store.id)), 2);
    t.same(await p.webhooks.listByStore(store.id), []);
    t.same(await p.outbox.listDeliveries(store.id, mine[0]?.id ?? '', 10), [], 'their deliveries went too');
    t.same((await p.outbox.claimDue(at(), at(60_000), 'c', 1000)).filter((c) => c.event.storeId === store.id), [], 'nothing left to deliver');
    t.equal((await p.webhooks.listByStore(other.store.id)).length, 1, "another store's stays");
    t.equal((await p.outbox.listDeliveries(other.store.id, theirs.id, 10)).length, 1, 'with its delivery');
    t.equal(await p.webhooks.removeAllByStore(store.id), 0, 'none left');
  });

  t.test('outbox: fan-out once, leases exclude a second claimant until they run out, finish only by the holder', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const webhook = { id: newId(), storeId: store.id, url: 'https://hooks.example.com/x', events: ['order.placed' as const], secret: 'whsec_test', createdAt: at() };
    await p.webhooks.insertUnlessFull(webhook, 10);
    const eventId = await p.outbox.add(orderEvent(store.id, newId()));
    t.same(await fanOut(p, store.id, webhook.id), [eventId]);
    t.same(await fanOut(p, store.id, webhook.id), [], 'dispatched events are not claimed again');
    const now = at();
    const claimed = (await p.outbox.claimDue(now, at(60_000), 'a', 1000)).filter((c) => c.event.storeId === store.id);
    t.equal(claimed.length, 1);
    t.match(claimed[0], { target: 'webhook', attempt: 1, event: { id: eventId, type: 'order.placed' }, webhook: { id: webhook.id, url: webhook.url, secret: 'whsec_test' } });
    t.same((await p.outbox.claimDue(at(), at(60_000), 'b', 1000)).filter((c) => c.event.storeId === store.id), [], 'leased');
    const later = (await p.outbox.claimDue(at(61_000), at(120_000), 'b', 1000)).filter((c) => c.event.storeId === store.id);
    t.match(later, [{ id: claimed[0]?.id, attempt: 2 }], 'taken over once the lease ran out');
    t.equal(await p.outbox.finish(claimed[0]?.id ?? '', 'a', done('dead')), false, 'the first holder lost it');
    t.equal(await p.outbox.finish(claimed[0]?.id ?? '', 'b', done('delivered')), true);
    const [view] = await p.outbox.listDeliveries(store.id, webhook.id, 10);
    t.match(view, { id: claimed[0]?.id, eventId, eventType: 'order.placed', status: 'delivered', attempt: 2, statusCode: 200, durationMs: 12 });
    t.same(await p.outbox.listDeliveries(store.id, newId(), 10), []);
  });

  t.test('outbox: finishMany records each outcome of a batch, only for the claimant that holds it', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const webhook = { id: newId(), storeId: store.id, url: 'https://hooks.example.com/x', events: ['order.placed' as const], secret: 'whsec_test', createdAt: at() };
    await p.webhooks.insertUnlessFull(webhook, 10);
    for (let i = 0; i < 4; i++) await p.outbox.add(orderEvent(store.id, newId()));
    await fanOut(p, store.id, webhook.id);
    const claimed = (await p.outbox.claimDue(at(), at(60_000), 'batch', 1000)).filter((c) => c.event.storeId === store.id);
    t.equal(claimed.length, 4);
    // One is taken over by another dispatcher once the leases ran out: the batch's holder lost it.
    const taken = (await p.outbox.claimDue(at(61_000), at(120_000), 'other', 1)).filter((x) => x.event.storeId === store.id);
    t.equal(taken.length, 1);
    const d = taken[0]?.id;
    const [a, b, c] = claimed.map((x) => x.id).filter((id) => id !== d);
    t.equal(await p.outbox.finishMany('batch', []), 0, 'an empty batch writes nothing');
    const failed: DeliveryOutcome = { status: 'pending', nextAttemptAt: at(30_000), attemptedAt: at(), statusCode: null, durationMs: null, error: 'x'.repeat(300) };
    const written = await p.outbox.finishMany('batch', [
      { deliveryId: a!, outcome: done('delivered') },
      { deliveryId: b!, outcome: failed },
      { deliveryId: c!, outcome: { ...done('dead'), statusCode: 500, durationMs: 3 } },
      { deliveryId: d!, outcome: done('delivered') },
    ]);
    t.equal(written, 3, "three written; the one another dispatcher holds is left to it");
    const views = new Map((await p.outbox.listDeliveries(store.id, webhook.id, 10)).map((v) => [v.id, v]));
    t.match(views.get(a!), { status: 'delivered', statusCode: 200, durationMs: 12, error: null });
    t.match(views.get(b!), { status: 'pending', statusCode: null, durationMs: null, nextAttemptAt: failed.nextAttemptAt });
    t.equal(views.get(b!)?.error?.length, 200, 'the error is cut to the column');
    t.match(views.get(c!), { status: 'dead', statusCode: 500, durationMs: 3 });
    t.match(views.get(d!), { status: 'pending' }, 'not finished by the batch that lost it');
    t.equal(await p.outbox.finish(d!, 'other', done('delivered')), true, 'its holder still finishes it');
    const due = (await p.outbox.claimDue(at(31_000), at(90_000), 'later', 1000)).filter((x) => x.event.storeId === store.id);
    t.same(due.map((x) => x.id), [b], 'the lease is freed: only the failed one comes due again, on schedule');
  });

  t.test('outbox: concurrent fan-outs split the events, none twice', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const webhook = { id: newId(), storeId: store.id, url: 'https://hooks.example.com/x', events: ['order.placed' as const], secret: 'whsec_test', createdAt: at() };
    await p.webhooks.insertUnlessFull(webhook, 10);
    const ids = await Promise.all(Array.from({ length: 20 }, () => p.outbox.add(orderEvent(store.id, newId()))));
    const runs = await Promise.all(Array.from({ length: 4 }, () => fanOut(p, store.id, webhook.id)));
    const all = runs.flat();
    t.equal(new Set(all).size, all.length, 'no event fanned out twice');
    t.same(new Set(all), new Set(ids));
    t.equal((await p.outbox.listDeliveries(store.id, webhook.id, 100)).length, 20);
  });

  t.test('outbox: retry is scoped to the store and webhook; clean-up keeps pending work; erasure strips the customer', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const webhook = { id: newId(), storeId: store.id, url: 'https://hooks.example.com/x', events: ['order.placed' as const], secret: 'whsec_test', createdAt: at() };
    await p.webhooks.insertUnlessFull(webhook, 10);
    const orderId = newId();
    await p.outbox.add(orderEvent(store.id, orderId, at(-40 * 24 * 3600_000)));
    await fanOut(p, store.id, webhook.id);
    const [delivery] = await p.outbox.listDeliveries(store.id, webhook.id, 10);
    t.equal(await p.outbox.retryDelivery(other.store.id, webhook.id, delivery?.id ?? '', at()), null, "another store's");
    t.equal(await p.outbox.retryDelivery(store.id, newId(), delivery?.id ?? '', at()), null, "another webhook's");
    t.match(await p.outbox.retryDelivery(store.id, webhook.id, delivery?.id ?? '', at()), { retried: true, inFlight: false, record: { id: delivery?.id, status: 'pending' } });
    t.equal(await p.outbox.cleanUp(at(-30 * 24 * 3600_000)), 0, 'a pending delivery keeps its event');
    t.equal(await p.outbox.eraseOrderData(other.store.id, [orderId]), 0, "not another store's");
    t.equal(await p.outbox.eraseOrderData(store.id, [orderId]), 1);
    const [claimed] = (await p.outbox.claimDue(at(), at(60_000), 'c', 1000)).filter((c) => c.event.storeId === store.id);
    t.same((claimed?.event.data['order'] as Record<string, unknown>)['customer'], { name: '', phone: '', email: null, address: '', pincode: '' });
    t.equal((claimed?.event.data['order'] as Record<string, unknown>)['note'], null);
    t.notOk(JSON.stringify(claimed?.event.data).includes('Asha'));
    await p.outbox.finish(claimed?.id ?? '', 'c', done('delivered'));
    t.equal(await p.outbox.cleanUp(at(-30 * 24 * 3600_000)), 1, 'finished and old: deleted');
    t.same(await p.outbox.listDeliveries(store.id, webhook.id, 10), [], 'with its deliveries');
  });

  t.test('outbox: retry only a dead or pending delivery nobody holds; a delivered or leased one is left alone', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const webhook = { id: newId(), storeId: store.id, url: 'https://hooks.example.com/x', events: ['order.placed' as const], secret: 'whsec_test', createdAt: at() };
    await p.webhooks.insertUnlessFull(webhook, 10);
    await p.outbox.add(orderEvent(store.id, newId()));
    await fanOut(p, store.id, webhook.id);
    const [claimed] = (await p.outbox.claimDue(at(), at(60_000), 'holder', 1000)).filter((c) => c.event.storeId === store.id);
    const id = claimed?.id ?? '';
    t.match(await p.outbox.retryDelivery(store.id, webhook.id, id, at()), { retried: false, inFlight: true, record: { id, status: 'pending' } }, 'in flight: left alone');
    t.equal(await p.outbox.finish(id, 'holder', done('delivered')), true, 'the holder still finishes');
    t.match(await p.outbox.retryDelivery(store.id, webhook.id, id, at()), { retried: false, inFlight: false, record: { id, status: 'delivered' } }, 'delivered: left alone');
    t.same((await p.outbox.claimDue(at(), at(60_000), 'x', 1000)).filter((c) => c.event.storeId === store.id), [], 'nothing made due');

    await p.outbox.add(orderEvent(store.id, newId()));
    await fanOut(p, store.id, webhook.id);
    const [second] = (await p.outbox.claimDue(at(), at(60_000), 'dying', 1000)).filter((c) => c.event.storeId === store.id);
    const secondId = second?.id ?? '';
    t.match(await p.outbox.retryDelivery(store.id, webhook.id, secondId, at(61_000)), { retried: true, record: { id: secondId, status: 'pending' } }, 'a lease that ran out: retried');
    t.equal(await p.outbox.finish(secondId, 'dying', done('dead')), false, 'the holder that lost it writes nothing');
    const [again] = (await p.outbox.claimDue(at(61_000), at(120_000), 'next', 1000)).filter((c) => c.event.storeId === store.id);
    t.equal(again?.id, secondId, 'claimed again');
    t.equal(await p.outbox.finish(secondId, 'next', done('dead')), true);
    t.match(await p.outbox.retryDelivery(store.id, webhook.id, secondId, at()), { retried: true, record: { status: 'pending' } }, 'dead: retried');
  });
}
