import t from 'tap';
import { client, errorOf, json, multipart, tinyPng } from './support/api.js';
import { serverVariants, signUp } from './support/server.js';

const productFields = ['active', 'categoryId', 'compareAtPrice', 'createdAt', 'currency', 'description', 'hsnCode', 'id', 'images', 'name', 'options', 'pictures', 'price', 'sku', 'slug', 'stock', 'taxRate', 'updatedAt', 'variants'];

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('GET and PATCH /store: the settings, with the public link', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const store = json(await api.get('/api/v1/store'));
      t.match(store, { id: vendor.store.id, slug: vendor.store.slug, url: `http://${server.info.host}:${server.info.port}/${vendor.store.slug}`, currency: 'INR' });
      const patched = await api.patch('/api/v1/store', {
        name: 'Chai Point', description: 'Fresh tea', pickupAddress: 'Shop 4, MG Road', phone: '+14155550100',
        deliveryFee: 3000, freeDeliveryAbove: 50000, minOrderValue: 10000, isOpen: false, autoAcceptOrders: true, currency: 'usd',
      });
      t.equal(patched.statusCode, 200);
      t.match(json(patched), {
        name: 'Chai Point', description: 'Fresh tea', pickupAddress: 'Shop 4, MG Road', phone: '+14155550100',
        deliveryFee: 3000, freeDeliveryAbove: 50000, minOrderValue: 10000, isOpen: false, autoAcceptOrders: true, currency: 'USD',
      });
      t.same(json(await api.get('/api/v1/store')), json(patched), 'the change is stored');
    });

    t.test('a changed slug: the old link answers 301 to the new one and stays reserved to the store', async (t) => {
      const vendor = await signUp(server);
      const newSlug = `${vendor.store.slug}-new`;
      const patched = await client(server, vendor.headers).patch('/api/v1/store', { slug: newSlug });
      t.equal(patched.statusCode, 200);
      t.match(json(patched).url, new RegExp(`/${newSlug}$`));
      const old = await server.inject(`/api/v1/stores/${vendor.store.slug}`);
      t.equal(old.statusCode, 301);
      t.equal(old.headers.location, `/api/v1/stores/${newSlug}`);
      t.equal((await server.inject(`/api/v1/stores/${newSlug}`)).statusCode, 200);
      const other = await signUp(server);
      const taken = await client(server, other.headers).patch('/api/v1/store', { slug: vendor.store.slug });
      t.equal(taken.statusCode, 409, 'nobody else may take the old slug');
      t.equal(errorOf(taken).code, 'CONFLICT');
    });

    t.test('categories: create, list in position order, rename, delete (its products stay, uncategorised)', async (t) => {
      const api = client(server, (await signUp(server)).headers);
      const created = await api.post('/api/v1/categories', { name: 'Snacks', position: 2 });
      t.equal(created.statusCode, 201);
      const snacks = json(created);
      t.same(Object.keys(snacks).sort(), ['id', 'name', 'position']);
      t.match(snacks, { name: 'Snacks', position: 2 });
      const tea = await api.category('Tea', 1);
      const list = await api.get('/api/v1/categories');
      t.equal(list.statusCode, 200);
      t.same(json(list).items.map((c: { name: string }) => c.name), ['Tea', 'Snacks']);
      const renamed = await api.patch(`/api/v1/categories/${snacks.id}`, { name: 'Namkeen', position: 0 });
      t.equal(renamed.statusCode, 200);
      t.same(json(renamed), { id: snacks.id, name: 'Namkeen', position: 0 });
      t.same(json(await api.get('/api/v1/categories')).items.map((c: { name: string }) => c.name), ['Namkeen', 'Tea']);
      const product = await api.product({ categoryId: tea.id });
      t.equal((await api.delete(`/api/v1/categories/${tea.id}`)).statusCode, 204);
      t.equal(json(await api.get(`/api/v1/products/${product.id}`)).categoryId, null);
      t.equal((await api.delete(`/api/v1/categories/${tea.id}`)).statusCode, 404);
    });

    t.test('products: create, get, patch, delete with the documented shape', async (t) => {
      const api = client(server, (await signUp(server)).headers);
      const category = await api.category();
      const created = await api.post('/api/v1/products', {
        name: 'Assam Tea', description: '250 g', price: 34900, compareAtPrice: 39900, stock: 5, sku: 'TEA-250', categoryId: category.id,
      });
      t.equal(created.statusCode, 201);
      const product = json(created);
      t.same(Object.keys(product).filter((k) => k !== 'position').sort(), productFields);
      t.match(product, { name: 'Assam Tea', description: '250 g', price: 34900, compareAtPrice: 39900, currency: 'INR', stock: 5, sku: 'TEA-250', categoryId: category.id, active: true, images: [] });
      t.same(json(await api.get(`/api/v1/products/${product.id}`)), product);
      const untracked = await api.product({ name: 'Gift wrap', price: 1000 });
      t.match(untracked, { stock: null, sku: null, categoryId: null, compareAtPrice: null, description: '' });

      const patched = await api.patch(`/api/v1/products/${product.id}`, { price: 29900, active: false, sku: null });
      t.equal(patched.statusCode, 200);
      t.match(json(patched), { price: 29900, active: false, sku: null, compareAtPrice: 39900 });
      t.equal((await api.delete(`/api/v1/products/${product.id}`)).statusCode, 204);
      t.equal((await api.get(`/api/v1/products/${product.id}`)).statusCode, 404);
      t.equal((await api.delete(`/api/v1/products/${product.id}`)).statusCode, 404);
    });

    t.test('a duplicate SKU in one store is 409 CONFLICT; another store may use it', async (t) => {
      const api = client(server, (await signUp(server)).headers);
      await api.product({ sku: 'CHAI-1' });
      const duplicate = await api.post('/api/v1/products', { name: 'Other', price: 100, sku: 'CHAI-1' });
      t.equal(duplicate.statusCode, 409);
      t.equal(errorOf(duplicate).code, 'CONFLICT');
      const second = await api.product({ name: 'Second', sku: 'CHAI-2' });
      const renamed = await api.patch(`/api/v1/products/${second.id}`, { sku: 'CHAI-1' });
      t.equal(renamed.statusCode, 409);
      t.equal(errorOf(renamed).code, 'CONFLICT');
      const elsewhere = client(server, (await signUp(server)).headers);
      t.equal((await elsewhere.post('/api/v1/products', { name: 'Chai', price: 100, sku: 'CHAI-1' })).statusCode, 201);
    });

    t.test('the product list pages with an opaque cursor, searches and filters', async (t) => {
      const api = client(server, (await signUp(server)).headers);
      const tea = await api.category('Tea');
      for (let i = 1; i <= 25; i += 1) {
        await api.product({ name: `Item ${String(i).padStart(2, '0')}`, price: 100 * i, sku: `SKU-${i}`, ...(i % 5 === 0 ? { categoryId: tea.id } : {}), ...(i % 2 === 0 ? { active: false } : {}) });
      }
      const first = json(await api.get('/api/v1/products'));
      t.equal(first.items.length, 20, '20 by default, hidden ones included');
      t.type(first.nextCursor, 'string');
      const second = json(await api.get(`/api/v1/products?cursor=${encodeURIComponent(first.nextCursor)}`));
      t.equal(second.items.length, 5);
      t.equal(second.nextCursor, null, 'null on the last page');
      const ids = [...first.items, ...second.items].map((p: { id: string }) => p.id);
      t.equal(new Set(ids).size, 25, 'no product twice, none missing');
      t.same(json(await api.get('/api/v1/products')).items.map((p: { id: string }) => p.id), first.items.map((p: { id: string }) => p.id), 'a stable order');

      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = json(await api.get(`/api/v1/products?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
        t.ok(page.items.length <= 7);
        walked.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor;
      } while (cursor);
      t.same(walked, ids, 'small pages walk the same order');

      t.same(json(await api.get('/api/v1/products?q=iTeM 1')).items.map((p: { name: string }) => p.name).sort(), ['Item 10', 'Item 11', 'Item 12', 'Item 13', 'Item 14', 'Item 15', 'Item 16', 'Item 17', 'Item 18', 'Item 19'], 'q: case-insensitive substring of the name');
      t.same(json(await api.get('/api/v1/products?q=sku-25')).items.map((p: { name: string }) => p.name), ['Item 25'], 'q matches the SKU');
      t.same(json(await api.get(`/api/v1/products?categoryId=${tea.id}`)).items.map((p: { name: string }) => p.name).sort(), ['Item 05', 'Item 10', 'Item 15', 'Item 20', 'Item 25']);
      const active = json(await api.get('/api/v1/products?active=true&limit=100')).items;
      t.equal(active.length, 13);
      t.ok(active.every((p: { active: boolean }) => p.active));
      t.equal(json(await api.get('/api/v1/products?active=false&limit=100')).items.length, 12);
      t.equal(json(await api.get('/api/v1/products?limit=100')).items.length, 25);
    });

    t.test('stock adjustments add and take, never below zero', async (t) => {
      const api = client(server, (await signUp(server)).headers);
      const product = await api.product({ stock: 3 });
      const added = await api.post(`/api/v1/products/${product.id}/stock`, { delta: 4 });
      t.equal(added.statusCode, 200);
      t.equal(json(added).stock, 7);
      t.equal(json(await api.post(`/api/v1/products/${product.id}/stock`, { delta: -2 })).stock, 5);
      const untracked = await api.product({ name: 'Untracked' });
      const refused = await api.post(`/api/v1/products/${untracked.id}/stock`, { delta: 1 });
      t.equal(refused.statusCode, 400);
      t.same(errorOf(refused).paths, ['delta']);
    });

    t.test('image upload: a real PNG is stored and listed; content decides, not the file name; 5 MB at most', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const product = await api.product();
      const upload = (field: string, name: string, bytes: Buffer) => {
        const body = multipart(field, name, bytes);
        return server.inject({ method: 'POST', url: `/api/v1/products/${product.id}/images`, headers: { ...vendor.headers, ...body.headers }, payload: body.payload });
      };
      const ok = await upload('file', 'photo.png', tinyPng);
      t.equal(ok.statusCode, 201);
      const { url } = json(ok);
      t.same(Object.keys(json(ok)), ['url', 'urls']);
      t.match(url, /^\/media\/.+-1w\.jpg$/, 'stored resized, as its largest JPEG');
      t.same(json(await api.get(`/api/v1/products/${product.id}`)).images, [url]);
      t.same(json(await server.inject(`/api/v1/stores/${vendor.store.slug}`)).products[0].images, [url], 'customers see it');

      const text = await upload('file', 'x.png', Buffer.from('this is only text, whatever the name says'));
      t.equal(text.statusCode, 400);
      t.equal(errorOf(text).code, 'VALIDATION_FAILED');
      t.same(errorOf(text).paths, ['file']);
      const huge = Buffer.concat([tinyPng, Buffer.alloc(5 * 1024 * 1024 + 1)]);
      const big = await upload('file', 'big.png', huge);
      t.ok([400, 413].includes(big.statusCode), `over 5 MB is refused (${big.statusCode})`);
      const wrongField = await upload('image', 'photo.png', tinyPng);
      t.equal(wrongField.statusCode, 400);
      t.same(errorOf(wrongField).paths, ['file']);
      t.same(json(await api.get(`/api/v1/products/${product.id}`)).images, [url], 'refused uploads left nothing');
    });

    t.test('the public store: active products only, sold out ones listed with inStock false', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const category = await api.category('Tea');
      await api.product({ name: 'Chai', categoryId: category.id, stock: 2 });
      await api.product({ name: 'Sold out', stock: 0 });
      await api.product({ name: 'Hidden', active: false });
      const response = await server.inject(`/api/v1/stores/${vendor.store.slug}`);
      t.equal(response.statusCode, 200);
      const view = json(response);
      t.same(Object.keys(view).sort(), ['categories', 'products', 'store']);
      t.match(view.store, { id: vendor.store.id, slug: vendor.store.slug, isOpen: true, currency: 'INR' });
      t.notOk('autoAcceptOrders' in view.store, 'vendor-only settings stay private');
      t.same(view.categories.map((c: { name: string }) => c.name), ['Tea']);
      const byName = Object.fromEntries(view.products.map((p: { name: string }) => [p.name, p]));
      t.same(Object.keys(byName).sort(), ['Chai', 'Sold out']);
      t.same(Object.keys(byName.Chai).sort(), [
        'categoryId', 'compareAtPrice', 'currency', 'description', 'id', 'images', 'inStock', 'name', 'options', 'pictures', 'price', 'priceVaries', 'slug', 'stock', 'taxRate', 'variants',
      ]);
      t.match(byName.Chai, { inStock: true, stock: 2, categoryId: category.id });
      t.match(byName['Sold out'], { inStock: false, stock: 0 });
      const missing = await server.inject('/api/v1/stores/no-such-store-here');
      t.equal(missing.statusCode, 404);
      t.equal(errorOf(missing).code, 'NOT_FOUND');
    });
  });
}
