import t from 'tap';
import { client, json, multipart, placeOrder, tinyPng } from './support/api.js';
import { check, type Schema } from './support/json-schema.js';
import { customer, serverVariants, signUp } from './support/server.js';

type Doc = Schema & { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>> };

// Issue 9 item 7: real answers, successes and errors, hold against the document's schema for their status.
for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;
    const doc = json(await server.inject('/api/v1/openapi.json')) as Doc;

    const holds = (method: string, path: string, response: { statusCode: number; payload: string }) => {
      const documented = doc.paths[path]?.[method]?.responses[String(response.statusCode)];
      t.ok(documented, `${method} ${path} documents ${response.statusCode}`);
      const schema = documented?.content?.['application/json']?.schema;
      if (!schema) return t.equal(response.payload, '', `${method} ${path} ${response.statusCode}: no body`);
      t.same(check(schema, json(response), doc), [], `${method} ${path} ${response.statusCode} matches its schema`);
    };

    t.test('every operation lists its statuses explicitly, errors included, and no "default" or outside file', async (t) => {
      const text = JSON.stringify(doc);
      t.notMatch(text, /API\.md|DESIGN\.md/);
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(methods)) {
          t.notOk('default' in op.responses, `${method} ${path}: no default`);
          t.ok(Object.keys(op.responses).some((s) => s.startsWith('2')), `${method} ${path}: a success`);
          t.ok('500' in op.responses, `${method} ${path}: 500`);
        }
      }
    });

    t.test('a malformed Host is a documented 400 everywhere; 421 only when allowedHosts is set', async (t) => {
      for (const [path, methods] of Object.entries(doc.paths)) {
        for (const [method, op] of Object.entries(methods)) {
          t.match(String((op.responses['400'] as { description?: string } | undefined)?.description), /Host/, `${method} ${path}: 400 names the Host header`);
          t.notOk('421' in op.responses, `${method} ${path}: no 421 without allowedHosts`);
        }
      }
      holds('get', '/api/v1/me', await server.inject({ url: '/api/v1/me', headers: { host: 'bad host!' } }));
      const guarded = await fixture.sibling({ plugin: { allowedHosts: ['shop.example'] } });
      const guardedDoc = json(await guarded.server.inject({ url: '/api/v1/openapi.json', headers: { host: 'shop.example' } })) as Doc;
      const ops = Object.values(guardedDoc.paths).flatMap((methods) => Object.values(methods));
      t.ok(ops.length > 0 && ops.every((op) => '421' in op.responses), 'every operation documents 421 under allowedHosts');
      const misdirected = await guarded.server.inject({ url: '/api/v1/me', headers: { host: 'elsewhere.example' } });
      t.equal(misdirected.statusCode, 421);
      t.ok(guardedDoc.paths['/api/v1/me']?.get?.responses['421'], 'the real 421 is documented');
      const patchStore = guardedDoc.paths['/api/v1/store']?.patch?.responses['409'] as { description?: string } | undefined;
      t.match(String(patchStore?.description), /currency/, "PATCH /store's 409 names the frozen currency");
    });

    t.test('answers of the suites hold against the document', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      holds('get', '/api/v1/me', await api.get('/api/v1/me'));
      holds('get', '/api/v1/me', await server.inject('/api/v1/me'));
      holds('get', '/api/v1/store', await api.get('/api/v1/store'));
      holds('patch', '/api/v1/store', await api.patch('/api/v1/store', { description: 'Fresh tea' }));
      holds('patch', '/api/v1/store', await api.patch('/api/v1/store', { deliveryFee: 'free' }));
      holds('patch', '/api/v1/store', await api.patch('/api/v1/store', { locale: 'hi' }));
      holds('patch', '/api/v1/store', await api.patch('/api/v1/store', { locale: 'fr' }));
      const category = await api.post('/api/v1/categories', { name: 'Tea' });
      holds('post', '/api/v1/categories', category);
      holds('get', '/api/v1/categories', await api.get('/api/v1/categories'));
      holds('patch', '/api/v1/categories/{id}', await api.patch(`/api/v1/categories/${json(category).id}`, { name: 'Chai' }));
      const product = await api.post('/api/v1/products', { name: 'Masala Chai', price: 24900, stock: 5, categoryId: json(category).id });
      holds('post', '/api/v1/products', product);
      const id = json(product).id as string;
      holds('get', '/api/v1/products', await api.get('/api/v1/products'));
      holds('get', '/api/v1/products/{id}', await api.get(`/api/v1/products/${id}`));
      holds('get', '/api/v1/products/{id}', await api.get('/api/v1/products/00000000-0000-4000-8000-000000000000'));
      holds('post', '/api/v1/products/{id}/stock', await api.post(`/api/v1/products/${id}/stock`, { delta: 2 }));
      const image = multipart('file', 'a.png', tinyPng);
      holds('post', '/api/v1/products/{id}/images', await server.inject({ method: 'POST', url: `/api/v1/products/${id}/images`, headers: { ...vendor.headers, ...image.headers }, payload: image.payload }));
      holds('get', '/api/v1/stores/{slug}', await server.inject(`/api/v1/stores/${vendor.store.slug}`));
      const placed = await placeOrder(server, vendor.store.slug, [{ productId: id, quantity: 1 }], { key: 'doc-1' });
      holds('post', '/api/v1/stores/{slug}/orders', placed);
      holds('post', '/api/v1/stores/{slug}/orders', await placeOrder(server, vendor.store.slug, [{ productId: id, quantity: 1 }], { key: 'doc-1' }));
      holds('post', '/api/v1/stores/{slug}/orders', await placeOrder(server, vendor.store.slug, [{ productId: id, quantity: 99 }]));
      const changed = await server.inject({ method: 'POST', url: `/api/v1/stores/${vendor.store.slug}/orders`, payload: { customer, items: [{ productId: id, quantity: 1 }], paymentMethod: 'cod', expectedTotal: 1 } });
      t.equal(changed.statusCode, 409);
      holds('post', '/api/v1/stores/{slug}/orders', changed);
      const order = json(placed);
      holds('get', '/api/v1/stores/{slug}/orders/{token}', await server.inject(`/api/v1/stores/${vendor.store.slug}/orders/${order.token}`));
      holds('get', '/api/v1/orders', await api.get('/api/v1/orders'));
      holds('get', '/api/v1/orders', await api.get('/api/v1/orders?q=asha&status=pending&from=2025-03-01&to=2025-03-31'));
      holds('get', '/api/v1/orders', await api.get('/api/v1/orders?from=2025-03-06&to=2025-03-05'));
      const csv = await api.get('/api/v1/orders/export?q=asha');
      t.equal(csv.statusCode, 200);
      t.ok(doc.paths['/api/v1/orders/export']?.get?.responses['200']?.content?.['text/csv'], 'the order export is documented as CSV');
      t.match(csv.headers['content-type'], /^text\/csv/);
      holds('get', '/api/v1/orders/export', await api.get('/api/v1/orders/export?from=2025-02-30'));
      holds('get', '/api/v1/orders/export', await server.inject('/api/v1/orders/export'));
      holds('get', '/api/v1/orders/{id}', await api.get(`/api/v1/orders/${order.id}`));
      holds('post', '/api/v1/orders/{id}/status', await api.post(`/api/v1/orders/${order.id}/status`, { status: 'shipped' }));
      holds('post', '/api/v1/orders/{id}/status', await api.post(`/api/v1/orders/${order.id}/status`, { status: 'accepted' }));
      const token = await api.post('/api/v1/tokens', { name: 'cli' });
      holds('post', '/api/v1/tokens', token);
      holds('delete', '/api/v1/tokens/{id}', await api.delete(`/api/v1/tokens/${json(token).id}`));
      holds('post', '/api/v1/session', await server.inject({ method: 'POST', url: '/api/v1/session', payload: { email: vendor.email, password: 'wrong password' } }));
      holds('post', '/api/v1/session', await server.inject({ method: 'POST', url: '/api/v1/session', payload: { email: vendor.email, password: 'correct horse battery' } }));
      holds('post', '/api/v1/vendors', await server.inject({ method: 'POST', url: '/api/v1/vendors', payload: { email: vendor.email, password: 'correct horse battery', storeName: 'Again' } }));
      holds('delete', '/api/v1/products/{id}', await api.delete(`/api/v1/products/${id}`));
      holds('delete', '/api/v1/categories/{id}', await api.delete(`/api/v1/categories/${json(category).id}`));
      holds('post', '/api/v1/products', await server.inject({ method: 'POST', url: '/api/v1/products', headers: { ...vendor.headers, 'content-type': 'text/plain' }, payload: 'x' }));
      holds('delete', '/api/v1/session', await api.delete('/api/v1/session'));
    });

    t.test('answers of the account routes (issue 10) hold against the document', async (t) => {
      const vendor = await signUp(server);
      const other = await signUp(server);
      const api = client(server, vendor.headers);
      // This fixture has no mailer: the mail-sending routes answer their documented 503.
      holds('post', '/api/v1/password-reset', await server.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email: vendor.email } }));
      holds('post', '/api/v1/password-reset', await server.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email: 'nope' } }));
      holds('post', '/api/v1/password-reset/confirm', await server.inject({ method: 'POST', url: '/api/v1/password-reset/confirm', payload: { token: 'x'.repeat(43), password: 'a brand new passphrase' } }));
      holds('post', '/api/v1/me/email/confirm', await server.inject({ method: 'POST', url: '/api/v1/me/email/confirm', payload: { token: 'x'.repeat(43) } }));
      holds('patch', '/api/v1/me', await api.patch('/api/v1/me', { email: `new.${vendor.email}`, currentPassword: 'correct horse battery' }));
      holds('patch', '/api/v1/me', await api.patch('/api/v1/me', { email: `new.${vendor.email}`, currentPassword: 'wrong password' }));
      holds('patch', '/api/v1/me', await api.patch('/api/v1/me', { locale: 'hi' }));
      holds('patch', '/api/v1/me', await api.patch('/api/v1/me', { locale: 'fr' }));
      holds('post', '/api/v1/me/password', await api.post('/api/v1/me/password', { currentPassword: 'wrong password', newPassword: 'a brand new passphrase' }));
      holds('post', '/api/v1/me/password', await api.post('/api/v1/me/password', { currentPassword: 'correct horse battery', newPassword: 'a brand new passphrase' }));
      const sessions = await api.get('/api/v1/me/sessions');
      holds('get', '/api/v1/me/sessions', sessions);
      holds('get', '/api/v1/me/sessions', await server.inject('/api/v1/me/sessions'));
      const othersSession = json(await client(server, other.headers).get('/api/v1/me/sessions')).items[0].id as string;
      holds('delete', '/api/v1/me/sessions/{id}', await api.delete(`/api/v1/me/sessions/${othersSession}`));
      holds('delete', '/api/v1/me/sessions', await api.delete('/api/v1/me/sessions'));
      await api.post('/api/v1/tokens', { name: 'cli' });
      holds('get', '/api/v1/tokens', await api.get('/api/v1/tokens'));
      holds('post', '/api/v1/customers/erase', await api.post('/api/v1/customers/erase', { phone: customer.phone }));
      holds('post', '/api/v1/customers/erase', await api.post('/api/v1/customers/erase', { phone: customer.phone, email: 'a@b.co' }));
      const exported = await api.get('/api/v1/me/export');
      t.equal(exported.statusCode, 200);
      const documented = doc.paths['/api/v1/me/export']?.get?.responses['200'];
      t.ok(documented?.content?.['application/zip'], 'the export is documented as a zip');
      t.match(exported.headers['content-type'], /^application\/zip/);
      holds('get', '/api/v1/me/export', await server.inject('/api/v1/me/export'));
      holds('delete', '/api/v1/me', await server.inject({ method: 'DELETE', url: '/api/v1/me', headers: vendor.headers, payload: { password: 'wrong password' } }));
      holds('delete', '/api/v1/me', await server.inject({ method: 'DELETE', url: '/api/v1/me', headers: vendor.headers, payload: { password: 'a brand new passphrase' } }));
      holds('delete', '/api/v1/me', await server.inject({ method: 'DELETE', url: '/api/v1/me', headers: vendor.headers, payload: { password: 'a brand new passphrase' } }));
    });
  });
}
