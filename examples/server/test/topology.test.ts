// The production topology, for real, on loopback: two instances of the reference app
// (examples/server/dist/main.js) on PostgreSQL (a fresh database for this file) and a
// private redis-server, behind nginx from the distribution with the repo's nginx.conf.
// Then: the purchase flow through nginx; cache coherence between the instances; an
// instance killed mid-run loses no order; a Redis outage degrades to PostgreSQL and
// /readyz reports it until Redis is back; a Redis latency spike on one instance does not
// lose its invalidations; SIGTERM stops an instance cleanly. Mail goes over SMTP to a
// catcher in this process, so a real reset link can be followed through nginx and its
// access log checked for tokens. Loopback only, every wait
// bounded; the test itself starts and stops every process (support/topology.ts).
import t from 'tap';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMailCatcher, testServices, type MailCatcher } from '@dukaan-kit/core/testing';
import { cookiesOf, request, type Reply, type RequestOptions } from './support/http.js';
import { findBinary, freePort, sleep, stopProcess, waitUntil } from './support/processes.js';
import {
  appMain,
  createTestDatabase,
  privateRedis,
  startApp,
  startNginx,
  storefrontAssets,
  type AppInstance,
  type Nginx,
  type PrivateRedis,
  type TestDatabase,
} from './support/topology.js';

const nginxBin = findBinary('nginx');
const redisBin = findBinary('redis-server');
const { postgresUrl } = testServices();
const missing = [
  nginxBin ? null : 'nginx (apt-get install -y nginx)',
  redisBin ? null : 'redis-server (apt-get install -y redis-server)',
  postgresUrl ? null : 'PostgreSQL (DUKAAN_TEST_POSTGRES_URL is off)',
  existsSync(appMain) ? null : 'examples/server/dist/main.js (npm run build)',
  existsSync(storefrontAssets) ? null : 'packages/storefront-ui/dist/assets (npm run build)',
].filter((m): m is string => m !== null);

