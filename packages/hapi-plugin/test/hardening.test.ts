import { request as httpRequest } from 'node:http';
import t from 'tap';
import { client, errorOf, json, placeOrder } from './support/api.js';
import { Browser, idempotencyKeyOf } from './support/pages.js';
import { customer, serverVariants, signUp } from './support/server.js';

// Regression tests of issue 8, plugin side (items 1, 3, 8, 9, 12, 16, 17, 19, and slugs in URLs).
const password = 'correct horse battery';

/** POSTs a chunked body of `bytes` to a listening server; resolves with the status (a reset rejects). */
function chunkedPost(port: number, path: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ port, path, method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const write = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open({ plugin: { trustProxy: ['10.0.0.1'] } });
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('1: after login, `next` never leaves the site, whatever it holds', async (t) => {
      const { email } = await signUp(server);
      const evil = ['/.//evil.example/phish', '/..//evil.example', '//evil.example', '/\\evil.example', '\\\\evil.example', '/%2F%2Fevil.example', 'https://evil.example/', '/\t/evil.example', '/\n/evil.example', 'http:evil.example', 'javascript:alert(1)'];
      for (const next of evil) {
        const browser = new Browser(server);
        await browser.get(`/login?next=${encodeURIComponent(next)}`);
        const done = await browser.post('/login', { email, password, next });
        const location = String(done.headers.location);
        t.ok(location.startsWith('/') && !location.startsWith('//') && !location.includes('\\'), `${JSON.stringify(next)} -> ${location}`);
        t.notMatch(new URL(location, 'http://self.invalid').host, /evil/, 'stays on this host');
      }
      const browser = new Browser(server);
      await browser.get('/login');
      t.equal((await browser.post('/login', { email, password, next: '/dashboard/./orders/../products?x=1' })).headers.location, '/dashboard/products?x=1', 'a local next is normalised');
    });

    t.test('1: under a prefix, /shop/..//evil goes to the dashboard', async (t) => {
      const shop = await variant.open({ prefix: '/shop' });
      t.teardown(() => shop.close());
      const { email } = await signUp(shop.server, '/shop');
      for (const next of ['/shop/..//evil.example', '/shop/../dashboard', '/elsewhere']) {
        const browser = new Browser(shop.server);
        await browser.get('/shop/login');
        t.equal((await browser.post('/shop/login', { email, password, next })).headers.location, '/shop/dashboard', next);
      }
    });

    t.test('3: made-up Host headers create no cache entries; the page still names its host', async (t) => {
      const vendor = await signUp(server);
      const names = new Set<string>();
      const { storefront } = fixture.dukaan;
      const cached = storefront.cached;
      storefront.cached = ((storeId: string, name: string, load: () => Promise<unknown>) => {
        names.add(`${storeId}:${name}`);
        return cached(storeId, name, load);
      }) as typeof cached;
      t.teardown(() => void (storefront.cached = cached));
      for (let i = 0; i < 20; i += 1) {
        const page = await server.inject({ url: `/${vendor.store.slug}`, headers: { host: `h${i}.attacker.example` } });
        t.equal(page.statusCode, 200);
        t.match(page.payload, `<link rel="canonical" href="http://h${i}.attacker.example/${vendor.store.slug}"/>`);
      }
      t.equal(names.size, 1, 'one cache entry for every host');
      t.equal((await server.inject({ url: `/${vendor.store.slug}`, headers: { host: 'bad"host' } })).statusCode, 400, 'a malformed Host is refused');
    });

    t.test('3: allowedHosts answers other hosts with 421 on pages and the API; probes pass', async (t) => {
      const strict = await fixture.sibling({ plugin: { allowedHosts: ['shop.example'], trustProxy: ['10.0.0.1'] } });
      const vendor = await signUp(server);
      t.equal((await strict.server.inject({ url: `/${vendor.store.slug}`, headers: { host: 'shop.example' } })).statusCode, 200);
      const page = await strict.server.inject({ url: `/${vendor.store.slug}`, headers: { host: 'evil.example' } });
      t.equal(page.statusCode, 421);
      t.match(page.headers['content-type'], /text\/html/);
      const apiAnswer = await strict.server.inject({ url: `/api/v1/stores/${vendor.store.slug}`, headers: { host: 'evil.example' } });
      t.equal(apiAnswer.statusCode, 421);
      t.equal(errorOf(apiAnswer).code, 'MISDIRECTED_REQUEST');
      t.equal((await strict.server.inject({ url: '/readyz', headers: { host: '10.1.2.3:3000' } })).statusCode, 200);
    });

    t.test('8: a JSON API body without Content-Type is 415', async (t) => {
      const answer = await server.inject({ method: 'POST', url: '/api/v1/session', payload: JSON.stringify({ email: 'a@b.co', password: 'x' }), headers: { 'content-type': '' } });
      t.equal(answer.statusCode, 415);
      t.equal(errorOf(answer).code, 'UNSUPPORTED_MEDIA_TYPE');
    });

    t.test('9: behind a trusted proxy, X-Forwarded-Proto: https gives Secure cookies and HSTS', async (t) => {
      const https = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.9' };
      const email = `tls.${Date.now()}@example.com`;
      const signup = await server.inject({ method: 'POST', url: '/api/v1/vendors', remoteAddress: '10.0.0.1', headers: https, payload: { email, password, storeName: 'TLS', slug: `tls-${Date.now()}` } });
      t.equal(signup.statusCode, 201);
      const cookies = [signup.headers['set-cookie'] ?? []].flat().map(String);
      t.ok(cookies.length >= 2);
      for (const cookie of cookies) t.match(cookie, /; Secure/, cookie.split('=')[0] ?? '');
      t.match(String(signup.headers['strict-transport-security']), /max-age=\d+/);
      t.match(json(signup).store.url, /^https:\/\//);
      const page = await server.inject({ url: '/login', remoteAddress: '10.0.0.1', headers: https });
      t.match(String([page.headers['set-cookie']].flat()[0]), /dukaan_csrf=.*; Secure/);
      t.ok(page.headers['strict-transport-security']);
      const spoofed = await server.inject({ url: '/login', remoteAddress: '192.0.2.99', headers: https });
      t.notMatch(String([spoofed.headers['set-cookie']].flat()[0]), /Secure/, 'an untrusted peer cannot claim https');
      t.notOk(spoofed.headers['strict-transport-security']);
    });

    t.test('12: unknown routes and wrong methods under /api/v1 answer the one error format with headers', async (t) => {
      const missing = await server.inject('/api/v1/nowhere');
      t.equal(missing.statusCode, 404);
      t.same(Object.keys(json(missing)).sort(), ['code', 'error', 'message', 'statusCode']);
      t.equal(errorOf(missing).code, 'NOT_FOUND');
      t.equal(missing.headers['x-content-type-options'], 'nosniff');
      const wrong = await server.inject({ method: 'PUT', url: '/api/v1/products' });
      t.equal(wrong.statusCode, 405);
      t.equal(errorOf(wrong).code, 'METHOD_NOT_ALLOWED');
      t.equal(wrong.headers.allow, 'GET, HEAD, POST');
      t.match(String(wrong.headers['content-security-policy']), /default-src/);
      const unauthorized = await server.inject('/api/v1/me');
      t.equal(unauthorized.statusCode, 401);
      t.notOk('attributes' in json(unauthorized), 'no attributes in a 401 body');
      const notObject = await server.inject({ method: 'POST', url: '/api/v1/session', payload: '[1,2]', headers: { 'content-type': 'application/json' } });
      t.equal(notObject.statusCode, 400);
      t.notOk(errorOf(notObject).paths.includes(''), `object-level errors have a path (${errorOf(notObject).paths.join(',')})`);
    });

    t.test('12: paths hapi cannot route (%zz, a bare %) under /api/v1 answer the one error format with headers', async (t) => {
      const check = (answer: { statusCode: number; payload: string; headers: Record<string, unknown> }, name: string) => {
        t.equal(answer.statusCode, 400, name);
        t.equal(errorOf(answer).code, 'BAD_REQUEST', name);
        t.equal(answer.headers['x-content-type-options'], 'nosniff', name);
        t.match(String(answer.headers['content-security-policy']), /default-src/, name);
        t.match(String(answer.headers['cache-control']), /no-store/, name);
      };
      check(await server.inject('/api/v1/%zz'), '/api/v1/%zz');
      check(await server.inject('/api/v1/stores/%'), '/api/v1/stores/%');
      check(await server.inject('/api/v1/stores/%zz/products'), '/api/v1/stores/%zz/products');
      const outside = await server.inject('/not-the-api/%zz');
      t.notOk(outside.payload.includes('"code"'), 'paths outside the API are left to the host');

      // Over real HTTP too, where the raw path is exactly what the client sent.
      const listening = await fixture.sibling();
      await listening.server.start();
      t.teardown(() => listening.server.stop());
      const port = Number(listening.server.info.port);
      for (const path of ['/api/v1/%zz', '/api/v1/stores/%']) {
        const answer = await new Promise<{ statusCode: number; payload: string; headers: Record<string, unknown> }>((resolve, reject) => {
          const req = httpRequest({ port, path, method: 'GET' }, (res) => {
            let payload = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => (payload += chunk));
            res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, payload, headers: res.headers }));
          });
          req.on('error', reject);
          req.end();
        });
        check(answer, `HTTP ${path}`);
      }
    });

    t.test('12: an oversized chunked body answers 413, not a connection reset', async (t) => {
      const listening = await fixture.sibling();
      await listening.server.start();
      t.teardown(() => listening.server.stop());
      const port = Number(listening.server.info.port);
      t.equal(await chunkedPost(port, '/api/v1/session', 2 * 1024 * 1024), 413);
    });

    t.test('16: DELETE /api/v1/session with a bearer token revokes that token', async (t) => {
      const vendor = await signUp(server);
      const { token } = json(await client(server, vendor.headers).post('/api/v1/tokens', { name: 'cli' }));
      const bearer = client(server, { authorization: `Bearer ${token}` });
      t.equal((await bearer.get('/api/v1/me')).statusCode, 200);
      t.equal((await bearer.delete('/api/v1/session')).statusCode, 204);
      t.equal((await bearer.get('/api/v1/me')).statusCode, 401, 'the token is dead');
      t.equal((await client(server, vendor.headers).get('/api/v1/me')).statusCode, 200, 'the session lives on');
    });

    t.test('17: personal data is sent with Cache-Control: no-store, private', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const product = await api.product({ stock: 5 });
      const placed = await placeOrder(server, vendor.store.slug, [{ productId: product.id, quantity: 1 }]);
      const order = json(placed);
      const answers = {
        placed,
        me: await api.get('/api/v1/me'),
        orders: await api.get('/api/v1/orders'),
        order: await api.get(`/api/v1/orders/${order.id}`),
        tracking: await server.inject(`/api/v1/stores/${vendor.store.slug}/orders/${order.token}`),
        trackingPage: await server.inject(`/${vendor.store.slug}/orders/${order.token}`),
      };
      for (const [name, answer] of Object.entries(answers)) {
        t.ok(answer.statusCode < 300, name);
        t.match(String(answer.headers['cache-control']), /no-store/, name);
        t.match(String(answer.headers['cache-control']), /private/, name);
      }
    });

    t.test('17: every authenticated API answer (cookie or token) is no-store, private; public ones are not', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const product = await api.product({ stock: 5 });
      const { token } = json(await api.post('/api/v1/tokens', { name: 'cli' }));
      const bearer = client(server, { authorization: `Bearer ${token}` });
      const answers = {
        store: await api.get('/api/v1/store'),
        patchStore: await api.patch('/api/v1/store', { name: 'Renamed' }),
        products: await api.get('/api/v1/products'),
        product: await api.get(`/api/v1/products/${product.id}`),
        categories: await api.get('/api/v1/categories'),
        bearerStore: await bearer.get('/api/v1/store'),
        bearerProducts: await bearer.get('/api/v1/products'),
      };
      for (const [name, answer] of Object.entries(answers)) {
        t.equal(answer.statusCode, 200, name);
        t.equal(answer.headers['cache-control'], 'no-store, private', name);
      }
      const publicStore = await server.inject(`/api/v1/stores/${vendor.store.slug}`);
      t.equal(publicStore.statusCode, 200);
      t.notMatch(String(publicStore.headers['cache-control'] ?? ''), /private/, 'the public store API stays cacheable');
    });

    t.test('17: the login, sign-up, logout and checkout 303s (cookies, a tracking token) are no-store, private', async (t) => {
      const vendor = await signUp(server);
      const product = await client(server, vendor.headers).product({ stock: 5, price: 14900 });
      const owner = new Browser(server);
      await owner.get('/login');
      const login = await owner.post('/login', { email: vendor.email, password });
      t.equal(login.statusCode, 303);
      t.equal(login.headers['cache-control'], 'no-store, private', 'login 303');
      const logout = await owner.post('/logout', {});
      t.equal(logout.statusCode, 303);
      t.equal(logout.headers['cache-control'], 'no-store, private', 'logout 303');
      const newcomer = new Browser(server);
      await newcomer.get('/signup');
      const n = Math.random().toString(36).slice(2, 10);
      const signup = await newcomer.post('/signup', { email: `new-${n}@example.com`, password, storeName: `New ${n}`, slug: `new-${n}` });
      t.equal(signup.statusCode, 303);
      t.equal(signup.headers['cache-control'], 'no-store, private', 'sign-up 303');

      const shopper = new Browser(server);
      await shopper.get(`/${vendor.store.slug}`);
      await shopper.post(`/${vendor.store.slug}/cart`, { productId: product.id, quantity: '1', action: 'add' });
      await shopper.get(`/${vendor.store.slug}/checkout`);
      const form = { ...customer, ...shopper.checkoutForm, idempotencyKey: idempotencyKeyOf(shopper.last?.payload ?? '') ?? '' };
      const placed = await shopper.post(`/${vendor.store.slug}/checkout`, form);
      t.equal(placed.statusCode, 303);
      t.match(String(placed.headers.location), /\/orders\//);
      t.equal(placed.headers['cache-control'], 'no-store, private', 'checkout 303');
      const replay = await shopper.post(`/${vendor.store.slug}/checkout`, form);
      t.equal(replay.statusCode, 303);
      t.equal(replay.headers.location, placed.headers.location, 'the resubmission replays the first order');
      t.equal(replay.headers['cache-control'], 'no-store, private', 'the replayed 303');
    });

    t.test('19: an oversized checkout form says the form was too large, not that pictures are', async (t) => {
      const vendor = await signUp(server);
      const browser = new Browser(server);
      await browser.get(`/${vendor.store.slug}/checkout`);
      const big = await browser.post(`/${vendor.store.slug}/checkout`, { ...customer, note: 'x'.repeat(70 * 1024) });
      t.equal(big.statusCode, 413);
      t.match(big.payload, 'form was too large');
      t.notMatch(big.payload, /Pictures/);
    });

    t.test('slugs with NUL bytes or odd characters answer 404/400, never 500', async (t) => {
      for (const slug of ['%00', 'a%00b', 'shop%00', '%E2%80%AE', '..%2F..', 'a--b', '%FF']) {
        const page = await server.inject(`/${slug}`);
        t.ok([400, 404].includes(page.statusCode), `page /${slug}: ${page.statusCode}`);
        const store = await server.inject(`/api/v1/stores/${slug}`);
        t.ok([400, 404].includes(store.statusCode), `api ${slug}: ${store.statusCode}`);
        const order = await server.inject({ method: 'POST', url: `/api/v1/stores/${slug}/orders`, payload: { customer, items: [], paymentMethod: 'cod' } });
        t.ok([400, 404].includes(order.statusCode), `order ${slug}: ${order.statusCode}`);
        const tracking = await server.inject(`/api/v1/stores/shop/orders/${slug}`);
        t.ok([400, 404].includes(tracking.statusCode), `tracking ${slug}: ${tracking.statusCode}`);
      }
    });
  });
}

