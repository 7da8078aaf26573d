import type { Test } from 'tap';
import { at, open, seedProducts, seedStore, withDefaultVariant } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';

/** ProductRepository stock: take, return, adjust; untracked stock; another store's stock. */
export function stockTests(t: Test, factory: PersistenceFactory): void {
  t.test('stock: takeStock takes every line that fits and names the short ones', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const [a, b, untracked] = await seedProducts(p, store.id, 3, (i) => ({ stock: [5, 2, null][i] ?? null }));
    const stockOf = async (id: string) => (await p.products.findById(store.id, id))?.stock;
    const all = [
      { variantId: a!.id, quantity: 2 },
      { variantId: a!.id, quantity: 1 },
      { variantId: b!.id, quantity: 2 },
      { variantId: untracked!.id, quantity: 1000 },
    ];
    t.same(await p.products.takeStock(store.id, all), [], 'everything fits; duplicate lines add up');
    t.equal(await stockOf(a!.id), 2);
    t.equal(await stockOf(b!.id), 0);
    t.equal(await stockOf(untracked!.id), null, 'untracked stock stays untracked');

    const short = await p.products.takeStock(store.id, [
      { variantId: a!.id, quantity: 1 },
      { variantId: a!.id, quantity: 2 },
      { variantId: b!.id, quantity: 1 },
      { variantId: untracked!.id, quantity: 1 },
    ]);
    t.same(short.sort(), [a!.id, b!.id].sort(), 'merged lines that exceed the stock are short');
    t.equal(await stockOf(a!.id), 2, 'a short product is not touched');
    t.same(await p.products.takeStock(store.id, []), [], 'no lines');
  });

  t.test('stock: takeStock of exactly what is left succeeds; another store is short', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const [product] = await seedProducts(p, store.id, 1, () => ({ stock: 3 }));
    const [theirs] = await seedProducts(p, other.store.id, 1, () => ({ stock: 3 }));
    t.same(await p.products.takeStock(store.id, [{ variantId: product!.id, quantity: 3 }]), []);
    t.equal((await p.products.findById(store.id, product!.id))?.stock, 0);
    t.same(await p.products.takeStock(store.id, [{ variantId: theirs!.id, quantity: 1 }]), [theirs!.id]);
    t.equal((await p.products.findById(other.store.id, theirs!.id))?.stock, 3, "another store's stock is untouched");
  });

  t.test('stock: returnStock gives back to tracked products only', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const [tracked, untracked] = await seedProducts(p, store.id, 2, (i) => ({ stock: i === 0 ? 1 : null }));
    await p.products.returnStock(store.id, [
      { variantId: tracked!.id, quantity: 2 },
      { variantId: tracked!.id, quantity: 1 },
      { variantId: untracked!.id, quantity: 5 },
    ]);
    t.equal((await p.products.findById(store.id, tracked!.id))?.stock, 4);
    t.equal((await p.products.findById(store.id, untracked!.id))?.stock, null);
    await t.resolves(p.products.returnStock(store.id, []), 'no lines');
  });

  t.test('stock: adjustStock adds a delta, never below 0', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const [product, untracked] = await seedProducts(p, store.id, 2, (i) => ({ stock: i === 0 ? 5 : null }));
    const updatedAt = at(1000);
    t.same(await p.products.adjustStock(store.id, product!.id, product!.id, 3, updatedAt), { ...withDefaultVariant(product!, { stock: 8 }), updatedAt });
    t.equal((await p.products.adjustStock(store.id, product!.id, product!.id, -3, updatedAt))?.stock, 5);
    t.equal((await p.products.adjustStock(store.id, product!.id, product!.id, -100, updatedAt))?.stock, 0, 'floored at 0');
    t.equal(await p.products.adjustStock(store.id, untracked!.id, untracked!.id, 3, updatedAt), null, 'untracked');
    t.equal((await p.products.findById(store.id, untracked!.id))?.stock, null);
    await p.products.delete(store.id, product!.id);
    t.equal(await p.products.adjustStock(store.id, product!.id, product!.id, 1, updatedAt), null, 'no such product');
  });
}
