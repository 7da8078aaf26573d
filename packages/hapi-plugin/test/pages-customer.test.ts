import t from 'tap';
import { loadAssetManifest } from '@dukaan-kit/storefront-ui';
import { client, json, multipart, tinyPng } from './support/api.js';
import { Browser, idempotencyKeyOf, urlsOf } from './support/pages.js';
import { customer, serverVariants, signUp } from './support/server.js';

const xss = '<script>alert(1)</script>';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('static assets: hashed files with an immutable cache; unknown paths 404, nothing outside the directory', async (t) => {
      const { css, js } = loadAssetManifest();
      const cssResponse = await server.inject(`/static/${css}`);
      t.equal(cssResponse.statusCode, 200);
      t.equal(cssResponse.headers['cache-control'], 'public, max-age=31536000, immutable');
      t.match(cssResponse.headers['content-type'], /text\/css/);
      const jsResponse = await server.inject(`/static/${js}`);
      t.equal(jsResponse.statusCode, 200);
      t.match(jsResponse.headers['content-type'], /javascript/);
      t.equal(jsResponse.headers['cache-control'], 'public, max-age=31536000, immutable');
      const missing = await server.inject('/static/nope.css');
      t.equal(missing.statusCode, 404);
      t.notMatch(String(missing.headers['cache-control']), /immutable/);
      const traversal = await server.inject('/static/..%2Fpackage.json');
      t.ok([403, 404].includes(traversal.statusCode), `no file outside the asset directory (${traversal.statusCode})`);
    });

    t.test('uploaded images are served from mediaDir with a long cache and nosniff', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const product = await api.product({ name: 'Pictured' });
      const upload = multipart('file', 'p.png', tinyPng, 'image/png');
      const uploaded = await server.inject({ method: 'POST', url: `/api/v1/products/${product.id}/images`, headers: { ...vendor.headers, ...upload.headers }, payload: upload.payload });
      t.equal(uploaded.statusCode, 201);
      const image = await server.inject(json(uploaded).url);
      t.equal(image.statusCode, 200);
      t.match(image.headers['content-type'], /image\/jpeg/, 'uploads are stored resized, as JPEG and WebP');
      t.equal(image.headers['cache-control'], 'public, max-age=31536000, immutable');
      t.equal(image.headers['x-content-type-options'], 'nosniff');
    });

    t.test('the store page: products with escaped names, Open Graph tags, category filter', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const tea = await api.category('Tea');
      await api.product({ name: xss, price: 24900, compareAtPrice: 29900, categoryId: tea.id });
      await api.product({ name: 'Ginger Biscuits', price: 9900 });
      await api.product({ name: 'Hidden thing', price: 100, active: false });
      await api.patch('/api/v1/store', { description: 'Fresh teas & more' });
      const page = await server.inject(`/${vendor.store.slug}`);
      t.equal(page.statusCode, 200);
      t.match(page.headers['content-type'], /^text\/html; charset=utf-8/);
      t.match(page.headers['content-security-policy'], /default-src 'self'/);
      t.notOk(page.payload.includes(xss), 'the product name is not markup');
      t.ok(page.payload.includes('&lt;script>alert(1)&lt;/script>'), 'it shows as text');
      t.match(page.payload, 'Ginger Biscuits');
      t.notMatch(page.payload, 'Hidden thing');
      t.match(page.payload, /<meta property="og:title" content="Shop \d+"/);
      t.match(page.payload, /<meta property="og:description" content="Fresh teas &amp; more"/);
      t.match(page.payload, new RegExp(`<meta property="og:url" content="http://[^"]+/${vendor.store.slug}"`));
      t.match(page.payload, /<span class="price-now">₹249<\/span>/, 'a whole price without paise');
      t.match(String(page.headers['set-cookie']), /dukaan_csrf=[\w-]+;.*HttpOnly.*SameSite=Lax/);
      const oldLink = await server.inject(`/${vendor.store.slug}?category=${tea.id}`);
      t.equal(oldLink.statusCode, 301, 'the link from before categories had their own URL moves');
      t.equal(oldLink.headers.location, `/${vendor.store.slug}/c/${tea.id}`);
      const filtered = await server.inject(`/${vendor.store.slug}/c/${tea.id}`);
      t.equal(filtered.statusCode, 200);
      t.notMatch(filtered.payload, 'Ginger Biscuits', 'only the category');
    });

    t.test('the product page has its own Open Graph tags; an unknown product is a friendly 404', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const product = await api.product({ name: 'Cardamom Tea', description: 'Green cardamom and Assam.' });
      const upload = multipart('file', 'p.png', tinyPng, 'image/png');
      await server.inject({ method: 'POST', url: `/api/v1/products/${product.id}/images`, headers: { ...vendor.headers, ...upload.headers }, payload: upload.payload });
      t.equal(product.slug, 'cardamom-tea');
      const byId = await server.inject(`/${vendor.store.slug}/p/${product.id}`);
      t.equal(byId.statusCode, 301, 'the id link from before slugs moves to the slug');
      t.equal(byId.headers.location, `/${vendor.store.slug}/p/cardamom-tea`);
      const page = await server.inject(`/${vendor.store.slug}/p/cardamom-tea`);
      t.equal(page.statusCode, 200);
      t.match(page.payload, new RegExp(`<link rel="canonical" href="http://[^"]+/${vendor.store.slug}/p/cardamom-tea"`));
      t.match(page.payload, '<meta property="og:type" content="product"');
      t.match(page.payload, /<meta property="og:image" content="http:\/\/[^"]+\/media\/[^"]+"/);
      t.match(page.payload, 'Green cardamom and Assam.');
      const missing = await server.inject(`/${vendor.store.slug}/p/00000000-0000-4000-8000-000000000000`);
      t.equal(missing.statusCode, 404);
      t.match(missing.headers['content-type'], /text\/html/);
      t.match(missing.payload, '<h1>This product is not here any more</h1>');
      t.match(missing.payload, `<header class="shop-header"><a class="shop-brand" href="/${vendor.store.slug}">`, "inside the store's own page");
      t.match(missing.payload, `<a class="btn btn-primary" href="/${vendor.store.slug}">Continue shopping</a>`, 'the way back to the store');
      t.notMatch(missing.payload, '/login', 'never the vendor login');
      t.equal(missing.headers['cache-control'], 'no-store');
      const hindi = await server.inject(`/${vendor.store.slug}/p/no-such-thing?lang=hi`);
      t.equal(hindi.statusCode, 404);
      t.match(hindi.payload, 'यह प्रोडक्ट अब यहाँ नहीं है');
      t.match(hindi.payload, 'class="lang-chooser"', 'with the language chooser');
    });

    t.test('an old slug answers 301 to the new one; an unknown slug is a friendly 404 page', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const product = await api.product();
      const newSlug = `${vendor.store.slug}-new`;
      t.equal((await api.patch('/api/v1/store', { slug: newSlug })).statusCode, 200);
      const moved = await server.inject(`/${vendor.store.slug}?category=x`);
      t.equal(moved.statusCode, 301);
      t.equal(moved.headers.location, `/${newSlug}?category=x`);
      const movedProduct = await server.inject(`/${vendor.store.slug}/p/${product.id}`);
      t.equal(movedProduct.statusCode, 301);
      t.equal(movedProduct.headers.location, `/${newSlug}/p/${product.slug}`, 'one hop: the new store slug and the product slug');
      t.equal((await server.inject(`/${newSlug}`)).statusCode, 200);

      for (const url of ['/no-such-shop-here', '/x', '/favicon.ico', '/no-such-shop-here/checkout']) {
        const missing = await server.inject(url);
        t.equal(missing.statusCode, 404, url);
        t.match(missing.headers['content-type'], /text\/html/, url);
        t.match(missing.payload, 'We couldn’t find that page');
      }
      const literal = await server.inject('/healthz');
      t.equal(literal.statusCode, 200, 'literal routes win over /{slug}');
    });

    t.test('no-JS flow: add to cart -> checkout lists it -> bad phone (400) -> fixed -> order page', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const chai = await api.product({ name: 'Masala Chai', price: 24900, stock: 5 });
      const slug = vendor.store.slug;
      const browser = new Browser(server);
      const store = await browser.get(`/${slug}`);
      t.equal(store.statusCode, 200);
      t.ok(browser.crumb, 'the page carries a crumb');

      const added = await browser.post(`/${slug}/cart`, { productId: chai.id, quantity: '2', action: 'add' }, { headers: { referer: `http://localhost/${slug}` } });
      t.equal(added.statusCode, 303);
      t.equal(added.headers.location, `/${slug}`, 'back to the store page');
      t.match(String(added.headers['set-cookie']), new RegExp(`dukaan_cart=[\\w-]+;.*Path=/${slug}`));
      t.match((await browser.get(`/${slug}`)).payload, /"count":2/, 'the cart bar knows the count');

      // Adding more than the stock is capped at the stock.
      await browser.post(`/${slug}/cart`, { productId: chai.id, quantity: '9', action: 'add' });
      const checkout = await browser.get(`/${slug}/checkout`);
      t.equal(checkout.statusCode, 200);
      t.match(checkout.payload, 'Masala Chai');
      t.match(checkout.payload, /name="quantity"[^>]*value="5"/, 'capped at the 5 in stock');
      t.match(checkout.headers['cache-control'], /no-store/);

      const setTwo = await browser.post(`/${slug}/cart`, { productId: chai.id, quantity: '2', action: 'set' }, { headers: { referer: `http://localhost/${slug}/checkout` } });
      t.equal(setTwo.headers.location, `/${slug}/checkout`);
      const page = await browser.get(`/${slug}/checkout`);
      t.match(page.payload, /name="quantity"[^>]*value="2"/);
      const removed = await browser.post(`/${slug}/cart`, { productId: chai.id, quantity: '0', action: 'remove' });
      t.equal(removed.statusCode, 303);
      t.match((await browser.get(`/${slug}/checkout`)).payload, 'Your cart is empty');
      await browser.post(`/${slug}/cart`, { productId: chai.id, quantity: '2', action: 'add' });
      const page2 = await browser.get(`/${slug}/checkout`);
      t.match(page2.payload, /name="quantity"[^>]*value="2"/);
      const key = idempotencyKeyOf(page2.payload);
      t.ok(key, 'a fresh idempotency key');

      const form = { name: customer.name, phone: '12345', email: '', address: customer.address, pincode: customer.pincode, note: 'Ring twice', paymentMethod: 'cod', idempotencyKey: key ?? '' };
      const bad = await browser.post(`/${slug}/checkout`, form);
      t.equal(bad.statusCode, 400);
      t.match(bad.payload, /id="checkout-phone"[^>]*aria-invalid="true"/);
      t.match(bad.payload, /id="checkout-phone-error">Enter a 10-digit mobile number/);
      t.match(bad.payload, 'value="Asha Rao"', 'values kept');
      t.match(bad.payload, 'Ring twice');

      const good = await browser.post(`/${slug}/checkout`, { ...form, phone: customer.phone, idempotencyKey: idempotencyKeyOf(bad.payload) ?? '' });
      t.equal(good.statusCode, 303);
      t.match(good.headers.location, new RegExp(`^/${slug}/orders/[\\w-]+\\?placed=1$`));
      t.match(String(good.headers['set-cookie']), /dukaan_cart=;/, 'the cart is cleared');
      const orderPage = await browser.get(good.headers.location as string);
      t.equal(orderPage.statusCode, 200);
      t.match(orderPage.payload, '#1001');
      t.match(orderPage.payload, 'Masala Chai');
      const orders = json(await api.get('/api/v1/orders'));
      t.equal(orders.items.length, 1);
      t.same(orders.items[0].items.map((i: { quantity: number }) => i.quantity), [2]);
      t.equal(orders.items[0].customer.phone, '+919876543210');

      t.equal((await browser.get(`/${slug}/orders/not-a-real-token-123`)).statusCode, 404);
      const emptyPage = await browser.get(`/${slug}/checkout`);
      t.notMatch(emptyPage.payload, 'id="checkout-form"', 'an empty cart shows no form to post');
      // A form kept from before (another tab, the back button) still places nothing.
      const empty = await browser.post(`/${slug}/checkout`, { ...form, phone: customer.phone, item: [] });
      t.equal(empty.statusCode, 400, 'the cart is empty now');
      t.match(empty.payload, 'Your cart is empty');
    });

    t.test('checkout: the same idempotency key twice gives one order; a closed store says so', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const mug = await api.product({ name: 'Mug', price: 19900 });
      const slug = vendor.store.slug;
      const browser = new Browser(server);
      await browser.get(`/${slug}`);
      await browser.post(`/${slug}/cart`, { productId: mug.id, quantity: '1', action: 'add' });
      const page = await browser.get(`/${slug}/checkout`);
      const form = { ...customer, email: '', note: '', paymentMethod: 'cod', idempotencyKey: idempotencyKeyOf(page.payload) ?? '' };
      const cookies = new Map(browser.cookies);
      const first = await browser.post(`/${slug}/checkout`, form);
      t.equal(first.statusCode, 303);
      for (const [k, v] of cookies) browser.cookies.set(k, v); // a resubmit from the same page
      const second = await browser.post(`/${slug}/checkout`, form);
      t.equal(second.headers.location, first.headers.location, 'the same order');
      t.equal(json(await api.get('/api/v1/orders')).items.length, 1);

      await api.patch('/api/v1/store', { isOpen: false });
      await browser.post(`/${slug}/cart`, { productId: mug.id, quantity: '1', action: 'add' });
      const closed = await browser.post(`/${slug}/checkout`, { ...form, idempotencyKey: 'another-key-1' });
      t.equal(closed.statusCode, 409);
      t.match(closed.payload, /class="alert alert-error error-summary"/);
      t.match(closed.payload, 'is closed right now');
    });

    t.test('page errors are friendly HTML pages: a 500 says nothing inside, a 413 and a bad cart post too', async (t) => {
      const vendor = await signUp(server);
      const product = await client(server, vendor.headers).product();
      const slug = vendor.store.slug;
      const browser = new Browser(server);
      await browser.get(`/${slug}`);

      const tooBig = await browser.post(`/${slug}/cart`, { productId: product.id, quantity: '1', action: 'add', filler: 'x'.repeat(70 * 1024) });
      t.equal(tooBig.statusCode, 413);
      t.match(tooBig.headers['content-type'], /text\/html/);
      t.match(tooBig.payload, 'too large to send');
      const unknown = await browser.post(`/${slug}/cart`, { productId: '00000000-0000-4000-8000-000000000000', quantity: '1', action: 'add' });
      t.equal(unknown.statusCode, 404);
      t.match(unknown.payload, 'does not have this product');
      const badAction = await browser.post(`/${slug}/cart`, { productId: product.id, quantity: '1', action: 'explode' });
      t.equal(badAction.statusCode, 400);
      t.match(badAction.headers['content-type'], /text\/html/);

      const { storefront } = fixture.dukaan;
      const { view, viewById, peekCached, cachedIfPresent } = storefront;
      const failing = async (): Promise<never> => {
        throw new Error('connect to postgres://user:hunter2@db failed');
      };
      storefront.view = failing;
      storefront.viewById = failing;
      // The page was rendered above, and a current cached page is answered without reading the
      // store: take those hits away so the visit reads the (failing) store.
      storefront.peekCached = () => undefined;
      storefront.cachedIfPresent = async () => undefined;
      const restore = () => {
        Object.assign(storefront, { view, viewById, peekCached, cachedIfPresent });
      };
      t.teardown(restore);
      const broken = await server.inject(`/${slug}`);
      restore();
      t.equal(broken.statusCode, 500);
      t.match(broken.headers['content-type'], /text\/html/);
      t.match(broken.payload, 'Something went wrong');
      t.notMatch(broken.payload, 'hunter2');
      t.equal(broken.headers['x-frame-options'], 'DENY', 'security headers on error pages too');
      t.equal((await server.inject(`/${slug}`)).statusCode, 200);
    });

    t.test('checkout posts are rate limited per address like the API', async (t) => {
      const limited = await variant.open({ limits: { checkout: 2 } });
      t.teardown(() => limited.close());
      const vendor = await signUp(limited.server);
      const product = await client(limited.server, vendor.headers).product();
      const browser = new Browser(limited.server, '10.9.8.7');
      await browser.get(`/${vendor.store.slug}`);
      await browser.post(`/${vendor.store.slug}/cart`, { productId: product.id, quantity: '1', action: 'add' });
      await browser.get(`/${vendor.store.slug}/checkout`);
      const bad = { ...customer, phone: '1', idempotencyKey: 'k-rate-1' };
      const cookies = new Map(browser.cookies);
      t.equal((await browser.post(`/${vendor.store.slug}/checkout`, bad)).statusCode, 400);
      const placed = await browser.post(`/${vendor.store.slug}/checkout`, { ...bad, phone: customer.phone, idempotencyKey: 'k-rate-2' });
      t.equal(placed.statusCode, 303);
      for (const [k, v] of cookies) browser.cookies.set(k, v);
      const retry = await browser.post(`/${vendor.store.slug}/checkout`, { ...bad, phone: customer.phone, idempotencyKey: 'k-rate-2' });
      t.equal(retry.statusCode, 303, 'a resubmit of a placed order is answered without spending the budget');
      t.equal(retry.headers.location, placed.headers.location);
      for (const [k, v] of cookies) browser.cookies.set(k, v);
      t.equal((await browser.post(`/${vendor.store.slug}/checkout`, { ...bad, phone: customer.phone, idempotencyKey: 'k-rate-3' })).statusCode, 303, 'the 2nd new order');
      for (const [k, v] of cookies) browser.cookies.set(k, v);
      const third = await browser.post(`/${vendor.store.slug}/checkout`, { ...bad, phone: customer.phone, idempotencyKey: 'k-rate-4' });
      t.equal(third.statusCode, 429);
      t.ok(third.headers['retry-after']);
      t.match(third.payload, 'Too many tries');
    });
  });
}

