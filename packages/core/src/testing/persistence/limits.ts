import type { Test } from 'tap';
import { at, defaultVariantPatch, line as orderLine, open, orderRecord, placeOrder, seedProducts, seedStore, unique } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';

/** The largest amount the API accepts (2^53 − 1 minor units): money columns must hold it exactly. */
const max = Number.MAX_SAFE_INTEGER;
/** What an int4 stock column holds. */
const maxStock = 2_147_483_647;

/** What every adapter must store exactly: the largest amounts, the longest keys, the largest stock. */
export function limitTests(t: Test, factory: PersistenceFactory): void {
  t.test('limits: money round-trips up to 2^53 − 1 in stores, products and orders', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p, { deliveryFee: max, freeDeliveryAbove: max - 1, minOrderValue: max - 2 });
    t.same(await p.stores.findById(store.id), store, 'store amounts as numbers, exactly');
    const updated = await p.stores.update(store.id, { deliveryFee: max - 3, freeDeliveryAbove: null }, at(1000));
    t.equal(updated?.deliveryFee, max - 3);
    const [product] = await seedProducts(p, store.id, 1, () => ({ price: max, compareAtPrice: max }));
    t.same(await p.products.findById(store.id, product!.id), product);
    t.same((await p.products.list(store.id, { limit: 1 })).items, [product]);
    t.equal((await p.products.update(store.id, product!.id, defaultVariantPatch(product!, { price: max - 1 }), at()))?.price, max - 1);
    const line = orderLine(product!.id, 'Gold', max, 1);
    const order = await placeOrder(p, orderRecord(store.id, { items: [line], subtotal: max, deliveryFee: max, total: max }));
    t.same(await p.orders.findById(store.id, order.id), order, 'order and line amounts, exactly');
    t.same((await p.orders.list(store.id, { limit: 5 })).items, [order]);
    t.equal((await p.orders.summary(store.id, at(-60_000))).revenue, max);
  });

  t.test('limits: an idempotency key of 255 characters and its fingerprint round-trip', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const key = `${unique()}${'k'.repeat(245)}`;
    const fingerprint = 'f0'.repeat(32);
    const order = await placeOrder(p, orderRecord(store.id, { idempotencyKey: key, idempotencyFingerprint: fingerprint }));
    t.equal(key.length, 255);
    t.same(await p.orders.findByIdempotencyKey(store.id, key), order);
    const keyless = await placeOrder(p, orderRecord(store.id));
    t.equal((await p.orders.findById(store.id, keyless.id))?.idempotencyFingerprint, null);
  });

  t.test('limits: stock up to 2^31 − 1; an adjustment past it is refused, a return is capped', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const [product] = await seedProducts(p, store.id, 1, () => ({ stock: maxStock - 10 }));
    const id = product!.id;
    t.equal((await p.products.adjustStock(store.id, id, id, 10, at()))?.stock, maxStock, 'up to the top');
    await t.rejects(p.products.adjustStock(store.id, id, id, 1, at()), { code: 'VALIDATION_FAILED', details: [{ path: 'delta' }] });
    await t.rejects(p.products.adjustStock(store.id, id, id, 1_000_000_000, at()), { code: 'VALIDATION_FAILED' });
    t.equal((await p.products.findById(store.id, id))?.stock, maxStock, 'left as it was');
    t.equal((await p.products.adjustStock(store.id, id, id, -maxStock - 5, at()))?.stock, 0, 'floored at 0');
    await p.products.update(store.id, id, defaultVariantPatch(product!, { stock: maxStock - 1 }), at());
    await p.products.returnStock(store.id, [{ variantId: id, quantity: 5 }]);
    t.equal((await p.products.findById(store.id, id))?.stock, maxStock, 'a return past the top is capped');
    t.same(await p.products.takeStock(store.id, [{ variantId: id, quantity: maxStock }]), [], 'all of it can be taken');
  });
}
