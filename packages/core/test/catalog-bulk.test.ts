// Bulk changes from the dashboard list and the API: every action on both databases, bounded, tenant-safe.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { inProcessEventBus, type DomainEvent } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { tinyPng as png } from './support/images.js';
import { openStore } from './support/orders.js';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const events = inProcessEventBus();
    const seen: DomainEvent[] = [];
    events.subscribe((event) => void seen.push(event));
    const fixture = await variant.open({ events });
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const { catalog } = dukaan;
    const { store } = await openStore(dukaan);
    const { store: other } = await openStore(dukaan);
    const simple = await catalog.createProduct(store.id, { name: 'Laddu box', price: 25000, stock: 4 });
    const sized = await catalog.createProduct(store.id, {
      name: 'Kurta',
      options: [{ name: 'Size', values: ['S', 'M'] }],
      variants: [
        { options: { Size: 'S' }, price: 89900, stock: 2, sku: 'KUR-S' },
        { options: { Size: 'M' }, price: 99900, sku: 'KUR-M' },
      ],
    });
    const theirs = await catalog.createProduct(other.id, { name: 'Not yours', price: 100, stock: 1 });
    const ids = [simple.id, sized.id];

    t.test('hide and show', async (t) => {
      seen.length = 0;
      t.same(await catalog.bulkProducts(store.id, { action: 'hide', ids: [...ids, theirs.id] }), { action: 'hide', count: 2 }, "another store's product is skipped");
      t.same((await Promise.all(ids.map((id) => catalog.getProduct(store.id, id)))).map((p) => p.active), [false, false]);
      t.equal((await catalog.getProduct(other.id, theirs.id)).active, true, 'untouched');
      t.ok(seen.some((e) => e.type === 'catalog.changed'), 'cached store pages are told');
      t.same(await catalog.bulkProducts(store.id, { action: 'show', ids }), { action: 'show', count: 2 });
      t.same((await Promise.all(ids.map((id) => catalog.getProduct(store.id, id)))).map((p) => p.active), [true, true]);
    });

    t.test('set stock sets every variant, and null stops counting', async (t) => {
      seen.length = 0;
      t.same(await catalog.bulkProducts(store.id, { action: 'set-stock', ids, stock: 7 }), { action: 'set-stock', count: 2 });
      const after = await catalog.getProduct(store.id, sized.id);
      t.same(after.variants.map((v) => v.stock), [7, 7]);
      t.equal((await catalog.getProduct(store.id, simple.id)).stock, 7);
      t.ok(seen.some((e) => e.type === 'stock.changed'));
      await catalog.bulkProducts(store.id, { action: 'set-stock', ids: [sized.id], stock: null });
      t.same((await catalog.getProduct(store.id, sized.id)).variants.map((v) => v.stock), [null, null]);
      await t.rejects(catalog.bulkProducts(store.id, { action: 'set-stock', ids }), { code: 'VALIDATION_FAILED', details: [{ path: 'stock' }] });
      await t.rejects(catalog.bulkProducts(store.id, { action: 'set-stock', ids, stock: -1 }), { code: 'VALIDATION_FAILED', details: [{ path: 'stock' }] });
      await t.rejects(catalog.bulkProducts(store.id, { action: 'set-stock', ids, stock: 2 ** 40 }), { code: 'VALIDATION_FAILED', details: [{ path: 'stock' }] });
      t.equal((await catalog.getProduct(other.id, theirs.id)).stock, 1);
    });

    t.test('move to a category of the store, or to none', async (t) => {
      const sweets = await catalog.createCategory(store.id, { name: 'Sweets' });
      const foreign = await catalog.createCategory(other.id, { name: 'Theirs' });
      t.same(await catalog.bulkProducts(store.id, { action: 'move-category', ids, categoryId: sweets.id }), { action: 'move-category', count: 2 });
      t.same((await Promise.all(ids.map((id) => catalog.getProduct(store.id, id)))).map((p) => p.categoryId), [sweets.id, sweets.id]);
      await t.rejects(catalog.bulkProducts(store.id, { action: 'move-category', ids, categoryId: foreign.id }), { code: 'VALIDATION_FAILED', details: [{ path: 'categoryId' }] });
      await catalog.bulkProducts(store.id, { action: 'move-category', ids: [simple.id], categoryId: null });
      t.equal((await catalog.getProduct(store.id, simple.id)).categoryId, null);
    });

    t.test('input is bounded and checked', async (t) => {
      const many = Array.from({ length: 201 }, () => randomUUID());
      await t.rejects(catalog.bulkProducts(store.id, { action: 'hide', ids: many }), { code: 'VALIDATION_FAILED', details: [{ path: 'ids', message: /at most 200/ }] });
      await t.rejects(catalog.bulkProducts(store.id, { action: 'hide', ids: [] }), { code: 'VALIDATION_FAILED', details: [{ path: 'ids' }] });
      await t.rejects(catalog.bulkProducts(store.id, { action: 'hide', ids: ['x\u0000'] }), { code: 'VALIDATION_FAILED' });
      await t.rejects(catalog.bulkProducts(store.id, { action: 'hide', ids: [simple.id, simple.id] }), { code: 'VALIDATION_FAILED', details: [{ path: 'ids' }] });
      await t.rejects(catalog.bulkProducts(store.id, { action: 'drop-table', ids }), { code: 'VALIDATION_FAILED', details: [{ path: 'action' }] });
      await t.rejects(catalog.bulkProducts(store.id, { action: 'hide', ids, stock: 3 }), { code: 'VALIDATION_FAILED', details: [{ path: 'stock' }] });
      t.same(await catalog.bulkProducts(store.id, { action: 'hide', ids: [randomUUID()] }), { action: 'hide', count: 0 }, 'unknown ids change nothing');
    });

    t.test('delete removes the products and their image files, not another store\'s', async (t) => {
      const withPhoto = await catalog.createProduct(store.id, { name: 'Photo', price: 100 });
      const { product } = await catalog.addProductImage(store.id, withPhoto.id, png);
      const files = product.images.flatMap((image) => (image.fileKeys && image.fileKeys.length > 0 ? image.fileKeys : [image.key]));
      t.ok(files.length > 0);
      for (const key of files) t.ok(existsSync(join(fixture.mediaDir, key)), `${key} stored`);
      t.same(await catalog.bulkProducts(store.id, { action: 'delete', ids: [withPhoto.id, simple.id, theirs.id] }), { action: 'delete', count: 2 });
      await t.rejects(catalog.getProduct(store.id, withPhoto.id), { code: 'NOT_FOUND' });
      await t.rejects(catalog.getProduct(store.id, simple.id), { code: 'NOT_FOUND' });
      t.ok(await catalog.getProduct(other.id, theirs.id), "another store's product stays");
      for (const key of files) t.notOk(existsSync(join(fixture.mediaDir, key)), `${key} deleted`);
      t.ok(await catalog.getProduct(store.id, sized.id), 'unselected products stay');
    });
  });
}
