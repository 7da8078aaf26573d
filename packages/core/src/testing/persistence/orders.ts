import type { Test } from 'tap';
import type { Order } from '../../orders/order.js';
import type { Persistence } from '../../persistence.js';
import { decodeCursor } from '../../shared/page.js';
import { at, conflictOn, noAddressParts, open, orderRecord, placeOrder, seedStore, unique } from './fixtures.js';
import type { OrderNumbering, PersistenceFactory } from './fixtures.js';

/** Places `count` orders in turn (numbered 1001, 1002, … in a fresh store). */
async function placeOrders(p: Persistence, storeId: string, count: number, overrides: (i: number) => Partial<Order> = () => ({})) {
  const orders: Order[] = [];
  for (let i = 0; i < count; i++) orders.push(await placeOrder(p, orderRecord(storeId, overrides(i))));
  return orders;
}

/**
 * Numbers per store from 1001, contiguous for orders placed in turn; after a rollback the number
 * is given back ('gapless') or skipped, exactly once ('gaps after a failure').
 */
function orderNumberingTests(t: Test, factory: PersistenceFactory, numbering: OrderNumbering): void {
  t.test('orders: insertWithNextNumber numbers from 1001 per store and writes lines and history', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const first = orderRecord(store.id, { number: 42 });
    t.equal(await p.transaction((tx) => tx.orders.insertWithNextNumber(first)), 1001, '`order.number` is ignored');
    t.same(await p.orders.findById(store.id, first.id), { ...first, number: 1001 }, 'lines and history round-trip');
    t.equal((await placeOrder(p, orderRecord(store.id))).number, 1002);
    t.equal((await placeOrder(p, orderRecord(other.store.id))).number, 1001, 'each store has its own sequence');
    const rolledBack = p.transaction(async (tx) => {
      t.equal(await tx.orders.insertWithNextNumber(orderRecord(store.id)), 1003);
      throw new Error('roll back');
    });
    await t.rejects(rolledBack, { message: 'roll back' });
    if (numbering === 'gapless') t.equal((await placeOrder(p, orderRecord(store.id))).number, 1003, 'a rolled-back number is given back');
    else t.equal((await placeOrder(p, orderRecord(store.id))).number, 1004, 'a rolled-back number is skipped, once');
    t.equal((await placeOrder(p, orderRecord(store.id))).number, numbering === 'gapless' ? 1004 : 1005, 'and numbers go on contiguously');
    t.equal((await placeOrder(p, orderRecord(other.store.id))).number, 1002, "another store's numbers are not affected");
  });

  t.test('orders: insertPlaced writes the event the order\'s number makes, with or without an order number in it', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const createdAt = at();
    const event = (orderId: string, data: (number: number) => Record<string, unknown>) => (number: number) => ({
      type: 'order.placed' as const, storeId: store.id, orderId, productId: null, data: data(number), createdAt,
    });
    const first = orderRecord(store.id);
    // Texts that look like the number must stay as they are.
    const firstData = (number: number) => ({ order: { id: first.id, number, note: '"number":1001 "number":0', total: 1001 } });
    const written = await p.transaction((tx) => tx.orders.insertPlaced(first, { freeCouponUse: null, event: event(first.id, firstData) }));
    t.same(written, { number: 1001, couponUseRecorded: false });
    const second = orderRecord(store.id);
    const secondData = () => ({ order: { id: second.id, note: 'no number here' } });
    await p.transaction((tx) => tx.orders.insertPlaced(second, { freeCouponUse: null, event: event(second.id, secondData) }));
    const third = orderRecord(store.id);
    const thirdData = (number: number) => ({ order: { id: third.id, number }, again: { number } });
    await p.transaction((tx) => tx.orders.insertPlaced(third, { freeCouponUse: null, event: event(third.id, thirdData) }));
    const events = await p.transaction((tx) => tx.outbox.claimUndispatched(10));
    t.same(
      events.map(({ id: _id, ...rest }) => rest),
      [event(first.id, firstData)(1001), event(second.id, secondData)(1002), event(third.id, thirdData)(1003)],
      'one event per order, its data built from the number the order got',
    );
    t.same(await p.orders.findById(store.id, first.id), { ...first, number: 1001 }, 'and the order as insertWithNextNumber writes it');
  });
}

