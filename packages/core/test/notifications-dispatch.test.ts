// Order mail and webhooks through the real outbox dispatcher, end to end: a core with an SMTP
// mailer (a real catcher) and a webhook to a real HTTP receiver on loopback. A new order mails
// the vendor and the customer and posts a signed order.placed; a status change mails the
// customer. The payload examples in docs/events.md have exactly the fields the code sends (so the
// docs cannot drift); DUKAAN_WRITE_EVENT_EXAMPLES=<file> writes the deliveries of a run there, to
// refresh those examples.
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { smtpMailer } from '../src/adapters/mail/index.js';
import { verifyWebhookSignature } from '../src/webhooks/signature.js';
import { startMailCatcher } from '../src/testing/mail-catcher.js';
import { coreVariants } from './support/core-variants.js';
import { customer, openStore } from './support/orders.js';

const docsFile = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'events.md');
const publicUrl = 'https://shop.example';

interface Delivery {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { id: string; type: string; createdAt: string; data: Record<string, unknown> };
}

/** Every key path of a JSON value ("data.order.items[].name"), arrays read through their items. */
function shape(value: unknown, path = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) shape(item, `${path}[]`, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      into.add(at);
      shape(inner, at, into);
    }
  }
  return into;
}

/** The JSON examples of docs/events.md, by event type: each fenced ```json block whose object has a `type`. */
function docsExamples(): Map<string, unknown> {
  const examples = new Map<string, unknown>();
  const text = readFileSync(docsFile, 'utf8');
  for (const [, block] of text.matchAll(/```json\n([\s\S]*?)\n```/g)) {
    const parsed = JSON.parse(block ?? '') as { type?: unknown };
    if (typeof parsed.type === 'string') examples.set(parsed.type, parsed);
  }
  return examples;
}

/** A receiver that checks each signature and keeps each delivery. */
async function startReceiver(secret: () => string) {
  const deliveries: Delivery[] = [];
  const rejected: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      if (!verifyWebhookSignature(secret(), raw, request.headers['dukaan-signature'] as string | undefined)) {
        rejected.push(raw);
        response.writeHead(401).end();
        return;
      }
      deliveries.push({ headers: request.headers, raw, body: JSON.parse(raw) as Delivery['body'] });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    deliveries,
    rejected,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const catcher = await startMailCatcher();
    t.teardown(() => catcher.close());
    let secret = '';
    const receiver = await startReceiver(() => secret);
    t.teardown(() => receiver.close());
    const fixture = await variant.open({
      mail: { mailer: smtpMailer({ url: catcher.url, from: 'Dukaan <no-reply@shop.example>' }), publicUrl },
      webhooks: { allowPrivate: true },
      outbox: { pollIntervalMs: 50 },
    });
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const { store, vendor } = await openStore(dukaan, { newOrderEmails: true });
    const hook = await dukaan.webhooks.create(store.id, {
      url: receiver.url,
      events: ['order.placed', 'order.status_changed', 'order.payment_changed', 'product.low_stock'],
    });
    secret = hook.secret;
    // Six in stock: an order of two takes it to four, across the low-stock line (5).
    const chai = await dukaan.catalog.createProduct(store.id, { name: 'Masala Chai 250 g', price: 24900, stock: 6 });
    const { order } = await dukaan.orders.place(store.slug, {
      customer: { ...customer, email: 'asha@example.com' },
      items: [{ productId: chai.id, quantity: 2 }],
      paymentMethod: 'cod',
      note: 'Please ring twice',
    });

    t.test('a new order: the vendor and the customer get their mail, the webhook a signed order.placed and product.low_stock', async (t) => {
      const toVendor = await catcher.next((m) => m.to.includes(vendor.email), 10_000);
      t.equal(toVendor.subject, `New order #${order.number} · ₹498.00`);
      t.equal(catcher.linkIn(toVendor, `/dashboard/orders/${order.id}`).href, `${publicUrl}/dashboard/orders/${order.id}`);
      const toCustomer = await catcher.next((m) => m.to.includes('asha@example.com'), 10_000);
      t.equal(toCustomer.subject, `Your order #${order.number} at ${store.name}`);
      const placed = await until('order.placed delivered', () => receiver.deliveries.find((d) => d.body.type === 'order.placed'));
      t.equal(placed.headers['dukaan-event-id'], placed.body.id, 'the header names the event');
      t.equal(placed.headers['content-type'], 'application/json');
      t.equal(placed.headers['user-agent'], 'dukaan-kit-webhooks/1');
      t.match(placed.body.data, { order: { id: order.id, number: order.number, customer: { email: 'asha@example.com' } } });
      await until('product.low_stock delivered', () => receiver.deliveries.find((d) => d.body.type === 'product.low_stock'));
      t.same(receiver.rejected, [], 'every signature checked out');
    });

    t.test('each status change mails the customer; a delivered cash order also posts order.payment_changed', async (t) => {
      for (const status of ['accepted', 'shipped', 'delivered']) {
        await dukaan.orders.changeStatus(store.id, order.id, { status });
        const mail = await catcher.next((m) => m.to.includes('asha@example.com'), 10_000);
        t.match(mail.subject, `Your order #${order.number}`, `${status}: mailed`);
      }
      await until('order.payment_changed delivered', () => receiver.deliveries.find((d) => d.body.type === 'order.payment_changed'));
      await until('three status changes delivered', () => (receiver.deliveries.filter((d) => d.body.type === 'order.status_changed').length === 3 ? true : undefined));
      await dukaan.outbox.idle();
      t.equal(catcher.messages.filter((m) => m.to.includes(vendor.email)).length, 1, 'the vendor got one mail: the new order');
      const ids = receiver.deliveries.map((d) => d.body.id);
      t.equal(new Set(ids).size, ids.length, 'no event delivered twice');
    });

    t.test('the examples in docs/events.md have the fields the code sends', async (t) => {
      // The first delivery of each type (the first status change is the short one: accepted).
      const latest = new Map<string, Delivery>();
      for (const delivery of receiver.deliveries) if (!latest.has(delivery.body.type)) latest.set(delivery.body.type, delivery);
      const out = process.env['DUKAAN_WRITE_EVENT_EXAMPLES'];
      if (out) writeFileSync(out, JSON.stringify([...latest.values()].map((d) => ({ headers: d.headers, body: d.body })), null, 2));
      const examples = docsExamples();
      for (const type of ['order.placed', 'order.status_changed', 'order.payment_changed', 'product.low_stock']) {
        const real = latest.get(type);
        const example = examples.get(type);
        t.ok(real && example, `${type}: delivered, and documented`);
        if (real && example) t.same([...shape(example)].sort(), [...shape(real.body)].sort(), `${type}: the same fields`);
      }
      // Review #7: the tracking token (a bearer link to the customer's order page) is never sent.
      for (const delivery of receiver.deliveries) t.notOk(shape(delivery.body).has('data.order.token'), `${delivery.body.type}: no data.order.token`);
      t.notOk(
        receiver.deliveries.some((d) => /"token"/.test(d.raw)),
        'no token anywhere in the raw bodies',
      );
    });
  });
}
