import t from 'tap';
import { client, errorOf, json, multipart, placeOrder, tinyPng } from './support/api.js';
import { serverVariants, signUp } from './support/server.js';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    // Vendor B owns everything; vendor A tries every route that takes an id.
    const b = await signUp(server);
    const bApi = client(server, b.headers);
    const bCategory = await bApi.category('B tea');
    const bProduct = await bApi.product({ name: 'B chai', stock: 5, sku: 'B-1', categoryId: bCategory.id });
    const bToken = json(await bApi.post('/api/v1/tokens', { name: 'B script' }));
    // A public address literal: created without a DNS lookup, never delivered to (no dispatcher runs here).
    const bWebhook = json(await bApi.post('/api/v1/webhooks', { url: 'https://93.184.216.34/b-hook', events: ['order.placed'] }));
    const bOrder = json(await placeOrder(server, b.store.slug, [{ productId: bProduct.id, quantity: 1 }]));
    // Accepted, so it has an invoice for A to ask for.
    await bApi.post(`/api/v1/orders/${bOrder.id}/status`, { status: 'accepted' });
    const bCoupon = json(await bApi.post('/api/v1/coupons', { code: 'BONLY', type: 'percent', value: 10 }));
    await fixture.dukaan.outbox.fanOut();
    const bDelivery = (json(await bApi.get(`/api/v1/webhooks/${bWebhook.id}/deliveries`)).items as Array<{ id: string }>)[0]!;
    const bSession = (json(await bApi.get('/api/v1/me/sessions')).items as Array<{ id: string }>)[0]!;
    const a = await signUp(server);
    const aApi = client(server, a.headers);

    const snapshot = async () => ({
      product: json(await bApi.get(`/api/v1/products/${bProduct.id}`)),
      categories: json(await bApi.get('/api/v1/categories')),
      order: json(await bApi.get(`/api/v1/orders/${bOrder.id}`)),
      coupon: json(await bApi.get(`/api/v1/coupons/${bCoupon.id}`)),
      store: json(await server.inject(`/api/v1/stores/${b.store.slug}`)),
      webhooks: json(await bApi.get('/api/v1/webhooks')),
      deliveries: json(await bApi.get(`/api/v1/webhooks/${bWebhook.id}/deliveries`)),
    });
    const before = await snapshot();

    const png = multipart('file', 'a.png', tinyPng);
    const attempts: Array<{ method: string; path: string; url: string; payload?: unknown; headers?: Record<string, string> }> = [
      { method: 'GET', path: '/api/v1/products/{id}', url: `/api/v1/products/${bProduct.id}` },
      { method: 'PATCH', path: '/api/v1/products/{id}', url: `/api/v1/products/${bProduct.id}`, payload: { name: 'Taken over', price: 1 } },
      { method: 'DELETE', path: '/api/v1/products/{id}', url: `/api/v1/products/${bProduct.id}` },
      { method: 'POST', path: '/api/v1/products/{id}/stock', url: `/api/v1/products/${bProduct.id}/stock`, payload: { delta: -5 } },
      { method: 'POST', path: '/api/v1/products/{id}/images', url: `/api/v1/products/${bProduct.id}/images`, payload: png.payload, headers: png.headers },
      { method: 'PUT', path: '/api/v1/products/{id}/images', url: `/api/v1/products/${bProduct.id}/images`, payload: { images: ['/media/x.jpg'] } },
      { method: 'DELETE', path: '/api/v1/products/{id}/images', url: `/api/v1/products/${bProduct.id}/images?url=${encodeURIComponent('/media/x.jpg')}` },
      { method: 'PATCH', path: '/api/v1/categories/{id}', url: `/api/v1/categories/${bCategory.id}`, payload: { name: 'Taken over' } },
      { method: 'DELETE', path: '/api/v1/categories/{id}', url: `/api/v1/categories/${bCategory.id}` },
      { method: 'GET', path: '/api/v1/orders/{id}', url: `/api/v1/orders/${bOrder.id}` },
      { method: 'POST', path: '/api/v1/orders/{id}/status', url: `/api/v1/orders/${bOrder.id}/status`, payload: { status: 'cancelled' } },
      { method: 'POST', path: '/api/v1/orders/{id}/payment', url: `/api/v1/orders/${bOrder.id}/payment`, payload: { status: 'paid', reference: 'taken over' } },
      { method: 'GET', path: '/api/v1/orders/{id}/invoice', url: `/api/v1/orders/${bOrder.id}/invoice` },
      { method: 'GET', path: '/api/v1/coupons/{id}', url: `/api/v1/coupons/${bCoupon.id}` },
      { method: 'PATCH', path: '/api/v1/coupons/{id}', url: `/api/v1/coupons/${bCoupon.id}`, payload: { value: 90 } },
      { method: 'DELETE', path: '/api/v1/coupons/{id}', url: `/api/v1/coupons/${bCoupon.id}` },
      { method: 'DELETE', path: '/api/v1/tokens/{id}', url: `/api/v1/tokens/${bToken.id}` },
      { method: 'DELETE', path: '/api/v1/webhooks/{id}', url: `/api/v1/webhooks/${bWebhook.id}` },
      { method: 'GET', path: '/api/v1/webhooks/{id}/deliveries', url: `/api/v1/webhooks/${bWebhook.id}/deliveries` },
      {
        method: 'POST',
        path: '/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry',
        url: `/api/v1/webhooks/${bWebhook.id}/deliveries/${bDelivery.id}/retry`,
      },
      { method: 'DELETE', path: '/api/v1/me/sessions/{id}', url: `/api/v1/me/sessions/${bSession.id}` },
    ];

    t.test('the attempts cover every authenticated API route that takes an id', async (t) => {
      const routes = server.table()
        .filter((route) => route.path.startsWith('/api/v1/') && route.settings.auth && route.path.includes('{id}'))
        .map((route) => `${route.method.toUpperCase()} ${route.path}`)
        .sort();
      t.same([...new Set(attempts.map((x) => `${x.method} ${x.path}`))].sort(), routes);
    });

    const credentials = async () => [
      ['cookie', a.headers],
      ['bearer token', { authorization: `Bearer ${json(await aApi.post('/api/v1/tokens', { name: 'A' })).token}` }],
    ] as const;

    t.test("vendor A gets 404 NOT_FOUND from every route for B's ids, by cookie and by token", async (t) => {
      for (const [name, headers] of await credentials()) {
        for (const attempt of attempts) {
          const response = await server.inject({
            method: attempt.method,
            url: attempt.url,
            headers: { ...headers, ...attempt.headers },
            ...(attempt.payload === undefined ? {} : { payload: attempt.payload as object }),
          });
          t.equal(response.statusCode, 404, `${attempt.method} ${attempt.path} (${name})`);
          t.equal(errorOf(response).code, 'NOT_FOUND');
          t.notMatch(response.payload, /B chai|B tea|B script|b-hook/, 'the body names nothing of B');
        }
      }
    });

    t.test("B's data is unchanged afterwards and B's token still works", async (t) => {
      t.same(await snapshot(), before);
      t.equal(before.product.stock, 4);
      t.equal((await server.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${bToken.token}` } })).statusCode, 200);
      t.equal((await server.inject({ url: '/api/v1/me', headers: b.headers })).statusCode, 200, "and B's session");
    });

    t.test("A's lists and filters never show B's data", async (t) => {
      t.same(json(await aApi.get('/api/v1/products')).items, []);
      t.same(json(await aApi.get(`/api/v1/products?categoryId=${bCategory.id}`)).items, []);
      t.same(json(await aApi.get('/api/v1/products?q=B chai')).items, []);
      t.same(json(await aApi.get('/api/v1/categories')).items, []);
      t.same(json(await aApi.get('/api/v1/orders')).items, []);
      t.equal(json(await aApi.get('/api/v1/store')).id, a.store.id);
      t.notOk((json(await aApi.get('/api/v1/me/sessions')).items as Array<{ id: string }>).some((s) => s.id === bSession.id), "nor B's sessions");
      t.notOk((json(await aApi.get('/api/v1/tokens')).items as Array<{ id: string }>).some((x) => x.id === bToken.id), "nor B's tokens");
      t.same(json(await aApi.get('/api/v1/webhooks')).items, [], "nor B's webhooks");
    });

    t.test("A cannot file a product under B's category", async (t) => {
      const created = await aApi.post('/api/v1/products', { name: 'Mine', price: 100, categoryId: bCategory.id });
      t.equal(created.statusCode, 400);
      t.same(errorOf(created).paths, ['categoryId']);
      const mine = await aApi.product({ name: 'Mine' });
      const moved = await aApi.patch(`/api/v1/products/${mine.id}`, { categoryId: bCategory.id });
      t.equal(moved.statusCode, 400);
      t.same(errorOf(moved).paths, ['categoryId']);
    });

    t.test("a customer cannot read B's order through A's store link", async (t) => {
      const response = await server.inject(`/api/v1/stores/${a.store.slug}/orders/${bOrder.token}`);
      t.equal(response.statusCode, 404);
      t.equal((await server.inject(`/api/v1/stores/${b.store.slug}/orders/${bOrder.token}`)).statusCode, 200);
    });
  });
}
