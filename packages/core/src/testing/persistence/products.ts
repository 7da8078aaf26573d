import type { Test } from 'tap';
import { at, conflictOn, defaultVariantPatch, imageRecord, open, productRecord, seedProducts, seedStore, withDefaultVariant } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';
import { productListTests } from './product-list.js';
import { variantTests } from './variants.js';

/** Insert and lookups, unique SKUs, and isolation between stores. */
function productRecordTests(t: Test, factory: PersistenceFactory): void {
  t.test('products: insert, then find by id and by ids', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const product = productRecord(store.id, {
      compareAtPrice: 5900,
      sku: 'CHAI-1',
      images: [imageRecord('a.webp'), imageRecord('b.webp')],
    });
    const hidden = productRecord(store.id, { active: false, stock: null });
    await p.products.insert(product);
    await p.products.insert(hidden);
    t.same(await p.products.findById(store.id, product.id), product);
    t.same(await p.products.findById(store.id, hidden.id), hidden);
    const found = await p.products.findByIds(store.id, [hidden.id, product.id, productRecord(store.id).id]);
    t.same(found.sort((a, b) => a.id.localeCompare(b.id)), [product, hidden], 'unknown ids left out');
    t.same(await p.products.findByIds(store.id, []), []);
  });

  t.test('products: SKUs are unique per store', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    await p.products.insert(productRecord(store.id, { sku: 'TEA-1' }));
    await t.rejects(p.products.insert(productRecord(store.id, { sku: 'TEA-1' })), conflictOn('sku'));
    await t.resolves(p.products.insert(productRecord(other.store.id, { sku: 'TEA-1' })), 'same SKU in another store');
    await t.resolves(p.products.insert(productRecord(store.id, { sku: null })), 'no SKU');
    await t.resolves(p.products.insert(productRecord(store.id, { sku: null })), 'no SKU twice');
    const [plain] = await seedProducts(p, store.id, 1, () => ({ sku: 'TEA-2' }));
    await t.rejects(p.products.update(store.id, plain!.id, defaultVariantPatch(plain!, { sku: 'TEA-1' }), at()), conflictOn('sku'), 'on update too');
  });

  t.test("products: another store's product is invisible", async (t) => {
    const p = await open(t, factory);
    const mine = await seedStore(p);
    const theirs = await seedStore(p);
    const [product] = await seedProducts(p, theirs.store.id, 1);
    const id = product!.id;
    t.equal(await p.products.findById(mine.store.id, id), null);
    t.same(await p.products.findByIds(mine.store.id, [id]), []);
    t.same((await p.products.list(mine.store.id, { limit: 10 })).items, []);
    t.same(await p.products.listActive(mine.store.id), []);
    t.equal(await p.products.update(mine.store.id, id, { name: 'x' }, at()), null);
    t.equal(await p.products.delete(mine.store.id, id), null);
    t.equal(await p.products.adjustStock(mine.store.id, id, id, 5, at()), null);
    t.same(await p.products.findById(theirs.store.id, id), product, 'left untouched');
  });
}

/** Updates and deletes. */
function productChangeTests(t: Test, factory: PersistenceFactory): void {
  t.test('products: update changes only the given fields', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const [product] = await seedProducts(p, store.id, 1, () => ({ compareAtPrice: 6000, sku: 'X-1' }));
    const updatedAt = at(1000);
    const fields = { name: 'Ginger Chai', active: false, position: 3, images: [imageRecord('c.png')] };
    const variantFields = { price: 5500, compareAtPrice: null, stock: null, sku: null };
    const updated = await p.products.update(store.id, product!.id, { ...fields, ...defaultVariantPatch(product!, variantFields) }, updatedAt);
    t.same(updated, { ...withDefaultVariant(product!, variantFields), ...fields, updatedAt });
    t.same(await p.products.findById(store.id, product!.id), updated);
  });

  t.test('products: delete resolves the removed product', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const [product] = await seedProducts(p, store.id, 1);
    t.same(await p.products.delete(store.id, product!.id), product);
    t.equal(await p.products.delete(store.id, product!.id), null, 'already gone');
    t.equal(await p.products.findById(store.id, product!.id), null);
  });
}

/** ProductRepository: round trip, SKUs, tenant isolation, update, delete (listing in product-list.ts). */
export function productTests(t: Test, factory: PersistenceFactory): void {
  productRecordTests(t, factory);
  productChangeTests(t, factory);
  productListTests(t, factory);
  variantTests(t, factory);
}
