// The dashboard's webhooks page over server.inject: add one (the secret is shown once, never
// again), see its deliveries to a real receiver (one that fails, then one that answers), retry a
// failed delivery, delete; CSRF on every form, another store's ids get the friendly 404, and the
// page works without JavaScript (plain form posts).
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Hapi from '@hapi/hapi';
import t from 'tap';
import type { Test } from 'tap';
import { createDukaan, scryptPasswordHasher, type CacheStores, type Dukaan } from '@dukaan-kit/core';
import { createKnex, migrateLatest, objectionPersistence } from '@dukaan-kit/core/objection';
import { keyvCache } from '@dukaan-kit/core/keyv';
import { testServices, uniqueTestName } from '@dukaan-kit/core/testing';
import { plugin } from '../src/index.js';
import { client, placeOrder } from './support/api.js';
import { Browser } from './support/pages.js';
import { sessionSecret, signUp } from './support/server.js';

/** A receiver on loopback answering `status()` to each POST; counts what it got. */
async function receiver(t: Test) {
  let answer = 500;
  const got: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c));
    req.on('end', () => {
      got.push(body);
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, got, answer: (status: number) => (answer = status) };
}

async function open(t: Test, databaseUrl: string, schema: string | undefined, cache: CacheStores): Promise<{ server: Hapi.Server; dukaan: Dukaan }> {
  const knex = createKnex(databaseUrl, { schema });
  await migrateLatest(knex);
  const dukaan = createDukaan({
    persistence: { ...objectionPersistence(knex), close: async () => {} },
    cache,
    hasher: scryptPasswordHasher({ N: 1024, r: 8, p: 1 }),
    cacheTimeoutMs: 1000,
    limits: { login: 0, checkout: 0, signup: 0, passwordReset: 0 },
    sessionSweepIntervalMs: 0,
    // The test runs the dispatcher itself (runOnce), so what the page shows is known.
    outbox: { enabled: false },
    webhooks: { allowPrivate: true, timeoutMs: 2000 },
  });
  const server = Hapi.server({ debug: false });
  await server.register({ plugin, options: { dukaan, sessionSecret } });
  await server.initialize();
  t.teardown(async () => {
    await server.stop();
    await dukaan.close();
    if (schema) await knex.raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await knex.destroy();
  });
  return { server, dukaan };
}

const { postgresUrl, redisUrl } = testServices();
const variants: Array<[string, (t: Test) => ReturnType<typeof open>]> = [
  ['sqlite+memory', (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'dukaan-webhooks-page-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    return open(t, `sqlite:${join(dir, 'test.db')}`, undefined, keyvCache());
  }],
];
if (postgresUrl && redisUrl) {
  variants.push(['postgres+redis', (t) => open(t, postgresUrl, uniqueTestName('tw'), keyvCache({ redisUrl, namespace: uniqueTestName('dkw') }))]);
}

/** A browser signed in with the vendor's session cookie (as after the login form). */
function browserFor(server: Hapi.Server, cookie: string): Browser {
  const browser = new Browser(server);
  const [name = '', value = ''] = cookie.split('=');
  browser.cookies.set(name, value);
  return browser;
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/\s+/g, ' ');

