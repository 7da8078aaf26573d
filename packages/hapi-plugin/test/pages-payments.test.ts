// Payments through the pages, over server.inject: the vendor's settings form (UPI ID, methods,
// time zone, new-order mail), the checkout's choice, the customer's UPI QR code and pay link,
// the vendor marking an order paid or refunded (CSRF-protected forms), the payment filter.
import type Hapi from '@hapi/hapi';
import t from 'tap';
import { json } from './support/api.js';
import { Browser, urlsOf, type PageResponse } from './support/pages.js';
import { customer, serverVariants } from './support/server.js';
import { startOfToday } from '../src/pages/context.js';

let n = 0;

/** A vendor signed up through the form (session cookie and crumb), with one product. */
async function shop(server: Hapi.Server) {
  n += 1;
  const vendor = new Browser(server);
  await vendor.get('/signup');
  const signup = await vendor.post('/signup', { email: `pay${n}.${process.pid}@example.com`, password: 'correct horse battery', storeName: 'Chai & Co', slug: '' });
  if (signup.statusCode !== 303) throw new Error(`signup failed: ${signup.statusCode}`);
  const headers = { cookie: `dukaan_session=${vendor.cookies.get('dukaan_session')}` };
  const me = json(await server.inject({ url: '/api/v1/me', headers }));
  const product = json(await server.inject({ method: 'POST', url: '/api/v1/products', headers, payload: { name: 'Masala Chai', price: 14950, stock: 50 } }));
  return { vendor, headers, store: me.store as { id: string; slug: string }, product: product as { id: string } };
}

/** A multipart body where a field may repeat (the payment method boxes). */
function multipart(fields: Record<string, string | string[]>) {
  const boundary = `----dukaanpay${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).flatMap(([name, value]) =>
    [value].flat().map((v) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`),
  );
  return { payload: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The settings form as the page would post it, with `changes` over the store's present values. */
async function saveSettings(server: Hapi.Server, browser: Browser, changes: Record<string, string | string[] | undefined>) {
  await browser.get('/dashboard/settings');
  const base: Record<string, string | string[]> = {
    name: 'Chai & Co',
    slug: '',
    description: '',
    phone: '',
    pickupAddress: '',
    currency: 'INR',
    deliveryFee: '0',
    freeDeliveryAbove: '',
    minOrderValue: '',
    isOpen: 'on',
    paymentMethods: ['cod'],
    upiId: '',
    timeZone: 'Asia/Kolkata',
    newOrderEmails: 'on',
    paymentFields: '1',
    crumb: browser.crumb ?? '',
  };
  const slug = /name="slug"[^>]*value="([^"]+)"/.exec(browser.last?.payload ?? '')?.[1] ?? '';
  const merged: Record<string, string | string[] | undefined> = { ...base, slug, ...changes };
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(merged)) if (value !== undefined) fields[name] = value;
  const { payload, contentType } = multipart(fields);
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return (await server.inject({ method: 'POST', url: '/dashboard/settings', payload, headers: { 'content-type': contentType, cookie } })) as unknown as PageResponse;
}

/** A customer's no-JavaScript checkout of one chai with `paymentMethod`; the answer and the order page it leads to. */
async function checkout(server: Hapi.Server, slug: string, productId: string, paymentMethod?: string) {
  const c = new Browser(server);
  await c.get(`/${slug}`);
  await c.post(`/${slug}/cart`, { productId, quantity: '1', action: 'add' });
  const page = await c.get(`/${slug}/checkout`);
  const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.payload)?.[1] ?? '';
  const placed = await c.post(`/${slug}/checkout`, { ...customer, idempotencyKey: key, ...(paymentMethod ? { paymentMethod } : {}) });
  return { customer: c, checkoutPage: page, placed, orderUrl: typeof placed.headers.location === 'string' ? placed.headers.location.replace(/\?placed=1$/, '') : '' };
}

/** The `upi://pay` link on a page, decoded into its parameters. */
function upiLink(html: string): { uri: string; params: URLSearchParams } | null {
  const uri = urlsOf(html).find((u) => u.startsWith('upi://'));
  return uri ? { uri, params: new URL(uri).searchParams } : null;
}

