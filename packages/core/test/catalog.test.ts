import { existsSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { coreVariants } from './support/core-variants.js';
import { tinyPng as png } from './support/images.js';
import { openStore } from './support/orders.js';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const { store } = await openStore(dukaan);
    const { store: other } = await openStore(dukaan);

    t.test('categories keep their order; deleting one leaves its products', async (t) => {
      const drinks = await dukaan.catalog.createCategory(store.id, { name: 'Drinks' });
      const snacks = await dukaan.catalog.createCategory(store.id, { name: 'Snacks' });
      t.equal(snacks.position, drinks.position + 1, 'new categories go last');
      await dukaan.catalog.updateCategory(store.id, snacks.id, { position: 0, name: 'Namkeen' });
      await dukaan.catalog.updateCategory(store.id, drinks.id, { position: 1 });
      t.same((await dukaan.catalog.listCategories(store.id)).map((c) => c.name), ['Namkeen', 'Drinks']);
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Lassi', price: 5000, categoryId: drinks.id });
      await t.rejects(dukaan.catalog.updateCategory(other.id, drinks.id, { name: 'Mine' }), { code: 'NOT_FOUND' });
      await t.rejects(dukaan.catalog.deleteCategory(other.id, drinks.id), { code: 'NOT_FOUND' });
      await dukaan.catalog.deleteCategory(store.id, drinks.id);
      t.equal((await dukaan.catalog.getProduct(store.id, p.id)).categoryId, null);
    });

    t.test('products: create, read, update, hide, delete, tenant-isolated', async (t) => {
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Kurta', price: 89900, compareAtPrice: 129900, sku: 'KUR-1', stock: 3 });
      t.match(p, { name: 'Kurta', price: 89900, compareAtPrice: 129900, sku: 'KUR-1', stock: 3, active: true, images: [], description: '' });
      await t.rejects(dukaan.catalog.createProduct(store.id, { name: 'Again', price: 1, sku: 'KUR-1' }), { code: 'CONFLICT', details: [{ path: 'sku' }] });
      const elsewhere = await dukaan.catalog.createProduct(other.id, { name: 'Same SKU elsewhere', price: 1, sku: 'KUR-1' });
      t.equal(elsewhere.sku, 'KUR-1', 'SKUs are unique per store only');
      const hidden = await dukaan.catalog.updateProduct(store.id, p.id, { active: false, price: 79900 });
      t.match(hidden, { active: false, price: 79900 });
      await t.rejects(dukaan.catalog.getProduct(other.id, p.id), { code: 'NOT_FOUND' });
      await t.rejects(dukaan.catalog.updateProduct(other.id, p.id, { price: 1 }), { code: 'NOT_FOUND' });
      await t.rejects(dukaan.catalog.deleteProduct(other.id, p.id), { code: 'NOT_FOUND' });
      t.equal((await dukaan.catalog.adjustStock(store.id, p.id, { delta: 4 })).stock, 7);
      t.equal((await dukaan.catalog.adjustStock(store.id, p.id, { delta: -100 })).stock, 0, 'never below zero');
      await dukaan.catalog.deleteProduct(store.id, p.id);
      await t.rejects(dukaan.catalog.getProduct(store.id, p.id), { code: 'NOT_FOUND' });
    });

    t.test('list: search by name or SKU, filters, and a cursor that visits each product once', async (t) => {
      const { store: s } = await openStore(dukaan);
      const cat = await dukaan.catalog.createCategory(s.id, { name: 'Tea' });
      for (let i = 0; i < 7; i++) {
        await dukaan.catalog.createProduct(s.id, { name: `Green Tea ${i}`, price: 100, sku: `GT-${i}`, categoryId: i % 2 ? cat.id : null, active: i !== 3 });
      }
      await dukaan.catalog.createProduct(s.id, { name: '100% Coffee', price: 100 });
      const ids: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const page = await dukaan.catalog.listProducts(s.id, { limit: 3, ...(cursor ? { cursor } : {}) });
        ids.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      t.equal(ids.length, 8);
      t.equal(new Set(ids).size, 8);
      t.same(ids, [...ids].sort().reverse(), 'newest first, stable');
      t.equal((await dukaan.catalog.listProducts(s.id, { q: 'GREEN' })).items.length, 7);
      t.equal((await dukaan.catalog.listProducts(s.id, { q: 'gt-4' })).items.length, 1);
      t.equal((await dukaan.catalog.listProducts(s.id, { q: '100%' })).items.length, 1, '% is a literal');
      t.equal((await dukaan.catalog.listProducts(s.id, { categoryId: cat.id })).items.length, 3);
      t.equal((await dukaan.catalog.listProducts(s.id, { active: false })).items.length, 1);
      t.equal((await dukaan.catalog.listProducts(s.id, { active: true })).items.length, 7);
    });

    t.test('images are checked by content, stored on disk, removed with the product', async (t) => {
      const p = await dukaan.catalog.createProduct(store.id, { name: 'Photo', price: 100 });
      await t.rejects(dukaan.catalog.addProductImage(store.id, p.id, Buffer.from('<svg onload=alert(1)>')), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'file', message: /JPEG, PNG or WebP/ }],
      });
      const { url, product } = await dukaan.catalog.addProductImage(store.id, p.id, png);
      t.match(url, new RegExp(`^/media/${store.id}/${p.id}/[\\w-]+-1w\\.jpg$`), 'the largest JPEG, under a content-hashed name');
      t.equal(product.images.length, 1);
      const key = product.images[0]?.key ?? '';
      t.ok(existsSync(join(fixture.mediaDir, key)), 'file written');
      await t.rejects(dukaan.catalog.addProductImage(other.id, p.id, png), { code: 'NOT_FOUND' });
      const without = await dukaan.catalog.removeProductImage(store.id, p.id, key);
      t.same(without.images, []);
      t.notOk(existsSync(join(fixture.mediaDir, key)), 'file removed');
      const again = await dukaan.catalog.addProductImage(store.id, p.id, png);
      await dukaan.catalog.deleteProduct(store.id, p.id);
      t.notOk(existsSync(join(fixture.mediaDir, again.product.images[0]?.key ?? 'x')), 'deleted with the product');
    });
  });
}
