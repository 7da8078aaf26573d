import type { Test } from 'tap';
import type { ProductVariant } from '../../catalog/product.js';
import { newId } from '../../shared/id.js';
import { at, conflictOn, open, productRecord, seedProducts, seedStore } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';

class ShortError extends Error {}

function variant(options: Record<string, string>, fields: Partial<ProductVariant> = {}): ProductVariant {
  return { id: newId(), options, price: 10000, compareAtPrice: null, stock: 10, sku: null, active: true, imageKey: null, position: 0, ...fields };
}

/** A sweet sold by weight: 250 g, 500 g, 1 kg, each with its own price, stock and SKU. */
function sweet(storeId: string, sku = 'LAD') {
  const options = [{ name: 'Weight', values: ['250 g', '500 g', '1 kg'] }];
  const variants = ['250 g', '500 g', '1 kg'].map((w, i) =>
    variant({ Weight: w }, { price: 10000 * (i + 1), stock: 10, sku: `${sku}-${i}`, position: i }),
  );
  return productRecord(storeId, { name: 'Laddoo', options, variants });
}

/** Variants: stored and read in order, replaced by id, SKUs unique across them, stock per variant. */
function variantRecordTests(t: Test, factory: PersistenceFactory): void {
  t.test('variants: a product with options round-trips with its variants in order and a summary', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const product = sweet(store.id);
    await p.products.insert(product);
    const found = await p.products.findById(store.id, product.id);
    t.same(found, product);
    t.equal(found?.price, 10000, 'the lowest price');
    t.equal(found?.stock, 30, 'the summed stock');
    t.equal(found?.sku, null, 'no product-level SKU');
    t.same((await p.products.listActive(store.id))[0], product);
    t.same((await p.products.listAll(store.id))[0], product);
    t.same((await p.products.findByIds(store.id, [product.id]))[0], product);
  });

  t.test('variants: update replaces the list: kept ids updated, new inserted, missing deleted', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const product = sweet(store.id);
    await p.products.insert(product);
    const [small, , large] = product.variants;
    const added = variant({ Weight: '2 kg' }, { price: 70000, sku: 'LAD-9', position: 2 });
    // SKUs swap between the two kept variants: must not collide midway.
    const wanted = [
      { ...small!, price: 12000, sku: 'LAD-2', position: 0 },
      { ...large!, sku: 'LAD-0', position: 1 },
      added,
    ];
    const options = [{ name: 'Weight', values: ['250 g', '1 kg', '2 kg'] }];
    const updated = await p.products.update(store.id, product.id, { options, variants: wanted }, at(1000));
    t.same(updated?.variants, wanted);
    t.same(updated?.options, options);
    t.equal(updated?.price, 12000);
    await t.rejects(
      p.products.update(store.id, product.id, { variants: [{ ...wanted[0]!, sku: 'TAKEN' }, { ...wanted[1]!, sku: 'TAKEN' }] }, at()),
      conflictOn('sku'),
      'two variants with one SKU',
    );
    await p.products.insert(productRecord(store.id, { sku: 'OTHER' }));
    await t.resolves(p.products.insert(sweet(store.id, 'OTHER')), 'OTHER-0… do not clash with OTHER');
  });

  t.test('variants: insertMany stores many products with their variants and slugs, or none', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const many = Array.from({ length: 1201 }, (_, i) => (i % 2 === 0 ? sweet(store.id, `M${i}`) : productRecord(store.id, { sku: `S${i}` })));
    await p.products.insertMany(many);
    const all = await p.products.listAll(store.id);
    t.equal(all.length, 1201, 'past one chunk of 500');
    const byId = new Map(all.map((x) => [x.id, x]));
    t.same(byId.get(many[0]!.id), many[0]);
    t.same(byId.get(many[1200]!.id), many[1200]);
    t.same(await p.products.findSlug(store.id, many[7]!.slug), { productId: many[7]!.id, current: true });
    await t.rejects(p.products.insertMany([productRecord(store.id), productRecord(store.id, { sku: 'S1' })]), conflictOn('sku'));
    t.equal((await p.products.listAll(store.id)).length, 1201, 'a refused batch leaves nothing behind');
    await t.resolves(p.products.insertMany([]), 'nothing to insert');
  });

  t.test('variants: a SKU is unique across the variants of all products of the store', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    await p.products.insert(productRecord(store.id, { sku: 'LAD-1' }));
    await t.rejects(p.products.insert(sweet(store.id)), conflictOn('sku'));
    t.same(await p.products.listAll(store.id).then((all) => all.length), 1, 'the refused product left nothing behind');
    await t.resolves(p.products.insert(sweet(other.store.id)), 'another store may use the SKUs');
  });

  t.test('variants: stock is taken, returned and adjusted per variant; siblings untouched', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const product = sweet(store.id);
    await p.products.insert(product);
    const [small, medium, large] = product.variants;
    const stocks = async () => (await p.products.findById(store.id, product.id))?.variants.map((v) => v.stock);
    t.same(await p.products.takeStock(store.id, [{ variantId: medium!.id, quantity: 4 }]), []);
    t.same(await stocks(), [10, 6, 10]);
    t.same(await p.products.takeStock(store.id, [{ variantId: medium!.id, quantity: 7 }, { variantId: small!.id, quantity: 1 }]), [medium!.id]);
    await p.products.returnStock(store.id, [{ variantId: large!.id, quantity: 5 }, { variantId: newId(), quantity: 1 }]);
    t.same(await stocks(), [9, 6, 15], 'a gone variant is skipped');
    t.equal((await p.products.adjustStock(store.id, product.id, small!.id, -4, at()))?.variants[0]?.stock, 5);
    t.equal(await p.products.adjustStock(store.id, product.id, newId(), 1, at()), null, 'no such variant');
    const other = productRecord(store.id);
    await p.products.insert(other);
    t.equal(await p.products.adjustStock(store.id, other.id, small!.id, 1, at()), null, "another product's variant");
    const levels = await p.products.listActiveStock(store.id);
    t.same(
      levels.filter((l) => l.productId === product.id).sort((a, b) => a.id.localeCompare(b.id)),
      [small, medium, large].map((v, i) => ({ id: v!.id, productId: product.id, stock: [5, 6, 15][i] })).sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  t.test('variants: 50 buyers for the 10 units of one variant get exactly 10; its siblings keep theirs', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const product = sweet(store.id);
    await p.products.insert(product);
    const target = product.variants[1]!;
    const buy = () =>
      p.transaction(async (tx) => {
        const short = await tx.products.takeStock(store.id, [{ variantId: target.id, quantity: 1 }]);
        if (short.length > 0) throw new ShortError('sold out');
        return true;
      });
    const results = await Promise.allSettled(Array.from({ length: 50 }, buy));
    t.equal(results.filter((r) => r.status === 'fulfilled').length, 10);
    t.ok(results.every((r) => r.status === 'fulfilled' || r.reason instanceof ShortError), 'the others were short, nothing failed');
    t.same((await p.products.findById(store.id, product.id))?.variants.map((v) => v.stock), [10, 0, 10]);
  });
}

