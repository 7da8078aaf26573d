// The outbox across instances, for real, on loopback: two instances of the reference app
// (examples/server/dist/main.js) on a fresh PostgreSQL database and a private redis-server,
// behind nginx with the repo's config; a webhook receiver in this process that checks every
// signature and can hold its answers; a real SMTP catcher for the order mail.
// 1. While both run, orders placed through nginx (so on both instances) reach the receiver
//    exactly once per event, and each order mails the vendor and the customer exactly once:
//    the instances share the outbox without delivering twice.
// 2. With the receiver holding its answers, instance A is SIGKILLed while it is posting
//    (`ss` names the process at the other end of each connection); more orders follow. Every
//    event still arrives, and only the ones in flight at the kill may arrive twice.
// Every wait is bounded; the test starts and stops every process it uses.
import t from 'tap';
import { execFile } from 'node:child_process';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKnex } from '@dukaan-kit/core/objection';
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
const ssBin = findBinary('ss');
const { postgresUrl } = testServices();
const missing = [
  nginxBin ? null : 'nginx (apt-get install -y nginx)',
  redisBin ? null : 'redis-server (apt-get install -y redis-server)',
  ssBin ? null : 'ss (apt-get install -y iproute2)',
  postgresUrl ? null : 'PostgreSQL (DUKAAN_TEST_POSTGRES_URL is off)',
  existsSync(appMain) ? null : 'examples/server/dist/main.js (npm run build)',
  existsSync(storefrontAssets) ? null : 'packages/storefront-ui/dist/assets (npm run build)',
].filter((m): m is string => m !== null);

if (missing.length > 0) {
  if (process.env.CI) t.fail(`the outbox topology test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  topology(nginxBin!, redisBin!, ssBin!, postgresUrl!);
}

/** One POST the receiver got. */
interface Arrival {
  id: string;
  type: string;
  orderNumber: number | null;
  /** The sending process, from `ss` (null when it could not be told). */
  pid: number | null;
  startedAt: number;
  /** When the answer was sent; null while held, or when the sender went away first. */
  answeredAt: number | null;
  aborted: boolean;
}

/** `Dukaan-Signature` checked as docs/events.md says: the raw body, 5 minutes, constant time. */
function signatureOk(secret: string, raw: Buffer, header: string | undefined): boolean {
  const parts = new Map((header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]));
  const t0 = parts.get('t') ?? '';
  const v1 = parts.get('v1') ?? '';
  if (!/^\d+$/.test(t0) || !/^[0-9a-f]{64}$/.test(v1)) return false;
  if (Math.abs(Date.now() / 1000 - Number(t0)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t0}.`).update(raw).digest();
  return timingSafeEqual(Buffer.from(v1, 'hex'), expected);
}

/** The pid of the process holding the client end of a loopback connection to `serverPort` from `clientPort`. */
function senderPid(ss: string, serverPort: number, clientPort: number): Promise<number | null> {
  return new Promise((resolve) => {
    execFile(ss, ['-tnpH', 'state', 'established', `( sport = :${clientPort} and dport = :${serverPort} )`], { timeout: 2000 }, (error, stdout) => {
      if (error) return resolve(null);
      const pid = /pid=(\d+)/.exec(stdout)?.[1];
      resolve(pid ? Number(pid) : null);
    });
  });
}

