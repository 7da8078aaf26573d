// Payments over HTTP: the store settings (PATCH /api/v1/store), UPI at checkout, the order views'
// `payment`, `POST /api/v1/orders/{id}/payment`, the paymentStatus filter of the list and the
// CSV, each answer checked against the OpenAPI document.
import t from 'tap';
import { client, errorOf, json } from './support/api.js';
import { check, type Schema } from './support/json-schema.js';
import { customer, serverVariants, signUp } from './support/server.js';
import { csvRecords } from './support/csv.js';

type Doc = Schema & { paths: Record<string, Record<string, { description?: string; requestBody?: unknown; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>> };

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;
    const doc = json(await server.inject('/api/v1/openapi.json')) as Doc;
    const holds = (method: string, path: string, response: { statusCode: number; payload: string }) => {
      const schema = doc.paths[path]?.[method]?.responses[String(response.statusCode)]?.content?.['application/json']?.schema;
      t.ok(schema, `${method} ${path} documents ${response.statusCode}`);
      if (schema) t.same(check(schema, json(response), doc), [], `${method} ${path} ${response.statusCode} matches its schema`);
    };

    /** A vendor taking cash and UPI, with one product. */
    async function shop() {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const settings = await api.patch('/api/v1/store', { upiId: 'chai.corner@okhdfcbank', paymentMethods: ['cod', 'upi'] });
      if (settings.statusCode !== 200) throw new Error(`settings failed: ${settings.payload}`);
      const product = await api.product({ name: 'Masala Chai', price: 24900, stock: 50 });
      const order = async (paymentMethod = 'upi', slug = vendor.store.slug) => {
        const response = await server.inject({ method: 'POST', url: `/api/v1/stores/${slug}/orders`, payload: { customer, items: [{ productId: product.id, quantity: 1 }], paymentMethod } });
        if (response.statusCode !== 201) throw new Error(`order failed: ${response.payload}`);
        return json(response) as { id: string; token: string; number: number };
      };
      return { vendor, api, order, slug: vendor.store.slug };
    }

    t.test('OpenAPI lists the payment route with its answers, and the new fields', async (t) => {
      const op = doc.paths['/api/v1/orders/{id}/payment']?.['post'];
      t.ok(op, 'POST /api/v1/orders/{id}/payment is documented');
      t.ok(op?.requestBody, 'with its body');
      for (const status of ['200', '400', '401', '404', '409']) t.ok(op?.responses[status], `and ${status}`);
      const text = JSON.stringify(doc);
      for (const field of ['upiId', 'paymentMethods', 'timeZone', 'newOrderEmails', 'paymentStatus']) t.match(text, field, field);
    });

    t.test('store settings: GET and PATCH carry them; bad values are 400 naming the field', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const got = await api.get('/api/v1/store');
      t.match(json(got), { upiId: null, paymentMethods: ['cod'], timeZone: 'Asia/Kolkata', newOrderEmails: true });
      holds('get', '/api/v1/store', got);
      const changed = await api.patch('/api/v1/store', { upiId: 'asha@ybl', paymentMethods: ['upi'], timeZone: 'Asia/Dubai', newOrderEmails: false });
      t.equal(changed.statusCode, 200);
      t.match(json(changed), { upiId: 'asha@ybl', paymentMethods: ['upi'], timeZone: 'Asia/Dubai', newOrderEmails: false });
      holds('patch', '/api/v1/store', changed);
      const refused = async (payload: Record<string, unknown>, path: string) => {
        const response = await api.patch('/api/v1/store', payload);
        t.equal(response.statusCode, 400, JSON.stringify(payload).slice(0, 60));
        t.match(errorOf(response), { code: 'VALIDATION_FAILED', details: [{ path }] });
        holds('patch', '/api/v1/store', response);
      };
      await refused({ upiId: 'not a vpa' }, 'upiId');
      await refused({ upiId: 'a\u0000b@okhdfc' }, 'upiId');
      await refused({ upiId: `${'x'.repeat(200_000)}@ok` }, 'upiId');
      await refused({ upiId: null }, 'upiId');
      await refused({ paymentMethods: [] }, 'paymentMethods');
      await refused({ paymentMethods: ['cheque'] }, 'paymentMethods.0');
      await refused({ timeZone: 'Asia/Nowhere' }, 'timeZone');
      await refused({ newOrderEmails: 'false' }, 'newOrderEmails');
      await refused({ currency: 'USD' }, 'currency');
      t.match(json(await api.get('/api/v1/store')), { upiId: 'asha@ybl', paymentMethods: ['upi'], timeZone: 'Asia/Dubai' }, 'nothing changed');
    });

    t.test('checkout: a method the store does not offer is 400 on paymentMethod; the views carry the payment', async (t) => {
      const cashOnly = await signUp(server);
      const cashApi = client(server, cashOnly.headers);
      const product = await cashApi.product({ stock: 5 });
      const refused = await server.inject({ method: 'POST', url: `/api/v1/stores/${cashOnly.store.slug}/orders`, payload: { customer, items: [{ productId: product.id, quantity: 1 }], paymentMethod: 'upi' } });
      t.equal(refused.statusCode, 400);
      t.match(errorOf(refused), { code: 'VALIDATION_FAILED', message: 'This store does not take UPI payments', details: [{ path: 'paymentMethod' }] });
      const unknown = await server.inject({ method: 'POST', url: `/api/v1/stores/${cashOnly.store.slug}/orders`, payload: { customer, items: [{ productId: product.id, quantity: 1 }], paymentMethod: 'bitcoin' } });
      t.equal(unknown.statusCode, 400);
      t.match(errorOf(unknown), { details: [{ path: 'paymentMethod' }] });

      const { api, order, slug } = await shop();
      const placed = await order('upi');
      const tracking = await server.inject(`/api/v1/stores/${slug}/orders/${placed.token}`);
      t.same(json(tracking).payment, { method: 'upi', status: 'pending' }, 'the customer sees method and status');
      t.equal(json(tracking).paymentMethod, 'upi', 'paymentMethod stays for older clients');
      holds('get', '/api/v1/stores/{slug}/orders/{token}', tracking);
      const vendorView = await api.get(`/api/v1/orders/${placed.id}`);
      t.same(json(vendorView).payment, { method: 'upi', status: 'pending', reference: null });
      holds('get', '/api/v1/orders/{id}', vendorView);
    });

    t.test('POST /api/v1/orders/{id}/payment: paid, then refunded once cancelled; refused moves are 409', async (t) => {
      const { api, order } = await shop();
      const placed = await order('upi');
      const url = `/api/v1/orders/${placed.id}/payment`;
      const early = await api.post(url, { status: 'refunded' });
      t.equal(early.statusCode, 409);
      t.match(errorOf(early), { code: 'INVALID_TRANSITION', message: /nothing to refund/ });
      holds('post', '/api/v1/orders/{id}/payment', early);
      const paid = await api.post(url, { status: 'paid', reference: '412345678901' });
      t.equal(paid.statusCode, 200);
      t.same(json(paid).payment, { method: 'upi', status: 'paid', reference: '412345678901' });
      holds('post', '/api/v1/orders/{id}/payment', paid);
      const twice = await api.post(url, { status: 'paid' });
      t.equal(twice.statusCode, 409);
      t.match(errorOf(twice).message, /already paid/);
      t.equal((await api.post(url, { status: 'refunded' })).statusCode, 409, 'not while the order goes on');
      await api.post(`/api/v1/orders/${placed.id}/status`, { status: 'cancelled' });
      const refunded = await api.post(url, { status: 'refunded', reference: 'RFND 1' });
      t.equal(refunded.statusCode, 200);
      t.same(json(refunded).payment, { method: 'upi', status: 'refunded', reference: 'RFND 1' });
    });

    t.test('a cash-on-delivery order that was rejected or cancelled cannot be marked paid: 409 with the reason', async (t) => {
      const { api, order } = await shop();
      for (const status of ['rejected', 'cancelled']) {
        const placed = await order('cod');
        t.equal((await api.post(`/api/v1/orders/${placed.id}/status`, { status })).statusCode, 200);
        const refused = await api.post(`/api/v1/orders/${placed.id}/payment`, { status: 'paid', reference: 'cash?' });
        t.equal(refused.statusCode, 409, status);
        t.match(errorOf(refused), { code: 'INVALID_TRANSITION', message: new RegExp(`cash on delivery and was ${status}, so no cash was taken; it cannot be marked paid`) });
        holds('post', '/api/v1/orders/{id}/payment', refused);
        t.same(json(await api.get(`/api/v1/orders/${placed.id}`)).payment, { method: 'cod', status: 'pending', reference: null }, 'nothing changed');
      }
    });

    t.test('two marks as paid at once: one 200, one 409', async (t) => {
      const { api, order } = await shop();
      const placed = await order('upi');
      const answers = await Promise.all([api.post(`/api/v1/orders/${placed.id}/payment`, { status: 'paid', reference: 'A' }), api.post(`/api/v1/orders/${placed.id}/payment`, { status: 'paid', reference: 'B' })]);
      t.same(answers.map((a) => a.statusCode).sort(), [200, 409]);
    });

    t.test("another store's order, unknown ids and bad bodies: 404 and 400, never 500", async (t) => {
      const mine = await shop();
      const theirs = await shop();
      const placed = await theirs.order('upi');
      const foreign = await mine.api.post(`/api/v1/orders/${placed.id}/payment`, { status: 'paid' });
      t.equal(foreign.statusCode, 404);
      t.equal(errorOf(foreign).code, 'NOT_FOUND');
      holds('post', '/api/v1/orders/{id}/payment', foreign);
      t.same(json(await theirs.api.get(`/api/v1/orders/${placed.id}`)).payment.status, 'pending', "the other store's order is untouched");
      t.equal((await mine.api.post('/api/v1/orders/00000000-0000-7000-8000-000000000000/payment', { status: 'paid' })).statusCode, 404);
      const own = await mine.order('upi');
      const bad = async (payload: unknown, path: string) => {
        const response = await mine.api.post(`/api/v1/orders/${own.id}/payment`, payload);
        t.equal(response.statusCode, 400, JSON.stringify(payload)?.slice(0, 60));
        t.match(errorOf(response), { code: 'VALIDATION_FAILED', details: [{ path }] });
        holds('post', '/api/v1/orders/{id}/payment', response);
      };
      await bad({}, 'status');
      await bad({ status: 'pending' }, 'status');
      await bad({ status: 'paid', reference: 'r'.repeat(101) }, 'reference');
      await bad({ status: 'paid', reference: 'a\u0000b' }, 'reference');
      await bad({ status: 'paid', reference: { $gt: '' } }, 'reference');
      await bad({ status: 'paid', amount: 100 }, 'amount');
      const unauthenticated = await server.inject({ method: 'POST', url: `/api/v1/orders/${own.id}/payment`, payload: { status: 'paid' } });
      t.equal(unauthenticated.statusCode, 401);
      t.equal(json(await mine.api.get(`/api/v1/orders/${own.id}`)).payment.status, 'pending');
    });

    t.test('GET /api/v1/orders and the CSV filter by paymentStatus', async (t) => {
      const { api, order } = await shop();
      const paid = await order('upi');
      const pending = await order('cod');
      await api.post(`/api/v1/orders/${paid.id}/payment`, { status: 'paid', reference: 'UTR-77' });
      const list = await api.get('/api/v1/orders?paymentStatus=paid');
      t.equal(list.statusCode, 200);
      t.same(json(list).items.map((o: { id: string }) => o.id), [paid.id]);
      holds('get', '/api/v1/orders', list);
      t.same(json(await api.get('/api/v1/orders?paymentStatus=pending')).items.map((o: { id: string }) => o.id), [pending.id]);
      const badFilter = await api.get('/api/v1/orders?paymentStatus=unpaid');
      t.equal(badFilter.statusCode, 400);
      t.match(errorOf(badFilter), { details: [{ path: 'paymentStatus' }] });
      const csv = await api.get('/api/v1/orders/export?paymentStatus=paid');
      t.equal(csv.statusCode, 200);
      const rows = csvRecords(csv.payload);
      t.same(rows.map((r) => r['Order ID']), [paid.id]);
      t.match(rows[0], { 'Payment method': 'upi', 'Payment status': 'paid', 'Payment reference': 'UTR-77' });
      t.equal((await api.get('/api/v1/orders/export?paymentStatus=x')).statusCode, 400);
    });
  });
}