/** Lookups by id, token and idempotency key, hits and misses. */
function orderLookupTests(t: Test, factory: PersistenceFactory): void {
  t.test('orders: find by id, token and idempotency key, with the fingerprint', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const key = `key-${unique()}`;
    const [order] = await placeOrders(p, store.id, 1, () => ({
      idempotencyKey: key,
      idempotencyFingerprint: 'ab'.repeat(32),
      note: 'Ring the bell',
      customer: { name: 'Ravi', phone: '+919822222222', email: 'ravi@example.com', address: '3 Hill Road', pincode: '400050', ...noAddressParts },
    }));
    t.same(await p.orders.findById(store.id, order!.id), order);
    t.same(await p.orders.findByToken(store.id, order!.token), order);
    t.same(await p.orders.findByIdempotencyKey(store.id, key), order);
    t.equal((await p.orders.findByIdempotencyKey(store.id, key))?.idempotencyFingerprint, 'ab'.repeat(32));
    t.equal(await p.orders.findById(other.store.id, order!.id), null, "another store's order");
    t.equal(await p.orders.findByToken(other.store.id, order!.token), null);
    t.equal(await p.orders.findByIdempotencyKey(other.store.id, key), null);
    t.equal(await p.orders.findByToken(store.id, 'unknown'), null);
  });

  t.test('orders: findByIds reads several of the store\'s orders at once, and only the store\'s', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const mine = await placeOrders(p, store.id, 3);
    const [theirs] = await placeOrders(p, other.store.id, 1);
    const byId = (orders: Order[]) => new Map(orders.map((o) => [o.id, o]));
    const found = await p.orders.findByIds(store.id, [mine[2]!.id, mine[0]!.id, theirs!.id, mine[0]!.id, 'a\0b', 'x'.repeat(300)]);
    t.equal(found.length, 2, "two of the store's, once each; another store's and impossible ids left out");
    t.same(byId(found).get(mine[0]!.id), mine[0], 'with lines and history, as findById reads it');
    t.same(byId(found).get(mine[2]!.id), mine[2]);
    t.same(await p.orders.findByIds(store.id, []), []);
    t.same(await p.orders.findByIds('a\0b', [mine[1]!.id]), [], 'an impossible store id is a miss');
  });

  t.test('orders: lookups by values no column holds are misses, not errors', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    for (const value of ['a\0b', '\0', 'x'.repeat(300)]) {
      t.equal(await p.orders.findByToken(store.id, value), null, JSON.stringify(value.slice(0, 8)));
      t.equal(await p.orders.findById(store.id, value), null);
      t.equal(await p.orders.findByIdempotencyKey(store.id, value), null);
    }
  });
}

/** Idempotency keys: unique per store, null never collides. */
function orderIdempotencyTests(t: Test, factory: PersistenceFactory, numbering: OrderNumbering): void {
  t.test('orders: idempotency keys are unique per store; null keys never collide', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const key = `key-${unique()}`;
    await placeOrder(p, orderRecord(store.id, { idempotencyKey: key }));
    await t.rejects(placeOrder(p, orderRecord(store.id, { idempotencyKey: key })), conflictOn('idempotencyKey'));
    await t.resolves(placeOrder(p, orderRecord(other.store.id, { idempotencyKey: key })), 'same key, another store');
    await t.resolves(placeOrder(p, orderRecord(store.id)), 'no key');
    await t.resolves(placeOrder(p, orderRecord(store.id)), 'no key again');
    // In turn: the key's order, the refused duplicate, two orders without a key, and this one.
    const next = (await placeOrder(p, orderRecord(store.id))).number;
    if (numbering === 'gapless') t.equal(next, 1004, 'the refused order gave its number back');
    else t.equal(next, 1005, 'the refused order spent one number (the unique key refused it after the number was taken)');
  });
}

/** Pages of orders, and the compare-and-set status change. */
function orderListAndStatusTests(t: Test, factory: PersistenceFactory): void {
  t.test('orders: pages newest first, with lines and history, filtered by status', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const orders = await placeOrders(p, store.id, 5, (i) => (i % 2 ? { status: 'accepted' } : {}));
    const seen: Order[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await p.orders.list(store.id, { limit: 2, after });
      seen.push(...page.items);
      if (page.nextCursor === null) break;
      after = decodeCursor(page.nextCursor) ?? undefined;
    }
    t.same(seen, [...orders].reverse(), 'every order once, whole');
    const accepted = await p.orders.list(store.id, { limit: 10, status: 'accepted' });
    t.same(accepted.items.map((o) => o.number), [1004, 1002]);
    t.equal(accepted.nextCursor, null);
    t.same((await p.orders.list(store.id, { limit: 10, status: 'shipped' })).items, []);
  });

  t.test('orders: changeStatus is a compare-and-set with history', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const [order] = await placeOrders(p, store.id, 1);
    const id = order!.id;
    const when = at(1000);
    t.equal(await p.orders.changeStatus(store.id, id, 'pending', 'accepted', when, null), true);
    t.equal(await p.orders.changeStatus(store.id, id, 'pending', 'cancelled', at(2000), 'lost the race'), false, 'no longer pending');
    t.equal(await p.orders.changeStatus(other.store.id, id, 'accepted', 'shipped', at(2000), null), false, "another store's order");
    const found = await p.orders.findById(store.id, id);
    t.equal(found?.status, 'accepted');
    t.equal(found?.updatedAt, when);
    t.same(found?.history, [...order!.history, { status: 'accepted', at: when, reason: null }]);
  });

  t.test('orders: a status change keeps its reason in the history, in every read', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const [order] = await placeOrders(p, store.id, 1, () => ({ status: 'shipped' }));
    const id = order!.id;
    const reason = 'Refused at the door — "not ordered" ✓';
    const when = at(1000);
    t.equal(await p.orders.changeStatus(store.id, id, 'shipped', 'returned', when, reason), true);
    const expected = [...order!.history, { status: 'returned', at: when, reason }];
    t.same((await p.orders.findById(store.id, id))?.history, expected, 'by id');
    t.same((await p.orders.findByToken(store.id, order!.token))?.history, expected, 'by token');
    t.same((await p.orders.list(store.id, { limit: 10 })).items[0]?.history, expected, 'in a page');
  });
}

