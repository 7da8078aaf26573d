// The customer side of issue 12: readable product links with their 301s, variants picked and
// bought without JavaScript, search, category pages, sold-out last and paging, on both databases.
import t from 'tap';
import { client, json } from './support/api.js';
import { Browser, urlsOf } from './support/pages.js';
import { customer, serverVariants, signUp } from './support/server.js';

/** Kaju Katli in two weights and two flavours; 1 kg Saffron is not sold, 250 g Plain is sold out. */
const katli = {
  name: 'Kaju Katli',
  description: 'Cashew fudge with silver leaf.',
  options: [
    { name: 'Weight', values: ['250 g', '500 g', '1 kg'] },
    { name: 'Flavour', values: ['Plain', 'Saffron'] },
  ],
  variants: [
    { options: { Weight: '250 g', Flavour: 'Plain' }, price: 25000, stock: 0, sku: 'KK-250-P' },
    { options: { Weight: '250 g', Flavour: 'Saffron' }, price: 28000, stock: 10, sku: 'KK-250-S' },
    { options: { Weight: '500 g', Flavour: 'Plain' }, price: 48000, compareAtPrice: 52000, stock: 4, sku: 'KK-500-P' },
    { options: { Weight: '500 g', Flavour: 'Saffron' }, price: 54000, stock: 10, sku: 'KK-500-S' },
    { options: { Weight: '1 kg', Flavour: 'Plain' }, price: 90000, stock: null, sku: 'KK-1K-P' },
  ],
};

interface VariantView {
  id: string;
  options: Record<string, string>;
  stock: number | null;
}

/** Creates a product with options (no top-level price: each variant has its own). */
async function withOptions(api: ReturnType<typeof client>, fields: Record<string, unknown> = {}) {
  const response = await api.post('/api/v1/products', { ...katli, ...fields });
  if (response.statusCode !== 201) throw new Error(`product failed: ${response.payload}`);
  return json(response);
}

const variantOf = (product: { variants: VariantView[] }, weight: string, flavour: string) =>
  product.variants.find((v) => v.options['Weight'] === weight && v.options['Flavour'] === flavour)!;

