import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { readConfig } from '../src/config.js';
import { seedDemoStore } from '../src/demo.js';
import { mailErrorForLog, REDACTED, redactHeaders, redactQuery, redactUrl } from '../src/log-redaction.js';
import { appOnTempDatabase, logCapture } from './support/temp-app.js';

t.test('in production with an http PUBLIC_URL: ALLOWED_HOSTS, and https behind a trusted proxy', async (t) => {
  const app = await appOnTempDatabase(t, { NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(40), PUBLIC_URL: 'http://shop.example', ALLOWED_HOSTS: 'shop.example', TRUST_PROXY: '127.0.0.1' });
  t.equal((await app.server.inject({ url: '/signup', headers: { host: 'shop.example' } })).statusCode, 200, 'an allowed host is served');
  t.equal((await app.server.inject({ url: '/signup', headers: { host: 'SHOP.example' } })).statusCode, 200, 'in any case');
  t.equal((await app.server.inject({ url: '/healthz', headers: { host: '10.0.0.7:3000' } })).statusCode, 200, 'probes by address still pass');
  for (const host of ['evil.example', 'shop.example.evil.example', 'shop.example:8443', 'x'.repeat(60) + '.example']) {
    const response = await app.server.inject({ url: '/signup', headers: { host } });
    t.equal(response.statusCode, 421, `${host}: 421 Misdirected Request`);
  }
  // nginx says https in X-Forwarded-Proto; inject's peer is 127.0.0.1, the trusted proxy.
  const https = { host: 'shop.example', 'x-forwarded-proto': 'https' };
  const signup = await app.server.inject({ method: 'POST', url: '/api/v1/vendors', headers: https, payload: { email: 'tls@example.com', password: 'chai-and-biscuits', storeName: 'TLS' } });
  t.equal(signup.statusCode, 201, signup.payload);
  t.match(String([signup.headers['set-cookie']].flat()[0]), /;\s*Secure/i, 'the session cookie is Secure');
  t.match(String(signup.headers['strict-transport-security']), /max-age=\d+/, 'HSTS is sent');
  const plain = await app.server.inject({ url: '/signup', headers: { host: 'shop.example' } });
  t.notOk(plain.headers['strict-transport-security'], 'no HSTS over plain http');
});

t.test('the app migrates, seeds the demo store and serves it', async (t) => {
  const app = await appOnTempDatabase(t);
  const { slug } = await seedDemoStore(app.dukaan);
  await seedDemoStore(app.dukaan);
  const response = await app.server.inject(`/api/v1/stores/${slug}`);
  t.equal(response.statusCode, 200);
  t.equal(JSON.parse(response.payload).products.length, 8, 'seeding twice does not duplicate');
  t.equal((await app.server.inject('/readyz')).statusCode, 200);
  const home = await app.server.inject('/');
  t.equal(home.statusCode, 200, 'the root is the landing page (plugin option landingPage)');
  t.match(home.payload, /href="\/signup"/);
  const dashboard = await app.server.inject('/dashboard');
  t.match(dashboard.headers.location, /^\/login\?next=/, 'a stranger is asked to log in');
  const store = await app.server.inject(`/${slug}`);
  t.equal(store.statusCode, 200);
  t.match(store.payload, /Masala Chai 250 g/);
});

