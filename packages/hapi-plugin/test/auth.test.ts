import t from 'tap';
import { brokenCache, client, errorOf, json } from './support/api.js';
import { serverVariants, signUp } from './support/server.js';

const storeFields = [
  'autoAcceptOrders', 'codFee', 'currency', 'defaultTaxRate', 'deliveryFee', 'deliveryMethods', 'description', 'freeDeliveryAbove', 'gstin', 'id', 'isOpen',
  'locale', 'logoUrl', 'minOrderValue', 'name', 'newOrderEmails', 'packagingFee', 'paymentMethods', 'phone', 'pickupAddress', 'pricesIncludeTax', 'serviceArea', 'slug', 'state',
  'timeZone', 'upiId', 'url',
];
const someId = '00000000-0000-4000-8000-000000000000';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('sign-up answers 201 with the vendor, the store and an HttpOnly, SameSite=Lax session cookie', async (t) => {
      const response = await server.inject({
        method: 'POST',
        url: '/api/v1/vendors',
        payload: { email: ' Priya@Example.com ', password: 'long enough', storeName: 'Priya Pickles', phone: '98765 43210' },
      });
      t.equal(response.statusCode, 201);
      const body = json(response);
      t.same(Object.keys(body).sort(), ['store', 'vendor']);
      t.same(Object.keys(body.vendor).sort(), ['email', 'id', 'locale']);
      t.equal(body.vendor.email, 'priya@example.com');
      t.same(Object.keys(body.store).sort(), storeFields);
      t.match(body.store, { name: 'Priya Pickles', phone: '+919876543210', currency: 'INR', isOpen: true, autoAcceptOrders: false });
      t.match(body.store.slug, /^priya-pickles/, 'a slug is made from the store name');
      const cookie = String([response.headers['set-cookie']].flat()[0]);
      t.match(cookie, /^dukaan_session=[^;]{20,}/);
      t.match(cookie, /HttpOnly/);
      t.match(cookie, /SameSite=Lax/);
      t.match(cookie, /Path=\//);
      t.notMatch(cookie, /Secure/, 'not behind TLS here');
      t.notMatch(response.payload, /long enough/, 'the password is never echoed');
    });

    t.test('log in with the right pair; 401 UNAUTHENTICATED for a wrong password or an unknown email', async (t) => {
      const vendor = await signUp(server);
      const logIn = (email: string, password: string) => server.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password } });
      const ok = await logIn(vendor.email.toUpperCase(), 'correct horse battery');
      t.equal(ok.statusCode, 200);
      t.same(Object.keys(json(ok)).sort(), ['store', 'vendor']);
      t.equal(json(ok).store.id, vendor.store.id);
      const cookie = String([ok.headers['set-cookie']].flat()[0]).split(';')[0] ?? '';
      t.equal((await server.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode, 200);

      const wrong = await logIn(vendor.email, 'incorrect horse');
      const unknown = await logIn(`nobody.${vendor.email}`, 'correct horse battery');
      for (const response of [wrong, unknown]) {
        t.equal(response.statusCode, 401);
        t.equal(errorOf(response).code, 'UNAUTHENTICATED');
        t.notOk(response.headers['set-cookie'], 'no cookie on a failed login');
      }
      t.equal(json(wrong).message, json(unknown).message, 'the answer does not tell whether the email exists');
    });

    t.test('GET /me answers the vendor and store, with the cookie or a bearer token', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const me = json(await api.get('/api/v1/me'));
      t.same(me.vendor, vendor.vendor);
      t.same(Object.keys(me.store).sort(), storeFields);
      const token = await api.post('/api/v1/tokens', { name: 'ci' });
      t.equal(token.statusCode, 201);
      t.same(Object.keys(json(token)).sort(), ['createdAt', 'id', 'name', 'token']);
      t.equal(json(token).name, 'ci');
      const viaToken = await server.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${json(token).token}` } });
      t.same(json(viaToken), me);
    });

    t.test('every authenticated route answers 401 with no credentials, a bad token or a forged cookie', async (t) => {
      const routes = server.table().filter((route) => route.path.startsWith('/api/v1/') && route.settings.auth);
      t.ok(routes.length >= 18, `found ${routes.length} authenticated routes`);
      const attempts = [{}, { authorization: 'Bearer dk_not-a-real-token' }, { authorization: 'Basic dXNlcjpwYXNz' }, { cookie: 'dukaan_session=forged-session-token' }];
      for (const route of routes) {
        for (const headers of attempts) {
          const response = await server.inject({ method: route.method, url: route.path.replace('{id}', someId), headers, ...(route.method === 'get' || route.method === 'delete' ? {} : { payload: {} }) });
          t.equal(response.statusCode, 401, `${route.method} ${route.path} ${Object.keys(headers).join() || 'no auth'}`);
          t.equal(errorOf(response).code, 'UNAUTHENTICATED');
        }
      }
    });

    t.test('logout answers 204, clears the cookie and revokes the session server-side', async (t) => {
      const vendor = await signUp(server);
      const other = await signUp(server);
      const logout = await server.inject({ method: 'DELETE', url: '/api/v1/session', headers: vendor.headers });
      t.equal(logout.statusCode, 204);
      t.match(String([logout.headers['set-cookie']].flat()[0]), /^dukaan_session=;.*Max-Age=0/);
      const after = await server.inject({ url: '/api/v1/me', headers: vendor.headers });
      t.equal(after.statusCode, 401, 'the old cookie is dead');
      t.equal(errorOf(after).code, 'UNAUTHENTICATED');
      t.equal((await server.inject({ url: '/api/v1/me', headers: other.headers })).statusCode, 200, 'other sessions live on');
      t.equal((await server.inject({ method: 'DELETE', url: '/api/v1/session', headers: vendor.headers })).statusCode, 401, 'logging out twice is not possible');
    });

    t.test('a session revoked on one instance is dead on another sharing the database and cache', async (t) => {
      const second = await fixture.sibling();
      const vendor = await signUp(server);
      t.equal((await second.server.inject({ url: '/api/v1/me', headers: vendor.headers })).statusCode, 200, 'instance B knows the session (and caches it)');
      t.equal((await server.inject({ method: 'DELETE', url: '/api/v1/session', headers: vendor.headers })).statusCode, 204);
      t.equal((await second.server.inject({ url: '/api/v1/me', headers: vendor.headers })).statusCode, 401, 'instance B refuses it now');
    });

    t.test('a cache outage logs nobody out: sessions and tokens live in the database', async (t) => {
      const vendor = await signUp(server);
      const token = json(await client(server, vendor.headers).post('/api/v1/tokens', { name: 'cli' })).token as string;
      const cacheless = await fixture.sibling({ cache: brokenCache() });
      t.equal((await cacheless.server.inject({ url: '/api/v1/me', headers: vendor.headers })).statusCode, 200);
      t.equal((await cacheless.server.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
    });

    t.test('an API token works like the cookie until it is revoked; revoking it twice is 404', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const created = json(await api.post('/api/v1/tokens', { name: 'deploy' }));
      t.match(created.token, /^dk_/);
      const bearer = client(server, { authorization: `Bearer ${created.token}` });
      t.equal((await bearer.post('/api/v1/categories', { name: 'Spices' })).statusCode, 201, 'writes too');
      t.equal((await bearer.get('/api/v1/store')).statusCode, 200);
      t.equal((await api.delete(`/api/v1/tokens/${created.id}`)).statusCode, 204);
      const after = await bearer.get('/api/v1/store');
      t.equal(after.statusCode, 401);
      t.equal(errorOf(after).code, 'UNAUTHENTICATED');
      const again = await api.delete(`/api/v1/tokens/${created.id}`);
      t.equal(again.statusCode, 404);
      t.equal(errorOf(again).code, 'NOT_FOUND');
    });

    t.test('a duplicate email or slug at sign-up is 409 CONFLICT', async (t) => {
      const vendor = await signUp(server);
      const sameEmail = await server.inject({
        method: 'POST',
        url: '/api/v1/vendors',
        payload: { email: vendor.email.toUpperCase(), password: 'long enough', storeName: 'Another' },
      });
      t.equal(sameEmail.statusCode, 409);
      t.equal(errorOf(sameEmail).code, 'CONFLICT');
      const sameSlug = await server.inject({
        method: 'POST',
        url: '/api/v1/vendors',
        payload: { email: `other.${vendor.email}`, password: 'long enough', storeName: 'Another', slug: vendor.store.slug },
      });
      t.equal(sameSlug.statusCode, 409);
      t.equal(errorOf(sameSlug).code, 'CONFLICT');
    });
  });
}
