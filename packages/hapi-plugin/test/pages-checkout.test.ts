import t from 'tap';
import { client, json } from './support/api.js';
import { Browser, idempotencyKeyOf } from './support/pages.js';
import { customer, serverVariants, signUp } from './support/server.js';

// The page checkout posts the lines and total it showed to the same orders.place as the API.
for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    const shopWithCart = async () => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const chai = await api.product({ name: 'Masala Chai', price: 14900, stock: 10 });
      const browser = new Browser(server);
      await browser.get(`/${vendor.store.slug}`);
      await browser.post(`/${vendor.store.slug}/cart`, { productId: chai.id, quantity: '1', action: 'add' });
      const page = await browser.get(`/${vendor.store.slug}/checkout`);
      return { vendor, api, chai, browser, page, slug: vendor.store.slug };
    };

    t.test('a changed price is shown, not charged: 409 with the current cart and a message', async (t) => {
      const { api, chai, browser, slug } = await shopWithCart();
      t.equal(browser.checkoutForm.expectedTotal, '14900', 'the page sends the total it showed');
      await api.patch(`/api/v1/products/${chai.id}`, { price: 19900 });
      const answer = await browser.post(`/${slug}/checkout`, { ...customer, idempotencyKey: idempotencyKeyOf(browser.last?.payload ?? '') ?? '' });
      t.equal(answer.statusCode, 409);
      t.match(answer.payload, 'Prices have changed since you opened checkout');
      t.match(answer.payload, 'name="expectedTotal" value="19900"', 'the re-rendered page shows the new total');
      t.equal(json(await api.get('/api/v1/orders')).items.length, 0, 'nothing placed');
      const again = await browser.post(`/${slug}/checkout`, { ...customer, idempotencyKey: idempotencyKeyOf(answer.payload) ?? '' });
      t.equal(again.statusCode, 303, 'placed once the customer has seen the new total');
    });

    t.test('a resubmitted form is the same request: the first order, even after the cart changed', async (t) => {
      const { api, chai, browser, slug } = await shopWithCart();
      const form = { ...customer, idempotencyKey: idempotencyKeyOf(browser.last?.payload ?? '') ?? '' };
      const shown = { ...browser.checkoutForm };
      const first = await browser.post(`/${slug}/checkout`, form);
      t.equal(first.statusCode, 303);
      await browser.post(`/${slug}/cart`, { productId: chai.id, quantity: '3', action: 'add' });
      const second = await browser.post(`/${slug}/checkout`, { ...form, ...shown });
      t.equal(second.statusCode, 303);
      t.equal(second.headers.location, first.headers.location, 'the same order');
      t.equal(json(await api.get('/api/v1/orders')).items.length, 1);
    });

    t.test('a key reused with other details: 409, a fresh key and a message', async (t) => {
      const { browser, slug } = await shopWithCart();
      const key = idempotencyKeyOf(browser.last?.payload ?? '') ?? '';
      const shown = { ...browser.checkoutForm };
      t.equal((await browser.post(`/${slug}/checkout`, { ...customer, idempotencyKey: key })).statusCode, 303);
      const reused = await browser.post(`/${slug}/checkout`, { ...customer, ...shown, name: 'Someone Else', idempotencyKey: key });
      t.equal(reused.statusCode, 409);
      t.match(reused.payload, 'already used for another order');
      t.not(idempotencyKeyOf(reused.payload), key, 'a fresh key to try again with');
    });

    t.test('over the checkout limit: the page again with 429 and Retry-After, from the shared presenter', async (t) => {
      const limited = await fixture.sibling({ limits: { checkout: 1 } });
      const vendor = await signUp(limited.server);
      const chai = await client(limited.server, vendor.headers).product({ name: 'Masala Chai', price: 14900, stock: 10 });
      // A fresh address per run: the Redis counters outlive the process.
      const address = `198.51.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
      const order = async () => {
        const browser = new Browser(limited.server, address);
        await browser.get(`/${vendor.store.slug}`);
        await browser.post(`/${vendor.store.slug}/cart`, { productId: chai.id, quantity: '1', action: 'add' });
        await browser.get(`/${vendor.store.slug}/checkout`);
        return browser.post(`/${vendor.store.slug}/checkout`, { ...customer, idempotencyKey: idempotencyKeyOf(browser.last?.payload ?? '') ?? '' });
      };
      t.equal((await order()).statusCode, 303);
      const refused = await order();
      t.equal(refused.statusCode, 429);
      t.ok(Number(refused.headers['retry-after']) > 0, 'Retry-After as the API sends it');
      t.match(refused.payload, 'Too many tries');
      t.match(refused.headers['content-type'], /text\/html/);
    });
  });
}