/** The payment's compare-and-set, its round trip, and the list's payment filter. */
function orderPaymentTests(t: Test, factory: PersistenceFactory): void {
  t.test('orders: the payment round-trips and changePayment is a compare-and-set', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const created = at();
    const [order] = await placeOrders(p, store.id, 1, () => ({
      paymentMethod: 'upi',
      payment: { method: 'upi', status: 'pending', reference: null, updatedAt: created },
    }));
    const id = order!.id;
    t.same((await p.orders.findById(store.id, id))?.payment, { method: 'upi', status: 'pending', reference: null, updatedAt: created });
    const when = at(1000);
    t.equal(await p.orders.changePayment(store.id, id, { from: 'pending', to: 'paid', reference: 'UTR-1', at: when }), true);
    t.equal(await p.orders.changePayment(store.id, id, { from: 'pending', to: 'paid', reference: 'UTR-2', at: at(2000) }), false, 'no longer pending');
    t.equal(await p.orders.changePayment(other.store.id, id, { from: 'paid', to: 'refunded', at: at(2000) }), false, "another store's order");
    t.equal(await p.orders.changePayment(store.id, 'a\0b', { from: 'paid', to: 'refunded', at: at(2000) }), false, 'an id no column holds');
    const found = await p.orders.findById(store.id, id);
    t.same(found?.payment, { method: 'upi', status: 'paid', reference: 'UTR-1', updatedAt: when });
    t.equal(found?.updatedAt, when, 'the order changed with its payment');
    t.equal(found?.status, 'pending', 'the fulfilment status did not');
    const later = at(3000);
    t.equal(await p.orders.changePayment(store.id, id, { from: 'paid', to: 'refunded', at: later }), true);
    t.same((await p.orders.findById(store.id, id))?.payment, { method: 'upi', status: 'refunded', reference: 'UTR-1', updatedAt: later }, 'no reference keeps the stored one');
  });

  t.test('orders: pages filtered by payment status', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const statuses = ['pending', 'paid', 'refunded', 'paid'] as const;
    const orders = await placeOrders(p, store.id, 4, (i) => ({ payment: { method: 'cod', status: statuses[i]!, reference: null, updatedAt: at() } }));
    t.same((await p.orders.list(store.id, { limit: 10, paymentStatus: 'paid' })).items.map((o) => o.id), [orders[3]!.id, orders[1]!.id]);
    t.same((await p.orders.list(store.id, { limit: 10, paymentStatus: 'refunded', status: 'pending' })).items.map((o) => o.id), [orders[2]!.id]);
    t.same((await p.orders.list(store.id, { limit: 10, paymentStatus: 'refunded', status: 'accepted' })).items, []);
  });
}

/** Today's summary for the dashboard. */
function orderSummaryTests(t: Test, factory: PersistenceFactory): void {
  t.test('orders: summary counts today and all pending', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const yesterday = at(-86_400_000);
    const since = at(-3_600_000);
    const statuses = ['pending', 'accepted', 'rejected', 'cancelled', 'delivered'] as const;
    await placeOrders(p, store.id, 7, (i) =>
      i < 5 ? { status: statuses[i]!, total: 1000 * (i + 1) } : { status: 'pending', total: 99, createdAt: yesterday },
    );
    t.same(await p.orders.summary(store.id, since), { orders: 5, revenue: 1000 + 2000 + 5000, pending: 3 });
    const empty = await seedStore(p);
    t.same(await p.orders.summary(empty.store.id, since), { orders: 0, revenue: 0, pending: 0 });
  });
}

/** OrderRepository: numbering, round trip, lookups, pages, status and payment changes, summary, idempotency keys. */
export function orderTests(t: Test, factory: PersistenceFactory, numbering: OrderNumbering = 'gapless'): void {
  orderNumberingTests(t, factory, numbering);
  orderLookupTests(t, factory);
  orderIdempotencyTests(t, factory, numbering);
  orderListAndStatusTests(t, factory);
  orderSummaryTests(t, factory);
  orderPaymentTests(t, factory);
}
