import type { Test } from 'tap';
import { at, categoryRecord, open, productRecord, seedStore } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';

/** CategoryRepository: order, tenant isolation, update, delete. */
export function categoryTests(t: Test, factory: PersistenceFactory): void {
  t.test('categories: listed by position, then creation', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const c = categoryRecord(store.id, { position: 2 });
    const a = categoryRecord(store.id, { position: 1 });
    const b = categoryRecord(store.id, { position: 1 });
    for (const category of [c, a, b]) await p.categories.insert(category);
    t.same(await p.categories.list(store.id), [a, b, c]);
    t.same(await p.categories.findById(store.id, a.id), a);
  });

  t.test("categories: another store's category is invisible", async (t) => {
    const p = await open(t, factory);
    const mine = await seedStore(p);
    const theirs = await seedStore(p);
    const category = categoryRecord(theirs.store.id);
    await p.categories.insert(category);
    t.same(await p.categories.list(mine.store.id), []);
    t.equal(await p.categories.findById(mine.store.id, category.id), null);
    t.equal(await p.categories.update(mine.store.id, category.id, { name: 'x' }, at()), null);
    t.equal(await p.categories.delete(mine.store.id, category.id), false);
    t.same(await p.categories.findById(theirs.store.id, category.id), category, 'left untouched');
  });

  t.test('categories: update and delete', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const category = categoryRecord(store.id);
    await p.categories.insert(category);
    const product = productRecord(store.id, { categoryId: category.id });
    await p.products.insert(product);
    const updatedAt = at(1000);
    const updated = await p.categories.update(store.id, category.id, { name: 'Snacks', position: 5 }, updatedAt);
    t.same(updated, { ...category, name: 'Snacks', position: 5, updatedAt });
    t.equal(await p.categories.delete(store.id, category.id), true);
    t.equal(await p.categories.delete(store.id, category.id), false, 'already gone');
    t.equal(await p.categories.findById(store.id, category.id), null);
    t.equal((await p.products.findById(store.id, product.id))?.categoryId, null, 'its products lose it');
  });
}
