import t from 'tap';
import { Browser, crumbOf } from './support/pages.js';
import { client } from './support/api.js';
import { serverVariants, signUp } from './support/server.js';
import { countViewReads } from './support/view-reads.js';

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

    t.test('a warm page is answered without reading the store view, with each visit its own origin and token', async (t) => {
      const visitor = new Browser(server);
      await visitor.get(url);
      await visitor.get(url);
      const views = countViewReads(t, fixture.dukaan);
      const origin = (host: string) => server.inject({ url, headers: { host } });
      const shop = await origin('shop.example');
      const other = await origin('other.example:8080');
      const shopAgain = await origin('shop.example');
      t.equal(views.count, 0, 'three warm hits, no store view read');
      t.match(shop.payload, /rel="canonical" href="https?:\/\/shop\.example\//, 'the origin of the visit');
      t.notMatch(shop.payload, /other\.example/);
      t.match(other.payload, /other\.example:8080/, 'another Host gets its own origin');
      t.notMatch(other.payload, /shop\.example/);
      t.equal(shopAgain.payload.split(crumbOf(shopAgain.payload) ?? '').join('T'), shop.payload.split(crumbOf(shop.payload) ?? '').join('T'), 'back to the first origin, the same page');
      t.notMatch(shop.payload, /dk[0-9a-f]{24}/, 'no marker left');
      views.reset();
      t.match((await visitor.get(`${url}?q=chai`)).payload, /<title>“chai” · /, 'a search is not the shared page');
      t.equal((await visitor.get(`${url}/c/00000000-0000-4000-8000-000000000000`)).statusCode, 404, 'a made-up category is still the friendly 404');
      t.equal((await visitor.get(`${url}?page=2`)).statusCode, 404, 'a page past the end is still a 404');
      t.ok(views.count >= 3, 'those took the full path');
    });

    t.test('another instance answers the page the first cached without reading the store view, until the catalogue changes', async (t) => {
      t.equal((await new Browser(server).get(url)).statusCode, 200, 'the first instance renders and caches the page');
      const other = await fixture.sibling();
      const views = countViewReads(t, other.dukaan);
      const visitor = new Browser(other.server);
      const page = await visitor.get(url);
      t.equal(page.statusCode, 200);
      t.equal(views.count, 0, 'a process with nothing of the store in memory answered from the shared cache');
      t.match(page.payload, /Kashmiri Kahwa/);
      t.notMatch(page.payload, /dk[0-9a-f]{24}/, 'no marker left');
      const token = crumbOf(page.payload);
      t.ok(token, 'the visitor has a CSRF token');
      const cart = await visitor.post(`${url}/cart`, { productId: chai.id, quantity: '1', action: 'add' });
      t.ok([200, 303].includes(cart.statusCode), 'which this instance accepts');
      await api.patch(`/api/v1/products/${chai.id}`, { name: 'Adrak Chai' });
      const changed = await new Browser(other.server).get(url);
      t.match(changed.payload, /Adrak Chai/, 'a catalogue change is a miss there too');
      t.ok(views.count > 0, 'and that miss read the view');
      const moved = await other.server.inject({ url: `${url}-nowhere` });
      t.equal(moved.statusCode, 404, 'a store that does not exist is still the friendly 404');
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