for (const [name, make] of variants) {
  t.test(name, async (t) => {
    const { server, dukaan } = await make(t);
    const vendor = await signUp(server);
    const rival = await signUp(server);
    const hook = await receiver(t);

    await t.test('needs a login; the navigation links to it', async (t) => {
      const out = await server.inject('/dashboard/webhooks');
      t.equal(out.statusCode, 303);
      t.equal(out.headers.location, `/login?next=${encodeURIComponent('/dashboard/webhooks')}`);
      const browser = browserFor(server, vendor.cookie);
      const home = await browser.get('/dashboard');
      t.match(home.payload, 'href="/dashboard/webhooks"', 'a Webhooks link in the dashboard navigation');
      const page = await browser.get('/dashboard/webhooks');
      t.equal(page.statusCode, 200);
      t.match(page.headers['cache-control'], /no-store/);
      t.match(page.payload, 'No webhooks yet.');
      t.match(page.payload, /<a [^>]*href="\/dashboard\/webhooks" aria-current="page"/);
      for (const type of ['order.placed', 'order.status_changed', 'order.payment_changed', 'product.low_stock']) t.match(page.payload, `value="${type}"`);
    });

    let webhookId = '';
    await t.test('adding one shows its secret once; a reload does not', async (t) => {
      const browser = browserFor(server, vendor.cookie);
      await browser.get('/dashboard/webhooks');
      const refused = await browser.post('/dashboard/webhooks', { url: 'ftp://example.com/x', events: ['order.placed'] });
      t.equal(refused.statusCode, 400);
      t.match(text(refused.payload), /Please check this field/);
      t.match(refused.payload, 'value="ftp://example.com/x"', 'what was typed is kept');
      const none = await browser.post('/dashboard/webhooks', { url: hook.url });
      t.equal(none.statusCode, 400);
      t.match(text(none.payload), /at least one event/);
      t.equal((await browser.post('/dashboard/webhooks', { url: hook.url, events: ['order.placed'] }, { crumb: null })).statusCode, 403, 'no crumb: refused');
      const added = await browser.post('/dashboard/webhooks', { url: hook.url, events: ['order.placed', 'order.status_changed'] });
      t.equal(added.statusCode, 200);
      t.match(added.headers['cache-control'], /no-store/);
      const secret = /whsec_[A-Za-z0-9_-]{43}/.exec(added.payload)?.[0];
      t.ok(secret, 'the secret is on the page');
      t.match(text(added.payload), /copy its signing secret now/);
      const listed = await dukaan.webhooks.list(vendor.store.id);
      t.equal(listed.length, 1);
      webhookId = listed[0]!.id;
      const again = await browser.get('/dashboard/webhooks');
      t.notMatch(again.payload, /whsec_/, 'never shown again');
      t.match(again.payload, hook.url);
      const rivalPage = await browserFor(server, rival.cookie).get('/dashboard/webhooks');
      t.notMatch(rivalPage.payload, hook.url, "another store's page does not list it");
    });

    await t.test('deliveries show status, attempts, answer, time and error; a failed one can be retried', async (t) => {
      const product = await client(server, vendor.headers).product({ name: 'Chai', price: 21000, stock: 10 });
      hook.answer(500);
      t.equal((await placeOrder(server, vendor.store.slug, [{ productId: product.id, quantity: 1 }])).statusCode, 201);
      await dukaan.outbox.runOnce();
      t.equal(hook.got.length, 1, 'the receiver got the event');
      const browser = browserFor(server, vendor.cookie);
      const page = await browser.get('/dashboard/webhooks');
      const shown = text(page.payload);
      t.match(shown, /order\.placed Pending/);
      t.match(shown, /500/);
      t.match(shown, /\d+ ms/);
      const deliveries = await dukaan.webhooks.deliveries(vendor.store.id, webhookId);
      const retryAction = `/dashboard/webhooks/${webhookId}/deliveries/${deliveries[0]!.id}/retry`;
      t.match(page.payload, `action="${retryAction}"`, 'a Retry button for the pending delivery');

      hook.answer(204);
      const retried = await browser.post(retryAction, {});
      t.equal(retried.statusCode, 303);
      t.equal(retried.headers.location, '/dashboard/webhooks?retried=1');
      await dukaan.outbox.runOnce();
      t.equal(hook.got.length, 2, 'sent again at once');
      const after = await browser.get('/dashboard/webhooks?retried=1');
      t.match(text(after.payload), /will be sent again/);
      t.match(text(after.payload), /order\.placed Delivered/);
      t.notMatch(after.payload, `action="${retryAction}"`, 'no Retry for a delivered one');

      const rivalBrowser = browserFor(server, rival.cookie);
      await rivalBrowser.get('/dashboard/webhooks');
      t.equal((await rivalBrowser.post(retryAction, {})).statusCode, 404, "another store's delivery: the friendly 404");
      t.equal((await rivalBrowser.post(`/dashboard/webhooks/${webhookId}/deliveries/not-an-id/retry`, {})).statusCode, 404);
      t.equal((await rivalBrowser.post(`/dashboard/webhooks/${webhookId}/delete`, {})).statusCode, 404, "another store's webhook cannot be deleted");
      t.equal((await rivalBrowser.post(`/dashboard/webhooks/%00/delete`, {})).statusCode, 404);
    });

    await t.test('delete: gone from the list and the API', async (t) => {
      const browser = browserFor(server, vendor.cookie);
      await browser.get('/dashboard/webhooks');
      t.equal((await browser.post(`/dashboard/webhooks/${webhookId}/delete`, {}, { crumb: null })).statusCode, 403);
      const deleted = await browser.post(`/dashboard/webhooks/${webhookId}/delete`, {});
      t.equal(deleted.statusCode, 303);
      t.equal(deleted.headers.location, '/dashboard/webhooks?done=deleted');
      const page = await browser.get('/dashboard/webhooks?done=deleted');
      t.match(page.payload, 'Deleted.');
      t.match(page.payload, 'No webhooks yet.');
      t.same(await dukaan.webhooks.list(vendor.store.id), []);
      t.equal((await browser.post(`/dashboard/webhooks/${webhookId}/delete`, {})).statusCode, 404, 'twice: the friendly 404');
    });
  });
}
