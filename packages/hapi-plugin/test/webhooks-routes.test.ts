// The webhook API: create (201 with the secret once), list, delete (204), deliveries with their
// latest attempt, retry (202); vendor auth; validation and the SSRF guard as 400s with messages;
// another store's ids as 404; and the OpenAPI document listing the routes. Deliveries go to a
// real receiver on loopback (so this core allows private addresses) that checks signatures.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Hapi from '@hapi/hapi';
import t from 'tap';
import { createDukaan, scryptPasswordHasher, verifyWebhookSignature, type Dukaan } from '@dukaan-kit/core';
import { createKnex, migrateLatest, objectionPersistence } from '@dukaan-kit/core/objection';
import { keyvCache } from '@dukaan-kit/core/keyv';
import { testServices, uniqueTestName } from '@dukaan-kit/core/testing';
import { plugin } from '../src/index.js';
import { deliveryBody, deliveryListBody, webhookCreatedBody, webhookListBody } from '../src/routes/response-schemas.js';
import { client, errorOf, json, placeOrder } from './support/api.js';
import { sessionSecret, signUp } from './support/server.js';

/** A receiver on loopback that records each delivery and whether its signature checks out. */
async function startReceiver() {
  const received: Array<{ path: string; headers: IncomingHttpHeaders; body: string; signed: boolean }> = [];
  const secrets = new Map<string, string>();
  let status = 200;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = request.url ?? '/';
      const header = request.headers['dukaan-signature'];
      received.push({ path, headers: request.headers, body, signed: verifyWebhookSignature(secrets.get(path) ?? '', body, typeof header === 'string' ? header : undefined) });
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    secrets,
    setStatus: (value: number) => (status = value),
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A server on a fresh database whose core delivers to loopback and runs its dispatcher only when told. */
async function open(databaseUrl: string, schema: string | undefined, cache: ReturnType<typeof keyvCache>) {
  const knex = createKnex(databaseUrl, schema ? { schema } : {});
  await migrateLatest(knex);
  const dukaan: Dukaan = createDukaan({
    // The knex is closed here, last, after the schema is dropped.
    persistence: { ...objectionPersistence(knex), close: async () => {} },
    cache,
    hasher: scryptPasswordHasher({ N: 1024, r: 8, p: 1 }),
    limits: { login: 0, checkout: 0, signup: 0, passwordReset: 0 },
    sessionSweepIntervalMs: 0,
    cacheTimeoutMs: 1000,
    webhooks: { allowPrivate: true },
    outbox: { enabled: false },
  });
  const mediaDir = mkdtempSync(join(tmpdir(), 'dukaan-webhooks-media-'));
  const server = Hapi.server({ debug: false });
  await server.register({ plugin, options: { dukaan, sessionSecret, mediaDir } });
  await server.initialize();
  return {
    server,
    dukaan,
    async close() {
      await server.stop();
      await dukaan.close();
      if (schema) await knex.raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await knex.destroy();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

function variants() {
  const { postgresUrl, redisUrl } = testServices();
  const list: Array<{ name: string; open: () => ReturnType<typeof open> }> = [
    {
      name: 'sqlite+memory',
      async open() {
        const dir = mkdtempSync(join(tmpdir(), 'dukaan-webhooks-db-'));
        const fixture = await open(`sqlite:${join(dir, 'test.db')}`, undefined, keyvCache());
        return { ...fixture, close: async () => { await fixture.close(); rmSync(dir, { recursive: true, force: true }); } };
      },
    },
  ];
  if (postgresUrl && redisUrl) list.push({ name: 'postgres+redis', open: () => open(postgresUrl, uniqueTestName('tw'), keyvCache({ redisUrl, namespace: uniqueTestName('dkw') })) });
  return list;
}

for (const variant of variants()) {
  t.test(variant.name, async (t) => {
    const receiver = await startReceiver();
    t.teardown(() => receiver.close());
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server, dukaan } = fixture;

    t.test('create, list, deliveries, retry and delete over HTTP', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const product = await api.product({ name: 'Chai', stock: 20 });
      const created = await api.post('/api/v1/webhooks', { url: receiver.url('/api'), events: ['order.placed'] });
      t.equal(created.statusCode, 201);
      const hook = json(created);
      t.same(Object.keys(hook).sort(), ['createdAt', 'events', 'id', 'secret', 'url']);
      t.match(hook, { url: receiver.url('/api'), events: ['order.placed'], secret: /^whsec_/ });
      t.error(webhookCreatedBody.validate(hook).error, 'as documented');
      t.equal(created.headers['cache-control'], 'no-store, private', 'the secret is never cached');
      receiver.secrets.set('/api', hook.secret);

      const listed = await api.get('/api/v1/webhooks');
      t.equal(listed.statusCode, 200);
      t.same(json(listed), { items: [{ id: hook.id, url: hook.url, events: hook.events, createdAt: hook.createdAt }] });
      t.notOk(listed.payload.includes(hook.secret));
      t.error(webhookListBody.validate(json(listed)).error, 'as documented');

      const order = json(await placeOrder(server, vendor.store.slug, [{ productId: product.id, quantity: 1 }]));
      receiver.setStatus(500);
      await dukaan.outbox.runOnce();
      const deliveries = await api.get(`/api/v1/webhooks/${hook.id}/deliveries`);
      t.equal(deliveries.statusCode, 200);
      const [first] = json(deliveries).items;
      t.error(deliveryListBody.validate(json(deliveries)).error, 'as documented');
      t.match(first, { eventType: 'order.placed', status: 'pending', attempt: 1, statusCode: 500, error: 'HTTP 500' });
      t.type(first.nextAttemptAt, 'string');
      t.ok(receiver.received[0]?.signed, 'signed');
      t.match(JSON.parse(receiver.received[0]?.body ?? '{}'), { type: 'order.placed', data: { order: { id: order.id } } });

      receiver.setStatus(204);
      const retried = await api.post(`/api/v1/webhooks/${hook.id}/deliveries/${first.id}/retry`);
      t.equal(retried.statusCode, 202);
      t.match(json(retried), { id: first.id, status: 'pending' });
      t.error(deliveryBody.validate(json(retried)).error, 'as documented');
      await dukaan.outbox.runOnce();
      t.match(json(await api.get(`/api/v1/webhooks/${hook.id}/deliveries?limit=1`)).items, [{ id: first.id, status: 'delivered', attempt: 2, statusCode: 204, error: null, nextAttemptAt: null }]);
      t.equal(receiver.received.length, 2);
      t.equal(receiver.received[0]?.headers['dukaan-event-id'], receiver.received[1]?.headers['dukaan-event-id']);

      const removed = await api.delete(`/api/v1/webhooks/${hook.id}`);
      t.equal(removed.statusCode, 204);
      t.same(json(await api.get('/api/v1/webhooks')), { items: [] });
      t.equal((await api.delete(`/api/v1/webhooks/${hook.id}`)).statusCode, 404);
      t.equal((await api.get(`/api/v1/webhooks/${hook.id}/deliveries`)).statusCode, 404);
    });

    t.test('without credentials: 401 on every route', async (t) => {
      for (const [method, url] of [
        ['GET', '/api/v1/webhooks'],
        ['POST', '/api/v1/webhooks'],
        ['DELETE', '/api/v1/webhooks/x'],
        ['GET', '/api/v1/webhooks/x/deliveries'],
        ['POST', '/api/v1/webhooks/x/deliveries/y/retry'],
      ] as const) {
        const response = await server.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) });
        t.equal(response.statusCode, 401, `${method} ${url}`);
      }
    });

    t.test("another store's webhook and delivery ids answer 404", async (t) => {
      const owner = await signUp(server);
      const intruder = await signUp(server);
      const hook = json(await client(server, owner.headers).post('/api/v1/webhooks', { url: receiver.url('/owner'), events: ['order.placed'] }));
      const api = client(server, intruder.headers);
      for (const response of [
        await api.delete(`/api/v1/webhooks/${hook.id}`),
        await api.get(`/api/v1/webhooks/${hook.id}/deliveries`),
        await api.post(`/api/v1/webhooks/${hook.id}/deliveries/${hook.id}/retry`),
      ]) {
        t.equal(response.statusCode, 404);
        t.equal(errorOf(response).code, 'NOT_FOUND');
      }
      t.same(json(await api.get('/api/v1/webhooks')), { items: [] });
      t.equal(json(await client(server, owner.headers).get('/api/v1/webhooks')).items.length, 1, 'untouched');
    });

    t.test('bad input is a 400 naming the field, never a 500', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const cases: Array<[unknown, string]> = [
        [{ url: 'javascript:alert(1)', events: ['order.placed'] }, 'url'],
        [{ url: 'https://a:b@example.com/', events: ['order.placed'] }, 'url'],
        [{ url: `https://example.com/${'x'.repeat(3000)}`, events: ['order.placed'] }, 'url'],
        [{ url: 'https://example.com/\u0000', events: ['order.placed'] }, 'url'],
        [{ url: 'https://example.com/', events: [] }, 'events'],
        [{ url: 'https://example.com/', events: ['order.placed', 'order.placed'] }, 'events.1'],
        [{ url: 'https://example.com/', events: ['nope'] }, 'events.0'],
        [{ url: 12, events: 'order.placed' }, 'url'],
        [[], 'body'],
      ];
      for (const [payload, path] of cases) {
        const response = await api.post('/api/v1/webhooks', payload);
        t.equal(response.statusCode, 400, JSON.stringify(payload).slice(0, 60));
        t.ok((errorOf(response).details ?? []).some((d: { path: string }) => d.path === path), `${path}: ${response.payload.slice(0, 200)}`);
      }
      const badId = await api.get(`/api/v1/webhooks/${'x'.repeat(65)}/deliveries`);
      t.equal(badId.statusCode, 400);
      const badLimit = await api.get('/api/v1/webhooks/x/deliveries?limit=100000000000000000000');
      t.equal(badLimit.statusCode, 400);
    });

    t.test('the OpenAPI document lists the webhook routes and their bodies', async (t) => {
      const document = json(await server.inject('/api/v1/openapi.json'));
      const paths = document.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
      t.ok(paths['/api/v1/webhooks']?.post?.responses['201']);
      t.ok(paths['/api/v1/webhooks']?.get?.responses['200']);
      t.ok(paths['/api/v1/webhooks/{id}']?.delete?.responses['204']);
      t.ok(paths['/api/v1/webhooks/{id}/deliveries']?.get?.responses['200']);
      t.ok(paths['/api/v1/webhooks/{id}/deliveries/{deliveryId}/retry']?.post?.responses['202']);
    });
  });
}

t.test('the SSRF guard answers 400 with a clear message when private addresses are not allowed', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dukaan-webhooks-guard-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const knex = createKnex(`sqlite:${join(dir, 'test.db')}`);
  await migrateLatest(knex);
  const dukaan = createDukaan({ persistence: objectionPersistence(knex), cache: keyvCache(), hasher: scryptPasswordHasher({ N: 1024, r: 8, p: 1 }), limits: { signup: 0 }, outbox: { enabled: false } });
  const server = Hapi.server({ debug: false });
  await server.register({ plugin, options: { dukaan, sessionSecret, mediaDir: dir } });
  await server.initialize();
  t.teardown(async () => {
    await server.stop();
    await dukaan.close();
  });
  const vendor = await signUp(server);
  const api = client(server, vendor.headers);
  for (const url of ['http://127.0.0.1/x', 'http://10.0.0.1/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://[::ffff:127.0.0.1]/x', 'http://localhost/x']) {
    const response = await api.post('/api/v1/webhooks', { url, events: ['order.placed'] });
    t.equal(response.statusCode, 400, url);
    t.match(errorOf(response), { code: 'VALIDATION_FAILED', message: /private, loopback or link-local/, details: [{ path: 'url' }] });
  }
});
