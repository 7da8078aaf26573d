// The PaymentProvider port: a gateway adapter plugged in through createDukaan({ payments })
// starts the customer's payment, confirms it from its (signed) webhook, and refunds, while core
// keeps the state, the rules and the events. Also the manual UPI adapter's link.
import { createHmac } from 'node:crypto';
import t from 'tap';
import { manualUpi, upiPayUri, type Order, type PaymentNotification, type PaymentProvider } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { customer, openStore } from './support/orders.js';

t.test('upiPayUri: every value encoded, the amount in rupees from paise, the @ kept', async (t) => {
  const store = { upiId: 'chai.corner@okhdfcbank', name: 'Chai & Co — "Best" #1' };
  t.equal(
    upiPayUri(store, { number: 1001, total: 24900 }),
    'upi://pay?pa=chai.corner@okhdfcbank&pn=Chai%20%26%20Co%20%E2%80%94%20%22Best%22%20%231&am=249.00&cu=INR&tn=Order%20%231001',
  );
  t.match(upiPayUri(store, { number: 7, total: 5 }), /&am=0\.05&/);
  t.match(upiPayUri(store, { number: 7, total: 9_007_199_254_740_991 }), /&am=90071992547409\.91&/, 'exact at the largest amount');
  const parsed = new URL(upiPayUri({ upiId: 'a.b@ybl', name: 'x&pa=evil@ybl' }, { number: 1, total: 100 }));
  t.equal(parsed.searchParams.get('pa'), 'a.b@ybl', 'a name cannot smuggle in another payee');
  t.equal(parsed.searchParams.getAll('pa').length, 1);
  t.throws(() => upiPayUri({ upiId: null, name: 'x' }, { number: 1, total: 1 }), TypeError);
});

const secret = 'whsec_test_gateway';

/** A gateway double: signed JSON notifications, refunds it records. */
function fakeGateway(refunds: string[], failRefund: { on: boolean }): PaymentProvider {
  return {
    method: 'upi',
    name: 'fake-gateway',
    start: (order) => ({ method: 'upi', uri: `https://pay.example/checkout/${order.id}` }),
    async confirm({ headers, body }) {
      const expected = createHmac('sha256', secret).update(body).digest('hex');
      if (headers['x-signature'] !== expected) throw new Error('bad signature');
      const event = JSON.parse(body) as { type: string; storeId: string; orderId: string; paymentId: string };
      if (event.type === 'ping') return null;
      return { storeId: event.storeId, orderId: event.orderId, status: event.type === 'refund.done' ? 'refunded' : 'paid', reference: event.paymentId };
    },
    async refund(order) {
      if (failRefund.on) throw new Error('gateway refused the refund');
      refunds.push(order.id);
      return { reference: `rfnd_${order.number}` };
    },
  };
}

