import type { Test } from 'tap';
import { ConflictError } from '../../errors.js';
import { conflictOn, open, orderRecord, placeOrder, seedProducts, seedStore, unique, vendorRecord } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';

class ShortError extends Error {}

/** Persistence: commit, rollback, ping, and concurrent transactions racing for stock and keys. */
export function transactionTests(t: Test, factory: PersistenceFactory): void {
  t.test('transactions: commit on resolve, roll back and rethrow on throw', async (t) => {
    const p = await open(t, factory);
    await t.resolves(p.ping());
    const kept = await p.transaction(async (tx) => seedStore(tx));
    t.ok(await p.stores.findById(kept.store.id), 'committed');
    const vendor = vendorRecord();
    const failure = new Error('boom');
    let productId = '';
    await t.rejects(
      p.transaction(async (tx) => {
        await tx.vendors.insert(vendor);
        const { store } = await seedStore(tx);
        const [product] = await seedProducts(tx, store.id, 1);
        productId = product!.id;
        await tx.products.takeStock(kept.store.id, []);
        throw failure;
      }),
      failure,
    );
    t.equal(await p.vendors.findById(vendor.id), null, 'nothing is left of a rolled-back transaction');
    t.same(await p.products.findByIds(kept.store.id, [productId]), []);
  });

  t.test('transactions: 50 buyers race for 10 units', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const [product] = await seedProducts(p, store.id, 1, () => ({ stock: 10 }));
    // As a checkout does: take the stock, then number and store the order, in one transaction.
    const buy = () =>
      p.transaction(async (tx) => {
        const short = await tx.products.takeStock(store.id, [{ variantId: product!.id, quantity: 1 }]);
        if (short.length > 0) throw new ShortError('sold out');
        return tx.orders.insertWithNextNumber(orderRecord(store.id));
      });
    const results = await Promise.allSettled(Array.from({ length: 50 }, buy));
    const numbers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    t.equal(numbers.length, 10, 'exactly 10 buyers win');
    t.same(numbers.sort((a, b) => a - b), Array.from({ length: 10 }, (_, i) => 1001 + i), 'numbers without gaps');
    t.ok(failures.every((reason) => reason instanceof ShortError), 'the others were short');
    t.equal((await p.products.findById(store.id, product!.id))?.stock, 0, 'never oversold');
    t.equal((await placeOrder(p, orderRecord(store.id))).number, 1011, 'no number was taken by a loser');
  });

  t.test('transactions: 20 concurrent orders with one idempotency key make one order', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const key = `key-${unique()}`;
    const place = () => placeOrder(p, orderRecord(store.id, { idempotencyKey: key }));
    const results = await Promise.allSettled(Array.from({ length: 20 }, place));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    t.equal(results.length - failures.length, 1, 'exactly one succeeds');
    t.ok(failures.every((reason) => reason instanceof ConflictError), 'the others conflict');
    t.match(failures[0], conflictOn('idempotencyKey'));
    const page = await p.orders.list(store.id, { limit: 50 });
    t.equal(page.items.length, 1);
    t.same(await p.orders.findByIdempotencyKey(store.id, key), page.items[0]);
  });
}
