import t from 'tap';
import { client, json } from './support/api.js';
import { Browser } from './support/pages.js';
import { serverVariants, signUp } from './support/server.js';

let n = 0;

/** A browser logged in as a new vendor through the signup form, and the API as that vendor. */
async function signedUp(server: Parameters<typeof client>[0]) {
  const browser = new Browser(server);
  await browser.get('/signup');
  n += 1;
  const response = await browser.post('/signup', { email: `coupon-page${n}.${process.pid}@example.com`, password: 'correct horse battery', storeName: `Coupon Shop ${n}`, slug: '' });
  if (response.statusCode !== 303) throw new Error(`signup failed: ${response.statusCode}`);
  const headers = { cookie: `dukaan_session=${browser.cookies.get('dukaan_session')}` };
  return { browser, api: client(server, headers) };
}

const form = {
  code: 'diwali', type: 'percent', value: '15', maxDiscount: '200', minOrderValue: '499', startsAt: '2026-11-01T00:00', endsAt: '2026-11-16 00:00',
  usageLimit: '100', perPhoneLimit: '1', firstOrderOnly: 'on', active: 'on',
};

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('the nav links to coupons; the list starts empty', async (t) => {
      const { browser } = await signedUp(server);
      const page = await browser.get('/dashboard/coupons');
      t.equal(page.statusCode, 200);
      t.match(page.payload, /<a href="\/dashboard\/coupons" aria-current="page">Coupons<\/a>/);
      t.match(page.payload, 'No coupons yet.');
      t.match(page.headers['cache-control'], /no-store/);
      t.equal((await server.inject('/dashboard/coupons')).statusCode, 303, 'logged out: to the login');
    });

    t.test('new: money in rupees and dates in the store time zone become minor units and instants', async (t) => {
      const { browser, api } = await signedUp(server);
      t.match((await browser.get('/dashboard/coupons/new')).payload, 'name="code"');
      const created = await browser.post('/dashboard/coupons', form);
      t.equal(created.statusCode, 303);
      t.equal(created.headers.location, '/dashboard/coupons?done=created');
      const [coupon] = json(await api.get('/api/v1/coupons')).items;
      t.match(coupon, {
        code: 'DIWALI', type: 'percent', value: 15, maxDiscount: 20000, minOrderValue: 49900, startsAt: '2026-10-31T18:30:00.000Z', endsAt: '2026-11-15T18:30:00.000Z',
        usageLimit: 100, perPhoneLimit: 1, firstOrderOnly: true, active: true,
      });
      const list = await browser.get('/dashboard/coupons?done=created');
      t.match(list.payload, '<code>DIWALI</code>');
      t.match(list.payload, '15% off, up to ₹200.00');
      t.match(list.payload, '0 of 100, 1 per customer');
      const edit = await browser.get(`/dashboard/coupons/${coupon.id}`);
      t.match(edit.payload, 'value="2026-11-01T00:00"', 'shown back in the store time zone');
      t.match(edit.payload, 'value="499.00"');
    });

    t.test('errors: each bad field beside its input, what was typed kept; a taken code', async (t) => {
      const { browser, api } = await signedUp(server);
      await browser.get('/dashboard/coupons/new');
      const bad = await browser.post('/dashboard/coupons', { ...form, code: 'x', value: '150', minOrderValue: 'lots', endsAt: '2026-10-01 00:00' });
      t.equal(bad.statusCode, 400);
      t.match(bad.payload, 'Code must be at least 3 characters long');
      t.match(bad.payload, 'A percent discount must be from 1 to 100');
      t.match(bad.payload, 'Enter an amount like 50 or 50.50');
      t.match(bad.payload, 'End must be later than the start');
      t.match(bad.payload, 'value="lots"', 'the typed text stays');
      t.same(json(await api.get('/api/v1/coupons')).items, []);
      t.equal((await browser.post('/dashboard/coupons', { ...form, code: 'TAKEN' })).statusCode, 303);
      const taken = await browser.post('/dashboard/coupons', { ...form, code: 'taken' });
      t.equal(taken.statusCode, 409);
      t.match(taken.payload, 'This store already has a coupon with this code');
      const flat = await browser.post('/dashboard/coupons', { ...form, code: 'FLAT', type: 'flat', value: '50', maxDiscount: '10' });
      t.equal(flat.statusCode, 400);
      t.match(flat.payload, 'A flat discount cannot have a maximum discount');
    });

    t.test('edit, pause from the list, delete with a ticked confirmation; another store gets 404', async (t) => {
      const { browser, api } = await signedUp(server);
      await browser.get('/dashboard/coupons/new');
      await browser.post('/dashboard/coupons', { ...form, firstOrderOnly: '', usageLimit: '' });
      const [coupon] = json(await api.get('/api/v1/coupons')).items;
      await browser.get(`/dashboard/coupons/${coupon.id}`);
      const saved = await browser.post(`/dashboard/coupons/${coupon.id}`, { ...form, type: 'flat', value: '75.50', maxDiscount: '', usageLimit: '', active: 'on' });
      t.equal(saved.statusCode, 303);
      t.match(json(await api.get(`/api/v1/coupons/${coupon.id}`)), { type: 'flat', value: 7550, maxDiscount: null, usageLimit: null, firstOrderOnly: true });
      await browser.get('/dashboard/coupons');
      t.equal((await browser.post(`/dashboard/coupons/${coupon.id}/active`, { active: 'no' })).statusCode, 303);
      t.match(json(await api.get(`/api/v1/coupons/${coupon.id}`)), { active: false, status: 'inactive' });
      t.match((await browser.get('/dashboard/coupons')).payload, 'Paused');
      const other = await signUp(server);
      t.equal((await server.inject({ url: `/dashboard/coupons/${coupon.id}`, headers: other.headers })).statusCode, 404);
      await browser.get(`/dashboard/coupons/${coupon.id}`);
      const unticked = await browser.post(`/dashboard/coupons/${coupon.id}/delete`, {});
      t.equal(unticked.statusCode, 400, 'not ticked');
      t.match(unticked.payload, '<p class="field-error" id="delete-confirm-error">Tick this box to delete</p>', 'said beside the box');
      t.equal((await api.get(`/api/v1/coupons/${coupon.id}`)).statusCode, 200, 'still there');
      const deleted = await browser.post(`/dashboard/coupons/${coupon.id}/delete`, { confirm: 'yes' });
      t.equal(deleted.headers.location, '/dashboard/coupons?done=deleted');
      t.equal((await api.get(`/api/v1/coupons/${coupon.id}`)).statusCode, 404);
      t.equal((await browser.post('/dashboard/coupons', form, { crumb: null })).statusCode, 403, 'no CSRF crumb, no coupon');
    });
  });
}