t.test('passwords, session cookies and API tokens never reach the log', async (t) => {
  const capture = logCapture();
  const lines = capture.lines;
  const app = await appOnTempDatabase(t, { LOG_LEVEL: 'debug' }, { logStream: capture.stream });
  const password = 'a very secret password 42';
  const signup = await app.server.inject({ method: 'POST', url: '/api/v1/vendors', payload: { email: 'log@example.com', password, storeName: 'Logs' } });
  t.equal(signup.statusCode, 201);
  const cookie = String([signup.headers['set-cookie']].flat()[0]).split(';')[0] ?? '';
  const token = JSON.parse((await app.server.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie }, payload: { name: 'ci' } })).payload).token as string;
  t.equal((await app.server.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
  t.equal((await app.server.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'log@example.com', password: 'wrong but secret 99' } })).statusCode, 401);

  // A customer's tracking token opens their order (name, phone, address); an Idempotency-Key replays a checkout.
  const { slug } = JSON.parse(signup.payload).store as { slug: string };
  const bearer = { authorization: `Bearer ${token}` };
  const product = await app.server.inject({ method: 'POST', url: '/api/v1/products', headers: bearer, payload: { name: 'Chai', price: 14900, stock: 5 } });
  t.equal(product.statusCode, 201, product.payload);
  const idempotencyKey = 'checkout-key-very-secret-7f3a9c';
  const placed = await app.server.inject({
    method: 'POST',
    url: `/api/v1/stores/${slug}/orders`,
    headers: { 'idempotency-key': idempotencyKey },
    payload: { customer: { name: 'Asha', phone: '9876543210', address: '12 MG Road', pincode: '560001' }, items: [{ productId: JSON.parse(product.payload).id, quantity: 1 }], paymentMethod: 'cod' },
  });
  t.equal(placed.statusCode, 201, placed.payload);
  const order = JSON.parse(placed.payload) as { id: string; token: string };
  const tracking = [`/api/v1/stores/${slug}/orders/${order.token}`, `/${slug}/orders/${order.token}`];
  for (const url of tracking) {
    const response = await app.server.inject({ url, headers: { referer: `http://localhost/${slug}/orders/${order.token}?from=mail` } });
    t.equal(response.statusCode, 200, `${url} answers`);
  }
  t.equal((await app.server.inject({ url: `/${slug}/orders/${order.token}x` })).statusCode, 404, 'a mistyped token is logged too');
  t.equal((await app.server.inject({ url: `/api/v1/orders/${order.id}`, headers: bearer })).statusCode, 200);

  const log = lines.join('');
  t.ok(lines.length >= 10, `requests were logged (${lines.length} lines)`);
  t.match(log, /"req":\{"id":/, 'each request line carries its request id');
  for (const secret of [password, 'wrong but secret 99', cookie.split('=')[1] ?? 'x', token]) t.notOk(log.includes(secret), 'secret absent from the log');
  t.notOk(log.includes(order.token), 'no tracking token in the log (URLs, params, referer, messages)');
  t.notOk(log.includes(idempotencyKey), 'no Idempotency-Key in the log');
  t.match(log, `/${slug}/orders/[redacted]`, 'the tracking page is logged with its token replaced');
  t.match(log, `/api/v1/stores/${slug}/orders/[redacted]`, 'so is the tracking API');
  t.match(log, `/api/v1/orders/${order.id}`, "the vendor's order URLs keep their ids (not secrets; useful when reading the log)");
});

t.test('tracking URLs are scrubbed wherever they appear, vendor order ids are kept', async (t) => {
  const cases: Array<[string, string]> = [
    ['/chai-co/orders/AbC_123-xyz', '/chai-co/orders/[redacted]'],
    ['/chai-co/orders/AbC_123-xyz/', '/chai-co/orders/[redacted]/'],
    ['/shop/chai-co/orders/AbC?x=1', '/shop/chai-co/orders/[redacted]?x=1'],
    ['/api/v1/stores/chai-co/orders/AbC', '/api/v1/stores/chai-co/orders/[redacted]'],
    ['/shop/api/v1/stores/chai-co/orders/AbC#top', '/shop/api/v1/stores/chai-co/orders/[redacted]#top'],
    ['https://shop.example/chai-co/orders/AbC', 'https://shop.example/chai-co/orders/[redacted]'],
    ['/api/v1/orders/0193-order-id', '/api/v1/orders/0193-order-id'],
    ['/shop/api/v1/orders/0193-order-id/status', '/shop/api/v1/orders/0193-order-id/status'],
    ['/dashboard/orders/0193-order-id', '/dashboard/orders/0193-order-id'],
    ['/api/v1/stores/chai-co/orders', '/api/v1/stores/chai-co/orders'],
  ];
  for (const [url, expected] of cases) t.equal(redactUrl(url), expected, url);
  const headers = { 'Idempotency-Key': 'k1', authorization: 'Bearer x', cookie: 'a=b', 'x-csrf-token': 'c', referer: 'http://h/s/orders/T', accept: 'text/html' };
  t.same(redactHeaders(headers), { 'Idempotency-Key': REDACTED, authorization: REDACTED, cookie: REDACTED, 'x-csrf-token': REDACTED, referer: 'http://h/s/orders/[redacted]', accept: 'text/html' });
  t.same(redactHeaders({ location: '/s/orders/T', 'set-cookie': ['a=b'] }), { location: '/s/orders/[redacted]', 'set-cookie': REDACTED }, 'response headers too (the checkout form redirects to the tracking page)');
});

