import t from 'tap';
import { client, errorOf, json } from './support/api.js';
import { customer, serverVariants, signUp } from './support/server.js';

interface Case {
  name: string;
  method: string;
  url: string;
  payload?: unknown;
  /** Every bad field, reported at once. */
  paths: string[];
}

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;
    const vendor = await signUp(server);
    const api = client(server, vendor.headers);
    const product = await api.product({ stock: 5 });
    const category = await api.category();
    const order = json(await server.inject({
      method: 'POST',
      url: `/api/v1/stores/${vendor.store.slug}/orders`,
      payload: { customer, items: [{ productId: product.id, quantity: 1 }], paymentMethod: 'cod' },
    }));
    const long = 'x'.repeat(65);

    const publicCases: Case[] = [
      { name: 'sign-up', method: 'POST', url: '/api/v1/vendors', payload: { email: 'not-an-email', password: 'short', storeName: '', slug: 'Bad--Slug', phone: '12345' }, paths: ['email', 'password', 'phone', 'slug', 'storeName'] },
      { name: 'sign-up with a reserved slug and an unknown field', method: 'POST', url: '/api/v1/vendors', payload: { email: 'ok@example.com', password: 'long enough', storeName: 'Shop', slug: 'dashboard', admin: true }, paths: ['admin', 'slug'] },
      { name: 'sign-up, empty', method: 'POST', url: '/api/v1/vendors', payload: {}, paths: ['email', 'password', 'storeName'] },
      { name: 'log in', method: 'POST', url: '/api/v1/session', payload: { email: 'nope', password: '' }, paths: ['email', 'password'] },
      { name: 'the public store with an over-long slug', method: 'GET', url: `/api/v1/stores/${long}`, paths: ['slug'] },
      { name: 'tracking with an over-long token', method: 'GET', url: `/api/v1/stores/${vendor.store.slug}/orders/${long}`, paths: ['token'] },
      {
        name: 'checkout',
        method: 'POST',
        url: `/api/v1/stores/${vendor.store.slug}/orders`,
        payload: {
          customer: { name: '', phone: '12345', email: 'nope', address: 'x', pincode: '01234' },
          items: [{ productId: product.id, quantity: 0 }, { productId: 'not-an-id', quantity: 1.5 }],
          note: 'n'.repeat(501),
          paymentMethod: 'card',
        },
        paths: ['customer.address', 'customer.email', 'customer.name', 'customer.phone', 'customer.pincode', 'items.0.quantity', 'items.1.productId', 'items.1.quantity', 'note', 'paymentMethod'],
      },
      { name: 'checkout with no items', method: 'POST', url: `/api/v1/stores/${vendor.store.slug}/orders`, payload: { customer, items: [], paymentMethod: 'cod' }, paths: ['items'] },
    ];
    const vendorCases: Case[] = [
      { name: 'create a token', method: 'POST', url: '/api/v1/tokens', payload: { name: '' }, paths: ['name'] },
      { name: 'revoke a token with an over-long id', method: 'DELETE', url: `/api/v1/tokens/${long}`, paths: ['id'] },
      {
        name: 'store settings',
        method: 'PATCH',
        url: '/api/v1/store',
        payload: { slug: 'api', currency: 'XYZ', deliveryFee: -1, freeDeliveryAbove: 10.5, minOrderValue: '100', isOpen: 'yes', phone: 'abc', id: 'mine', url: 'http://x' },
        paths: ['currency', 'deliveryFee', 'freeDeliveryAbove', 'id', 'isOpen', 'minOrderValue', 'phone', 'slug', 'url'],
      },
      { name: 'store settings, nothing to change', method: 'PATCH', url: '/api/v1/store', payload: {}, paths: ['body'] },
      { name: 'create a category', method: 'POST', url: '/api/v1/categories', payload: { name: ' ', position: -1 }, paths: ['name', 'position'] },
      { name: 'change a category', method: 'PATCH', url: `/api/v1/categories/${category.id}`, payload: { name: 'n'.repeat(61), position: 'first' }, paths: ['name', 'position'] },
      { name: 'list products', method: 'GET', url: '/api/v1/products?limit=101&categoryId=nope&active=maybe&colour=red', paths: ['active', 'categoryId', 'colour', 'limit'] },
      { name: 'list products with a forged cursor', method: 'GET', url: '/api/v1/products?cursor=forged', paths: ['cursor'] },
      {
        name: 'create a product',
        method: 'POST',
        url: '/api/v1/products',
        payload: { price: 99.5, compareAtPrice: 'more', stock: -1, sku: 'has space', categoryId: 'nope', active: 'yes' },
        paths: ['active', 'categoryId', 'compareAtPrice', 'name', 'price', 'sku', 'stock'],
      },
      { name: 'create a product with an MRP below the price', method: 'POST', url: '/api/v1/products', payload: { name: 'Chai', price: 500, compareAtPrice: 400 }, paths: ['compareAtPrice'] },
      { name: 'change a product', method: 'PATCH', url: `/api/v1/products/${product.id}`, payload: { name: '', price: '12', stock: 1.5 }, paths: ['name', 'price', 'stock'] },
      { name: 'adjust stock', method: 'POST', url: `/api/v1/products/${product.id}/stock`, payload: { delta: 0 }, paths: ['delta'] },
      { name: 'adjust stock, nothing sent', method: 'POST', url: `/api/v1/products/${product.id}/stock`, payload: {}, paths: ['delta'] },
      { name: 'a product with an over-long id', method: 'GET', url: `/api/v1/products/${long}`, paths: ['id'] },
      { name: 'list orders', method: 'GET', url: '/api/v1/orders?status=lost&limit=0', paths: ['limit', 'status'] },
      { name: 'an order with an over-long id', method: 'GET', url: `/api/v1/orders/${long}`, paths: ['id'] },
      { name: 'move an order', method: 'POST', url: `/api/v1/orders/${order.id}/status`, payload: { status: 'teleported' }, paths: ['status'] },
      { name: 'move an order, nothing sent', method: 'POST', url: `/api/v1/orders/${order.id}/status`, payload: {}, paths: ['status'] },
    ];

    for (const [audience, cases, headers] of [['public', publicCases, {}], ['vendor', vendorCases, vendor.headers]] as const) {
      t.test(`${audience} routes: bad input is 400 VALIDATION_FAILED with one detail per bad field`, async (t) => {
        for (const c of cases) {
          const response = await server.inject({ method: c.method, url: c.url, headers, ...(c.payload === undefined ? {} : { payload: c.payload as object }) });
          t.equal(response.statusCode, 400, `${c.name}: 400`);
          const error = errorOf(response);
          t.equal(error.code, 'VALIDATION_FAILED', `${c.name}: code`);
          t.same(error.paths, c.paths, `${c.name}: paths`);
          t.ok((error.details ?? []).every((d) => typeof d.message === 'string' && d.message.length > 0), `${c.name}: messages`);
        }
      });
    }

    t.test('an image upload with no file field is 400 at file', async (t) => {
      const response = await server.inject({
        method: 'POST',
        url: `/api/v1/products/${product.id}/images`,
        headers: { ...vendor.headers, 'content-type': 'multipart/form-data; boundary=xyz' },
        payload: '--xyz\r\nContent-Disposition: form-data; name="caption"\r\n\r\nhello\r\n--xyz--\r\n',
      });
      t.equal(response.statusCode, 400);
      t.same(errorOf(response).paths, ['file']);
    });

    t.test('malformed JSON is 400, not 500', async (t) => {
      const response = await server.inject({ method: 'POST', url: '/api/v1/categories', headers: { ...vendor.headers, 'content-type': 'application/json' }, payload: '{"name": ' });
      t.equal(response.statusCode, 400);
      t.equal(errorOf(response).code, 'BAD_REQUEST');
    });

    t.test('ids that are not ids are 404, never a database error', async (t) => {
      for (const url of ['/api/v1/products/not-a-uuid', '/api/v1/orders/not-a-uuid', "/api/v1/products/1'OR'1'='1"]) {
        const response = await api.get(url);
        t.equal(response.statusCode, 404, url);
        t.equal(errorOf(response).code, 'NOT_FOUND');
      }
      t.equal((await api.patch('/api/v1/categories/12345', { name: 'x' })).statusCode, 404);
      t.equal((await api.delete('/api/v1/tokens/12345')).statusCode, 404);
    });

    t.test('nothing was changed by the refused requests', async (t) => {
      const after = json(await api.get(`/api/v1/products/${product.id}`));
      t.match(after, { name: 'Masala Chai', price: 24900, stock: 4 });
      t.equal(json(await api.get('/api/v1/store')).slug, vendor.store.slug);
      t.equal(json(await api.get(`/api/v1/orders/${order.id}`)).status, 'pending');
    });
  });
}