/** A webhook receiver on loopback: checks signatures, records each arrival, holds answers for `holdMs`. */
async function startReceiver(ss: string) {
  let secret = '';
  let holdMs = 0;
  const arrivals: Arrival[] = [];
  const rejected: string[] = [];
  const held = new Set<() => void>();
  // Asked as soon as a connection opens: the sender closes it right after the answer.
  const senders = new WeakMap<object, Promise<number | null>>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    const sender = senders.get(req.socket) ?? Promise.resolve(null);
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      if (!signatureOk(secret, raw, req.headers['dukaan-signature'] as string | undefined)) {
        rejected.push(String(req.headers['dukaan-event-id']));
        res.writeHead(401).end();
        return;
      }
      const body = JSON.parse(raw.toString('utf8')) as { id: string; type: string; data: { order?: { number?: number } } };
      const arrival: Arrival = {
        id: body.id,
        type: body.type,
        orderNumber: body.data.order?.number ?? null,
        pid: null,
        startedAt: Date.now(),
        answeredAt: null,
        aborted: false,
      };
      arrivals.push(arrival);
      void sender.then((pid) => (arrival.pid = pid));
      res.on('close', () => {
        if (arrival.answeredAt === null) arrival.aborted = true;
      });
      const answer = () => {
        held.delete(answer);
        clearTimeout(timer);
        if (res.destroyed) return;
        arrival.answeredAt = Date.now();
        res.writeHead(204).end();
      };
      const timer = setTimeout(answer, holdMs);
      held.add(answer);
    });
  });
  server.on('connection', (socket) => senders.set(socket, senderPid(ss, port, socket.remotePort ?? 0)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}/dukaan-events`,
    arrivals,
    rejected,
    setSecret: (value: string) => (secret = value),
    hold: (ms: number) => (holdMs = ms),
    /** Arrivals still held (started, neither answered nor aborted). */
    inFlight: () => arrivals.filter((a) => a.answeredAt === null && !a.aborted),
    close: () =>
      new Promise<void>((resolve) => {
        for (const answer of [...held]) answer();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function topology(nginxBinary: string, redisBinary: string, ss: string, adminUrl: string) {
  t.setTimeout(240_000);
  const suffix = randomBytes(3).toString('hex');
  const slug = `outbox-${suffix}`;
  const vendorEmail = `vendor-${suffix}@example.com`;
  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-topology-outbox-'));
  const mediaDir = join(workDir, 'media');
  mkdirSync(mediaDir);
  let db: TestDatabase | undefined;
  let redis: PrivateRedis | undefined;
  let nginx: Nginx | undefined;
  let catcher: MailCatcher | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
  let knex: ReturnType<typeof createKnex> | undefined;
  const apps: { a?: AppInstance; b?: AppInstance } = {};

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
    await step('receiver', async () => receiver?.close());
    await step('redis', async () => redis?.stop());
    await step('mail catcher', async () => catcher?.close());
    await step('knex', async () => knex?.destroy());
    await step('database', async () => db?.drop());
    await step('temp dir', async () => rmSync(workDir, { recursive: true, force: true }));
  });

  t.before(async () => {
    db = await createTestDatabase(adminUrl);
    redis = privateRedis(redisBinary, await freePort());
    await redis.start();
    catcher = await startMailCatcher();
    receiver = await startReceiver(ss);
    const nginxPort = await freePort();
    const env = {
      PUBLIC_URL: `http://127.0.0.1:${nginxPort}`,
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      SESSION_SECRET: randomBytes(32).toString('hex'),
      MEDIA_DIR: mediaDir,
      SMTP_URL: catcher.url,
      LOG_LEVEL: 'warn',
      TRUST_PROXY: '127.0.0.1',
      RATE_LIMIT_LOGIN: '0',
      RATE_LIMIT_CHECKOUT: '0',
      // The receiver is on loopback.
      WEBHOOK_ALLOW_PRIVATE: '1',
      OUTBOX_POLL_INTERVAL_MS: '200',
      // Short, so a delivery of the killed instance is taken over soon (12 s), yet well above the
      // 5 s webhook timeout: a stall of a loaded machine must not let an instance re-claim its own post.
      OUTBOX_LEASE_MS: '12000',
    };
    const [a, b] = await Promise.allSettled([
      // 60 s: both run the migrations on the empty database, on a loaded CI machine.
      startApp({ name: 'a', port: await freePort(), env }, 60_000),
      startApp({ name: 'b', port: await freePort(), env }, 60_000),
    ]);
    if (a.status === 'fulfilled') apps.a = a.value;
    if (b.status === 'fulfilled') apps.b = b.value;
    if (a.status === 'rejected') throw a.reason;
    if (b.status === 'rejected') throw b.reason;
    nginx = await startNginx(nginxBinary, {
      workDir,
      upstreams: [`127.0.0.1:${apps.a!.port}`, `127.0.0.1:${apps.b!.port}`],
      staticDir: storefrontAssets,
      mediaDir,
      port: nginxPort,
    });
    knex = createKnex(db.url, { poolMax: 2 });
  });

  // ---- helpers -----------------------------------------------------------------------
  let bearer = '';
  let storeId = '';
  let webhookId = '';
  const products: { chai?: string; kulhad?: string } = {};
  const describe = (r: Reply) => `${r.status} ${r.text.slice(0, 300)}`;
  const vendor = (path: string, options: RequestOptions = {}) =>
    request(nginx!.url, path, { ...options, headers: { authorization: `Bearer ${bearer}`, ...options.headers } });
  const pids = () => ({ a: apps.a!.process.child.pid ?? -1, b: apps.b!.process.child.pid ?? -1 });
  const who = (pid: number | null) => (pid === pids().a ? 'A' : pid === pids().b ? 'B' : '?');

  /** A checkout through nginx, retried with the same Idempotency-Key past a dead upstream (as a client would). */
  const place = async (key: string, productId: string, quantity: number, email: string | null) => {
    const body = {
      customer: { name: 'Asha Rao', phone: '9876543210', address: '12 MG Road, Bengaluru', pincode: '560001', ...(email ? { email } : {}) },
      items: [{ productId, quantity }],
      paymentMethod: 'cod',
      note: key,
    };
    const attempts: string[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      try {
        const r = await request(nginx!.url, `/api/v1/stores/${slug}/orders`, { method: 'POST', json: body, headers: { 'idempotency-key': key }, timeoutMs: 15_000 });
        attempts.push(String(r.status));
        if (r.status === 200 || r.status === 201) return r.json() as { id: string; number: number };
        if (r.status < 500 && r.status !== 429) throw new Error(`checkout ${key}: ${describe(r)}`);
      } catch (error) {
        if ((error as Error).message.startsWith('checkout')) throw error;
        attempts.push((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      }
      await sleep(200 * attempt);
    }
    throw new Error(`checkout ${key} failed: ${attempts.join(' > ')}`);
  };

  /** Ids and types of every event the store's changes wrote, from the database. */
  const storeEvents = async () =>
    (await knex!('outbox_events').where({ store_id: storeId }).select('id', 'type', 'order_id')) as Array<{ id: string; type: string; order_id: string | null }>;
  /** How many times each event id arrived at the receiver. */
  const arrivalCounts = () => {
    const counts = new Map<string, number>();
    for (const a of receiver!.arrivals) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
    return counts;
  };
  /** Waits until every event of the store was delivered: posted and answered (a post cut off by a kill is not delivered). */
  const allArrived = async (what: string, timeoutMs: number) =>
    waitUntil(what, async () => {
      const events = await storeEvents();
      const answered = new Set(receiver!.arrivals.filter((a) => a.answeredAt !== null).map((a) => a.id));
      return events.length > 0 && events.every((e) => answered.has(e.id)) ? events : null;
    }, { timeoutMs, intervalMs: 100 });

  // ---- 0. a store with a webhook -----------------------------------------------------------
  t.test('a vendor with a webhook to the receiver, through nginx', async (t) => {
    const signUp = await request(nginx!.url, '/api/v1/vendors', {
      method: 'POST',
      json: { email: vendorEmail, password: 'correct-horse-battery', storeName: `Outbox Store ${suffix}`, slug },
    });
    t.equal(signUp.status, 201, `sign up: ${describe(signUp)}`);
    storeId = signUp.json().store.id;
    const cookie = cookiesOf(signUp);
    const token = await request(nginx!.url, '/api/v1/tokens', { method: 'POST', json: { name: 'outbox' }, headers: { cookie } });
    t.equal(token.status, 201, `token: ${describe(token)}`);
    bearer = token.json().token;
    const hook = await vendor('/api/v1/webhooks', {
      method: 'POST',
      json: { url: receiver!.url, events: ['order.placed', 'order.status_changed', 'order.payment_changed', 'product.low_stock'] },
    });
    t.equal(hook.status, 201, `webhook to a loopback receiver, allowed by WEBHOOK_ALLOW_PRIVATE=1: ${describe(hook)}`);
    t.match(hook.json().secret, /^whsec_/);
    webhookId = hook.json().id;
    receiver!.setSecret(hook.json().secret);
    for (const [name, stock] of [['chai', 1000], ['kulhad', 8]] as const) {
      const r = await vendor('/api/v1/products', { method: 'POST', json: { name: `${name} ${suffix}`, price: 24900, stock } });
      t.equal(r.status, 201, `product ${name}: ${describe(r)}`);
      products[name] = r.json().id;
    }
  });

  // ---- 1. both instances share the outbox -----------------------------------------------------
  t.test('while both instances run, every event reaches the receiver once and every order mail goes once', async (t) => {
    // Answers a little slow: deliveries overlap, and `ss` has time to name each sender.
    receiver!.hold(200);
    const placed: Array<{ id: string; number: number }> = [];
    for (let i = 0; i < 6; i++) placed.push(await place(`share-${suffix}-${i}`, products.chai!, 1 + (i % 2), `buyer${i}@example.com`));
    // Three units of the eight: across the low-stock line (5).
    placed.push(await place(`share-${suffix}-low`, products.kulhad!, 3, null));
    for (const order of placed.slice(0, 2)) {
      for (const status of ['accepted', 'shipped']) {
        const r = await vendor(`/api/v1/orders/${order.id}/status`, { method: 'POST', json: { status } });
        t.equal(r.status, 200, `#${order.number} ${status}: ${describe(r)}`);
      }
    }
    const upstreams = new Set(nginx!.accessLog().filter((l) => l.method === 'POST' && String(l.uri).endsWith('/orders')).map((l) => l.upstream_addr));
    t.equal(upstreams.size, 2, `nginx sent checkouts to both instances (${[...upstreams].join(', ')})`);

    const events = await allArrived('every event at the receiver', 30_000);
    // Give a second delivery, if there were one, time to show up: several poll intervals.
    await sleep(1500);
    const counts = arrivalCounts();
    const twice = events.filter((e) => (counts.get(e.id) ?? 0) !== 1);
    t.same(twice.map((e) => `${e.type} ${e.id} x${counts.get(e.id)}`), [], `each of the ${events.length} events arrived exactly once`);
    const types = new Set(events.map((e) => e.type));
    t.same([...types].sort(), ['order.placed', 'order.status_changed', 'product.low_stock'], 'orders, status changes and low stock');
    t.same(receiver!.rejected, [], 'every signature checked out');
    const senders = new Map<string, number>();
    for (const a of receiver!.arrivals) senders.set(who(a.pid), (senders.get(who(a.pid)) ?? 0) + 1);
    t.comment(`deliveries by sender: ${[...senders].map(([k, v]) => `${k} ${v}`).join(', ')}`);

    // Order mail went through the same outbox: once per order and person.
    await waitUntil('the order mail', async () => (catcher!.messages.filter((m) => /^New order #/.test(m.subject)).length >= placed.length ? true : null), {
      timeoutMs: 15_000,
      intervalMs: 100,
    });
    await sleep(1000);
    for (const order of placed) {
      const toVendor = catcher!.messages.filter((m) => m.to.includes(vendorEmail) && m.subject.startsWith(`New order #${order.number} `));
      t.equal(toVendor.length, 1, `#${order.number}: one new-order mail to the vendor`);
      if (toVendor[0]) t.equal(catcher!.linkIn(toVendor[0], `/dashboard/orders/${order.id}`).pathname, `/dashboard/orders/${order.id}`);
    }
    for (const [i, order] of placed.slice(0, 6).entries()) {
      const confirmations = catcher!.messages.filter((m) => m.to.includes(`buyer${i}@example.com`) && m.subject.startsWith(`Your order #${order.number} at`));
      t.equal(confirmations.length, 1, `#${order.number}: one confirmation to the customer`);
    }
    await waitUntil('the status mail', async () => (catcher!.messages.filter((m) => /is on its way/.test(m.subject)).length >= 2 ? true : null), {
      timeoutMs: 15_000,
      intervalMs: 100,
    });
    t.equal(catcher!.messages.filter((m) => m.to.includes('buyer0@example.com') && /is accepted|is on its way/.test(m.subject)).length, 2, 'two status mails to the first customer');
  });

  // ---- 2. an instance killed mid-delivery ---------------------------------------------------------
  t.test('killing an instance while it posts loses no event', async (t) => {
    receiver!.hold(2500);
    const before = receiver!.arrivals.length;
    const placed: Array<{ id: string; number: number }> = [];
    const a = pids().a;
    // Orders until A is seen posting one (its own commits nudge it at once); bounded.
    let posting: Arrival | undefined;
    for (let i = 0; i < 8 && !posting; i++) {
      placed.push(await place(`kill-${suffix}-${i}`, products.chai!, 1, `late${i}@example.com`));
      posting = await waitUntil('a held delivery from A', async () => receiver!.inFlight().find((x) => x.pid === a) ?? null, { timeoutMs: 3000, intervalMs: 20 }).catch(() => undefined);
    }
    t.ok(posting, `instance A (pid ${a}) is posting event ${posting?.id} when it is killed`);
    const killedAt = Date.now();
    apps.a!.process.child.kill('SIGKILL');
    await Promise.race([apps.a!.process.exited(), sleep(5000)]);
    t.notOk(apps.a!.process.running(), 'A is gone');
    // In flight at the kill: held, or answered just before (A may have died before writing that down).
    const inFlightAtKill = new Set(receiver!.arrivals.slice(before).filter((x) => x.startedAt <= killedAt && (x.answeredAt === null || x.answeredAt >= killedAt - 1000)).map((x) => x.id));
    await sleep(100);
    const cut = receiver!.arrivals.filter((x) => x.aborted && x.pid === a);
    t.ok(cut.length >= 1, `${cut.length} delivery(ies) of A cut off by the kill`);

    // More orders while A is dead: nginx sends them to B.
    for (let i = 0; i < 3; i++) placed.push(await place(`after-${suffix}-${i}`, products.chai!, 1, `after${i}@example.com`));
    receiver!.hold(0);

    // A's deliveries come back once their lease (12 s) ran out; everything else is B's anyway.
    const events = await allArrived('every event, A\'s included, at the receiver', 45_000);
    await sleep(1500);
    const counts = arrivalCounts();
    const answered = new Set(receiver!.arrivals.filter((x) => x.answeredAt !== null).map((x) => x.id));
    t.same(events.filter((e) => !answered.has(e.id)).map((e) => e.id), [], `all ${events.length} events delivered (posted and answered) at least once`);
    const duplicates = events.filter((e) => (counts.get(e.id) ?? 0) > 1).map((e) => e.id);
    t.same(duplicates.filter((id) => !inFlightAtKill.has(id)), [], `only events in flight at the kill arrived twice (${duplicates.length} did, of ${inFlightAtKill.size} in flight)`);
    for (const x of cut) t.ok((counts.get(x.id) ?? 0) >= 2, `${x.type} ${x.id}, cut off at the kill, was delivered again`);
    t.same(receiver!.rejected, [], 'every signature checked out');

    // Nothing left behind: every webhook delivery is delivered (none pending, none dead).
    const deliveries = await vendor(`/api/v1/webhooks/${webhookId}/deliveries?limit=100`);
    t.equal(deliveries.status, 200, describe(deliveries));
    const statuses = new Map<string, number>();
    for (const d of (deliveries.json() as { items: Array<{ status: string }> }).items) statuses.set(d.status, (statuses.get(d.status) ?? 0) + 1);
    t.same([...statuses.keys()], ['delivered'], `every delivery delivered (${[...statuses].map(([k, v]) => `${k} ${v}`).join(', ')})`);

    // The order mail of every order of this phase went out, to the vendor and to the customer.
    await waitUntil('the mail of the orders of this phase', async () => {
      const subjects = new Set(catcher!.messages.map((m) => m.subject));
      return placed.every((o) => [...subjects].some((s) => s.startsWith(`New order #${o.number} `))) ? true : null;
    }, { timeoutMs: 30_000, intervalMs: 100 });
    for (const order of placed) {
      t.ok(catcher!.messages.some((m) => m.subject.startsWith(`Your order #${order.number} at`)), `#${order.number}: the customer's confirmation arrived`);
    }
    t.comment(`kill: ${inFlightAtKill.size} in flight, ${cut.length} cut off, ${duplicates.length} delivered twice; ${receiver!.arrivals.length} posts in all`);
  });
}
