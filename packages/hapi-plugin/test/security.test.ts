import t from 'tap';
import { client, errorOf, json } from './support/api.js';
import { serverVariants, signUp } from './support/server.js';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;
    const vendor = await signUp(server);
    const api = client(server, vendor.headers);

    t.test('/api/v1 takes only JSON bodies: 415 for forms, text and multipart on JSON routes', async (t) => {
      const cases = [
        { 'content-type': 'application/x-www-form-urlencoded', payload: 'name=Tea' },
        { 'content-type': 'text/plain', payload: '{"name":"Tea"}' },
        { 'content-type': 'multipart/form-data; boundary=x', payload: '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nTea\r\n--x--\r\n' },
      ];
      for (const { payload, ...headers } of cases) {
        const response = await server.inject({ method: 'POST', url: '/api/v1/categories', headers: { ...vendor.headers, ...headers }, payload });
        t.equal(response.statusCode, 415, headers['content-type']);
        t.equal(errorOf(response).code, 'UNSUPPORTED_MEDIA_TYPE');
      }
      const login = await server.inject({ method: 'POST', url: '/api/v1/session', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `email=${vendor.email}&password=correct+horse+battery` });
      t.equal(login.statusCode, 415, 'a cross-site form cannot log anyone in');
      t.same(json(await api.get('/api/v1/categories')).items, [], 'nothing was created');
    });

    t.test('a cookie-only bodiless DELETE needs no CSRF token', async (t) => {
      const category = await api.category('Gone soon');
      const response = await server.inject({ method: 'DELETE', url: `/api/v1/categories/${category.id}`, headers: { cookie: vendor.cookie } });
      t.equal(response.statusCode, 204);
    });

    t.test('a JSON body over 1 MB is 413', async (t) => {
      const response = await server.inject({
        method: 'POST',
        url: '/api/v1/products',
        headers: { ...vendor.headers, 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'Big', price: 100, description: 'x'.repeat(1.5 * 1024 * 1024) }),
      });
      t.equal(response.statusCode, 413);
      t.equal(errorOf(response).code, 'PAYLOAD_TOO_LARGE');
      const publicRoute = await server.inject({
        method: 'POST',
        url: `/api/v1/stores/${vendor.store.slug}/orders`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ note: 'x'.repeat(1.5 * 1024 * 1024) }),
      });
      t.equal(publicRoute.statusCode, 413, 'public routes too');
    });

    t.test('security headers on the plugin responses, errors included', async (t) => {
      const responses = {
        ok: await api.get('/api/v1/store'),
        created: await api.post('/api/v1/categories', { name: 'Headers' }),
        unauthenticated: await server.inject('/api/v1/me'),
        invalid: await api.post('/api/v1/categories', {}),
        missing: await api.get('/api/v1/products/00000000-0000-4000-8000-000000000000'),
        public: await server.inject(`/api/v1/stores/${vendor.store.slug}`),
        health: await server.inject('/healthz'),
      };
      for (const [name, response] of Object.entries(responses)) {
        const csp = String(response.headers['content-security-policy'] ?? '');
        t.match(csp, /frame-ancestors 'none'/, `${name}: CSP forbids framing`);
        t.match(csp, /default-src 'self'/, `${name}: CSP default-src`);
        t.equal(response.headers['x-content-type-options'], 'nosniff', `${name}: nosniff`);
        t.equal(response.headers['referrer-policy'], 'strict-origin-when-cross-origin', `${name}: Referrer-Policy`);
        t.equal(response.headers['x-frame-options'], 'DENY', `${name}: X-Frame-Options`);
      }
    });

    t.test('a 500 carries no stack, no SQL and no message from inside: just INTERNAL', async (t) => {
      const logged: unknown[] = [];
      const listener = (_request: unknown, event: { tags: string[]; error?: unknown; data?: unknown }) => {
        if (event.tags.includes('error')) logged.push(event.error ?? event.data);
      };
      server.events.on({ name: 'request', channels: 'app' }, listener);
      const { catalog } = fixture.dukaan;
      const { listCategories, getProduct } = catalog;
      catalog.listCategories = () => fixture.knex.raw('select secret_column from no_such_table where password = ?', ['hunter2']) as never;
      catalog.getProduct = () => { throw new TypeError("Cannot read properties of undefined (reading 'stock')"); };
      t.teardown(() => {
        catalog.listCategories = listCategories;
        catalog.getProduct = getProduct;
        server.events.removeListener('request', listener);
      });
      for (const url of ['/api/v1/categories', '/api/v1/products/00000000-0000-4000-8000-000000000000']) {
        const response = await api.get(url);
        t.equal(response.statusCode, 500, url);
        t.same(json(response), { statusCode: 500, error: 'Internal Server Error', message: 'An internal server error occurred', code: 'INTERNAL' });
        t.notMatch(response.payload, /no_such_table|select|hunter2|stock|at .*\.ts|TypeError/i);
        t.match(String(response.headers['content-security-policy']), /frame-ancestors/);
      }
      t.ok(logged.length >= 2, 'the error itself goes to the server log');
    });

    t.test('behind TLS (an https publicUrl) the cookie is Secure and links use the public origin', async (t) => {
      const tls = await fixture.sibling({ plugin: { publicUrl: 'https://shop.example.com/' } });
      const signup = await tls.server.inject({ method: 'POST', url: '/api/v1/vendors', payload: { email: `tls.${vendor.email}`, password: 'long enough', storeName: 'TLS store', slug: `tls-${vendor.store.slug}` } });
      t.equal(signup.statusCode, 201);
      t.match(String([signup.headers['set-cookie']].flat()[0]), /; Secure/);
      t.equal(json(signup).store.url, `https://shop.example.com/tls-${vendor.store.slug}`);
    });

    t.test('the session cookie holds an opaque token, never the vendor id or email', async (t) => {
      const value = vendor.cookie.split('=')[1] ?? '';
      t.ok(value.length >= 32);
      t.notOk(value.includes(vendor.vendor.id));
      t.notOk(Buffer.from(value, 'base64url').toString('latin1').includes(vendor.email));
    });
  });
}