/** The cards of a store page, by product name, in order. */
const cardNames = (html: string) => [...html.matchAll(/<h2 class="card-title"><a href="[^"]*">([^<]+)<\/a>/g)].map((m) => m[1]);

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('product links: the slug is current; an earlier slug and the id answer 301; hidden and junk are 404', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const slug = vendor.store.slug;
      const product = await api.product({ name: 'Soan Papdi' });
      t.equal(product.slug, 'soan-papdi');
      t.equal((await server.inject(`/${slug}/p/soan-papdi`)).statusCode, 200);

      t.equal((await api.patch(`/api/v1/products/${product.id}`, { name: 'Soan Papdi Deluxe' })).statusCode, 200);
      const renamed = json(await api.get(`/api/v1/products/${product.id}`));
      t.equal(renamed.slug, 'soan-papdi-deluxe', 'renaming makes a new slug');
      const old = await server.inject(`/${slug}/p/soan-papdi?o1=x`);
      t.equal(old.statusCode, 301, 'the earlier slug still leads to the product');
      t.equal(old.headers.location, `/${slug}/p/soan-papdi-deluxe?o1=x`, 'query kept');
      const byId = await server.inject(`/${slug}/p/${product.id}`);
      t.equal(byId.statusCode, 301);
      t.equal(byId.headers.location, `/${slug}/p/soan-papdi-deluxe`);
      const upper = await server.inject(`/${slug}/p/SOAN-PAPDI-DELUXE`);
      t.equal(upper.statusCode, 301, 'another case is the same link');
      t.equal(upper.headers.location, `/${slug}/p/soan-papdi-deluxe`);
      const page = await server.inject(`/${slug}/p/soan-papdi-deluxe`);
      t.equal(page.statusCode, 200);
      t.match(page.payload, '<h1>Soan Papdi Deluxe</h1>');

      // A Hindi name keeps its letters; the link is percent-encoded.
      const hindi = await api.product({ name: 'काजू कतली' });
      const hindiPage = await server.inject(`/${slug}/p/${encodeURIComponent(hindi.slug)}`);
      t.equal(hindiPage.statusCode, 200, hindi.slug);

      await api.patch(`/api/v1/products/${product.id}`, { active: false });
      for (const ref of ['soan-papdi-deluxe', 'soan-papdi', product.id]) {
        const hidden = await server.inject(`/${slug}/p/${ref}`);
        t.equal(hidden.statusCode, 404, `hidden: ${ref}`);
        t.match(hidden.payload, 'This product is not here any more');
      }
      for (const junk of ['%00', 'a%00b', 'x'.repeat(5000), '..%2F..%2Fetc', '00000000-0000-4000-8000-000000000000', 'no-such-thing']) {
        const res = await server.inject(`/${slug}/p/${junk}`);
        t.ok([400, 404].includes(res.statusCode), `${junk.slice(0, 20)}: ${res.statusCode}`);
        t.match(res.headers['content-type'], /text\/html/, junk.slice(0, 20));
      }
      // Broken percent-encoding is refused by hapi before any route: a 400, never a 500.
      t.equal((await server.inject(`/${slug}/p/%E0%A4`)).statusCode, 400);
    });

    t.test('no JavaScript: pick options with a GET form, add that variant, check out; the order shows it and only its stock moves', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const slug = vendor.store.slug;
      const product = await withOptions(api);
      t.equal(product.variants.length, 5);
      const plain500 = variantOf(product, '500 g', 'Plain');

      const browser = new Browser(server);
      const store = await browser.get(`/${slug}`);
      t.match(store.payload, /<span class="price-from">from <\/span><span class="price-now">₹250<\/span>/, 'the card says "from" the lowest price');
      t.match(store.payload, new RegExp(`<a class="btn btn-secondary btn-add" href="/${slug}/p/kaju-katli">Choose options`), 'a product with options is chosen on its page');

      const opened = await browser.get(`/${slug}/p/kaju-katli`);
      t.match(opened.payload, /<input type="radio" name="o1" value="250 g" checked/, 'the first variant in stock is picked: 250 g…');
      t.match(opened.payload, /<input type="radio" name="o2" value="Saffron" checked/, '…Saffron');
      t.match(opened.payload, /<form method="get" action="\/[^"]+\/p\/kaju-katli" class="variant-form">/);
      t.match(opened.payload, /value="Plain"[^>]*\/><span>Plain<span class="sr-only"> \(sold out\)<\/span>/, '250 g Plain shows as sold out');

      const chosen = await browser.get(`/${slug}/p/kaju-katli?o1=500+g&o2=Plain`);
      t.equal(chosen.statusCode, 200);
      t.match(chosen.payload, /<span class="price-now">₹480<\/span> <s class="price-mrp"><span class="sr-only">MRP <\/span>₹520<\/s>/, 'its price and MRP');
      t.match(chosen.payload, 'Only 4 left');
      t.match(chosen.payload, `<input type="hidden" name="variantId" value="${plain500.id}"/>`);

      const unavailable = await browser.get(`/${slug}/p/kaju-katli?o1=1+kg&o2=Saffron`);
      t.match(unavailable.payload, 'This combination is not available.');
      t.notMatch(unavailable.payload, 'data-cart-add', 'nothing to add');
      t.match(unavailable.payload, /value="Saffron" checked[^>]*\/><span>Saffron<span class="sr-only"> \(not available\)/);
      t.equal((await browser.get(`/${slug}/p/kaju-katli?v=${variantOf(product, '1 kg', 'Plain').id}`)).payload.includes('₹900'), true, '?v= picks by id');

      // A form without a variant (a product with options) leads to the product page to choose.
      const unchosen = await browser.post(`/${slug}/cart`, { productId: product.id, quantity: '1', action: 'add' });
      t.equal(unchosen.statusCode, 303);
      t.equal(unchosen.headers.location, `/${slug}/p/kaju-katli`);
      // A variant of another product is not this product's.
      const other = await api.product({ name: 'Plain thing' });
      const wrong = await browser.post(`/${slug}/cart`, { productId: other.id, variantId: plain500.id, quantity: '1', action: 'add' });
      t.equal(wrong.headers.location, `/${slug}/p/plain-thing`);

      const referer = `http://localhost/${slug}/p/kaju-katli?o1=500+g&o2=Plain`;
      const added = await browser.post(`/${slug}/cart`, { productId: product.id, variantId: plain500.id, quantity: '2', action: 'add' }, { headers: { referer } });
      t.equal(added.statusCode, 303);
      t.equal(added.headers.location, `/${slug}/p/kaju-katli?o1=500+g&o2=Plain`, 'back to the same choice');
      await browser.post(`/${slug}/cart`, { productId: product.id, variantId: variantOf(product, '500 g', 'Saffron').id, quantity: '1', action: 'add' });

      const checkout = await browser.get(`/${slug}/checkout`);
      t.match(checkout.payload, '<p class="line-variant">Weight: 500 g, Flavour: Plain</p>');
      t.match(checkout.payload, '<p class="line-variant">Weight: 500 g, Flavour: Saffron</p>');
      t.match(checkout.payload, `name="item" value="${product.id}:${plain500.id}:2"`);

      const placed = await browser.post(`/${slug}/checkout`, { ...customer, idempotencyKey: /name="idempotencyKey" value="([^"]+)"/.exec(checkout.payload)![1]! });
      t.equal(placed.statusCode, 303, placed.payload.slice(0, 300));
      const orderPage = await browser.get(placed.headers.location as string);
      t.match(orderPage.payload, /Kaju Katli<span class="line-variant">Weight: 500 g, Flavour: Plain<\/span>/);

      const after = json(await api.get(`/api/v1/products/${product.id}`));
      t.equal(variantOf(after, '500 g', 'Plain').stock, 2, 'its stock moved');
      t.equal(variantOf(after, '500 g', 'Saffron').stock, 9);
      t.equal(variantOf(after, '250 g', 'Saffron').stock, 10, 'its siblings did not');
      const token = /orders\/([^?]+)/.exec(placed.headers.location as string)![1]!;
      const tracked = json(await server.inject(`/api/v1/stores/${slug}/orders/${token}`));
      t.same(tracked.items.map((i: { variantId: string; options: Record<string, string> }) => [i.variantId, i.options]), [
        [plain500.id, { Weight: '500 g', Flavour: 'Plain' }],
        [variantOf(product, '500 g', 'Saffron').id, { Weight: '500 g', Flavour: 'Saffron' }],
      ]);
    });

    t.test('a cart cookie from before variants (keyed by product id) still names the default variant', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const tea = await api.product({ name: 'Old Tea', price: 10000 });
      const cookie = Buffer.from(JSON.stringify({ [tea.id]: 3 })).toString('base64url');
      const page = await server.inject({ url: `/${vendor.store.slug}/checkout`, headers: { cookie: `dukaan_cart=${cookie}` } });
      t.match(page.payload, `name="item" value="${tea.id}:${tea.id}:3"`);
      // And an old checkout form (`<productId>:<quantity>`) still places its order.
      const browser = new Browser(server);
      // An empty cart shows no form: this browser has the old cookie too.
      browser.cookies.set('dukaan_cart', cookie);
      await browser.get(`/${vendor.store.slug}/checkout`);
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(browser.last!.payload)![1]!;
      const placed = await browser.post(`/${vendor.store.slug}/checkout`, { ...customer, idempotencyKey: key, item: [`${tea.id}:1`], expectedTotal: '' });
      t.equal(placed.statusCode, 303, placed.payload.slice(0, 200));
    });

    t.test('the store page: search box, category pages, sold-out last, 48 a page with a "Load more" link', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const slug = vendor.store.slug;
      const sweets = await api.category('Sweets');
      await api.product({ name: 'Gulab Jamun', stock: 0, categoryId: sweets.id });
      await api.product({ name: 'Rasgulla', categoryId: sweets.id, description: 'Soft and spongy' });
      await api.product({ name: 'Namkeen Mix', sku: 'NM-200' });

      const home = await server.inject(`/${slug}`);
      t.same(cardNames(home.payload), ['Rasgulla', 'Namkeen Mix', 'Gulab Jamun'], 'the sold-out product last (newest first otherwise)');
      t.match(home.payload, new RegExp(`<form class="search" method="get" action="/${slug}" role="search">`));
      t.match(home.payload, new RegExp(`<a class="chip" href="/${slug}/c/${sweets.id}">Sweets</a>`));

      const category = await server.inject(`/${slug}/c/${sweets.id}`);
      t.same(cardNames(category.payload), ['Rasgulla', 'Gulab Jamun']);
      t.match(category.payload, new RegExp(`<a class="chip" href="/${slug}/c/${sweets.id}" aria-current="page">`));
      t.match(category.payload, '<title>Sweets · ');
      t.equal((await server.inject(`/${slug}/c/00000000-0000-4000-8000-000000000000`)).statusCode, 404);
      t.equal((await server.inject(`/${slug}/c/%00`)).statusCode, 404);

      const searched = await server.inject(`/${slug}?q=SPONGY`);
      t.same(cardNames(searched.payload), ['Rasgulla'], 'the description matches, any case');
      t.match(searched.payload, '1 product for “SPONGY”');
      t.match(searched.payload, '<meta name="robots" content="noindex"');
      t.same(cardNames((await server.inject(`/${slug}?q=nm-200`)).payload), ['Namkeen Mix'], 'the SKU matches');
      t.same(cardNames((await server.inject(`/${slug}/c/${sweets.id}?q=namkeen`)).payload), [], 'within the category only');
      const none = await server.inject(`/${slug}?q=${encodeURIComponent('<b>x</b>')}`);
      t.match(none.payload, 'Nothing matches “&lt;b>x&lt;/b>”');
      t.equal((await server.inject(`/${slug}?q=${'a'.repeat(10_000)}`)).statusCode, 200, 'a huge query is cut, not an error');
      t.equal((await server.inject(`/${slug}?q=%00%00`)).statusCode, 200);

      for (let i = 0; i < 50; i++) await api.product({ name: `Barfi ${i}`, price: 1000 + i });
      const first = await server.inject(`/${slug}`);
      t.equal(cardNames(first.payload).length, 48);
      t.match(first.payload, new RegExp(`<a class="btn btn-secondary load-more" href="/${slug}\\?page=2">Load more</a>`));
      t.equal((first.payload.match(/loading="lazy"/g) ?? []).length, 0, 'no pictures yet (placeholders)');
      const second = await server.inject(`/${slug}?page=2`);
      t.same(cardNames(second.payload).slice(-1), ['Gulab Jamun'], 'the sold-out one on the last page');
      t.equal(cardNames(second.payload).length, 5);
      t.notMatch(second.payload, 'load-more', 'no more after the last page');
      t.match(second.payload, 'Back to the first page');
      for (const bad of ['3', '0', '-1', 'abc', '999999999']) t.equal((await server.inject(`/${slug}?page=${bad}`)).statusCode, 404, `page ${bad}`);
      const searchedPage = await server.inject(`/${slug}?q=barfi`);
      t.match(searchedPage.payload, new RegExp(`href="/${slug}\\?q=barfi&amp;page=2">Load more`), 'the search is kept when paging');
    });

    t.test('GET /api/v1/stores/{slug}/products: search, category, sold-out last, cursor pages, validation', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const slug = vendor.store.slug;
      const sweets = await api.category('Sweets');
      await withOptions(api, { categoryId: sweets.id });
      await api.product({ name: 'Out of stock laddoo', stock: 0, categoryId: sweets.id });
      for (let i = 0; i < 5; i++) await api.product({ name: `Chikki ${i}`, description: 'Peanut and jaggery' });

      const bySku = json(await server.inject(`/api/v1/stores/${slug}/products?q=kk-500-s`));
      t.same(bySku.items.map((p: { name: string }) => p.name), ['Kaju Katli'], 'a variant SKU finds its product');
      t.equal(bySku.total, 1);
      t.equal(bySku.nextCursor, null);
      t.equal(bySku.items[0].priceVaries, true);
      t.equal(bySku.items[0].variants.length, 5);

      const inCategory = json(await server.inject(`/api/v1/stores/${slug}/products?category=${sweets.id}`));
      t.same(inCategory.items.map((p: { name: string }) => p.name), ['Kaju Katli', 'Out of stock laddoo'], 'sold-out last');

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await server.inject(`/api/v1/stores/${slug}/products?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        t.equal(res.statusCode, 200);
        const body = json(res);
        t.equal(body.total, 7);
        seen.push(...body.items.map((p: { name: string }) => p.name));
        cursor = body.nextCursor;
        pages += 1;
      } while (cursor && pages < 10);
      t.equal(pages, 3);
      t.equal(new Set(seen).size, 7, 'every product once');
      t.equal(seen.at(-1), 'Out of stock laddoo');

      const refused = [
        ['cursor=forged', 'cursor'],
        ['limit=101', 'limit'],
        ['limit=0', 'limit'],
        [`q=${'a'.repeat(101)}`, 'q'],
        ['q=a%00b', 'q'],
        ['category=not-an-id', 'category'],
        ['other=1', 'other'],
      ];
      for (const [query, path] of refused) {
        const res = await server.inject(`/api/v1/stores/${slug}/products?${query}`);
        t.equal(res.statusCode, 400, query!.slice(0, 30));
        t.match(json(res), { code: 'VALIDATION_FAILED', details: [{ path }] });
      }
      const noCategory = await server.inject(`/api/v1/stores/${slug}/products?category=00000000-0000-4000-8000-000000000000`);
      t.equal(noCategory.statusCode, 404);
      t.equal((await server.inject('/api/v1/stores/no-such-store-here/products')).statusCode, 404);

      const newSlug = `${slug}-moved`;
      await api.patch('/api/v1/store', { slug: newSlug });
      const moved = await server.inject(`/api/v1/stores/${slug}/products?q=chikki&limit=2`);
      t.equal(moved.statusCode, 301);
      t.equal(moved.headers.location, `/api/v1/stores/${newSlug}/products?q=chikki&limit=2`);
    });

    t.test('every URL on the new pages is under the store', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      await withOptions(api);
      const page = await server.inject(`/${vendor.store.slug}/p/kaju-katli`);
      const local = urlsOf(page.payload).filter((u) => u.startsWith('/') && !u.startsWith('/static/'));
      t.ok(local.length > 0);
      for (const url of local) t.ok(url.startsWith(`/${vendor.store.slug}`) || url === '/', url);
    });
  });
}