t.test('reset and email-confirmation tokens are cut out of URLs and query objects', async (t) => {
  const cases: Array<[string, string]> = [
    ['/reset-password?token=Zm9vYmFy_-123', '/reset-password?token=[redacted]'],
    ['/confirm-email?token=abc&x=1', '/confirm-email?token=[redacted]&x=1'],
    ['/shop/reset-password?x=1&token=abc#f', '/shop/reset-password?x=1&token=[redacted]#f'],
    ['/reset-passwordd?TOKEN=abc', '/reset-passwordd?TOKEN=[redacted]'],
    ['https://shop.example/confirm-email?token=abc', 'https://shop.example/confirm-email?token=[redacted]'],
    ['/login?next=%2Freset-password%3Ftoken%3Dabc%26x%3D1', '/login?next=%2Freset-password%3Ftoken%3D[redacted]%26x%3D1'],
    ['/dashboard?csrftoken=kept&tokens=kept', '/dashboard?csrftoken=kept&tokens=kept'],
    ['/dashboard/orders?q=98765%2043210&status=pending', '/dashboard/orders?q=[redacted]&status=pending'],
    ['/api/v1/orders/export?from=2026-11-01&q=Asha', '/api/v1/orders/export?from=2026-11-01&q=[redacted]'],
    ['/dashboard/orders?seq=kept', '/dashboard/orders?seq=kept'],
    ['/reset-password', '/reset-password'],
  ];
  for (const [url, expected] of cases) t.equal(redactUrl(url), expected, url);
  t.same(redactQuery({ token: 'abc', next: '/confirm-email?token=abc', page: '2' }), { token: REDACTED, next: '/confirm-email?token=[redacted]', page: '2' });
  t.same(redactHeaders({ referer: 'http://h/reset-password?token=abc' }), { referer: 'http://h/reset-password?token=[redacted]' }, 'a Referer too');
});

t.test('a failed mail send is logged without the recipient', async (t) => {
  const error = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <asha@example.com>: Recipient address rejected"), {
    code: 'EENVELOPE',
    responseCode: 550,
    command: 'RCPT TO',
    rejected: ['asha@example.com'],
  });
  const logged = mailErrorForLog(error);
  t.same(logged, { type: 'Error', message: "Can't send mail - all recipients were rejected: 550 5.1.1 <[redacted]>: Recipient address rejected", code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO' });
  t.notOk(JSON.stringify(logged).includes('asha@'), 'no address anywhere');
  t.same(mailErrorForLog('timeout for bob@example.org'), { message: 'timeout for [redacted]' });
});

t.test('the app starts on the zero-setup defaults, relative paths included', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dukaan-defaults-'));
  const cwd = process.cwd();
  process.chdir(dir);
  t.teardown(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });
  const app = await buildApp(readConfig({ LOG_LEVEL: 'silent' }));
  t.teardown(() => app.stop());
  t.equal((await app.server.inject('/healthz')).statusCode, 200);
  t.equal((await app.server.inject('/signup')).statusCode, 200, 'pages render');
  t.ok(existsSync(join(dir, 'data', 'dukaan.db')), 'the SQLite file is under ./data');
});

t.test('a malformed third-party cookie does not turn every route into a 400', async (t) => {
  const app = await appOnTempDatabase(t);
  const { slug } = await seedDemoStore(app.dukaan);
  const bad = '_ga="unterminated';
  for (const url of [`/${slug}`, `/api/v1/stores/${slug}`, '/login', '/healthz']) {
    const answer = await app.server.inject({ url, headers: { cookie: bad } });
    t.equal(answer.statusCode, 200, `${url} with ${bad}`);
  }
  const n = Date.now();
  const signup = await app.server.inject({
    method: 'POST',
    url: '/api/v1/vendors',
    payload: { email: `cookie${n}@example.com`, password: 'correct horse battery', storeName: 'Cookie Shop', slug: `cookie-${n}` },
  });
  t.equal(signup.statusCode, 201);
  const session = String([signup.headers['set-cookie']].flat()[0]).split(';')[0];
  const me = await app.server.inject({ url: '/api/v1/me', headers: { cookie: `${session}; _ga="unterminated; other=1` } });
  t.equal(me.statusCode, 200, 'the session cookie beside it is still read');
});