t.test("startOfToday: the store's midnight, also on days the clocks change", async (t) => {
  t.equal(startOfToday(new Date('2026-03-01T20:00:00Z'), 'Asia/Kolkata').toISOString(), '2026-03-01T18:30:00.000Z', 'IST: the day starts at 18:30 UTC the evening before');
  t.equal(startOfToday(new Date('2026-03-01T12:00:00Z'), 'Asia/Kolkata').toISOString(), '2026-02-28T18:30:00.000Z');
  t.equal(startOfToday(new Date('2026-03-01T12:00:00Z'), 'Europe/London').toISOString(), '2026-03-01T00:00:00.000Z');
  // The clocks go forward at 01:00 on 29 March: the day began in GMT, though noon is in BST.
  t.equal(startOfToday(new Date('2026-03-29T12:00:00Z'), 'Europe/London').toISOString(), '2026-03-29T00:00:00.000Z', 'spring forward');
  // And back at 02:00 on 25 October: the day began in BST, though noon is in GMT.
  t.equal(startOfToday(new Date('2026-10-25T12:00:00Z'), 'Europe/London').toISOString(), '2026-10-24T23:00:00.000Z', 'fall back');
  t.equal(startOfToday(new Date('2026-03-08T18:00:00Z'), 'America/New_York').toISOString(), '2026-03-08T05:00:00.000Z', 'New York, spring forward');
});

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('settings: UPI needs a UPI ID, a bad one or zone is refused beside its field; then saved', async (t) => {
      const { vendor, headers } = await shop(server);
      const page = await vendor.get('/dashboard/settings');
      t.match(page.payload, /id="settings-paymentMethods-cod"[^>]* checked/, 'cash on delivery by default');
      t.match(page.payload, '<option value="Asia/Kolkata" selected>', 'India time by default');
      t.match(page.payload, /id="settings-newOrderEmails"[^>]* checked|checked[^>]*id="settings-newOrderEmails"/, 'new-order mails on by default');

      const noId = await saveSettings(server, vendor, { paymentMethods: ['cod', 'upi'], upiId: '' });
      t.equal(noId.statusCode, 400, 'UPI without a UPI ID');
      t.match(noId.payload, /class="field-error" id="settings-(upiId|paymentMethods)-error">[^<]*UPI ID/, 'said beside the field');
      t.match(noId.payload, /id="settings-paymentMethods-upi"[^>]* checked/, 'the boxes as ticked');

      const bad = await saveSettings(server, vendor, { paymentMethods: ['cod', 'upi'], upiId: 'not a vpa', timeZone: 'Mars/Olympus' });
      t.equal(bad.statusCode, 400);
      t.match(bad.payload, /id="settings-upiId-error">UPI ID must look like name@bank/);
      t.match(bad.payload, /id="settings-timeZone-error">Time zone must be a time zone name/);
      t.match(bad.payload, 'value="not a vpa"', 'what was typed is kept');
      t.match(bad.payload, '<option value="Mars/Olympus" selected>Mars/Olympus</option>', 'the zone as sent, escaped by the page');

      const none = await saveSettings(server, vendor, { paymentMethods: [] });
      t.equal(none.statusCode, 400);
      t.match(none.payload, 'id="settings-paymentMethods-error">Offer at least one payment method');

      const odd = await saveSettings(server, vendor, { paymentMethods: ['cod', 'cheque'] });
      t.equal(odd.statusCode, 400, 'a method that does not exist');
      t.match(odd.payload, 'id="settings-paymentMethods-error"', 'beside the boxes, not a 500');

      const nul = await saveSettings(server, vendor, { paymentMethods: ['upi'], upiId: 'chai\u0000@okaxis' });
      t.equal(nul.statusCode, 400, 'a NUL byte in the UPI ID');

      const ok = await saveSettings(server, vendor, { paymentMethods: ['cod', 'upi'], upiId: '  chai.co@okaxis ', timeZone: 'Asia/Kathmandu', newOrderEmails: undefined });
      t.equal(ok.statusCode, 303);
      t.equal(ok.headers.location, '/dashboard/settings?done=saved');
      const store = json(await server.inject({ url: '/api/v1/store', headers }));
      t.match(store, { upiId: 'chai.co@okaxis', paymentMethods: ['cod', 'upi'], timeZone: 'Asia/Kathmandu', newOrderEmails: false });
      const stale = await saveSettings(server, vendor, { paymentFields: undefined, paymentMethods: undefined, upiId: undefined, newOrderEmails: undefined, timeZone: undefined, description: 'Now with ginger' });
      t.equal(stale.statusCode, 303, 'a form from before the payment fields existed still saves');
      t.match(json(await server.inject({ url: '/api/v1/store', headers })), { description: 'Now with ginger', upiId: 'chai.co@okaxis', paymentMethods: ['cod', 'upi'], timeZone: 'Asia/Kathmandu', newOrderEmails: false }, 'and leaves them as they were');
      const again = await vendor.get('/dashboard/settings');
      t.match(again.payload, /id="settings-paymentMethods-upi"[^>]* checked/);
      t.match(again.payload, '<option value="Asia/Kathmandu" selected>');
      t.notMatch(/<input[^>]*id="settings-newOrderEmails"[^>]*>/.exec(again.payload)?.[0] ?? '', 'checked', 'the switch stays off');
    });

    t.test('checkout offers the store\'s methods; a UPI order shows the QR code and the pay link', async (t) => {
      const { vendor, store, product } = await shop(server);
      const codOnly = await checkout(server, store.slug, product.id);
      t.match(codOnly.checkoutPage.payload, '<input type="hidden" name="paymentMethod" value="cod"/>', 'one method: no choice');
      t.equal(codOnly.placed.statusCode, 303);
      const codPage = await codOnly.customer.get(codOnly.orderUrl);
      t.match(codPage.payload, 'Please keep ₹149.50 ready');
      t.notMatch(codPage.payload, '<svg', 'no QR code for cash');

      const refused = await checkout(server, store.slug, product.id, 'upi');
      t.equal(refused.placed.statusCode, 400, 'a method the store does not offer');
      t.match(refused.placed.payload, /<p class="field-error" id="checkout-paymentMethod-error">The shop no longer takes this way to pay. Choose another./, 'said on the page, not only in the island data');

      await saveSettings(server, vendor, { paymentMethods: ['cod', 'upi'], upiId: 'chai.co@okaxis' });
      const upi = await checkout(server, store.slug, product.id, 'upi');
      t.match(upi.checkoutPage.payload, /<input type="radio" name="paymentMethod" value="cod" checked\/>/, 'a choice, cash first');
      t.match(upi.checkoutPage.payload, /<input type="radio" name="paymentMethod" value="upi"\/>/);
      t.equal(upi.placed.statusCode, 303);
      const page = await upi.customer.get(upi.orderUrl);
      t.equal(page.statusCode, 200);
      t.match(page.headers['cache-control'], /no-store/, 'the order page is never cached');
      const svg = /<div class="upi-qr"[^>]*>(<svg[\s\S]*?<\/svg>)<\/div>/.exec(page.payload)?.[1] ?? '';
      t.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+"/, 'the QR code as inline SVG');
      t.match(svg, /<path [^>]*d="M/, 'drawn as paths');
      t.notMatch(svg, /style=|<script|href=/, 'nothing the CSP (style-src/script-src self) would block');
      t.match(page.headers['content-security-policy'], "default-src 'self'");
      const link = upiLink(page.payload);
      t.ok(link, 'a upi:// link');
      const number = /Order #(\d+)/.exec(page.payload)?.[1];
      t.same(Object.fromEntries(link!.params), { pa: 'chai.co@okaxis', pn: 'Chai & Co', am: '149.50', cu: 'INR', tn: `Order #${number}` }, 'pa, pn, am with two decimals, cu, tn');
      t.match(link!.uri, /^upi:\/\/pay\?pa=chai\.co@okaxis&pn=Chai%20%26%20Co&am=149\.50&cu=INR&tn=Order%20%23\d+$/, 'percent-encoded: & and # cannot break the query');
      t.match(page.payload, />Pay with UPI app<\/a>/);
      t.match(page.payload, 'UPI ID: <code>chai.co@okaxis</code>');
      t.notMatch(page.payload, 'keep ₹', 'no cash asked for');
    });

    t.test("a payment provider that fails leaves the customer's order page up: a notice, and the error logged", async (t) => {
      const { vendor, store, product } = await shop(server);
      await saveSettings(server, vendor, { paymentMethods: ['upi'], upiId: 'chai.co@okaxis' });
      const upi = await checkout(server, store.slug, product.id);
      const storefront = fixture.dukaan.storefront as { paymentFor: (...args: unknown[]) => Promise<unknown> };
      const original = storefront.paymentFor;
      storefront.paymentFor = async () => {
        throw new Error('gateway timed out');
      };
      t.teardown(() => {
        storefront.paymentFor = original;
      });
      const logged: Array<{ tags: string[]; error: unknown }> = [];
      const onLog = (_request: unknown, event: { tags: string[]; error?: unknown; data?: unknown }) => logged.push({ tags: event.tags, error: event.error ?? event.data });
      server.events.on({ name: 'request', channels: 'app' }, onLog as never);
      const page = await upi.customer.get(upi.orderUrl);
      t.equal(page.statusCode, 200, 'not a 500');
      t.match(page.payload, 'The payment link is not available right now; try again in a minute');
      t.match(page.payload, /Order #\d+/, 'the order is shown');
      t.notMatch(page.payload, 'upi://', 'no pay link');
      t.notMatch(page.payload, 'gateway timed out', 'the error stays in the log');
      const entry = logged.find((e) => e.tags.includes('dukaan-kit') && e.tags.includes('error'));
      t.ok(entry, 'logged as the plugin logs internal errors');
      t.match(entry?.error, { message: 'gateway timed out' });
      storefront.paymentFor = original;
      const again = await upi.customer.get(upi.orderUrl);
      t.ok(upiLink(again.payload), 'the link is back once the provider answers');
      t.notMatch(again.payload, 'not available right now');
      const unknown = await upi.customer.get(upi.orderUrl.replace(/[^/]+$/, 'no-such-token'));
      t.equal(unknown.statusCode, 404, 'an unknown order is still 404');
    });

    t.test("the dashboard's today figures count from midnight in the store's time zone, not India's", async (t) => {
      const { vendor, headers, store, product } = await shop(server);
      const zone = 'Pacific/Pago_Pago'; // UTC-11: its day and India's (UTC+5:30) never start together
      t.equal(json(await server.inject({ method: 'PATCH', url: '/api/v1/store', headers, payload: { timeZone: zone } })).timeZone, zone);
      const placed = await checkout(server, store.slug, product.id);
      t.equal(placed.placed.statusCode, 303);
      const now = new Date();
      const storeStart = startOfToday(now, zone).getTime();
      const indiaStart = startOfToday(now, 'Asia/Kolkata').getTime();
      // A minute before the later of the two midnights: today for one zone, yesterday for the other.
      const at = Math.max(storeStart, indiaStart) - 60_000;
      await fixture.knex('orders').where('store_id', store.id).update({ created_at: new Date(at).toISOString() });
      const expected = at >= storeStart ? 1 : 0;
      t.not(expected, at >= indiaStart ? 1 : 0, 'the zones disagree about this order');
      const home = await vendor.get('/dashboard');
      t.equal(home.statusCode, 200);
      t.match(home.payload, new RegExp(`Orders today</p>\\s*<p class="stat-value">${expected}</p>`), `counted in ${zone}`);
    });

    t.test('the vendor marks a UPI order paid with a reference (CSRF form); the customer sees Paid', async (t) => {
      const { vendor, headers, store, product } = await shop(server);
      await saveSettings(server, vendor, { paymentMethods: ['upi'], upiId: 'chai.co@okaxis' });
      const upi = await checkout(server, store.slug, product.id);
      t.equal(upi.placed.statusCode, 303, 'the only method is sent without a choice');
      const order = json(await server.inject({ url: '/api/v1/orders', headers })).items[0];
      t.equal(order.payment.method, 'upi');
      const detail = await vendor.get(`/dashboard/orders/${order.id}`);
      t.match(detail.payload, '<span class="pay pay-pending">Not paid</span>');
      t.match(detail.payload, `action="/dashboard/orders/${order.id}/payment"`);

      const without = await vendor.post(`/dashboard/orders/${order.id}/payment`, { status: 'paid', reference: 'UTR1' }, { crumb: null });
      t.equal(without.statusCode, 403, 'refused without the CSRF crumb');
      t.equal(json(await server.inject({ url: `/api/v1/orders/${order.id}`, headers })).payment.status, 'pending', 'nothing changed');

      await vendor.get(`/dashboard/orders/${order.id}`);
      const tooLong = await vendor.post(`/dashboard/orders/${order.id}/payment`, { status: 'paid', reference: 'x'.repeat(101) });
      t.equal(tooLong.statusCode, 400);
      t.match(tooLong.payload, /id="payment-paid-reference-error">[^<]*100/, 'beside the reference field');
      t.match(tooLong.payload, `value="${'x'.repeat(101)}"`, 'what was typed is kept');

      const bogus = await vendor.post(`/dashboard/orders/${order.id}/payment`, { status: 'stolen' });
      t.equal(bogus.statusCode, 400, 'a status no form sends: 400 with a message, not a 500');
      t.match(bogus.payload, 'class="flash"');

      const paid = await vendor.post(`/dashboard/orders/${order.id}/payment`, { status: 'paid', reference: ' 412345678901 ' });
      t.equal(paid.statusCode, 303);
      t.equal(paid.headers.location, `/dashboard/orders/${order.id}?done=paid`);
      const after = await vendor.get(paid.headers.location as string);
      t.match(after.payload, 'Marked as paid.');
      t.match(after.payload, '<span class="pay pay-paid">Paid</span>');
      t.match(after.payload, 'Reference <code>412345678901</code>', 'the reference, trimmed');
      t.notMatch(after.payload, '>Mark paid</button>');

      const twice = await vendor.post(`/dashboard/orders/${order.id}/payment`, { status: 'paid', reference: '' });
      t.equal(twice.statusCode, 409, 'already paid');
      t.match(twice.payload, 'role="alert"');

      const early = await vendor.post(`/dashboard/orders/${order.id}/payment`, { status: 'refunded' });
      t.equal(early.statusCode, 409, 'no refund while the order is on its way');

      const seen = await upi.customer.get(upi.orderUrl);
      t.match(seen.payload, '<span class="pay pay-paid">Paid</span>');
      t.notMatch(seen.payload, '<svg', 'no QR code once paid');
      t.notMatch(seen.payload, 'upi://');
      t.notMatch(seen.payload, '412345678901', 'the reference is the vendor\'s, not on the customer page');

      // Cancelled after payment: the money goes back, and the customer sees it.
      await vendor.get(`/dashboard/orders/${order.id}`);
      t.equal((await vendor.post(`/dashboard/orders/${order.id}/status`, { status: 'cancelled', reason: 'Out of stock', confirmed: '1' })).statusCode, 303);
      const cancelled = await vendor.get(`/dashboard/orders/${order.id}`);
      t.match(cancelled.payload, '>Mark refunded</button>');
      const refunded = await vendor.post(`/dashboard/orders/${order.id}/payment`, { status: 'refunded', reference: 'RF-1' });
      t.equal(refunded.statusCode, 303);
      t.equal(refunded.headers.location, `/dashboard/orders/${order.id}?done=refunded`);
      t.match((await vendor.get(refunded.headers.location as string)).payload, 'Marked as refunded.');
      const told = await upi.customer.get(upi.orderUrl);
      t.match(told.payload, '<span class="pay pay-refunded">Refunded</span>');
      t.notMatch(told.payload, 'keep ₹');
    });

    t.test("another store's order: 404 for the page and the payment form", async (t) => {
      const a = await shop(server);
      await checkout(server, a.store.slug, a.product.id);
      const order = json(await server.inject({ url: '/api/v1/orders', headers: a.headers })).items[0];
      const b = await shop(server);
      t.equal((await b.vendor.get(`/dashboard/orders/${order.id}`)).statusCode, 404);
      await b.vendor.get('/dashboard/orders');
      const post = await b.vendor.post(`/dashboard/orders/${order.id}/payment`, { status: 'paid', reference: 'mine now' });
      t.equal(post.statusCode, 404);
      t.match(post.payload, 'belongs to another store');
      t.equal(json(await server.inject({ url: `/api/v1/orders/${order.id}`, headers: a.headers })).payment.status, 'pending', 'untouched');
      t.equal((await b.vendor.post('/dashboard/orders/not-an-id/payment', { status: 'paid' })).statusCode, 404, 'not an id');
    });

    t.test('orders list: the payment filter narrows the list and the export link; badges per order', async (t) => {
      const { vendor, headers, store, product } = await shop(server);
      await checkout(server, store.slug, product.id);
      await checkout(server, store.slug, product.id);
      const [second, first] = json(await server.inject({ url: '/api/v1/orders', headers })).items;
      await vendor.get(`/dashboard/orders/${first.id}`);
      t.equal((await vendor.post(`/dashboard/orders/${first.id}/payment`, { status: 'paid', reference: '' })).statusCode, 303);

      const all = await vendor.get('/dashboard/orders');
      t.match(all.payload, '<span class="pay pay-paid">Paid</span>');
      t.match(all.payload, '<span class="pay pay-pending">Not paid</span>');
      t.match(all.payload, '<select name="paymentStatus" id="orders-filter-paymentStatus">');
      const paid = await vendor.get('/dashboard/orders?paymentStatus=paid');
      t.match(paid.payload, `#${first.number}<`);
      t.notMatch(paid.payload, `#${second.number}<`, 'only the paid order');
      t.match(paid.payload, '<option value="paid" selected>');
      t.ok(urlsOf(paid.payload).includes('/api/v1/orders/export?paymentStatus=paid'), 'the export gets the filter');
      const pending = await vendor.get('/dashboard/orders?status=pending&paymentStatus=pending');
      t.match(pending.payload, `#${second.number}<`);
      t.notMatch(pending.payload, `#${first.number}<`);
      const odd = await vendor.get('/dashboard/orders?paymentStatus=%00bogus');
      t.equal(odd.statusCode, 200, 'a value the select cannot send is ignored');
      t.match(odd.payload, `#${first.number}<`);
    });
  });
}
