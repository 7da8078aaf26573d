// GET /api/v1/orders/live through real listening servers on loopback (server.inject buffers a
// stream): two instances on one database and cache; an order placed through A reaches a stream
// opened on B; a revoked session or token ends the stream at the next heartbeat; past the bound
// a stream is refused with 429; another store's events never arrive; a client that leaves
// leaves nothing behind.
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
import { client, json, placeOrder } from './support/api.js';
import { sessionSecret, signUp } from './support/server.js';

const heartbeatMs = 150;

interface Instance {
  server: Hapi.Server;
  dukaan: Dukaan;
  port: number;
}

/** Two instances (own core and hapi server, listening on loopback) on one database and cache. */
async function openPair(t: Test, databaseUrl: string, schema: string | undefined, makeCache: () => CacheStores, shared: boolean): Promise<[Instance, Instance]> {
  const knex = createKnex(databaseUrl, { schema });
  await migrateLatest(knex);
  const first = makeCache();
  const instances: Instance[] = [];
  for (const cache of [first, shared ? first : makeCache()]) {
    const dukaan = createDukaan({
      persistence: { ...objectionPersistence(knex), close: async () => {} },
      cache,
      hasher: scryptPasswordHasher({ N: 1024, r: 8, p: 1 }),
      cacheTimeoutMs: 1000,
      limits: { login: 0, checkout: 0, signup: 0, passwordReset: 0 },
      sessionSweepIntervalMs: 0,
      live: { heartbeatMs, perStore: 2, total: 3, stores: 3 },
    });
    const server = Hapi.server({ host: '127.0.0.1', port: 0, debug: false });
    await server.register({ plugin, options: { dukaan, sessionSecret, pages: false } });
    await server.start();
    instances.push({ server, dukaan, port: server.info.port as number });
  }
  t.teardown(async () => {
    for (const { server, dukaan } of instances) {
      // Bounded: open streams are ended by the plugin when the server stops.
      await server.stop({ timeout: 2000 });
      await dukaan.close();
    }
    if (schema) await knex.raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await knex.destroy();
  });
  return instances as [Instance, Instance];
}

interface SseEvent {
  event: string;
  data: string;
}

/** An EventSource's view of a stream: parsed events, comments, the status and headers, and whether it ended. */
interface Stream {
  status: number;
  headers: http.IncomingHttpHeaders;
  raw: string;
  events: SseEvent[];
  comments: number;
  ended: boolean;
  body: string;
  /** Resolves (bounded) when `check` holds; rejects with what was received otherwise. */
  until(check: (s: Stream) => boolean, limitMs?: number): Promise<void>;
  close(): void;
}

function openStream(t: Test, port: number, headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/api/v1/orders/live', agent: false, headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip, br', ...headers } }, (res) => {
      let pending = '';
      const stream: Stream = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        raw: '',
        events: [],
        comments: 0,
        ended: false,
        body: '',
        async until(check, limitMs = 5000) {
          const end = Date.now() + limitMs;
          while (!check(stream) && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
          if (!check(stream)) throw new Error(`not within ${limitMs} ms; received: ${JSON.stringify(stream.raw)}`);
        },
        close: () => request.destroy(),
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        stream.raw += chunk;
        if (stream.status !== 200) return void (stream.body += chunk);
        pending += chunk;
        let cut: number;
        while ((cut = pending.indexOf('\n\n')) >= 0) {
          const block = pending.slice(0, cut);
          pending = pending.slice(cut + 2);
          if (block.startsWith(':')) stream.comments += 1;
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data !== undefined) stream.events.push({ event, data });
        }
      });
      const done = () => (stream.ended = true);
      res.on('end', done);
      res.on('close', done);
      resolve(stream);
    });
    request.setTimeout(10_000, () => request.destroy(new Error('no answer within 10 s')));
    request.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET' && error.message !== 'socket hang up') reject(error);
    });
    t.teardown(() => request.destroy());
  });
}

const dataOf = (s: Stream, event: string) => s.events.filter((e) => e.event === event).map((e) => JSON.parse(e.data) as Record<string, unknown>);

const { postgresUrl, redisUrl } = testServices();
const variants: Array<[string, (t: Test) => Promise<[Instance, Instance]>]> = [
  ['sqlite+memory', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'dukaan-live-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    return openPair(t, `sqlite:${join(dir, 'test.db')}`, undefined, () => keyvCache(), true);
  }],
];
if (postgresUrl && redisUrl) {
  variants.push(['postgres+redis', (t) => {
    const namespace = uniqueTestName('dkl');
    return openPair(t, postgresUrl, uniqueTestName('tl'), () => keyvCache({ redisUrl, namespace }), false);
  }]);
}