/** Slugs, bulk changes and the export listing. */
function slugAndBulkTests(t: Test, factory: PersistenceFactory): void {
  t.test('slugs: current and earlier slugs lead to the product; no other product may take one', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const product = productRecord(store.id, { slug: 'masala-chai' });
    await p.products.insert(product);
    t.same(await p.products.findSlug(store.id, 'masala-chai'), { productId: product.id, current: true });
    t.equal(await p.products.findSlug(other.store.id, 'masala-chai'), null, 'slugs are per store');
    t.equal((await p.products.update(store.id, product.id, { name: 'Ginger Chai', slug: 'ginger-chai' }, at()))?.slug, 'ginger-chai');
    t.same(await p.products.findSlug(store.id, 'masala-chai'), { productId: product.id, current: false }, 'the old slug stays');
    t.same(await p.products.findSlug(store.id, 'ginger-chai'), { productId: product.id, current: true });
    await t.rejects(p.products.insert(productRecord(store.id, { slug: 'masala-chai' })), conflictOn('slug'), 'an earlier slug is taken');
    await t.rejects(p.products.insert(productRecord(store.id, { slug: 'ginger-chai' })), conflictOn('slug'));
    await p.products.update(store.id, product.id, { slug: 'masala-chai' }, at());
    t.same(await p.products.findSlug(store.id, 'masala-chai'), { productId: product.id, current: true }, 'back to an own earlier slug');
    await p.products.insert(productRecord(store.id, { slug: 'masala-chai-2' }));
    await p.products.insert(productRecord(store.id, { slug: 'masala-chai-tea' }));
    t.same((await p.products.slugsLike(store.id, 'masala-chai')).sort(), ['masala-chai', 'masala-chai-2', 'masala-chai-tea']);
    t.same(await p.products.slugsLike(store.id, 'masala_chai'), [], 'LIKE wildcards are literal');
    await p.products.delete(store.id, product.id);
    t.equal(await p.products.findSlug(store.id, 'ginger-chai'), null, 'a deleted product frees its slugs');
    t.equal(await p.products.findSlug(store.id, `x${'y'.repeat(200)}`), null, 'too long to be stored');
  });

  t.test('bulk: update and set stock on the listed products of the store only', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const [a, b, c] = await seedProducts(p, store.id, 3);
    const [theirs] = await seedProducts(p, other.store.id, 1);
    const ids = [a!.id, b!.id, theirs!.id, newId()];
    t.equal(await p.products.bulkUpdate(store.id, ids, { active: false }, at(1000)), 2);
    const active = async (id: string, storeId = store.id) => (await p.products.findById(storeId, id))?.active;
    t.same([await active(a!.id), await active(b!.id), await active(c!.id), await active(theirs!.id, other.store.id)], [false, false, true, true]);
    const sweets = sweet(store.id);
    await p.products.insert(sweets);
    t.equal(await p.products.bulkSetStock(store.id, [sweets.id, c!.id, theirs!.id], 7, at(2000)), 2);
    t.same((await p.products.findById(store.id, sweets.id))?.variants.map((v) => v.stock), [7, 7, 7], 'every variant');
    t.equal((await p.products.findById(store.id, c!.id))?.stock, 7);
    t.equal((await p.products.findById(other.store.id, theirs!.id))?.stock, 10, 'another store untouched');
    t.equal(await p.products.bulkSetStock(store.id, [c!.id], null, at()), 1);
    t.equal((await p.products.findById(store.id, c!.id))?.stock, null, 'stop tracking');
    t.equal(await p.products.bulkUpdate(store.id, [], { active: true }, at()), 0);
  });
}

/** ProductRepository with variants, slugs and bulk changes. */
export function variantTests(t: Test, factory: PersistenceFactory): void {
  variantRecordTests(t, factory);
  slugAndBulkTests(t, factory);
}
