import { createHmac } from 'node:crypto';
import t from 'tap';
import { client, json } from './support/api.js';
import { Browser, multipartBody } from './support/pages.js';
import { serverVariants, sessionSecret, signUp } from './support/server.js';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('a page with a form sets the CSRF cookie; the crumb is the HMAC of it', async (t) => {
      const browser = new Browser(server);
      const page = await browser.get('/login');
      t.equal(page.statusCode, 200);
      const setCookie = [page.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('dukaan_csrf='));
      t.ok(setCookie, 'the cookie is set');
      t.match(setCookie, /HttpOnly/);
      t.match(setCookie, /SameSite=Lax/);
      t.match(setCookie, /Path=\//);
      const cookie = browser.cookies.get('dukaan_csrf') ?? '';
      t.equal(browser.crumb, createHmac('sha256', sessionSecret).update(cookie).digest('base64url'));
      const again = await browser.get('/signup');
      t.notOk([again.headers['set-cookie'] ?? []].flat().some((c) => c.startsWith('dukaan_csrf=')), 'kept, not renewed, while the browser has one');
      t.equal(browser.crumb, createHmac('sha256', sessionSecret).update(cookie).digest('base64url'));
    });

    t.test('form posts without, with a wrong or with another cookie\'s crumb get 403; the right one works', async (t) => {
      const vendor = await signUp(server);
      const product = await client(server, vendor.headers).product();
      const slug = vendor.store.slug;
      const browser = new Browser(server);
      await browser.get(`/${slug}`);
      const fields = { productId: product.id, quantity: '1', action: 'add' };

      const none = await browser.post(`/${slug}/cart`, fields, { crumb: null });
      t.equal(none.statusCode, 403);
      t.match(none.headers['content-type'], /text\/html/);
      t.match(none.payload, 'This form has expired');
      t.notOk([none.headers['set-cookie'] ?? []].flat().some((c) => c.startsWith('dukaan_cart=')), 'the cart was not touched');

      t.equal((await browser.post(`/${slug}/cart`, fields, { crumb: 'x'.repeat(43) })).statusCode, 403, 'wrong crumb');
      const other = new Browser(server);
      await other.get('/login');
      t.equal((await browser.post(`/${slug}/cart`, fields, { crumb: other.crumb })).statusCode, 403, "another browser's crumb");
      const noCookie = new Browser(server);
      t.equal((await noCookie.post(`/${slug}/cart`, fields, { crumb: browser.crumb })).statusCode, 403, 'a crumb without its cookie');

      const ok = await browser.post(`/${slug}/cart`, fields);
      t.equal(ok.statusCode, 303);
      t.ok([ok.headers['set-cookie'] ?? []].flat().some((c) => c.startsWith('dukaan_cart=')));
    });

    t.test('dashboard forms (urlencoded and multipart) need the crumb too; the JSON API never does', async (t) => {
      const vendor = await signUp(server);
      const browser = new Browser(server);
      browser.cookies.set('dukaan_session', vendor.cookie.split('=')[1] ?? '');
      await browser.get('/dashboard/categories');
      const without = await browser.post('/dashboard/categories', { name: 'Snacks' }, { crumb: null });
      t.equal(without.statusCode, 403);
      const { payload, contentType } = multipartBody({ name: vendor.store.slug, slug: vendor.store.slug, currency: 'INR', deliveryFee: '0' });
      const multipart = await server.inject({ method: 'POST', url: '/dashboard/settings', payload, headers: { 'content-type': contentType, cookie: `dukaan_session=${browser.cookies.get('dukaan_session')}; dukaan_csrf=${browser.cookies.get('dukaan_csrf')}` } });
      t.equal(multipart.statusCode, 403, 'multipart without crumb');
      t.equal(json(await client(server, vendor.headers).get('/api/v1/categories')).items.length, 0, 'nothing was created');

      const withCrumb = await browser.post('/dashboard/categories', { name: 'Snacks' });
      t.equal(withCrumb.statusCode, 303);
      t.equal(json(await client(server, vendor.headers).get('/api/v1/categories')).items.length, 1);

      const api = await server.inject({ method: 'POST', url: '/api/v1/categories', headers: vendor.headers, payload: { name: 'Drinks' } });
      t.equal(api.statusCode, 201, 'the JSON API takes no crumb');
      const form = await server.inject({ method: 'POST', url: '/api/v1/categories', headers: { ...vendor.headers, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=Evil' });
      t.equal(form.statusCode, 415, 'and no form bodies');
    });

    t.test('a page post with a JSON body is refused (415 page), so a crumb cannot be skipped that way', async (t) => {
      const browser = new Browser(server);
      await browser.get('/login');
      const response = await server.inject({ method: 'POST', url: '/login', payload: { email: 'a@b.co', password: 'x' }, headers: { cookie: `dukaan_csrf=${browser.cookies.get('dukaan_csrf')}` } });
      t.equal(response.statusCode, 415);
      t.match(response.headers['content-type'], /text\/html/);
    });
  });
}