for (const [name, open] of variants) {
  t.test(name, async (t) => {
    const [a, b] = await open(t);
    const vendor = await signUp(a.server);
    const rival = await signUp(a.server);
    const product = await client(a.server, vendor.headers).product({ name: 'Chai', price: 21000, stock: 50 });
    const rivalProduct = await client(a.server, rival.headers).product({ name: 'Coffee', price: 9900, stock: 50 });

    await t.test('without a session or token: 401, no stream', async (t) => {
      const response = await a.server.inject({ method: 'GET', url: '/api/v1/orders/live' });
      t.equal(response.statusCode, 401);
      t.match(json(response), { code: 'UNAUTHENTICATED' });
    });

    await t.test('an order placed through A arrives on a stream opened on B, unbuffered and uncompressed', async (t) => {
      const stream = await openStream(t, b.port, vendor.headers);
      const other = await openStream(t, b.port, rival.headers);
      t.equal(stream.status, 200);
      t.match(stream.headers['content-type'], /^text\/event-stream/);
      t.match(stream.headers['cache-control'], /no-store/);
      t.equal(stream.headers['x-accel-buffering'], 'no');
      t.equal(stream.headers['content-encoding'], undefined, 'never compressed, though the client accepts gzip');
      await stream.until((s) => s.events.length >= 1);
      t.match(stream.raw, /^retry: \d+\n\n/, 'tells the browser when to reconnect');
      t.same(dataOf(stream, 'hello'), [{ pending: 0 }]);
      await other.until((s) => s.events.length >= 1);

      const placed = json(await placeOrder(a.server, vendor.store.slug, [{ productId: product.id, quantity: 1 }]));
      await stream.until((s) => dataOf(s, 'order').length === 1);
      t.same(dataOf(stream, 'order')[0], {
        type: 'order.placed',
        orderId: placed.id,
        number: placed.number,
        status: 'pending',
        customerName: 'Asha Rao',
        total: placed.total,
        currency: 'INR',
        createdAt: placed.createdAt,
        pending: 1,
      });
      t.notMatch(stream.raw, /9876543210|MG Road|560001/, 'no phone, address or pincode');

      const moved = await client(a.server, vendor.headers).post(`/api/v1/orders/${placed.id}/status`, { status: 'accepted' });
      t.equal(moved.statusCode, 200);
      await stream.until((s) => dataOf(s, 'order').length === 2);
      t.match(dataOf(stream, 'order')[1], { type: 'order.status_changed', status: 'accepted', pending: 0 });
      await stream.until((s) => s.comments >= 1, 3000);
      t.pass('a heartbeat comment came');
      t.equal(dataOf(other, 'order').length, 0, "the other store's stream heard nothing of it");
      stream.close();
      other.close();
    });

    await t.test("a stream hears its own store's orders only", async (t) => {
      const rivalStream = await openStream(t, a.port, rival.headers);
      await rivalStream.until((s) => s.events.length >= 1);
      await placeOrder(b.server, vendor.store.slug, [{ productId: product.id, quantity: 1 }]);
      await placeOrder(b.server, rival.store.slug, [{ productId: rivalProduct.id, quantity: 1 }]);
      await rivalStream.until((s) => dataOf(s, 'order').length >= 1);
      await new Promise((r) => setTimeout(r, 200));
      t.same(dataOf(rivalStream, 'order').map((o) => o.total), [9900], 'only the rival store\'s order');
      rivalStream.close();
    });

    await t.test('logging out ends the stream at the next heartbeat', async (t) => {
      const again = await signUp(a.server);
      const stream = await openStream(t, b.port, again.headers);
      await stream.until((s) => s.events.length >= 1);
      const out = await a.server.inject({ method: 'DELETE', url: '/api/v1/session', headers: again.headers });
      t.equal(out.statusCode, 204);
      await stream.until((s) => s.ended, 3000);
      t.pass('the stream closed');
      const reopened = await openStream(t, b.port, again.headers);
      await reopened.until((s) => s.ended, 3000);
      t.equal(reopened.status, 401, 'and cannot be opened again with that session');
    });

    await t.test('a bearer token works, and its revocation ends the stream', async (t) => {
      const created = await client(a.server, vendor.headers).post('/api/v1/tokens', { name: 'live test' });
      t.equal(created.statusCode, 201);
      const { id, token } = json(created);
      const stream = await openStream(t, b.port, { authorization: `Bearer ${token}` });
      t.equal(stream.status, 200);
      await stream.until((s) => s.events.length >= 1);
      t.equal((await client(a.server, vendor.headers).delete(`/api/v1/tokens/${id}`)).statusCode, 204);
      await stream.until((s) => s.ended, 3000);
      t.pass('the stream closed');
    });

    await t.test('past the bound a stream is refused with 429; a client that leaves frees its place', async (t) => {
      const one = await openStream(t, b.port, vendor.headers);
      const two = await openStream(t, b.port, vendor.headers);
      await one.until((s) => s.events.length >= 1);
      await two.until((s) => s.events.length >= 1);
      const three = await openStream(t, b.port, vendor.headers);
      await three.until((s) => s.ended, 3000);
      t.equal(three.status, 429);
      t.match(JSON.parse(three.body), { code: 'RATE_LIMITED', message: /2 tabs/ });
      t.ok(three.headers['retry-after'], 'says when to try again');
      one.close();
      two.close();
      // The server notices the sockets closing; then both places are free again.
      const deadline = Date.now() + 3000;
      let reopened: Stream[] = [];
      while (Date.now() < deadline) {
        reopened = [await openStream(t, b.port, vendor.headers), await openStream(t, b.port, vendor.headers)];
        await Promise.all(reopened.map((s) => s.until((x) => x.ended || x.events.length >= 1, 3000)));
        if (reopened.every((s) => s.status === 200)) break;
        for (const s of reopened) s.close();
        await new Promise((r) => setTimeout(r, 50));
      }
      t.same(reopened.map((s) => s.status), [200, 200], 'no listener was left behind by the closed streams');
      for (const s of reopened) s.close();
    });
  });
}
