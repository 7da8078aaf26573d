// Issue 14, points 1, 5 and 6 on the server: the cart cookie the browser script writes is the one
// the server renders checkout from (so the first paint is right without waiting for JavaScript),
// it is not HttpOnly while every other cookie is, the server says what it changed in the cart,
// the checkout's server messages and the order page come in the customer's language, and the
// order page shows one status word, each step's time, why a stopped order stopped, and how to
// reach the shop.
import t from 'tap';
import { client, json } from './support/api.js';
import { Browser } from './support/pages.js';
import { customer, serverVariants, signUp } from './support/server.js';

/** The cookie value islands/cart-storage.ts writes: base64url JSON `{ variantId: quantity }`. */
const scriptCookie = (cart: Record<string, number>) => Buffer.from(JSON.stringify(cart), 'utf8').toString('base64url');

/** The page without the islands' props (their texts as JSON): what the customer reads. */
const visible = (html: string) => html.replace(/<script type="application\/json"[^>]*>.*?<\/script>/gs, '');

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    const shop = async () => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      t.equal((await api.patch('/api/v1/store', { phone: '9876543210' })).statusCode, 200);
      const chai = await api.product({ name: 'Masala Chai', price: 14900, stock: 2 });
      const cups = await api.product({ name: 'Kulhad Cups', price: 9900, stock: 0 });
      return { vendor, api, chai, cups, slug: vendor.store.slug as string };
    };

    t.test('the cookie the script writes is what checkout renders first, cut to the stock left and said so', async (t) => {
      const { chai, cups, slug } = await shop();
      const cookie = `dukaan_cart=${scriptCookie({ [chai.id]: 5, [cups.id]: 1 })}`;
      const page = await server.inject({ method: 'GET', url: `/${slug}/checkout`, headers: { cookie } });
      t.equal(page.statusCode, 200);
      const html = visible(page.payload);
      t.notMatch(html, 'Your cart is empty', 'not the empty cart of a server that cannot see the cart');
      t.match(html, '<p class="line-name">Masala Chai</p>');
      t.match(html, /<input id="qty-[^"]+" type="number" name="quantity"[^>]*value="2"/, 'two: all that is left');
      t.match(html, 'Only 2 left, so your quantity is now 2 instead of 5.');
      t.match(html, 'Kulhad Cups is sold out and was taken out of your cart.');
      t.match(html, '<dd data-subtotal="true">₹298.00</dd>');
      t.match(html, `<input type="hidden" name="item" value="${chai.id}:${chai.id}:2"/>`, 'the no-JS form posts exactly that');
    });

    t.test('the cart cookie is not HttpOnly (the script keeps it in step); the others still are', async (t) => {
      const { chai, slug } = await shop();
      const browser = new Browser(server);
      await browser.get(`/${slug}`);
      const added = await browser.post(`/${slug}/cart`, { productId: chai.id, quantity: '1', action: 'add' });
      const cookies = [added.headers['set-cookie'] ?? []].flat();
      const cart = cookies.find((c) => c.startsWith('dukaan_cart='));
      t.ok(cart, 'the no-JS cart sets it');
      t.notMatch(cart ?? '', /HttpOnly/i, 'readable and writable by the page script');
      t.match(cart ?? '', new RegExp(`Path=/${slug}`), "on the store's own path");
      t.match(cart ?? '', /SameSite=Lax/);
      const home = await server.inject({ method: 'GET', url: `/${slug}` });
      const others = [home.headers['set-cookie'] ?? []].flat();
      t.ok(others.length > 0);
      for (const c of others) t.match(c, /HttpOnly/, `${c.split('=')[0]} stays HttpOnly`);
    });

    t.test('checkout in Hindi: ?lang=hi, the language links, and the server\'s own messages', async (t) => {
      const { chai, slug } = await shop();
      const cookie = `dukaan_cart=${scriptCookie({ [chai.id]: 1 })}`;
      const page = await server.inject({ method: 'GET', url: `/${slug}/checkout?lang=hi`, headers: { cookie } });
      t.match(page.payload, '<html lang="hi"');
      t.match(page.payload, '<h1>चेकआउट</h1>');
      t.match(page.payload, /ऑर्डर करें · ₹[\d,.]+<\/button>/);
      t.match(page.payload, `href="/${slug}/checkout?lang=en"`, 'a way back to English');
      const browser = new Browser(server);
      await browser.get(`/${slug}?lang=hi`);
      const empty = await browser.post(`/${slug}/checkout`, { ...customer, idempotencyKey: 'k' });
      t.equal(empty.statusCode, 400);
      t.match(empty.payload, 'आपका कार्ट खाली है', 'the remembered language, for a message only the server knows');
    });

    t.test('the no-JS form: a PIN code starting with 0 gets a person\'s sentence beside it and a summary link', async (t) => {
      const { chai, slug, api } = await shop();
      const browser = new Browser(server);
      await browser.get(`/${slug}`);
      await browser.post(`/${slug}/cart`, { productId: chai.id, quantity: '1', action: 'add' });
      await browser.get(`/${slug}/checkout`);
      const refused = await browser.post(`/${slug}/checkout`, { ...customer, pincode: '012345', idempotencyKey: 'k' });
      t.equal(refused.statusCode, 400);
      t.match(refused.payload, '<p class="field-error" id="checkout-pincode-error">An Indian PIN code never starts with 0. Check the first digit.</p>');
      t.match(refused.payload, '<a href="#checkout-pincode">PIN code</a>');
      t.notMatch(visible(refused.payload), 'must be', 'no rule-like wording');
      t.equal(json(await api.get('/api/v1/orders')).items.length, 0);
    });

    t.test('the order page: one status word, each step\'s time, a stopped order\'s reason and no cash asked, the shop\'s contact', async (t) => {
      const { api, chai, slug } = await shop();
      const browser = new Browser(server);
      await browser.get(`/${slug}`);
      await browser.post(`/${slug}/cart`, { productId: chai.id, quantity: '1', action: 'add' });
      await browser.get(`/${slug}/checkout`);
      const placed = await browser.post(`/${slug}/checkout`, { ...customer, idempotencyKey: '2b7c8a5e-7e0e-4f3a-9d7a-0c1e2f3a4b5c' });
      t.equal(placed.statusCode, 303, placed.payload.slice(0, 300));
      const location = String(placed.headers.location).replace('?placed=1', '');
      const fresh = await browser.get(location);
      t.match(fresh.payload, '<span class="status status-pending">Placed</span>');
      t.notMatch(visible(fresh.payload), 'Pending', 'one word for the status');
      t.match(fresh.payload, /Please keep ₹[\d,.]+ ready/);
      t.match(fresh.payload, /"url":"http:\/\/[^"]+\/orders\/[^"]+"/, 'the full link to copy or share');
      t.match(fresh.payload, /<a class="btn btn-secondary contact-call" href="tel:(\+91)?9876543210">Call \+91 98765 43210<\/a>/);
      t.match(fresh.payload, 'href="https://wa.me/919876543210?text=');

      const [order] = json(await api.get('/api/v1/orders')).items;
      t.equal((await api.post(`/api/v1/orders/${order.id}/status`, { status: 'accepted' })).statusCode, 200);
      const accepted = await browser.get(location);
      t.match(accepted.payload, '<span class="status status-accepted">Confirmed</span>');
      t.match(accepted.payload, /<li class="current" aria-current="step"><span class="tracker-word">Confirmed<\/span><time datetime="[^"]+">/, 'the step with its time');
      t.equal((await api.post(`/api/v1/orders/${order.id}/status`, { status: 'cancelled', reason: 'Shop closed for Diwali' })).statusCode, 200);
      const cancelled = await browser.get(`${location}?lang=hi`);
      t.match(cancelled.payload, '<span class="status status-cancelled">रद्द</span>');
      t.match(cancelled.payload, 'दुकान ने वजह बताई: Shop closed for Diwali');
      t.match(cancelled.payload, 'इसके लिए आपको कुछ भी नहीं देना है।');
      t.notMatch(cancelled.payload, 'तैयार रखें', 'no cash to keep ready');
      const missing = await browser.get(`/${slug}/orders/nope?lang=hi`);
      t.equal(missing.statusCode, 404);
      t.match(missing.payload, 'हमें यह ऑर्डर नहीं मिला');
    });
  });
}
