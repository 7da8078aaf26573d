import t from 'tap';
import Boom from '@hapi/boom';
import Hapi from '@hapi/hapi';
import { plugin } from '../src/index.js';
import { client, json, multipart, tinyPng } from './support/api.js';
import { serverVariants, sessionSecret, signUp } from './support/server.js';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open({ prefix: '/shop' });
    t.teardown(() => fixture.close());
    const { server } = fixture;
    // The host's own routes, beside the plugin.
    server.route([
      { method: 'GET', path: '/', handler: () => 'host home' },
      { method: 'POST', path: '/host-form', handler: (request) => ({ got: request.payload }) },
      { method: 'GET', path: '/host-boom', handler: () => { throw Boom.badRequest('host says no'); } },
      { method: 'GET', path: '/host-crash', handler: () => { throw new Error('host bug'); } },
    ]);

    t.test('the plugin sets no default auth strategy and leaves the host routes alone', async (t) => {
      t.notOk(server.auth.settings.default, 'no server-wide default strategy');
      const home = await server.inject('/');
      t.equal(home.statusCode, 200);
      t.equal(home.payload, 'host home');
      for (const header of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options']) {
        t.notOk(home.headers[header], `no ${header} on a host route`);
      }
      const form = await server.inject({ method: 'POST', url: '/host-form', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' });
      t.equal(form.statusCode, 200, 'a host form post needs no CSRF token and is not refused as non-JSON');
      t.same(json(form), { got: { a: '1' } });
      const boom = await server.inject('/host-boom');
      t.same(json(boom), { statusCode: 400, error: 'Bad Request', message: 'host says no' }, 'host errors are not remapped');
      const crash = await server.inject('/host-crash');
      t.equal(crash.statusCode, 500);
      t.notOk('code' in json(crash));
      t.notOk(crash.headers['content-security-policy']);
      const missing = await server.inject('/nowhere');
      t.equal(missing.statusCode, 404);
      t.notOk('code' in json(missing), "the host's 404 is the host's");
    });

    t.test('every plugin route is under the prefix, and nothing answers at the root', async (t) => {
      const routes = server.table().filter((route) => route.settings.tags?.includes('dukaan-kit'));
      t.ok(routes.length >= 20);
      for (const route of routes) t.match(route.path, /^\/shop\//, route.path);
      t.equal((await server.inject('/shop/healthz')).statusCode, 200);
      t.equal((await server.inject('/api/v1/openapi.json')).statusCode, 404);
      t.equal((await server.inject('/healthz')).statusCode, 404);
      const doc = json(await server.inject('/shop/api/v1/openapi.json'));
      t.same(doc.servers, [{ url: '/shop' }]);
      t.ok(doc.paths['/api/v1/products'], 'paths are relative to the server url');
    });

    t.test('the cookie path, the store link, redirects and image URLs follow the prefix', async (t) => {
      const vendor = await signUp(server, '/shop');
      t.match(vendor.setCookie, /; Path=\/shop(;|$)/);
      t.match(vendor.store.url, new RegExp(`/shop/${vendor.store.slug}$`));
      const api = client(server, vendor.headers, '/shop');
      t.equal((await api.get('/api/v1/me')).statusCode, 200);
      const product = await api.product();
      const body = multipart('file', 'a.png', tinyPng);
      const upload = await server.inject({ method: 'POST', url: `/shop/api/v1/products/${product.id}/images`, headers: { ...vendor.headers, ...body.headers }, payload: body.payload });
      t.equal(upload.statusCode, 201);
      t.match(json(upload).url, /^\/shop\/media\//);
      const newSlug = `${vendor.store.slug}-2`;
      t.match(json(await api.patch('/api/v1/store', { slug: newSlug })).url, new RegExp(`/shop/${newSlug}$`));
      const old = await server.inject(`/shop/api/v1/stores/${vendor.store.slug}`);
      t.equal(old.statusCode, 301);
      t.equal(old.headers.location, `/shop/api/v1/stores/${newSlug}`);
      const logout = await api.delete('/api/v1/session');
      t.match(String([logout.headers['set-cookie']].flat()[0]), /Path=\/shop/, 'the cookie is cleared on the same path');
    });

    // server.expose({ ... }) deep-clones through Hoek.merge; expose('dukaan', value) would not (src/index.ts).
    t.test("server.plugins['dukaan-kit'].dukaan is the very core, usable", async (t) => {
      const exposed = server.plugins['dukaan-kit'];
      t.equal(exposed.dukaan, fixture.dukaan);
      await t.resolves(exposed.dukaan.stores.get((await signUp(server, '/shop')).store.id), 'its use cases work');
      await t.resolves(exposed.dukaan.ready());
    });

    t.test("server.plugins['dukaan-kit'] exposes the prefix and the OpenAPI document", async (t) => {
      const exposed = server.plugins['dukaan-kit'];
      t.equal(exposed.prefix, '/shop');
      const doc = exposed.openApi();
      t.match(doc.openapi, /^3\./);
      t.ok(Object.keys(doc.paths).length > 10);
    });

    t.test("a host default strategy set afterwards does not reach the plugin's routes", async (t) => {
      server.auth.scheme('host-deny', () => ({ authenticate: (_request, h) => h.unauthenticated(Boom.unauthorized('host only')) }));
      server.auth.strategy('host', 'host-deny');
      server.auth.default('host');
      const vendor = await signUp(server, '/shop');
      t.equal((await server.inject(`/shop/api/v1/stores/${vendor.store.slug}`)).statusCode, 200, 'public routes stay public');
      t.equal((await client(server, vendor.headers, '/shop').get('/api/v1/store')).statusCode, 200, 'vendor routes keep their own strategies');
      t.equal((await server.inject('/shop/healthz')).statusCode, 200);
    });

    t.test('bad options fail registration with a message naming the option', async (t) => {
      const attempts: Array<[Record<string, unknown>, RegExp]> = [
        [{ dukaan: fixture.dukaan }, /sessionSecret.*required/],
        [{ dukaan: fixture.dukaan, sessionSecret: 'too short' }, /sessionSecret.*32/],
        [{ dukaan: fixture.dukaan, sessionSecret, colour: 'blue' }, /colour.*not allowed/],
        [{ dukaan: fixture.dukaan, sessionSecret, trustProxy: ['10.0.0.1', 'not-an-ip'] }, /trustProxy\[1\]/],
        [{ dukaan: fixture.dukaan, sessionSecret, rateLimits: { login: 1 } }, /rateLimits.*moved to createDukaan/],
        [{ dukaan: fixture.dukaan, sessionSecret, allowedHosts: ['shop.example', 'bad host'] }, /allowedHosts\[1\]/],
        [{ dukaan: fixture.dukaan, sessionSecret, publicUrl: 'ftp://x' }, /publicUrl/],
        [{ sessionSecret }, /dukaan.*required/],
        [{ dukaan: {}, sessionSecret }, /dukaan/],
      ];
      for (const [options, message] of attempts) {
        await t.rejects(Hapi.server().register({ plugin, options: options as never }), message, String(message));
        await t.rejects(Hapi.server().register({ plugin, options: options as never }), /Invalid "dukaan-kit" options/);
      }
    });

    t.test('the plugin registers once per server', async (t) => {
      await t.rejects(server.register({ plugin, options: { dukaan: fixture.dukaan, sessionSecret } }));
    });
  });
}