t.test('under the prefix /shop every URL in a page starts with /shop', async (t) => {
  const variant = serverVariants()[0]!;
  const fixture = await variant.open({ prefix: '/shop' });
  t.teardown(() => fixture.close());
  const { server } = fixture;
  const vendor = await signUp(server, '/shop');
  const api = client(server, vendor.headers, '/shop');
  const tea = await api.category('Tea');
  const product = await api.product({ categoryId: tea.id, compareAtPrice: 99900 });
  const upload = multipart('file', 'p.png', tinyPng, 'image/png');
  await server.inject({ method: 'POST', url: `/shop/api/v1/products/${product.id}/images`, headers: { ...vendor.headers, ...upload.headers }, payload: upload.payload });
  const slug = vendor.store.slug;
  const browser = new Browser(server);
  await browser.get(`/shop/${slug}`);
  await browser.post(`/shop/${slug}/cart`, { productId: product.id, quantity: '1', action: 'add' });
  const checkout = await browser.get(`/shop/${slug}/checkout`);
  const placed = await browser.post(`/shop/${slug}/checkout`, { ...customer, idempotencyKey: idempotencyKeyOf(checkout.payload) ?? '' });
  t.equal(placed.statusCode, 303);
  t.match(placed.headers.location, new RegExp(`^/shop/${slug}/orders/`));
  const pages = [`/shop/${slug}`, `/shop/${slug}/c/${tea.id}`, `/shop/${slug}/p/${product.slug}`, `/shop/${slug}/checkout`, placed.headers.location as string, `/shop/no-such-store`];
  for (const url of pages) {
    const page = await browser.get(url);
    t.ok([200, 404].includes(page.statusCode), url);
    const local = urlsOf(page.payload).filter((u) => !/^(https?:|tel:|mailto:|data:|#)/.test(u));
    t.ok(local.length > 0, `${url} has links`);
    t.same(local.filter((u) => !u.startsWith('/shop/')), [], `${url}: every local URL starts with /shop/`);
    const absolute = urlsOf(page.payload).filter((u) => /^https?:/.test(u) && !u.startsWith('https://wa.me'));
    t.same(absolute.filter((u) => !/^http:\/\/[^/]+\/shop\//.test(u)), [], `${url}: absolute URLs too`);
  }
  t.match(String(placed.headers['set-cookie']), /Path=\/shop\//);
  t.equal((await server.inject(`/${slug}`)).statusCode, 404, 'nothing outside the prefix');
});
