// The live dashboard across instances, for real, on loopback: two instances of the reference
// app on PostgreSQL (a fresh database) and a private redis-server, behind nginx with the repo's
// config. Two dashboards open their live stream through nginx (least_conn puts the second on the
// other instance while the first holds its connection); an order placed directly on instance A
// and one on instance B each reach both streams at once, so an order crosses from one instance to
// a stream held by the other, through Redis and unbuffered by nginx. Every wait is bounded.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { testServices } from '@dukaan-kit/core/testing';
import { request } from './support/http.js';
import { findBinary, freePort, stopProcess } from './support/processes.js';
import { appMain, createTestDatabase, privateRedis, startApp, startNginx, storefrontAssets, type AppInstance, type Nginx, type PrivateRedis, type TestDatabase } from './support/topology.js';

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
  if (process.env.CI) t.fail(`the live topology test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  liveTopology(nginxBin!, redisBin!, postgresUrl!);
}

/** A live stream read as it arrives: each event with the time it came, and whether it ended. */
interface LiveStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: Array<{ event: string; data: Record<string, unknown>; at: number }>;
  ended: boolean;
  until(check: () => boolean, what: string, limitMs?: number): Promise<void>;
  close(): void;
}

function openStream(port: number, cookie: string): Promise<LiveStream> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/orders/live', agent: false, headers: { cookie, accept: 'text/event-stream', 'accept-encoding': 'gzip' } }, (res) => {
      let pending = '';
      const stream: LiveStream = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        events: [],
        ended: false,
        async until(check, what, limitMs = 5000) {
          const end = Date.now() + limitMs;
          while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
          if (!check()) throw new Error(`${what}: not within ${limitMs} ms (events: ${JSON.stringify(stream.events)})`);
        },
        close: () => req.destroy(),
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        pending += chunk;
        let cut: number;
        while ((cut = pending.indexOf('\n\n')) >= 0) {
          const block = pending.slice(0, cut);
          pending = pending.slice(cut + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) stream.events.push({ event, data: JSON.parse(data) as Record<string, unknown>, at: Date.now() });
        }
      });
      res.on('close', () => (stream.ended = true));
      resolve(stream);
    });
    req.setTimeout(15_000, () => req.destroy(new Error('no answer within 15 s')));
    req.on('error', (error) => {
      if (error.message !== 'socket hang up' && (error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
  });
}

function liveTopology(nginxBinary: string, redisBinary: string, adminUrl: string) {
  t.setTimeout(120_000);
  const suffix = randomBytes(3).toString('hex');
  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-topology-live-'));
  const mediaDir = join(workDir, 'media');
  mkdirSync(mediaDir);
  let db: TestDatabase | undefined;
  let redis: PrivateRedis | undefined;
  let nginx: Nginx | undefined;
  const apps: { a?: AppInstance; b?: AppInstance } = {};
  const streams: LiveStream[] = [];

  t.teardown(async () => {
    const step = async (what: string, run: () => Promise<unknown>) => {
      try {
        await run();
      } catch (error) {
        console.error(`# teardown: ${what}: ${(error as Error).message}`);
      }
    };
    for (const s of streams) s.close();
    await step('nginx', async () => nginx?.stop());
    await step('apps', async () => Promise.all([stopProcess(apps.a?.process), stopProcess(apps.b?.process)]));
    await step('redis', async () => redis?.stop());
    await step('database', async () => db?.drop());
    await step('temp dir', async () => rmSync(workDir, { recursive: true, force: true }));
  });

  t.before(async () => {
    db = await createTestDatabase(adminUrl);
    redis = privateRedis(redisBinary, await freePort());
    await redis.start();
    const nginxPort = await freePort();
    const env = {
      PUBLIC_URL: `http://127.0.0.1:${nginxPort}`,
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      MEDIA_DIR: mediaDir,
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '127.0.0.1',
      RATE_LIMIT_LOGIN: '0',
      RATE_LIMIT_CHECKOUT: '0',
    };
    // One after the other: the first runs the migrations.
    apps.a = await startApp({ name: 'a', port: await freePort(), env });
    apps.b = await startApp({ name: 'b', port: await freePort(), env });
    nginx = await startNginx(nginxBinary, { workDir, upstreams: [`127.0.0.1:${apps.a.port}`, `127.0.0.1:${apps.b.port}`], staticDir: storefrontAssets, mediaDir, port: nginxPort });
  });

  t.test('an order placed on one instance reaches a stream held by the other, through nginx, at once', async (t) => {
    const a = apps.a!;
    const b = apps.b!;
    const signup = await request(nginx!.url, '/api/v1/vendors', { method: 'POST', json: { email: `live-${suffix}@example.com`, password: 'chai-and-biscuits', storeName: `Live ${suffix}`, slug: `live-${suffix}` } });
    t.equal(signup.status, 201, signup.text.slice(0, 200));
    const cookie = String([signup.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const slug = signup.json<{ store: { slug: string } }>().store.slug;
    const product = await request(nginx!.url, '/api/v1/products', { method: 'POST', headers: { cookie }, json: { name: 'Masala Chai', price: 21000, stock: 20 } });
    t.equal(product.status, 201);
    const productId = product.json<{ id: string }>().id;

    // Two dashboards: while the first holds its connection, least_conn sends the second to the other instance.
    for (let i = 0; i < 2; i++) {
      const stream = await openStream(nginx!.port, cookie);
      streams.push(stream);
      t.equal(stream.status, 200);
      t.match(stream.headers['content-type'], /^text\/event-stream/);
      t.equal(stream.headers['content-encoding'], undefined, 'not compressed by nginx or the app');
      await stream.until(() => stream.events.some((e) => e.event === 'hello'), 'hello through nginx');
    }
    t.same(streams.map((s) => s.events[0]?.data), [{ pending: 0 }, { pending: 0 }]);

    const placeOn = async (instance: AppInstance, n: number) => {
      const sent = Date.now();
      const r = await request(instance.url, `/api/v1/stores/${slug}/orders`, {
        method: 'POST',
        json: { customer: { name: `Asha ${n}`, phone: '9876543210', address: '12 MG Road, Bengaluru', pincode: '560001' }, items: [{ productId, quantity: 1 }], paymentMethod: 'cod' },
      });
      t.equal(r.status, 201, `order through ${instance.name}: ${r.text.slice(0, 200)}`);
      const number = r.json<{ number: number }>().number;
      for (const [i, stream] of streams.entries()) {
        await stream.until(() => stream.events.some((e) => e.event === 'order' && e.data.number === number), `order #${number} (placed on ${instance.name}) on stream ${i + 1}`);
        const got = stream.events.find((e) => e.event === 'order' && e.data.number === number)!;
        t.ok(got.at - sent < 10_000, `stream ${i + 1} had order #${number} from ${instance.name} ${got.at - sent} ms after it was sent`);
        t.match(got.data, { type: 'order.placed', customerName: `Asha ${n}`, status: 'pending', pending: n });
        t.notOk(stream.ended, 'the stream stays open');
      }
    };
    await placeOn(a, 1);
    await placeOn(b, 2);

    // Which instance held each stream: nginx logs a request when it ends.
    for (const s of streams) s.close();
    let upstreams: string[] = [];
    const end = Date.now() + 5000;
    while (Date.now() < end) {
      upstreams = nginx!.accessLog().filter((l) => l.uri === '/api/v1/orders/live').map((l) => String(l.upstream_addr));
      if (upstreams.length >= 2) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    t.same(new Set(upstreams), new Set([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`]), `one stream on each instance (${upstreams.join(', ')}), so each order crossed to the other`);
  });
}
