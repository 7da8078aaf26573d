import t from 'tap';
import { ConflictError, OutOfStockError, type Persistence } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { customer, openStore, orderFor } from './support/orders.js';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;

    t.test('an order prices its lines, charges delivery below the threshold and numbers from 1001', async (t) => {
      const { store } = await openStore(dukaan, { deliveryFee: 4000, freeDeliveryAbove: 100000 });
      const tea = await dukaan.catalog.createProduct(store.id, { name: 'Masala Chai', price: 24900, stock: 5 });
      const mug = await dukaan.catalog.createProduct(store.id, { name: 'Mug', price: 19900 });
      const { order, created } = await dukaan.orders.place(store.slug, {
        ...orderFor([{ productId: tea.id, quantity: 2 }, { productId: mug.id, quantity: 1 }]),
        note: 'Ring twice',
      });
      t.ok(created);
      t.equal(order.number, 1001);
      t.equal(order.status, 'pending');
      t.same(order.items, [
        { productId: tea.id, name: 'Masala Chai', unitPrice: 24900, quantity: 2, lineTotal: 49800 },
        { productId: mug.id, name: 'Mug', unitPrice: 19900, quantity: 1, lineTotal: 19900 },
      ]);
      t.equal(order.subtotal, 69700);
      t.equal(order.deliveryFee, 4000);
      t.equal(order.total, 73700);
      t.equal(order.customer.phone, '+919876543210', 'phone stored as E.164');
      t.equal(order.note, 'Ring twice');
      t.match(order.token, /^[\w-]{20,}$/);
      t.same(order.history.map((h) => h.status), ['pending']);
      t.equal((await dukaan.catalog.getProduct(store.id, tea.id)).stock, 3, 'stock taken');
      t.equal((await dukaan.catalog.getProduct(store.id, mug.id)).stock, null, 'untracked stays untracked');
      const second = await dukaan.orders.place(store.slug, orderFor([{ productId: tea.id, quantity: 3 }, { productId: mug.id, quantity: 2 }]));
      t.equal(second.order.number, 1002);
      t.equal(second.order.deliveryFee, 0, 'free delivery at the threshold');
      const byToken = await dukaan.orders.getByToken(store.slug, order.token);
      t.equal(byToken.id, order.id);
      t.same(order.customer.email, null);
    });

    t.test('the snapshot keeps the name and price the customer paid', async (t) => {
      const { store } = await openStore(dukaan);
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Old name', price: 1000 });
      const { order } = await dukaan.orders.place(store.slug, orderFor([{ productId: p.id, quantity: 1 }]));
      await dukaan.catalog.updateProduct(store.id, p.id, { name: 'New name', price: 2000 });
      const again = await dukaan.orders.get(store.id, order.id);
      t.same(again.items[0], { productId: p.id, name: 'Old name', unitPrice: 1000, quantity: 1, lineTotal: 1000 });
    });

    t.test('closed stores, minimums, hidden and foreign products are refused', async (t) => {
      const { store } = await openStore(dukaan, { minOrderValue: 50000 });
      const { store: other } = await openStore(dukaan);
      const cheap = await dukaan.catalog.createProduct(store.id, { name: 'Cheap', price: 100 });
      const hidden = await dukaan.catalog.createProduct(store.id, { name: 'Hidden', price: 100000, active: false });
      const foreign = await dukaan.catalog.createProduct(other.id, { name: 'Foreign', price: 100000 });
      await t.rejects(dukaan.orders.place(store.slug, orderFor([{ productId: cheap.id, quantity: 1 }])), { code: 'BELOW_MINIMUM_ORDER' });
      await t.rejects(
        dukaan.orders.place(store.slug, orderFor([{ productId: hidden.id, quantity: 1 }, { productId: foreign.id, quantity: 1 }])),
        {
          code: 'VALIDATION_FAILED',
          details: [
            { path: 'items.0.productId', message: /not available/ },
            { path: 'items.1.productId', message: /not available/ },
          ],
        },
      );
      await dukaan.vendors.updateStore(store.id, { isOpen: false });
      await t.rejects(dukaan.orders.place(store.slug, orderFor([{ productId: cheap.id, quantity: 600 }])), { code: 'STORE_CLOSED' });
      await t.rejects(dukaan.orders.place('no-such-store', orderFor([{ productId: cheap.id, quantity: 1 }])), { code: 'NOT_FOUND' });
      const { items } = await dukaan.orders.list(store.id, {});
      t.equal(items.length, 0, 'no order was written');
    });

    t.test('auto-accepting stores start orders accepted, with pending in the history', async (t) => {
      const { store } = await openStore(dukaan, { autoAcceptOrders: true });
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Thing', price: 1000 });
      const { order } = await dukaan.orders.place(store.slug, orderFor([{ productId: p.id, quantity: 1 }]));
      t.equal(order.status, 'accepted');
      t.same(order.history.map((h) => h.status), ['pending', 'accepted']);
    });

    t.test('50 buyers race for 10 units: exactly 10 win, numbers 1001..1010, stock ends at 0', async (t) => {
      const { store } = await openStore(dukaan);
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Last units', price: 5000, stock: 10 });
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () => dukaan.orders.place(store.slug, orderFor([{ productId: p.id, quantity: 1 }]))),
      );
      const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.order] : []));
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      t.equal(won.length, 10);
      t.equal(lost.length, 40);
      t.ok(lost.every((e) => e instanceof OutOfStockError), 'every loser got OUT_OF_STOCK');
      t.same(won.map((o) => o.number).sort((a, b) => a - b), Array.from({ length: 10 }, (_, i) => 1001 + i));
      t.equal((await dukaan.catalog.getProduct(store.id, p.id)).stock, 0);
      const view = await dukaan.storefront.view(store.slug);
      t.equal(view.view.products[0]?.inStock, false, 'the store page shows it sold out');
    });

    t.test('one idempotency key sent 20 times at once creates one order', async (t) => {
      const { store } = await openStore(dukaan);
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Once', price: 5000, stock: 100 });
      const body = orderFor([{ productId: p.id, quantity: 2 }]);
      const results = await Promise.all(
        Array.from({ length: 20 }, () => dukaan.orders.place(store.slug, body, { idempotencyKey: 'checkout-abc-123' })),
      );
      t.equal(new Set(results.map((r) => r.order.id)).size, 1, 'one order id');
      t.equal(results.filter((r) => r.created).length, 1, 'created once');
      t.equal((await dukaan.orders.list(store.id, {})).items.length, 1);
      t.equal((await dukaan.catalog.getProduct(store.id, p.id)).stock, 98, 'stock taken once');
      const later = await dukaan.orders.place(store.slug, body, { idempotencyKey: 'checkout-abc-123' });
      t.equal(later.order.id, results[0]?.order.id);
      t.notOk(later.created);
    });

    t.test('a failure in the middle of an order leaves no order and no stock taken', async (t) => {
      const { store } = await openStore(dukaan);
      const a = await dukaan.catalog.createProduct(store.id, { name: 'A', price: 1000, stock: 5 });
      const b = await dukaan.catalog.createProduct(store.id, { name: 'B', price: 1000, stock: 1 });
      await t.rejects(
        dukaan.orders.place(store.slug, orderFor([{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 3 }])),
        { code: 'OUT_OF_STOCK', message: 'Only 1 of B left', details: [{ path: 'items.1.quantity' }] },
      );
      t.equal((await dukaan.catalog.getProduct(store.id, a.id)).stock, 5, 'first line stock given back');
      await dukaan.catalog.deleteProduct(store.id, b.id);
      await t.rejects(
        dukaan.orders.place(store.slug, orderFor([{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 1 }])),
        { code: 'VALIDATION_FAILED', details: [{ path: 'items.1.productId' }] },
      );
      // A crash after the stock is taken (here: the order insert throws) must roll everything back.
      const broken = brokenInsert(fixture.dukaan.context.persistence);
      const failing = (await import('../src/index.js')).createDukaan({ persistence: broken, cache: fixture.dukaan.context.cache });
      await t.rejects(failing.orders.place(store.slug, orderFor([{ productId: a.id, quantity: 2 }])), /disk full/);
      t.equal((await dukaan.catalog.getProduct(store.id, a.id)).stock, 5, 'stock untouched');
      t.equal((await dukaan.orders.list(store.id, {})).items.length, 0, 'no order');
      const next = await dukaan.orders.place(store.slug, orderFor([{ productId: a.id, quantity: 1 }]));
      t.equal(next.order.number, 1001, 'the number was not burnt');
    });

    t.test('placing an order costs a constant number of queries, whatever the number of lines', async (t) => {
      const { store } = await openStore(dukaan);
      const products = await Promise.all(
        Array.from({ length: 20 }, (_, i) => dukaan.catalog.createProduct(store.id, { name: `P${i}`, price: 100 + i, stock: 50 })),
      );
      const measure = async (n: number) => {
        fixture.queries.reset();
        await dukaan.orders.place(store.slug, orderFor(products.slice(0, n).map((p) => ({ productId: p.id, quantity: 1 }))), {
          idempotencyKey: `q-${n}`,
        });
        return fixture.queries.count;
      };
      await measure(2); // the first order also resolves the slug (then cached)
      const one = await measure(1);
      const twenty = await measure(20);
      t.equal(twenty, one, `20 lines cost as many queries as 1 (${one})`);
      t.ok(one <= 10, `a handful of queries (${one})`);
    });

    t.test('customers and idempotency keys are validated', async (t) => {
      const { store } = await openStore(dukaan);
      const p = await dukaan.catalog.createProduct(store.id, { name: 'X', price: 100 });
      await t.rejects(
        dukaan.orders.place(store.slug, orderFor([{ productId: p.id, quantity: 1 }]), { idempotencyKey: 'has space' }),
        { code: 'VALIDATION_FAILED', details: [{ path: 'idempotencyKey', message: /Idempotency-Key/ }] },
      );
      await t.rejects(dukaan.orders.place(store.slug, { ...orderFor([{ productId: p.id, quantity: 1 }]), customer: { ...customer, pincode: '12345' } }), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'customer.pincode', message: /6-digit/ }],
      });
    });
  });
}

/** A persistence whose order insert fails after everything before it in the transaction ran. */
function brokenInsert(persistence: Persistence): Persistence {
  return override(persistence, {
    transaction: (work) =>
      persistence.transaction((tx) =>
        work(override(tx, { orders: override(tx.orders, { insertWithNextNumber: async () => Promise.reject(new Error('disk full')) }) })),
      ),
  });
}

/** `target` with some members replaced; the rest still run against the real object (private fields intact). */
function override<T extends object>(target: T, patch: Partial<T>): T {
  return new Proxy(target, {
    get(object, property) {
      if (property in patch) return patch[property as keyof T];
      const value: unknown = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

t.test('ConflictError is what a duplicate key looks like to the service', async (t) => {
  t.equal(new ConflictError('x', [{ path: 'idempotencyKey', message: 'taken' }]).code, 'CONFLICT');
});
