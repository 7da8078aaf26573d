import t from 'tap';
import { client, errorOf, json } from './support/api.js';
import { check, type Schema } from './support/json-schema.js';
import { serverVariants, signUp } from './support/server.js';

type Doc = Schema & { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>> };

const couponFields = [
  'active', 'code', 'createdAt', 'endsAt', 'firstOrderOnly', 'id', 'maxDiscount', 'minOrderValue', 'perPhoneLimit', 'startsAt',
  'status', 'type', 'updatedAt', 'usageLimit', 'usedCount', 'value',
];

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open({ limits: { checkout: 2 } });
    t.teardown(() => fixture.close());
    const { server } = fixture;
    const doc = json(await server.inject('/api/v1/openapi.json')) as Doc;
    let addresses = 0;
    const address = () => `203.0.113.${(addresses += 1)}`;

    /** The answer holds against the OpenAPI document's schema for its status. */
    const holds = (method: string, path: string, response: { statusCode: number; payload: string }) => {
      const documented = doc.paths[path]?.[method]?.responses[String(response.statusCode)];
      t.ok(documented, `${method} ${path} documents ${response.statusCode}`);
      const schema = documented?.content?.['application/json']?.schema;
      if (!schema) return t.equal(response.payload, '', `${method} ${path} ${response.statusCode}: no body`);
      t.same(check(schema, json(response), doc), [], `${method} ${path} ${response.statusCode} matches its schema`);
    };

    const checkCode = (slug: string, code: string, subtotal?: number, remoteAddress = address()) =>
      server.inject({ url: `/api/v1/stores/${slug}/coupons/${encodeURIComponent(code)}${subtotal === undefined ? '' : `?subtotal=${subtotal}`}`, remoteAddress });

    t.test('vendor CRUD: create, list, get, patch, delete, each as documented', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const created = await api.post('/api/v1/coupons', { code: 'save10', type: 'percent', value: 10, maxDiscount: 10000, minOrderValue: 50000, perPhoneLimit: 1 });
      t.equal(created.statusCode, 201);
      holds('post', '/api/v1/coupons', created);
      const coupon = json(created);
      t.same(Object.keys(coupon).sort(), couponFields, 'every field but the store');
      t.match(coupon, { code: 'SAVE10', status: 'active', usedCount: 0, active: true, startsAt: null });
      const list = await api.get('/api/v1/coupons');
      holds('get', '/api/v1/coupons', list);
      t.same(json(list).items.map((c: { code: string }) => c.code), ['SAVE10']);
      holds('get', '/api/v1/coupons/{id}', await api.get(`/api/v1/coupons/${coupon.id}`));
      const patched = await api.patch(`/api/v1/coupons/${coupon.id}`, { active: false });
      holds('patch', '/api/v1/coupons/{id}', patched);
      t.match(json(patched), { active: false, status: 'inactive' });
      const scheduled = await api.patch(`/api/v1/coupons/${coupon.id}`, { active: true, startsAt: '2099-01-01T00:00:00+05:30' });
      t.match(json(scheduled), { status: 'scheduled', startsAt: '2098-12-31T18:30:00.000Z' });
      const removed = await api.delete(`/api/v1/coupons/${coupon.id}`);
      holds('delete', '/api/v1/coupons/{id}', removed);
      t.equal(removed.statusCode, 204);
      const gone = await api.get(`/api/v1/coupons/${coupon.id}`);
      holds('get', '/api/v1/coupons/{id}', gone);
      t.equal(gone.statusCode, 404);
    });

    t.test('vendor errors: bad fields named, a taken code, another store, no credentials', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const bad = await api.post('/api/v1/coupons', { code: 'x', type: 'percent', value: 10.5, endsAt: 'soon' });
      holds('post', '/api/v1/coupons', bad);
      t.equal(bad.statusCode, 400);
      t.same(errorOf(bad).paths, ['code', 'endsAt', 'value']);
      const rules = await api.post('/api/v1/coupons', { code: 'FLAT', type: 'flat', value: 100, maxDiscount: 10 });
      t.equal(rules.statusCode, 400);
      t.match(errorOf(rules).details, [{ path: 'maxDiscount', message: /flat discount cannot have a maximum/ }]);
      await api.post('/api/v1/coupons', { code: 'TAKEN', type: 'flat', value: 100 });
      const taken = await api.post('/api/v1/coupons', { code: 'taken', type: 'flat', value: 200 });
      holds('post', '/api/v1/coupons', taken);
      t.equal(taken.statusCode, 409);
      t.match(errorOf(taken), { code: 'CONFLICT', details: [{ path: 'code' }] });
      const mine = json(await api.post('/api/v1/coupons', { code: 'MINE', type: 'flat', value: 100 }));
      const other = client(server, (await signUp(server)).headers);
      t.equal((await other.get(`/api/v1/coupons/${mine.id}`)).statusCode, 404);
      t.equal((await other.patch(`/api/v1/coupons/${mine.id}`, { value: 1 })).statusCode, 404);
      t.equal((await other.delete(`/api/v1/coupons/${mine.id}`)).statusCode, 404);
      t.same(json(await other.get('/api/v1/coupons')).items, [], "another store's list is its own");
      t.equal((await server.inject('/api/v1/coupons')).statusCode, 401);
    });

    t.test('public check: the terms for a live code in any case; 409 with reason and a sentence otherwise', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const slug = vendor.store.slug;
      await api.post('/api/v1/coupons', { code: 'SAVE10', type: 'percent', value: 10, maxDiscount: 10000, minOrderValue: 50000, perPhoneLimit: 1, firstOrderOnly: true });
      await api.post('/api/v1/coupons', { code: 'PAUSED', type: 'flat', value: 100, active: false });
      await api.post('/api/v1/coupons', { code: 'OVER', type: 'flat', value: 100, endsAt: '2020-01-01T00:00:00Z' });
      const ok = await checkCode(slug, 'save10', 60000);
      holds('get', '/api/v1/stores/{slug}/coupons/{code}', ok);
      t.equal(ok.statusCode, 200);
      t.same(json(ok), { coupon: { code: 'SAVE10', type: 'percent', value: 10, minOrderValue: 50000, maxDiscount: 10000, endsAt: null, firstOrderOnly: true } }, 'no counts, no limits');
      t.match(ok.headers['cache-control'], /no-store/);
      const short = await checkCode(slug, 'SAVE10', 35000);
      holds('get', '/api/v1/stores/{slug}/coupons/{code}', short);
      t.equal(short.statusCode, 409);
      t.same(json(short), {
        statusCode: 409, error: 'Conflict', code: 'COUPON_NOT_APPLICABLE', reason: 'below_minimum', message: 'Add ₹150.00 more to use SAVE10',
        details: [{ path: 'couponCode', message: 'Add ₹150.00 more to use SAVE10' }],
      });
      const unknown = json(await checkCode(slug, 'NOPE', 60000));
      const paused = json(await checkCode(slug, 'paused', 60000));
      t.same(paused, unknown, 'a switched-off code answers exactly as one that does not exist');
      t.match(unknown, { reason: 'unknown', message: 'This code is not valid' });
      t.match(errorOf(await checkCode(slug, 'OVER')), { reason: 'expired', message: /^This code expired on 1 Jan 2020$/ });
      const noStore = await checkCode('no-such-store', 'SAVE10');
      holds('get', '/api/v1/stores/{slug}/coupons/{code}', noStore);
      t.equal(noStore.statusCode, 404);
      const badSubtotal = await checkCode(slug, 'SAVE10', -1);
      holds('get', '/api/v1/stores/{slug}/coupons/{code}', badSubtotal);
      t.equal(badSubtotal.statusCode, 400);
    });

    t.test('public check: failed guesses from one address are limited; live codes are not guesses', async (t) => {
      const vendor = await signUp(server);
      const slug = vendor.store.slug;
      await client(server, vendor.headers).post('/api/v1/coupons', { code: 'REAL', type: 'flat', value: 100 });
      const from = address();
      for (let i = 0; i < 4; i += 1) t.equal((await checkCode(slug, 'REAL', undefined, from)).statusCode, 200);
      t.equal((await checkCode(slug, 'GUESS1', undefined, from)).statusCode, 409);
      t.equal((await checkCode(slug, 'GUESS2', undefined, from)).statusCode, 409);
      const limited = await checkCode(slug, 'GUESS3', undefined, from);
      holds('get', '/api/v1/stores/{slug}/coupons/{code}', limited);
      t.equal(limited.statusCode, 429);
      t.equal(errorOf(limited).code, 'RATE_LIMITED');
      t.ok(Number(limited.headers['retry-after']) >= 1, 'with Retry-After');
      t.equal((await checkCode(slug, 'REAL', undefined, address())).statusCode, 200, 'another address is not affected');
    });
  });
}
