// Issue 14: the store and product pages in the customer's language, the cached store page keyed
// by it (never a page in another language than its visitor's), the cookie cart's steppers, and
// GET /{slug}/cart.
import t from 'tap';
import { Browser, crumbOf } from './support/pages.js';
import { client } from './support/api.js';
import { serverVariants, signUp } from './support/server.js';

const langOf = (html: string) => /<html lang="(\w+)"/.exec(html)?.[1];

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;
    const vendor = await signUp(server);
    const api = client(server, vendor.headers);
    const chai = await api.product({ name: 'Masala Chai', price: 24900, stock: 5 });
    await api.product({ name: 'Kesar Kulfi', price: 9950, stock: 0 });
    await api.product({ name: 'Ginger Biscuits', price: 12000 });
    const url = `/${vendor.store.slug}`;

    t.test('an English-cached page is never served to a Hindi visitor, nor a Hindi one to an English visitor', async (t) => {
      // Warm the shared page in English, twice, so the next English visit is the in-process fast path.
      const english = new Browser(server);
      t.equal(langOf((await english.get(url)).payload), 'en');
      t.equal(langOf((await english.get(url)).payload), 'en');

      const hindi = new Browser(server);
      const asked = await hindi.get(`${url}?lang=hi`);
      t.equal(langOf(asked.payload), 'hi', '?lang=hi: Hindi');
      t.match(asked.payload, 'कार्ट में डालें');
      t.notMatch(asked.payload, '>Add to cart', 'no English page served from the cache');
      t.match(String(asked.headers['set-cookie']), /dukaan_lang=hi/, 'the choice is remembered');
      // Now only the cookie says Hindi: the fast path must pick the Hindi page (twice: warm too).
      for (const round of [1, 2]) {
        const remembered = await hindi.get(url);
        t.equal(langOf(remembered.payload), 'hi', `cookie dukaan_lang=hi, visit ${round}: Hindi`);
        t.notMatch(remembered.payload, '>Add to cart');
      }
      // And the other way round: the Hindi page is cached and warm now, English visitors still get English.
      for (const visitor of [english, new Browser(server)]) {
        const page = await visitor.get(url);
        t.equal(langOf(page.payload), 'en', 'a visitor without a choice: the store\'s language, English');
        t.notMatch(page.payload, 'कार्ट में डालें');
      }
      const chosenEnglish = new Browser(server);
      await chosenEnglish.get(`${url}?lang=en`);
      t.equal(langOf((await chosenEnglish.get(url)).payload), 'en', 'cookie dukaan_lang=en: English');
      t.equal(langOf((await hindi.get(`${url}?page=1`)).payload), 'hi', 'with ?page= too');
      // Each visitor still gets their own token from the shared page.
      t.not(crumbOf((await hindi.get(url)).payload), crumbOf((await english.get(url)).payload));
    });

    t.test('the store page: the language chooser, the name once, sold-out last, delivery terms, prices without paise', async (t) => {
      const page = (await new Browser(server).get(url)).payload;
      t.match(page, 'class="lang-chooser"', 'the footer offers the other language');
      t.match(page, `href="${url}?lang=hi"`);
      t.notMatch(page, /\?[^"]*utm_source/, 'no visit\'s query in the shared links');
      const tracked = (await new Browser(server).get(`${url}?utm_source=x`)).payload;
      t.notMatch(tracked, 'utm_source=x&amp;lang', 'a tracked visit does not put its query into the cached page');
      t.match(page, /<h1 class="sr-only">[^<]+<\/h1>/, 'the heading is read out, not shown twice');
      const names = ['Masala Chai', 'Ginger Biscuits', 'Kesar Kulfi'].map((name) => page.indexOf(`>${name}</a>`));
      t.ok(names.every((i) => i > 0) && names[2]! > names[0]! && names[2]! > names[1]!, 'the sold-out product is last');
      t.equal(page.match(/Sold out/g)?.length, 1, 'one "Sold out"');
      t.match(page, '<span class="price-now">₹249</span>');
      t.match(page, '<span class="price-now">₹99.50</span>', 'paise when there are some');
    });

    t.test('no JavaScript: the steppers post to the cookie cart and the page shows "In cart (2)"', async (t) => {
      const visitor = new Browser(server);
      await visitor.get(url);
      await visitor.post(`${url}/cart`, { productId: chai.id, variantId: chai.id, quantity: '1', action: 'add' }, { headers: { referer: `http://localhost${url}` } });
      await visitor.post(`${url}/cart`, { productId: chai.id, variantId: chai.id, quantity: '2', action: 'set' }, { headers: { referer: `http://localhost${url}` } });
      const page = (await visitor.get(url)).payload;
      t.match(page, `<span class="tag tag-incart" data-cart-badge="${chai.id}">In cart (2)</span>`);
      t.match(page, /name="quantity" value="1" data-step="-1"/, '− would set 1');
      t.match(page, /name="quantity" value="3" data-step="1"/, '+ would set 3');
      const product = (await visitor.get(`${url}/p/masala-chai`)).payload;
      t.match(product, '<span class="step-long" data-cart-label>In cart (2)</span>', 'the product page shows it too');
      await visitor.post(`${url}/cart`, { productId: chai.id, variantId: chai.id, quantity: '0', action: 'set' });
      const emptied = (await visitor.get(url)).payload;
      t.notMatch(emptied, 'In cart (2)', 'the − at one empties the line');
      t.match(emptied, `data-cart-badge="${chai.id}" hidden>`, 'no badge');
    });

    t.test('GET /{slug}/cart: browsers go to the cart page (checkout); JSON only when asked for', async (t) => {
      const visitor = new Browser(server);
      await visitor.get(url);
      await visitor.post(`${url}/cart`, { productId: chai.id, variantId: chai.id, quantity: '2', action: 'add' });
      const browser = await visitor.get(`${url}/cart`, { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
      t.equal(browser.statusCode, 303);
      t.equal(browser.headers.location, `${url}/checkout`);
      t.notMatch(String(browser.headers['content-type']), /json/);
      const followed = await visitor.get(`${url}/checkout`);
      t.match(followed.headers['content-type'], /text\/html/);
      t.match(followed.payload, 'Masala Chai');
      const plain = await visitor.get(`${url}/cart`);
      t.equal(plain.statusCode, 303, 'no Accept at all: a browser too');
      const asJson = await visitor.get(`${url}/cart`, { accept: 'application/json' });
      t.equal(asJson.statusCode, 200);
      t.match(asJson.headers['content-type'], /application\/json/);
      t.match(String(asJson.headers.vary), /accept/i);
      const body = JSON.parse(asJson.payload) as { count: number; subtotal: number; currency: string; lines: Array<{ variantId: string; quantity: number }> };
      t.same({ count: body.count, subtotal: body.subtotal, currency: body.currency }, { count: 2, subtotal: 49800, currency: 'INR' });
      t.same(body.lines.map((l) => [l.variantId, l.quantity]), [[chai.id, 2]]);
      const nowhere = await visitor.get('/no-such-shop-here/cart');
      t.equal(nowhere.statusCode, 404);
      t.match(nowhere.headers['content-type'], /text\/html/, 'an unknown store is the friendly 404 page, not JSON');
    });
  });
}
