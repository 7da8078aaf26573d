// Returns and reasons over HTTP: `POST /api/v1/orders/{id}/status {status, reason?}`, the
// dashboard's reason field (a plain form post), the customer's page, and the vendor's
// "Message on WhatsApp" link.
import t from 'tap';
import { client, errorOf, json, placeOrder } from './support/api.js';
import { Browser } from './support/pages.js';
import { serverVariants } from './support/server.js';

let n = 0;

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open({ plugin: { publicUrl: 'https://shop.example.com' } });
    t.teardown(() => fixture.close());
    const { server } = fixture;

    /** A vendor signed up through the form (a browser and an API client on its session), with one product (stock 10). */
    async function shop() {
      const browser = new Browser(server);
      await browser.get('/signup');
      const email = `returns${++n}.${process.pid}@example.com`;
      const signup = await browser.post('/signup', { email, password: 'correct horse battery', storeName: `Returns Shop ${n}`, slug: '' });
      if (signup.statusCode !== 303) throw new Error(`signup failed: ${signup.payload.slice(0, 300)}`);
      const headers = { cookie: `dukaan_session=${browser.cookies.get('dukaan_session')}` };
      const api = client(server, headers);
      const store = json(await api.get('/api/v1/me')).store as { id: string; slug: string; name: string };
      const product = await api.product({ name: 'Masala Chai', stock: 10 });
      const stock = async () => json(await api.get(`/api/v1/products/${product.id}`)).stock as number;
      const order = async (path: string[] = []) => {
        const placed = json(await placeOrder(server, store.slug, [{ productId: product.id, quantity: 2 }]));
        for (const status of path) await api.post(`/api/v1/orders/${placed.id}/status`, { status });
        return placed as { id: string; token: string; number: number };
      };
      return { browser, api, store, stock, order };
    }

    t.test('API: a shipped order is returned with a reason; the stock comes back; the customer reads the reason', async (t) => {
      const { api, store, stock, order } = await shop();
      const placed = await order(['accepted', 'shipped']);
      t.equal(await stock(), 8);
      const returned = await api.post(`/api/v1/orders/${placed.id}/status`, { status: 'returned', reason: ' Refused at the door ' });
      t.equal(returned.statusCode, 200);
      t.match(json(returned), { status: 'returned', statusReason: 'Refused at the door' });
      t.match(json(returned).history.at(-1), { status: 'returned', reason: 'Refused at the door' });
      t.same(json(returned).history.slice(0, -1).map((h: { reason: unknown }) => h.reason), [null, null, null]);
      t.equal(await stock(), 10, 'the stock is back');
      const tracking = json(await server.inject(`/api/v1/stores/${store.slug}/orders/${placed.token}`));
      t.equal(tracking.statusReason, 'Refused at the door', 'the customer API carries it');
      t.notOk('history' in tracking, 'but not the history');
      const page = await server.inject(`/${store.slug}/orders/${placed.token}`);
      t.match(page.payload, /Reason[^:<]*: Refused at the door/);
      t.notMatch(page.payload, 'ready', 'no cash to keep ready');
      const again = await api.post(`/api/v1/orders/${placed.id}/status`, { status: 'returned' });
      t.equal(again.statusCode, 409);
      t.equal(errorOf(again).code, 'INVALID_TRANSITION');
      t.equal(await stock(), 10, 'not twice');
    });

    t.test('API: a reason only with cancelled, rejected or returned, at most 200 characters, no NUL: 400 otherwise', async (t) => {
      const { api, order } = await shop();
      const placed = await order();
      const refused = async (payload: Record<string, unknown>) => {
        const response = await api.post(`/api/v1/orders/${placed.id}/status`, payload);
        t.equal(response.statusCode, 400, JSON.stringify(payload).slice(0, 60));
        return errorOf(response);
      };
      t.match(await refused({ status: 'accepted', reason: 'because' }), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'reason', message: 'A reason can only be given to cancel, reject or return an order' }],
      });
      t.match(await refused({ status: 'rejected', reason: 'x'.repeat(201) }), { details: [{ path: 'reason' }] });
      t.match(await refused({ status: 'rejected', reason: 'a\u0000b' }), { details: [{ path: 'reason' }] });
      t.match(await refused({ status: 'rejected', reason: ['a'] }), { details: [{ path: 'reason' }] });
      t.equal(json(await api.get(`/api/v1/orders/${placed.id}`)).status, 'pending', 'nothing moved');
      const accepted = await api.post(`/api/v1/orders/${placed.id}/status`, { status: 'accepted', reason: '' });
      t.equal(accepted.statusCode, 200, 'an empty reason is no reason');
      const cancelled = await api.post(`/api/v1/orders/${placed.id}/status`, { status: 'cancelled', reason: 'Customer asked' });
      t.match(json(cancelled), { status: 'cancelled', statusReason: 'Customer asked' });
    });

    t.test('dashboard: cancel, reject and return ask first, with a reason the customer sees; a bad one comes back beside its field', async (t) => {
      const { browser, api, store, order } = await shop();
      const placed = await order(['accepted', 'shipped']);
      const detail = await browser.get(`/dashboard/orders/${placed.id}`);
      t.match(detail.payload, '<div data-island-root="confirm-stop"><button type="submit" name="status" value="returned"');
      // Without JavaScript the button posts without `confirmed`: the page asks, nothing moves.
      const asked = await browser.post(`/dashboard/orders/${placed.id}/status`, { status: 'returned' });
      t.equal(asked.statusCode, 200);
      t.match(asked.payload, `Mark order #${placed.number} as returned?`);
      t.match(asked.payload, '<input type="hidden" name="confirmed" value="1"/>');
      t.match(asked.payload, 'id="confirm-reason"');
      t.match(json(await api.get(`/api/v1/orders/${placed.id}`)), { status: 'shipped' }, 'nothing moved before confirming');
      const tooLong = await browser.post(`/dashboard/orders/${placed.id}/status`, { status: 'returned', reason: 'y'.repeat(201), confirmed: '1' });
      t.equal(tooLong.statusCode, 400);
      t.match(tooLong.payload, /<p class="field-error" id="confirm-reason-error">Reason length must be less than or equal to 200 characters long<\/p>/, 'the message under the reason field');
      t.match(tooLong.payload, `>${'y'.repeat(201)}</textarea>`, 'the reason as typed');
      const wrongMove = await browser.post(`/dashboard/orders/${placed.id}/status`, { status: 'delivered', reason: 'oops' });
      t.equal(wrongMove.statusCode, 400);
      t.match(wrongMove.payload, 'A reason can only be given to cancel, reject or return an order');
      const returned = await browser.post(`/dashboard/orders/${placed.id}/status`, { status: 'returned', reason: 'Return to origin', confirmed: '1' }, { headers: { referer: `http://localhost/dashboard/orders/${placed.id}/status` } });
      t.equal(returned.statusCode, 303);
      t.equal(returned.headers.location, `/dashboard/orders/${placed.id}?done=status`, 'from the confirm page, back to the order (not to the post-only address)');
      const after = await browser.get(`/dashboard/orders/${placed.id}`);
      t.match(after.payload, '<span class="status status-returned">Returned</span>');
      t.match(after.payload, 'Reason: Return to origin');
      t.match(json(await api.get(`/api/v1/orders/${placed.id}`)), { status: 'returned', statusReason: 'Return to origin' });
      const plain = await order();
      t.equal((await browser.post(`/dashboard/orders/${plain.id}/status`, { status: 'rejected', reason: '', confirmed: '1' })).statusCode, 303, 'the reason is optional');
      const tracking = await server.inject(`/${store.slug}/orders/${plain.token}`);
      t.match(tracking.payload, 'could not take this order');
      t.notMatch(tracking.payload, 'Reason:');
      const explained = await order();
      const rejected = await browser.post(`/dashboard/orders/${explained.id}/status`, { status: 'rejected', reason: 'Out of stock till Monday', confirmed: '1' }, { headers: { referer: 'http://localhost/dashboard' } });
      t.equal(rejected.headers.location, '/dashboard?done=status', 'the dialog on the home page: back home');
      const seen = await server.inject(`/${store.slug}/orders/${explained.token}`);
      t.match(seen.payload, 'Out of stock till Monday', 'the customer reads the reason on their order page');
    });

    t.test('dashboard: "Message on WhatsApp" opens a chat prefilled with the number, status and tracking link', async (t) => {
      const { browser, store, order } = await shop();
      const placed = await order(['accepted']);
      const detail = await browser.get(`/dashboard/orders/${placed.id}`);
      const link = /<a href="(https:\/\/wa\.me\/[^"]+)" target="_blank" rel="noopener">Message on WhatsApp<\/a>/.exec(detail.payload);
      t.ok(link, 'the link, in a new tab without an opener');
      const url = new URL((link?.[1] ?? '').replace(/&amp;/g, '&'));
      t.equal(url.pathname, '/919876543210', 'the E.164 number without +');
      const text = url.searchParams.get('text') ?? '';
      t.match(text, `#${placed.number}`);
      t.match(text, 'accepted');
      t.match(text, `https://shop.example.com/${store.slug}/orders/${placed.token}`, 'the tracking link from publicUrl');
      t.equal((await server.inject(`https://shop.example.com/${store.slug}/orders/${placed.token}`.replace('https://shop.example.com', ''))).statusCode, 200, 'which opens');
    });
  });
}
