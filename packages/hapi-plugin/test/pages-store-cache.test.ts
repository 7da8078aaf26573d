import t from 'tap';
import { Browser, crumbOf } from './support/pages.js';
import { client } from './support/api.js';
import { serverVariants, signUp } from './support/server.js';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;
    const vendor = await signUp(server);
    const api = client(server, vendor.headers);
    const chai = await api.product({ name: 'Masala Chai', price: 24900 });
    const url = `/${vendor.store.slug}`;

    t.test('every visitor gets the cached page with their own CSRF token', async (t) => {
      const first = new Browser(server);
      const second = new Browser(server);
      const a = await first.get(url);
      const b = await second.get(url);
      t.equal(a.statusCode, 200);
      const tokenA = crumbOf(a.payload);
      const tokenB = crumbOf(b.payload);
      t.ok(tokenA && tokenB && tokenA !== tokenB, 'two visitors, two tokens');
      t.equal(a.payload.split(tokenA ?? '').join('T'), b.payload.split(tokenB ?? '').join('T'), 'otherwise the same page');
      t.notMatch(a.payload, /dk[0-9a-f]{24}/, 'no marker left in the page');
      t.match(a.headers['content-type'], /text\/html; charset=utf-8/);
      const again = await first.get(url);
      t.equal(crumbOf(again.payload), tokenA, 'the same visitor keeps their token');
      const cart = await first.post(`${url}/cart`, { productId: chai.id, quantity: '1', action: 'add' });
      t.ok([200, 303].includes(cart.statusCode), 'the token from the cached page is accepted');
    });

    t.test('a change to the catalogue shows on the next visit', async (t) => {
      const visitor = new Browser(server);
      t.match((await visitor.get(url)).payload, /Masala Chai/);
      await api.patch(`/api/v1/products/${chai.id}`, { name: 'Kashmiri Kahwa' });
      const page = (await visitor.get(url)).payload;
      t.match(page, /Kashmiri Kahwa/);
      t.notMatch(page, /Masala Chai/);
    });

    t.test('a visitor with a cookie cart gets a page of their own', async (t) => {
      const visitor = new Browser(server);
      await visitor.get(url);
      await visitor.post(`${url}/cart`, { productId: chai.id, quantity: '2', action: 'add' });
      const page = (await visitor.get(url)).payload;
      t.match(page, /<span class="cart-count">2<\/span> items/, 'the cart count shows');
      const stranger = (await new Browser(server).get(url)).payload;
      t.notMatch(stranger, /<span class="cart-count">2</, 'and it does not leak into the cached page');
    });
  });
}
