import t from 'tap';
import { client, errorOf, json, placeOrder } from './support/api.js';
import { customer, serverVariants, signUp } from './support/server.js';

const orderFields = [
  'charges', 'codFee', 'coupon', 'createdAt', 'currency', 'customer', 'deliveryFee', 'deliveryMethod', 'discount', 'id', 'invoice', 'items', 'note', 'number', 'packagingFee', 'payment', 'paymentMethod', 'placeOfSupply', 'pricesIncludeTax', 'sellerGstin', 'status', 'statusReason', 'subtotal', 'tax', 'taxTotal', 'token', 'total', 'updatedAt',
];

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    /** A vendor with one tracked product (stock 10, ₹249). */
    async function shop() {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const chai = await api.product({ name: 'Masala Chai', price: 24900, stock: 10 });
      return { vendor, api, chai, slug: vendor.store.slug, order: (quantity = 1, key?: string) => placeOrder(server, vendor.store.slug, [{ productId: chai.id, quantity }], { key }) };
    }

    t.test('placing an order: 201 with the documented shape; the customer can read it by token', async (t) => {
      const { slug, chai, order } = await shop();
      const response = await server.inject({
        method: 'POST',
        url: `/api/v1/stores/${slug}/orders`,
        payload: { customer: { ...customer, email: 'asha@example.com' }, items: [{ productId: chai.id, quantity: 2 }], note: 'Ring twice', paymentMethod: 'cod' },
      });
      t.equal(response.statusCode, 201);
      const placed = json(response);
      t.same(Object.keys(placed).sort(), orderFields);
      t.match(placed, {
        number: 1001, status: 'pending', subtotal: 49800, deliveryFee: 0, total: 49800, currency: 'INR', paymentMethod: 'cod', note: 'Ring twice',
        customer: { name: 'Asha Rao', phone: '+919876543210', email: 'asha@example.com', pincode: '560001' },
        items: [{ productId: chai.id, name: 'Masala Chai', unitPrice: 24900, quantity: 2, lineTotal: 49800 }],
      });
      t.equal(json(await order()).number, 1002, 'numbers count up per store');
      const tracking = await server.inject(`/api/v1/stores/${slug}/orders/${placed.token}`);
      t.equal(tracking.statusCode, 200);
      t.same(json(tracking), placed);
      t.equal((await server.inject(`/api/v1/stores/${slug}/orders/not-a-real-token-1234`)).statusCode, 404);
    });

    t.test('the vendor lists orders newest first, filters by status, pages, and reads one with its history', async (t) => {
      const { api, order } = await shop();
      const placed = [];
      for (let i = 0; i < 5; i += 1) placed.push(json(await order()));
      await api.post(`/api/v1/orders/${placed[1].id}/status`, { status: 'accepted' });
      const list = await api.get('/api/v1/orders');
      t.equal(list.statusCode, 200);
      t.same(json(list).items.map((o: { number: number }) => o.number), [1005, 1004, 1003, 1002, 1001]);
      t.equal(json(list).nextCursor, null);
      t.same(json(await api.get('/api/v1/orders?status=accepted')).items.map((o: { number: number }) => o.number), [1002]);
      const page1 = json(await api.get('/api/v1/orders?limit=2'));
      const page2 = json(await api.get(`/api/v1/orders?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`));
      const page3 = json(await api.get(`/api/v1/orders?limit=2&cursor=${encodeURIComponent(page2.nextCursor)}`));
      t.same([...page1.items, ...page2.items, ...page3.items].map((o: { number: number }) => o.number), [1005, 1004, 1003, 1002, 1001]);
      t.equal(page3.nextCursor, null);
      const detail = await api.get(`/api/v1/orders/${placed[1].id}`);
      t.equal(detail.statusCode, 200);
      t.same(Object.keys(json(detail)).sort(), [...orderFields, 'history'].sort());
      t.same(json(detail).history.map((h: { status: string }) => h.status), ['pending', 'accepted']);
      t.type(json(detail).history[0].at, 'string');
    });

    t.test('status moves: the allowed ones answer 200, the others 409 INVALID_TRANSITION; reject and cancel return stock', async (t) => {
      const { api, chai, order } = await shop();
      const move = async (id: string, status: string) => api.post(`/api/v1/orders/${id}/status`, { status });
      const stock = async () => json(await api.get(`/api/v1/products/${chai.id}`)).stock as number;
      const a = json(await order(2));
      const b = json(await order(3));
      const c = json(await order(1));
      t.equal(await stock(), 4);
      for (const status of ['accepted', 'shipped', 'delivered']) {
        const response = await move(a.id, status);
        t.equal(response.statusCode, 200, status);
        t.equal(json(response).status, status);
      }
      t.equal((await move(b.id, 'rejected')).statusCode, 200);
      t.equal((await move(c.id, 'accepted')).statusCode, 200);
      t.equal((await move(c.id, 'cancelled')).statusCode, 200);
      t.equal(await stock(), 8, 'the rejected 3 and the cancelled 1 came back');
      for (const [id, status] of [[a.id, 'cancelled'], [a.id, 'pending'], [b.id, 'accepted'], [c.id, 'shipped'], [a.id, 'delivered']] as const) {
        const response = await move(id, status);
        t.equal(response.statusCode, 409, `to ${status}`);
        t.equal(errorOf(response).code, 'INVALID_TRANSITION');
      }
      t.equal(await stock(), 8, 'refused moves changed no stock');
      const shipped = json(await order());
      await move(shipped.id, 'accepted');
      await move(shipped.id, 'shipped');
      t.equal((await move(shipped.id, 'cancelled')).statusCode, 409, 'a shipped order can no longer be cancelled');
    });

    t.test('out of stock is 409 OUT_OF_STOCK naming the line; nothing is taken', async (t) => {
      const { api, chai, order } = await shop();
      const response = await order(11);
      t.equal(response.statusCode, 409);
      t.equal(errorOf(response).code, 'OUT_OF_STOCK');
      t.match(errorOf(response).message, /Only 10 of Masala Chai left/);
      t.same(errorOf(response).paths, ['items.0.quantity']);
      t.equal(json(await api.get(`/api/v1/products/${chai.id}`)).stock, 10);
      t.equal(json(await api.get('/api/v1/orders')).items.length, 0);
    });

    t.test('a closed store is 409 STORE_CLOSED; below the minimum is 400; free delivery above the threshold', async (t) => {
      const { api, order } = await shop();
      await api.patch('/api/v1/store', { isOpen: false });
      const closed = await order();
      t.equal(closed.statusCode, 409);
      t.equal(errorOf(closed).code, 'STORE_CLOSED');
      await api.patch('/api/v1/store', { isOpen: true, minOrderValue: 50000, deliveryFee: 4000, freeDeliveryAbove: 74700 });
      const small = await order(2);
      t.equal(small.statusCode, 400);
      t.equal(errorOf(small).code, 'BELOW_MINIMUM_ORDER');
      t.match(json(await order(3)), { subtotal: 74700, deliveryFee: 0, total: 74700 });
      await api.patch('/api/v1/store', { freeDeliveryAbove: null });
      t.match(json(await order(3)), { deliveryFee: 4000, total: 78700 });
    });

    t.test('unknown, hidden or another store\'s products are 400 at items.N.productId', async (t) => {
      const { api, slug, chai } = await shop();
      const hidden = await api.product({ name: 'Hidden', active: false });
      const other = await client(server, (await signUp(server)).headers).product();
      const response = await placeOrder(server, slug, [
        { productId: chai.id, quantity: 1 },
        { productId: hidden.id, quantity: 1 },
        { productId: other.id, quantity: 1 },
        { productId: '00000000-0000-4000-8000-000000000000', quantity: 1 },
      ]);
      t.equal(response.statusCode, 400);
      t.equal(errorOf(response).code, 'VALIDATION_FAILED');
      t.same(errorOf(response).paths, ['items.1.productId', 'items.2.productId', 'items.3.productId']);
      t.equal(json(await api.get(`/api/v1/products/${chai.id}`)).stock, 10);
    });

    t.test('auto-accepting stores start orders accepted', async (t) => {
      const { api, order } = await shop();
      await api.patch('/api/v1/store', { autoAcceptOrders: true });
      const placed = json(await order());
      t.equal(placed.status, 'accepted');
      t.same(json(await api.get(`/api/v1/orders/${placed.id}`)).history.map((h: { status: string }) => h.status), ['pending', 'accepted']);
    });

    t.test('idempotent checkout: the same key answers 200 with the same order; another key makes another', async (t) => {
      const { api, chai, order } = await shop();
      const first = await order(2, 'checkout-1');
      t.equal(first.statusCode, 201);
      const again = await order(2, 'checkout-1');
      t.equal(again.statusCode, 200);
      t.same(json(again), json(first));
      const other = await order(2, 'checkout-2');
      t.equal(other.statusCode, 201);
      t.not(json(other).id, json(first).id);
      t.equal(json(await api.get(`/api/v1/products/${chai.id}`)).stock, 6, 'stock taken twice, not three times');
      const bad = await order(1, 'has spaces in it');
      t.equal(bad.statusCode, 400);
      t.equal(errorOf(bad).code, 'VALIDATION_FAILED');
      t.same(errorOf(bad).paths, ['idempotency-key']);
      const tooLong = await order(1, 'k'.repeat(256));
      t.equal(tooLong.statusCode, 400);
    });

    t.test('20 concurrent checkouts with one key make one order, and every answer names it', async (t) => {
      const { api, chai, order } = await shop();
      const responses = await Promise.all(Array.from({ length: 20 }, () => order(1, 'same-key-at-once')));
      const statuses = responses.map((r) => r.statusCode).sort();
      t.same(statuses, [...Array(19).fill(200), 201], 'one 201, the rest 200');
      t.equal(new Set(responses.map((r) => json(r).id)).size, 1);
      t.equal(json(await api.get('/api/v1/orders')).items.length, 1);
      t.equal(json(await api.get(`/api/v1/products/${chai.id}`)).stock, 9);
    });
  });
}
