// Bulk changes to products: the API route and the dashboard list (bulk bar, confirmation, row switches), without JavaScript.
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { client, errorOf, json } from './support/api.js';
import { Browser } from './support/pages.js';
import { serverVariants, signUp } from './support/server.js';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('POST /api/v1/products/bulk: every action, bounded, 4xx for bad input, other stores untouched', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const other = client(server, (await signUp(server)).headers);
      const a = await api.product({ name: 'A', stock: 3 });
      const b = await api.product({
        name: 'B',
        price: undefined,
        options: [{ name: 'Size', values: ['S', 'M'] }],
        variants: [
          { options: { Size: 'S' }, price: 100, stock: 1 },
          { options: { Size: 'M' }, price: 200 },
        ],
      });
      const theirs = await other.product({ name: 'Theirs' });
      const ids = [a.id, b.id];

      const hide = await api.post('/api/v1/products/bulk', { action: 'hide', ids: [...ids, theirs.id] });
      t.equal(hide.statusCode, 200);
      t.same(json(hide), { action: 'hide', count: 2 });
      t.equal(json(await other.get(`/api/v1/products/${theirs.id}`)).active, true);
      t.equal(json(await api.get(`/api/v1/products/${b.id}`)).active, false);

      const stock = await api.post('/api/v1/products/bulk', { action: 'set-stock', ids, stock: 9 });
      t.same(json(stock), { action: 'set-stock', count: 2 });
      t.same(json(await api.get(`/api/v1/products/${b.id}`)).variants.map((v: { stock: number }) => v.stock), [9, 9]);

      const cat = await api.category('Sale');
      t.same(json(await api.post('/api/v1/products/bulk', { action: 'move-category', ids, categoryId: cat.id })), { action: 'move-category', count: 2 });
      t.equal(json(await api.get(`/api/v1/products/${a.id}`)).categoryId, cat.id);

      for (const [body, path] of [
        [{ action: 'hide', ids: Array.from({ length: 201 }, () => randomUUID()) }, 'ids'],
        [{ action: 'hide', ids: [] }, 'ids'],
        [{ action: 'explode', ids }, 'action'],
        [{ action: 'set-stock', ids, stock: 1e12 }, 'stock'],
        [{ action: 'set-stock', ids }, 'stock'],
        [{ action: 'hide', ids: ['\u0000'] }, 'ids.0'],
        [{ action: 'move-category', ids, categoryId: randomUUID() }, 'categoryId'],
      ] as const) {
        const response = await api.post('/api/v1/products/bulk', body);
        t.equal(response.statusCode, 400, JSON.stringify(body).slice(0, 80));
        t.match(errorOf(response), { code: 'VALIDATION_FAILED', details: [{ path }] });
      }
      t.equal((await server.inject({ method: 'POST', url: '/api/v1/products/bulk', payload: { action: 'hide', ids } })).statusCode, 401);

      t.same(json(await api.post('/api/v1/products/bulk', { action: 'delete', ids: [a.id, theirs.id] })), { action: 'delete', count: 1 });
      t.equal((await api.get(`/api/v1/products/${a.id}`)).statusCode, 404);
      t.equal((await other.get(`/api/v1/products/${theirs.id}`)).statusCode, 200);
    });

    t.test('dashboard list: bulk hide, set stock, move, delete after a confirmation; row switches', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const browser = new Browser(server);
      browser.cookies.set('dukaan_session', vendor.cookie.split('=').slice(1).join('='));
      const chai = await api.product({ name: 'Chai', stock: 4 });
      const coffee = await api.product({ name: 'Coffee' });
      const kept = await api.product({ name: 'Kept' });
      const list = await browser.get('/dashboard/products');
      t.equal(list.statusCode, 200);
      t.match(list.payload, /<input type="checkbox" name="ids" value="[^"]+" form="bulk-products"/);
      t.match(list.payload, `action="/dashboard/products/${chai.id}/stock"`);
      t.match(list.payload, `action="/dashboard/products/${chai.id}/visibility"`);

      const hidden = await browser.post('/dashboard/products/bulk', { action: 'hide', ids: [chai.id, coffee.id], back: '/dashboard/products?q=c' });
      t.equal(hidden.statusCode, 303);
      t.equal(hidden.headers.location, '/dashboard/products?q=c&done=saved', 'back to the same filtered list');
      t.equal(json(await api.get(`/api/v1/products/${chai.id}`)).active, false);
      t.equal(json(await api.get(`/api/v1/products/${kept.id}`)).active, true);

      const offsite = await browser.post('/dashboard/products/bulk', { action: 'show', ids: [chai.id], back: 'https://evil.example/dashboard/products' });
      t.equal(offsite.headers.location, '/dashboard/products?done=saved', 'never back to another site');
      const sideways = await browser.post('/dashboard/products/bulk', { action: 'show', ids: [chai.id], back: '/dashboard/products/../../login' });
      t.equal(sideways.headers.location, '/dashboard/products?done=saved');

      t.equal((await browser.post('/dashboard/products/bulk', { action: 'set-stock', ids: [chai.id, coffee.id], stock: '12' })).statusCode, 303);
      t.equal(json(await api.get(`/api/v1/products/${coffee.id}`)).stock, 12);
      const badStock = await browser.post('/dashboard/products/bulk', { action: 'set-stock', ids: [chai.id], stock: 'many' });
      t.equal(badStock.statusCode, 400);
      t.match(badStock.payload, 'Enter the stock as a whole number');
      const none = await browser.post('/dashboard/products/bulk', { action: 'hide' });
      t.equal(none.statusCode, 400);
      t.match(none.payload, 'Tick at least one product first.');

      const tea = await api.category('Tea');
      t.equal((await browser.post('/dashboard/products/bulk', { action: 'move-category', ids: [chai.id], categoryId: tea.id })).statusCode, 303);
      t.equal(json(await api.get(`/api/v1/products/${chai.id}`)).categoryId, tea.id);

      const ask = await browser.post('/dashboard/products/bulk', { action: 'delete', ids: [chai.id, coffee.id] });
      t.equal(ask.statusCode, 200, 'a confirmation first');
      t.match(ask.payload, 'Delete 2 products?');
      t.match(ask.payload, 'Chai');
      t.equal((await api.get(`/api/v1/products/${chai.id}`)).statusCode, 200, 'nothing deleted yet');
      const deleted = await browser.post('/dashboard/products/bulk', { action: 'delete', ids: [chai.id, coffee.id], confirm: 'yes' });
      t.equal(deleted.statusCode, 303);
      t.equal(deleted.headers.location, '/dashboard/products?done=deleted');
      t.equal((await api.get(`/api/v1/products/${chai.id}`)).statusCode, 404);
      t.equal((await api.get(`/api/v1/products/${kept.id}`)).statusCode, 200);

      const off = await browser.post(`/dashboard/products/${kept.id}/visibility`, { active: 'no' });
      t.equal(off.statusCode, 303);
      t.equal(json(await api.get(`/api/v1/products/${kept.id}`)).active, false);
      await browser.post(`/dashboard/products/${kept.id}/visibility`, { active: 'yes' });
      t.equal(json(await api.get(`/api/v1/products/${kept.id}`)).active, true);
      t.equal((await browser.post(`/dashboard/products/${kept.id}/stock`, { stock: '7' })).statusCode, 303);
      t.equal(json(await api.get(`/api/v1/products/${kept.id}`)).stock, 7);
      t.equal((await browser.post(`/dashboard/products/${kept.id}/stock`, { stock: '' })).statusCode, 303);
      t.equal(json(await api.get(`/api/v1/products/${kept.id}`)).stock, null, 'emptied: not counted');
      t.equal((await browser.post(`/dashboard/products/${kept.id}/stock`, { stock: '-3' })).statusCode, 400);

      const stranger = await signUp(server);
      const theirs = await client(server, stranger.headers).product({ name: 'Theirs' });
      t.equal((await browser.post(`/dashboard/products/${theirs.id}/visibility`, { active: 'no' })).statusCode, 404, "another store's product");
      t.equal((await browser.post('/dashboard/products/bulk', { action: 'delete', ids: [theirs.id], confirm: 'yes' })).statusCode, 303);
      t.equal((await client(server, stranger.headers).get(`/api/v1/products/${theirs.id}`)).statusCode, 200, 'not deleted');
      t.equal((await browser.post('/dashboard/products/bulk', { action: 'hide', ids: [kept.id] }, { crumb: null })).statusCode, 403, 'CSRF checked');
    });
  });
}