function signed(event: Record<string, unknown>): PaymentNotification {
  const body = JSON.stringify(event);
  return { headers: { 'x-signature': createHmac('sha256', secret).update(body).digest('hex') }, body };
}

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const refunds: string[] = [];
    const failRefund = { on: false };
    const fixture = await variant.open({ payments: [manualUpi(), fakeGateway(refunds, failRefund)] });
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const { store } = await openStore(dukaan, { paymentMethods: ['cod', 'upi'], upiId: 'shop@okaxis' });
    const product = await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 2500 });
    const place = async (paymentMethod: 'cod' | 'upi'): Promise<Order> =>
      (await dukaan.orders.place(store.slug, { customer, items: [{ productId: product.id, quantity: 1 }], paymentMethod })).order;
    const outboxTypes = async (orderId: string) => ((await fixture.knex('outbox_events').where('order_id', orderId).orderBy('id')) as Array<{ type: string }>).map((r) => r.type);

    t.test("the later provider of a method replaces the earlier: the gateway's checkout page is the customer's link", async (t) => {
      const order = await place('upi');
      t.match(await dukaan.storefront.paymentFor(store.slug, order.token), { method: 'upi', status: 'pending', uri: `https://pay.example/checkout/${order.id}` });
    });

    t.test('a signed notification marks the order paid with the provider reference, once', async (t) => {
      const order = await place('upi');
      const paid = await dukaan.payments.confirm('upi', signed({ type: 'payment.captured', storeId: store.id, orderId: order.id, paymentId: 'pay_123' }));
      t.match(paid?.payment, { status: 'paid', reference: 'pay_123' });
      const again = await dukaan.payments.confirm('upi', signed({ type: 'payment.captured', storeId: store.id, orderId: order.id, paymentId: 'pay_123' }));
      t.match(again?.payment, { status: 'paid', reference: 'pay_123' }, 'a retried notification answers alike');
      t.same(await outboxTypes(order.id), ['order.placed', 'order.payment_changed'], 'one event');
      t.equal(await dukaan.payments.confirm('upi', signed({ type: 'ping', storeId: store.id, orderId: order.id, paymentId: '' })), null, 'a ping confirms nothing');
    });

    t.test('a forged or tampered notification changes nothing', async (t) => {
      const order = await place('upi');
      const good = signed({ type: 'payment.captured', storeId: store.id, orderId: order.id, paymentId: 'pay_x' });
      await t.rejects(dukaan.payments.confirm('upi', { ...good, body: good.body.replace('pay_x', 'pay_y') }), /bad signature/);
      await t.rejects(dukaan.payments.confirm('upi', { headers: {}, body: good.body }), /bad signature/);
      t.equal((await dukaan.orders.get(store.id, order.id)).payment.status, 'pending');
    });

    t.test('a notification naming another store, an unknown order or a cash order is refused', async (t) => {
      const order = await place('upi');
      const other = await openStore(dukaan);
      await t.rejects(dukaan.payments.confirm('upi', signed({ type: 'payment.captured', storeId: other.store.id, orderId: order.id, paymentId: 'p' })), { code: 'NOT_FOUND' });
      await t.rejects(dukaan.payments.confirm('upi', signed({ type: 'payment.captured', storeId: store.id, orderId: 'a\u0000b', paymentId: 'p' })), { code: 'NOT_FOUND' });
      await t.rejects(dukaan.payments.confirm('upi', signed({ type: 'payment.captured', storeId: 'x\u0000'.repeat(50), orderId: order.id, paymentId: 'p' })), { code: 'NOT_FOUND' }, 'a store id no column holds');
      const cash = await place('cod');
      await t.rejects(dukaan.payments.confirm('upi', signed({ type: 'payment.captured', storeId: store.id, orderId: cash.id, paymentId: 'p' })), { code: 'VALIDATION_FAILED' });
      t.equal((await dukaan.orders.get(store.id, cash.id)).payment.status, 'pending');
      await t.rejects(dukaan.payments.confirm('cod', signed({})), { code: 'NOT_FOUND' }, 'cash has no provider');
      await t.rejects(dukaan.payments.confirm('x'.repeat(10_000), signed({})), { code: 'NOT_FOUND' }, 'nor does an unknown method');
    });

    t.test("the vendor's refund goes through the provider first; its refusal marks nothing", async (t) => {
      const order = await place('upi');
      await dukaan.orders.changePayment(store.id, order.id, { status: 'paid', reference: 'UTR-9' });
      await dukaan.orders.changeStatus(store.id, order.id, { status: 'cancelled' });
      failRefund.on = true;
      await t.rejects(dukaan.orders.changePayment(store.id, order.id, { status: 'refunded' }), /refused the refund/);
      t.equal((await dukaan.orders.get(store.id, order.id)).payment.status, 'paid', 'still paid');
      failRefund.on = false;
      const refunded = await dukaan.orders.changePayment(store.id, order.id, { status: 'refunded' });
      t.match(refunded.payment, { status: 'refunded', reference: `rfnd_${order.number}` }, "the provider's refund id");
      t.same(refunds, [order.id]);
      const late = await dukaan.payments.confirm('upi', signed({ type: 'payment.captured', storeId: store.id, orderId: order.id, paymentId: 'pay_late' }));
      t.equal(late?.payment.status, 'refunded', 'a late "paid" for a refunded order changes nothing');
    });

    t.test('a refund the provider reports is applied without asking it to refund again', async (t) => {
      const order = await place('upi');
      await dukaan.payments.confirm('upi', signed({ type: 'payment.captured', storeId: store.id, orderId: order.id, paymentId: 'pay_r' }));
      await dukaan.orders.changeStatus(store.id, order.id, { status: 'rejected' });
      const before = refunds.length;
      const refunded = await dukaan.payments.confirm('upi', signed({ type: 'refund.done', storeId: store.id, orderId: order.id, paymentId: 'rfnd_gw' }));
      t.match(refunded?.payment, { status: 'refunded', reference: 'rfnd_gw' });
      t.equal(refunds.length, before);
    });
  });
}

t.test('manual UPI: no notifications to confirm; a refund is by hand', async (t) => {
  const provider = manualUpi();
  await t.rejects(provider.confirm({ headers: {}, body: '{}' }), { code: 'VALIDATION_FAILED' });
  const order = { id: 'o', number: 1001, total: 24900 } as Order;
  t.same(await provider.refund(order, { upiId: 'a@ybl', name: 'A' } as never), { reference: null });
  t.same(await provider.start(order, { upiId: null, name: 'A' } as never), { method: 'upi', uri: null }, 'no UPI ID: nothing to pay to');
});