if (missing.length > 0) {
  // CI installs all of these, so there a missing piece is a failure, not a skip.
  if (process.env.CI) t.fail(`the topology test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  topology(nginxBin!, redisBin!, postgresUrl!);
}

interface Product {
  id: string;
  name: string;
  price: number;
  stock: number | null;
}
interface Order {
  id: string;
  number: number;
  token: string;
  status: string;
  note: string | null;
  items: Array<{ productId: string; quantity: number; unitPrice: number }>;
  total: number;
  history?: Array<{ status: string }>;
}

function topology(nginxBinary: string, redisBinary: string, adminUrl: string) {
  t.setTimeout(180_000);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  // ---- the fixture, filled by t.before ---------------------------------------
  const suffix = randomBytes(3).toString('hex');
  const slug = `topo-${suffix}`;
  const storeName = `Topology Store ${suffix}`;
  const sessionSecret = randomBytes(32).toString('hex');
  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-topology-'));
  const mediaDir = join(workDir, 'media');
  mkdirSync(mediaDir);
  let db: TestDatabase | undefined;
  let redis: PrivateRedis | undefined;
  let nginx: Nginx | undefined;
  let catcher: MailCatcher | undefined;
  const apps: { a?: AppInstance; b?: AppInstance } = {};
  let appEnv: Record<string, string> = {};
  let nginxPort = 0;

  t.teardown(async () => {
    const step = async (what: string, run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        console.error(`# teardown: ${what}: ${(error as Error).message}`);
      }
    };
    await step('nginx', async () => nginx?.stop());
    await step('apps', async () => Promise.all([stopProcess(apps.a?.process), stopProcess(apps.b?.process)]));
    await step('redis', async () => redis?.stop());
    await step('mail catcher', async () => catcher?.close());
    await step('database', async () => db?.drop());
    await step('temp dir', async () => rmSync(workDir, { recursive: true, force: true }));
  });

  let setupInfo = '';
  const startInstance = (name: 'a' | 'b', port: number) => startApp({ name, port, env: appEnv });

  t.before(async () => {
    const t0 = Date.now();
    db = await createTestDatabase(adminUrl);
    redis = privateRedis(redisBinary, await freePort());
    await redis.start();
    catcher = await startMailCatcher();
    // Production requires PUBLIC_URL (mail links): the address customers reach nginx at.
    nginxPort = await freePort();
    appEnv = {
      PUBLIC_URL: `http://127.0.0.1:${nginxPort}`,
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      SESSION_SECRET: sessionSecret,
      MEDIA_DIR: mediaDir,
      SMTP_URL: catcher.url,
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '127.0.0.1',
      RATE_LIMIT_LOGIN: '0',
      RATE_LIMIT_CHECKOUT: '0',
    };
    // Both at once on the empty database: the migrations race, as in Compose.
    const [a, b] = await Promise.allSettled([startInstance('a', await freePort()), startInstance('b', await freePort())]);
    // Whatever started is stopped by the teardown even when the other one failed.
    if (a.status === 'fulfilled') apps.a = a.value;
    if (b.status === 'fulfilled') apps.b = b.value;
    if (a.status === 'rejected') throw a.reason;
    if (b.status === 'rejected') throw b.reason;
    const appsUp = Date.now();
    nginx = await startNginx(nginxBinary, {
      workDir,
      upstreams: [`127.0.0.1:${apps.a!.port}`, `127.0.0.1:${apps.b!.port}`],
      staticDir: storefrontAssets,
      mediaDir,
      port: nginxPort,
    });
    setupInfo = `setup: database ${db.name}, redis :${redis.port}, app A :${apps.a!.port}, app B :${apps.b!.port}, nginx :${nginx.port}; ` +
      `apps healthy after ${appsUp - t0} ms, nginx after ${Date.now() - appsUp} ms more`;
  });

  // ---- small API helpers -------------------------------------------------------
  let bearer = '';
  let trackingToken = '';
  const vendorEmail = `vendor-${suffix}@example.com`;
  const product: { chai?: Product; kulhad?: Product } = {};
  let expectedPrice = 0;
  let htmlPage = false;
  const auth = (): Record<string, string> => ({ authorization: `Bearer ${bearer}` });
  const api = (base: string, path: string, options: RequestOptions = {}) => request(base, path, options);
  const vendor = (base: string, path: string, options: RequestOptions = {}) => request(base, path, { ...options, headers: { ...auth(), ...options.headers } });
  const describe = (r: Reply) => `${r.status} ${r.text.slice(0, 300)}`;
  /** A checkout body; `note` carries the Idempotency-Key so orders can be matched to keys. */
  const orderBody = (items: Array<{ productId: string; quantity: number }>, note: string) => ({
    customer: { name: 'Asha Rao', phone: '9876543210', address: '12 MG Road, Bengaluru', pincode: '560001', email: 'asha@example.com' },
    items,
    note,
    paymentMethod: 'cod',
  });
  const publicPrice = async (base: string, productId: string) => {
    const r = await api(base, `/api/v1/stores/${slug}`);
    if (r.status !== 200) throw new Error(`GET /api/v1/stores/${slug} at ${base}: ${describe(r)}`);
    return (r.json().products as Product[]).find((p) => p.id === productId)?.price;
  };
  /** The price in the HTML store page (`data-price` on the add-to-cart form of the product). */
  const pagePrice = async (base: string, productId: string) => {
    const r = await api(base, `/${slug}`);
    if (r.status !== 200) throw new Error(`GET /${slug} at ${base}: ${r.status}`);
    const form = new RegExp(`<form[^>]*data-price="(\\d+)"[^>]*>(?:(?!</form>).)*name="productId" value="${productId}"`, 's').exec(r.text);
    return form ? Number(form[1]) : undefined;
  };
  const allOrders = async (base: string) => {
    const found: Order[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const r = await vendor(base, `/api/v1/orders?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (r.status !== 200) throw new Error(`GET /api/v1/orders: ${describe(r)}`);
      const body = r.json() as { items: Order[]; nextCursor: string | null };
      found.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor) return found;
    }
    throw new Error('more than 50 pages of orders');
  };
  const stockOf = async (base: string, productId: string) => {
    const r = await vendor(base, `/api/v1/products/${productId}`);
    if (r.status !== 200) throw new Error(`GET /api/v1/products/${productId}: ${describe(r)}`);
    return (r.json() as Product).stock;
  };
  const setPrice = async (base: string, productId: string, price: number) => {
    const r = await vendor(base, `/api/v1/products/${productId}`, { method: 'PATCH', json: { price } });
    if (r.status !== 200 || r.json().price !== price) throw new Error(`PATCH price at ${base}: ${describe(r)}`);
  };

  // ---- 1. the purchase flow through nginx ------------------------------------------
  t.test('the full purchase flow through nginx', async (t) => {
    t.comment(setupInfo);
    const front = nginx!.url;
    const signUp = await api(front, '/api/v1/vendors', {
      method: 'POST',
      json: { email: vendorEmail, password: 'correct-horse-battery', storeName, slug },
    });
    t.equal(signUp.status, 201, `sign up: ${describe(signUp)}`);
    const cookie = cookiesOf(signUp);
    t.ok(cookie, 'a session cookie');
    t.equal(signUp.json().store.url, `${front}/${slug}`, 'the store link uses PUBLIC_URL, the address customers reach nginx at');

    const tokenReply = await api(front, '/api/v1/tokens', { method: 'POST', json: { name: 'topology' }, headers: { cookie } });
    t.equal(tokenReply.status, 201, `token: ${describe(tokenReply)}`);
    bearer = tokenReply.json().token;
    for (const app of [apps.a!, apps.b!]) {
      t.equal((await api(app.url, '/api/v1/me', { headers: { cookie } })).status, 200, `the session cookie works on instance ${app.name}`);
      t.equal((await vendor(app.url, '/api/v1/me')).status, 200, `the bearer token works on instance ${app.name}`);
    }

    const create = async (json: Record<string, unknown>) => {
      const r = await vendor(front, '/api/v1/products', { method: 'POST', json });
      t.equal(r.status, 201, `create ${json.name}: ${describe(r)}`);
      return r.json() as Product;
    };
    product.chai = await create({ name: 'Masala Chai 250 g', price: 24900, stock: 50 });
    product.kulhad = await create({ name: 'Kulhad Set of 6', price: 39900, stock: 500 });
    expectedPrice = 24900;

    const store = await api(front, `/api/v1/stores/${slug}`);
    t.equal(store.status, 200);
    t.same((store.json().products as Product[]).map((p) => [p.name, p.price, p.stock]).sort(), [
      ['Kulhad Set of 6', 39900, 500],
      ['Masala Chai 250 g', 24900, 50],
    ], 'the public store lists both products');

    const key = `flow-${suffix}`;
    const body = orderBody([{ productId: product.chai.id, quantity: 2 }, { productId: product.kulhad.id, quantity: 1 }], key);
    const placed = await api(front, `/api/v1/stores/${slug}/orders`, { method: 'POST', json: body, headers: { 'idempotency-key': key } });
    t.equal(placed.status, 201, `checkout: ${describe(placed)}`);
    const order = placed.json() as Order;
    t.equal(order.number, 1001, 'the first order of the store is 1001');
    t.equal(order.total, 2 * 24900 + 39900);
    t.equal(order.status, 'pending');
    const again = await api(front, `/api/v1/stores/${slug}/orders`, { method: 'POST', json: body, headers: { 'idempotency-key': key } });
    t.equal(again.status, 200, 'the same Idempotency-Key again: 200');
    t.equal(again.json().id, order.id, '... with the same order');

    const listed = await vendor(front, '/api/v1/orders');
    t.equal(listed.status, 200);
    t.same((listed.json().items as Order[]).map((o) => o.id), [order.id], 'the vendor sees exactly that order');
    for (const status of ['accepted', 'shipped']) {
      const moved = await vendor(front, `/api/v1/orders/${order.id}/status`, { method: 'POST', json: { status } });
      t.equal(moved.status, 200, `${status}: ${describe(moved)}`);
      t.equal(moved.json().status, status);
    }
    const detail = await vendor(front, `/api/v1/orders/${order.id}`);
    t.same(detail.json().history.map((h: { status: string }) => h.status), ['pending', 'accepted', 'shipped'], 'history');
    trackingToken = order.token;
    const tracking = await api(front, `/api/v1/stores/${slug}/orders/${order.token}`);
    t.equal(tracking.status, 200);
    t.equal(tracking.json().status, 'shipped', "the customer's order view shows the status");
    t.equal(await stockOf(front, product.chai.id), 48, 'stock taken');

    // The HTML store page, when the plugin serves pages.
    const page = await api(front, `/${slug}`);
    htmlPage = page.status === 200 && /^text\/html/.test(String(page.headers['content-type']));
    if (!htmlPage) {
      t.comment(`GET /${slug} answered ${page.status} ${page.headers['content-type']}: no HTML store page, its checks are skipped`);
    } else {
      t.match(page.text, storeName, 'the store page names the store');
      t.match(page.text, 'Masala Chai 250 g');
      t.equal(await pagePrice(front, product.chai.id), 24900, 'and shows the price');
      const assets = [...page.text.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((m) => m[1]!);
      t.ok(assets.length > 0, `the page links its assets under /static/ (${assets.join(', ')})`);
      for (const asset of assets) {
        const r = await api(front, asset);
        t.equal(r.status, 200, `${asset} is served by nginx from storefront-ui/dist/assets`);
        t.match(String(r.headers['cache-control']), /immutable/, `${asset}: long cache`);
      }
    }
    const upstreams = new Set(nginx!.accessLog().map((l) => l.upstream_addr).filter((u) => typeof u === 'string' && u !== ''));
    t.ok(upstreams.has(`127.0.0.1:${apps.a!.port}`) && upstreams.has(`127.0.0.1:${apps.b!.port}`), `nginx used both instances (${[...upstreams].join(', ')})`);
    t.comment(`purchase flow done at ${elapsed()}`);
  });

  // ---- 1b. no token in nginx's access log -----------------------------------------------
  t.test("nginx's access log holds no reset, confirmation or tracking token", async (t) => {
    const front = nginx!.url;
    const asked = await api(front, '/api/v1/password-reset', { method: 'POST', json: { email: vendorEmail } });
    t.equal(asked.status, 202, `reset asked through nginx: ${describe(asked)}`);
    const mail = await catcher!.next((m) => m.to.includes(vendorEmail) && /reset/i.test(m.subject), 15_000);
    const link = catcher!.linkIn(mail, '/reset-password');
    t.equal(link.origin, front, 'the mailed link points at nginx (PUBLIC_URL)');
    const resetToken = link.searchParams.get('token') ?? '';
    t.ok(resetToken.length >= 32, 'a real reset token');
    // The vendor's browser opens the link, then loads what the page needs with it as Referer;
    // a customer opens the tracking page and moves on from it.
    const page = await api(front, `${link.pathname}${link.search}`);
    t.equal(page.status, 200, `the reset page opens through nginx: ${page.status}`);
    t.equal(page.headers['referrer-policy'], 'no-referrer');
    t.equal((await api(front, `/api/v1/stores/${slug}`, { headers: { referer: link.href } })).status, 200);
    await api(front, `/confirm-email?token=${resetToken}`); // not an email-change token: the friendly "link not valid" page
    if (htmlPage) t.equal((await api(front, `/${slug}/orders/${trackingToken}`)).status, 200, 'the tracking page');
    t.equal((await api(front, `/${slug}`, { headers: { referer: `${front}/${slug}/orders/${trackingToken}?placed=1` } })).status, 200);

    // nginx writes a line when the response is done; give the last one a moment.
    await waitUntil('the last request in the access log', async () =>
      nginx!.accessLog().some((l) => l.uri === `/${slug}` && String(l.referer).endsWith('/orders/[redacted]')), { timeoutMs: 5000, intervalMs: 50 });
    const lines = nginx!.accessLog();
    const log = JSON.stringify(lines);
    t.notOk(log.includes(resetToken), 'the reset token is not in the access log');
    t.notOk(log.includes(trackingToken), 'nor the tracking token (API, page or Referer)');
    t.ok(lines.some((l) => l.uri === '/reset-password?[redacted]'), 'the reset page is logged without its query');
    t.ok(lines.some((l) => l.uri === `/api/v1/stores/${slug}/orders/[redacted]`), 'the tracking API call with its token masked');
    t.ok(lines.some((l) => l.referer === `${front}/reset-password?[redacted]`), 'the Referer without its query');
  });

  // ---- 2. cache coherence between the instances --------------------------------------
  t.test('a price changed through instance A is shown by instance B on the next request', async (t) => {
    const a = apps.a!.url;
    const b = apps.b!.url;
    const id = product.chai!.id;
    const timings: number[] = [];
    for (let round = 1; round <= 5; round++) {
      // Warm B's view of the store (twice: the second read is a cache hit).
      for (let i = 0; i < 2; i++) {
        t.equal(await publicPrice(b, id), expectedPrice, `round ${round}: B shows the current price before the change`);
        if (htmlPage) t.equal(await pagePrice(b, id), expectedPrice, `round ${round}: B's store page too`);
      }
      const price = 25000 + round * 1111 + Math.floor(Math.random() * 50);
      const t0 = Date.now();
      await setPrice(a, id, price);
      expectedPrice = price;
      t.equal(await publicPrice(b, id), price, `round ${round}: B's very next API read shows ${price}`);
      if (htmlPage) t.equal(await pagePrice(b, id), price, `round ${round}: so does B's store page`);
      timings.push(Date.now() - t0);
    }
    const keys = Number(redis!.cli('dbsize') ?? NaN);
    if (!Number.isNaN(keys)) t.ok(keys > 0, `the instances share the private Redis (${keys} keys)`);
    t.comment(`5 rounds, change-through-A to fresh-read-from-B: ${timings.join(', ')} ms; done at ${elapsed()}`);
  });

  // ---- 3. an instance killed mid-run ---------------------------------------------------
  t.test('killing an instance mid-run loses no order', async (t) => {
    const front = nginx!.url;
    const productId = product.kulhad!.id;
    const initialStock = (await stockOf(front, productId))!;
    const total = 16;
    const lanes = 3;
    const killAfter = 5;
    const keys = Array.from({ length: total }, (_, i) => `kill-${suffix}-${i}`);
    const quantity = (i: number) => 1 + (i % 3);
    const outcomes = new Map<string, { order?: Order; attempts: string[] }>();
    let next = 0;
    let completed = 0;
    let killedAt = 0;
    let inFlightAtKill = 0;
    let inFlight = 0;

    const checkout = async (i: number) => {
      const key = keys[i]!;
      const attempts: string[] = [];
      const body = orderBody([{ productId, quantity: quantity(i) }], key);
      for (let attempt = 1; attempt <= 8; attempt++) {
        let r: Reply | null = null;
        inFlight++;
        try {
          r = await api(front, `/api/v1/stores/${slug}/orders`, { method: 'POST', json: body, headers: { 'idempotency-key': key }, timeoutMs: 15_000 });
        } catch (error) {
          attempts.push((error as NodeJS.ErrnoException).code ?? (error as Error).message);
        } finally {
          inFlight--;
        }
        if (r) {
          attempts.push(String(r.status));
          if (r.status === 200 || r.status === 201) return { order: r.json() as Order, attempts };
          if (r.status === 429) {
            await sleep(Math.min(3, Number(r.headers['retry-after'] ?? 1)) * 1000);
            continue;
          }
          if (r.status < 500) return { attempts: [...attempts, r.text.slice(0, 200)] };
        }
        await sleep(100 * attempt);
      }
      return { attempts };
    };

    const lane = async () => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        outcomes.set(keys[i]!, await checkout(i));
        completed++;
        if (completed === killAfter && !killedAt) {
          inFlightAtKill = inFlight;
          killedAt = Date.now();
          apps.a!.process.child.kill('SIGKILL');
        }
        await sleep(60); // stays inside nginx's checkout burst (20, then 1/s)
      }
    };
    const logStart = nginx!.accessLog().length;
    const t0 = Date.now();
    await Promise.all(Array.from({ length: lanes }, lane));
    const runMs = Date.now() - t0;
    await Promise.race([apps.a!.process.exited(), sleep(5000)]);
    t.notOk(apps.a!.process.running(), 'instance A is gone');
    t.ok(killedAt > 0, `A was SIGKILLed after ${killAfter} checkouts, with ${inFlightAtKill} checkout(s) in flight`);

    const retried = [...outcomes].filter(([, o]) => o.attempts.length > 1);
    t.comment(`${total} checkouts in ${runMs} ms over ${lanes} lanes; retried: ${retried.map(([k, o]) => `${k.split('-').pop()}: ${o.attempts.join('>')}`).join('; ') || 'none'}`);
    for (const key of keys) t.ok(outcomes.get(key)?.order, `${key} got an order (${outcomes.get(key)?.attempts.join(' > ')})`);

    // Every key, replayed at the surviving instance, answers 200 with the order it got.
    for (const [i, key] of keys.entries()) {
      const r = await api(apps.b!.url, `/api/v1/stores/${slug}/orders`, {
        method: 'POST', json: orderBody([{ productId, quantity: quantity(i) }], key), headers: { 'idempotency-key': key },
      });
      if (r.status !== 200 || r.json().id !== outcomes.get(key)?.order?.id) t.fail(`replay of ${key}: ${describe(r)}`);
    }
    t.pass('every key replayed: 200 with the same order');

    const orders = await allOrders(front);
    const byKey = new Map<string, Order[]>();
    for (const order of orders) if (order.note) byKey.set(order.note, [...(byKey.get(order.note) ?? []), order]);
    const perKey = keys.map((k) => byKey.get(k)?.length ?? 0);
    t.same(perKey, keys.map(() => 1), 'every key maps to exactly one order');
    t.equal(orders.filter((o) => o.note?.startsWith(`kill-${suffix}-`)).length, total, `${total} orders for ${total} keys, none extra`);
    for (const key of keys) t.equal(byKey.get(key)?.[0]?.id, outcomes.get(key)?.order?.id, `${key}: the listed order is the one the client got`);
    const ordered = keys.reduce((sum, _k, i) => sum + quantity(i), 0);
    t.equal(await stockOf(front, productId), initialStock - ordered, `stock ${initialStock} - ${ordered} ordered`);
    const numbers = orders.map((o) => o.number).sort((x, y) => x - y);
    t.equal(new Set(numbers).size, numbers.length, 'no order number repeated');
    const listedStock = (await api(front, `/api/v1/stores/${slug}`)).json().products.find((p: Product) => p.id === productId)?.stock;
    t.comment(`public store view lists stock ${listedStock} for the product, the database has ${initialStock - ordered} ` +
      '(orders invalidate the cached view only when a product sells out)');

    const posts = nginx!.accessLog().slice(logStart).filter((l) => l.method === 'POST' && String(l.uri).endsWith('/orders'));
    const who = (addr: unknown) => (addr === `127.0.0.1:${apps.a!.port}` ? 'A' : addr === `127.0.0.1:${apps.b!.port}` ? 'B' : String(addr));
    const summary = new Map<string, number>();
    for (const l of posts) {
      const label = `${l.status}@${who(l.upstream_addr)}`;
      summary.set(label, (summary.get(label) ?? 0) + 1);
    }
    t.comment(`nginx saw ${posts.length} checkout POSTs: ${[...summary].map(([k, v]) => `${k} x${v}`).join(', ')}`);

    // Numbers come from a per-store sequence taken late in the checkout: only a checkout that took
    // one and then never committed leaves a gap: killed in flight, whether the client retried it or
    // nginx passed it on to B by itself (its log then names both upstreams), or a retry whose twin won.
    const passedOn = posts.filter((l) => String(l.upstream_addr).includes(',')).length;
    const missing = (numbers.at(-1) ?? 1000) - 1000 - numbers.length;
    t.ok(
      numbers[0] === 1001 && missing <= inFlightAtKill + retried.length + passedOn,
      `order numbers 1001..${numbers.at(-1)}: ${missing} missing, at most the ${inFlightAtKill} in flight at the kill, the ${retried.length} retried and the ${passedOn} nginx passed on`,
    );

    // With A gone, reads through nginx still succeed (GETs may go to the next upstream).
    for (let i = 0; i < 6; i++) t.equal((await api(front, `/api/v1/stores/${slug}`)).status, 200, 'store read through nginx with A down');
    t.comment(`kill phase done at ${elapsed()}`);
  });

  // ---- 4. Redis outage -----------------------------------------------------------------
  t.test('with Redis stopped the store serves from PostgreSQL and /readyz says 503 until Redis is back', async (t) => {
    const b = apps.b!.url;
    const id = product.chai!.id;
    t.equal((await api(b, '/readyz')).status, 200, 'B is ready before the outage');
    const t0 = Date.now();
    await redis!.stop();
    t.comment(`redis-server stopped in ${Date.now() - t0} ms`);

    const notReady = await waitUntil('B /readyz to say 503', async () => {
      const r = await api(b, '/readyz');
      return r.status === 503 ? r : null;
    }, { timeoutMs: 5000 });
    t.match(notReady.json(), { status: 'unavailable', reason: /cache/ }, '/readyz: 503 naming the cache');

    const tRead = Date.now();
    t.equal(await publicPrice(b, id), expectedPrice, 'GET /api/v1/stores/{slug} from B: 200 from PostgreSQL');
    const readMs = Date.now() - tRead;
    if (htmlPage) t.equal(await pagePrice(b, id), expectedPrice, "B's store page: 200 from PostgreSQL");
    t.equal(await publicPrice(nginx!.url, id), expectedPrice, 'and through nginx');
    if (htmlPage) t.equal(await pagePrice(nginx!.url, id), expectedPrice, 'the store page through nginx');
    t.ok(readMs < 2000, `the degraded read did not hang (${readMs} ms)`);

    // Writes and checkout do not need Redis either.
    const outagePrice = expectedPrice + 7;
    await setPrice(b, id, outagePrice);
    expectedPrice = outagePrice;
    t.equal(await publicPrice(b, id), outagePrice, 'a price changed during the outage shows at once');
    const key = `outage-${suffix}`;
    const placed = await api(b, `/api/v1/stores/${slug}/orders`, { method: 'POST', json: orderBody([{ productId: id, quantity: 1 }], key), headers: { 'idempotency-key': key } });
    t.equal(placed.status, 201, `checkout during the outage: ${describe(placed)}`);
    t.equal((await api(b, '/readyz')).status, 503, '/readyz still 503 while Redis is down');

    const tStart = Date.now();
    await redis!.start();
    const startMs = Date.now() - tStart;
    const tReady = Date.now();
    await waitUntil('B /readyz to say 200 again', async () => (await api(b, '/readyz')).status === 200, { timeoutMs: 15_000, intervalMs: 100 });
    const readyMs = Date.now() - tReady;
    t.pass(`/readyz 200 again ${readyMs} ms after redis-server answered (started in ${startMs} ms)`);

    // B uses the cache again (it writes entries), not just answers the ping.
    await waitUntil('B to fill the restarted Redis', async () => {
      await publicPrice(b, id);
      return Number(redis!.cli('dbsize') ?? 1) > 0;
    }, { timeoutMs: 5000, intervalMs: 200 });

    // Coherence restored, on B and across instances: bring A back on its port.
    const recovered = expectedPrice + 13;
    await setPrice(b, id, recovered);
    expectedPrice = recovered;
    t.equal(await publicPrice(b, id), recovered, 'a change made after the recovery shows on B');
    if (htmlPage) t.equal(await pagePrice(b, id), recovered, "and on B's store page");
    const tA = Date.now();
    apps.a = await startInstance('a', apps.a!.port);
    t.comment(`instance A restarted in ${Date.now() - tA} ms`);
    // As a load balancer would: use A once it is ready, after a few warm-up reads (a cold
    // instance's first cache calls can overrun the 50 ms cache bound; see the todo below).
    for (let i = 0; i < 3; i++) await publicPrice(apps.a.url, id);
    t.equal((await api(apps.a.url, '/readyz')).status, 200, 'the restarted A is ready');
    for (let round = 1; round <= 3; round++) {
      t.equal(await publicPrice(b, id), expectedPrice, `round ${round}: B warm with the current price`);
      const price = recovered + round * 101;
      await setPrice(apps.a.url, id, price);
      expectedPrice = price;
      t.equal(await publicPrice(b, id), price, `round ${round}: a change through A is shown by B on the next read`);
      if (htmlPage) t.equal(await pagePrice(b, id), price, `round ${round}: and by B's store page`);
    }
    t.equal(await publicPrice(nginx!.url, id), expectedPrice, 'nginx serves the latest price');
    t.notMatch(nginx!.errorLog(), /\[(emerg|crit|alert)\]/, 'nothing worse than errors in nginx error.log');
    t.comment(`outage phase done at ${elapsed()}`);
  });

  // ---- 5. a Redis latency spike -------------------------------------------------------
  // A cache call on A that overruns the cache bound (50 ms) opens A's circuit breaker for 1 s.
  // Reads are skipped then, but invalidations (the version write and its broadcast) must still
  // reach Redis, or B would serve the old version for up to the store cache TTL (5 minutes).
  t.test('a Redis latency spike on A does not make B serve a stale price', async (t) => {
    const a = apps.a!.url;
    const b = apps.b!.url;
    const id = product.chai!.id;
    t.equal(await publicPrice(b, id), expectedPrice, 'B warm with the current price');
    redis!.pause();
    try {
      t.equal(await publicPrice(a, id), expectedPrice, 'A answers from PostgreSQL while Redis is frozen');
    } finally {
      redis!.resume();
    }
    const spikePrice = expectedPrice + 3;
    await setPrice(a, id, spikePrice);
    expectedPrice = spikePrice;
    const seen = await publicPrice(b, id);
    t.equal(seen, spikePrice, "right after that, B's next read shows a change made through A");
    // Whatever that showed: once A's circuit has closed again (its cool-down is 1 s, and a
    // successful /readyz ping closes it), the next change reaches B.
    await sleep(1100);
    const later = await publicPrice(b, id);
    t.comment(`latency spike: B showed ${seen} right after the change to ${spikePrice} through A, and ${later} 1.1 s later`);
    t.equal((await api(a, '/readyz')).status, 200, 'A ready');
    const price = expectedPrice + 5;
    await setPrice(a, id, price);
    expectedPrice = price;
    t.equal(await publicPrice(b, id), price, 'the next change through A is shown by B');
  });

  // ---- 6. graceful stop ------------------------------------------------------------------
  t.test('SIGTERM stops both instances cleanly', async (t) => {
    for (const app of [apps.a!, apps.b!]) {
      const t0 = Date.now();
      app.process.child.kill('SIGTERM');
      await Promise.race([app.process.exited(), sleep(12_000)]);
      t.equal(app.process.child.exitCode, 0, `instance ${app.name} exited with 0 after SIGTERM (${Date.now() - t0} ms)`);
    }
    const r = await api(nginx!.url, `/api/v1/stores/${slug}`).catch((error: Error) => ({ status: error.message }));
    t.equal(r.status, 502, 'with both instances gone nginx answers 502');
  });
}
