import t from 'tap';
import { client, json, placeOrder } from './support/api.js';
import { linkOf, mailTo, openWithMail } from './support/mail.js';
import { Browser, type PageResponse } from './support/pages.js';
import { customer, serverVariants } from './support/server.js';
import { readZip } from './support/zip.js';

let n = 0;
const password = 'correct horse battery';
const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const { fixture, catcher } = await openWithMail(t, variant);
    const { server } = fixture;

    /** A browser signed up through the form, on the account page. */
    const signedUp = async () => {
      const browser = new Browser(server);
      await browser.get('/signup');
      const email = `account-page${++n}.${process.pid}@example.com`;
      const response = await browser.post('/signup', { email, password, storeName: `Account Shop ${n}`, slug: '' });
      if (response.statusCode !== 303) throw new Error(`signup failed: ${response.payload.slice(0, 300)}`);
      const headers = { cookie: `dukaan_session=${browser.cookies.get('dukaan_session')}` };
      const store = json(await server.inject({ url: '/api/v1/me', headers })).store as { slug: string };
      return { browser, email, headers, store, page: await browser.get('/dashboard/account') };
    };
    /** Another session of the vendor, from a laptop's browser (through the API). */
    const laptop = async (email: string, secret = password) => {
      const response = await server.inject({ method: 'POST', url: '/api/v1/session', headers: { 'user-agent': firefox }, payload: { email, password: secret } });
      return { cookie: String([response.headers['set-cookie']].flat()[0]).split(';')[0] ?? '' };
    };
    const alive = async (headers: Record<string, string>) => (await server.inject({ url: '/api/v1/me', headers })).statusCode === 200;

    t.test('the account page needs a login and shows email, sessions and tokens, privately', async (t) => {
      const out = await server.inject('/dashboard/account');
      t.equal(out.statusCode, 303);
      t.equal(out.headers.location, `/login?next=${encodeURIComponent('/dashboard/account')}`);
      const { email, page } = await signedUp();
      t.equal(page.statusCode, 200);
      t.match(page.headers['cache-control'], /no-store/);
      t.match(page.payload, email);
      t.match(page.payload, 'This device');
      t.match(page.payload, 'action="/dashboard/account/export"');
      t.match(page.payload, 'href="/dashboard/account/close"');
      t.match(page.payload, 'href="/dashboard/account"', 'the navigation has the Account tab');
    });

    t.test('sessions: end one, then end all others; this one stays', async (t) => {
      const { browser, email, headers } = await signedUp();
      const first = await laptop(email);
      const second = await laptop(email);
      const page = await browser.get('/dashboard/account');
      t.match(page.payload, 'Firefox on Windows');
      const ids = [...page.payload.matchAll(/action="\/dashboard\/account\/sessions\/([^/"]+)\/end"/g)].map((m) => decodeURIComponent(m[1]!));
      t.equal(ids.length, 2, 'an End button for each other session, none for this one');
      const sessions = json(await client(server, first).get('/api/v1/me/sessions')).items as Array<{ id: string; current: boolean }>;
      const firstId = sessions.find((s) => s.current)!.id;
      t.ok(ids.includes(firstId));

      const ended = await browser.post(`/dashboard/account/sessions/${firstId}/end`, {});
      t.equal(ended.statusCode, 303);
      t.equal(ended.headers.location, '/dashboard/account?done=session-ended');
      t.notOk(await alive(first));
      t.ok(await alive(second));
      t.match((await browser.get(ended.headers.location as string)).payload, 'That session has ended');
      const again = await browser.post(`/dashboard/account/sessions/${firstId}/end`, {});
      t.equal(again.statusCode, 404, 'an ended session is a friendly 404');

      const all = await browser.post('/dashboard/account/sessions/end-others', {});
      t.equal(all.statusCode, 303);
      t.equal(all.headers.location, '/dashboard/account?done=sessions-ended');
      t.notOk(await alive(second));
      t.ok(await alive(headers), 'this browser stays logged in');
      t.equal((await browser.post('/dashboard/account/sessions/end-others', {}, { crumb: null })).statusCode, 403, 'CSRF-checked');
    });

    t.test('API tokens: created and shown once, listed by prefix, revoked after a confirm', async (t) => {
      const { browser } = await signedUp();
      const bad = await browser.post('/dashboard/account/tokens', { name: '' });
      t.equal(bad.statusCode, 400);
      t.match(bad.payload, /aria-invalid="true"/);
      const created = await browser.post('/dashboard/account/tokens', { name: 'Stock sync' });
      t.equal(created.statusCode, 200);
      t.match(created.headers['cache-control'], /no-store/);
      const token = /dk_[A-Za-z0-9_-]{20,}/.exec(created.payload)?.[0];
      t.ok(token, 'the new token is on the page');
      t.equal((await server.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 200, 'and it works');
      const later = await browser.get('/dashboard/account');
      t.notMatch(later.payload, token!, 'shown only once');
      t.match(later.payload, 'Stock sync');
      const id = /action="\/dashboard\/account\/tokens\/([^/"]+)\/revoke"/.exec(later.payload)?.[1];
      t.ok(id);
      t.match(later.payload, /<details[^>]*>[\s\S]*?tokens\/[^"]+\/revoke/, 'the revoke form sits inside <details>, a confirm without JavaScript');
      t.equal((await browser.post(`/dashboard/account/tokens/${id}/revoke`, {}, { crumb: null })).statusCode, 403);
      const revoked = await browser.post(`/dashboard/account/tokens/${id}/revoke`, {});
      t.equal(revoked.statusCode, 303);
      t.equal(revoked.headers.location, '/dashboard/account?done=token-revoked');
      t.equal((await server.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 401);
      t.equal((await browser.post(`/dashboard/account/tokens/${id}/revoke`, {})).statusCode, 404);
    });

    t.test('password change: a wrong current password shows the form again; the right one ends other sessions', async (t) => {
      const { browser, email, headers } = await signedUp();
      const other = await laptop(email);
      const wrong = await browser.post('/dashboard/account/password', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
      t.equal(wrong.statusCode, 400);
      t.match(wrong.payload, 'The current password is not right');
      t.notMatch(wrong.payload, 'a brand new passphrase', 'never echoes a password');
      const done = await browser.post('/dashboard/account/password', { currentPassword: password, newPassword: 'a brand new passphrase' });
      t.equal(done.statusCode, 303);
      t.equal(done.headers.location, '/dashboard/account?done=password-changed');
      t.ok(await alive(headers), 'this session stays');
      t.notOk(await alive(other), 'the other one ended');
    });

    t.test('email change: a link to the new address; its page confirms with a button', async (t) => {
      const { browser, email } = await signedUp();
      const newEmail = `new.${email}`;
      const asked = await browser.post('/dashboard/account/email', { email: newEmail, currentPassword: password });
      t.equal(asked.statusCode, 303);
      t.equal(asked.headers.location, '/dashboard/account?done=email-pending');
      const { local, token } = linkOf(catcher, await mailTo(catcher, newEmail), '/confirm-email');
      const page = await browser.get(local);
      t.equal(page.statusCode, 200);
      t.equal(page.headers['referrer-policy'], 'no-referrer');
      t.match(page.payload, `name="token" value="${token}"`);
      t.match(json(await server.inject({ url: '/api/v1/me', headers: { cookie: `dukaan_session=${browser.cookies.get('dukaan_session')}` } })).vendor.email, email, 'opening the link changes nothing');
      const confirmed = await browser.post('/confirm-email', { token });
      t.equal(confirmed.statusCode, 303);
      t.equal(confirmed.headers.location, '/dashboard/account?done=email-changed');
      t.match((await browser.get('/dashboard/account?done=email-changed')).payload, newEmail);
      const reused = await browser.post('/confirm-email', { token });
      t.equal(reused.statusCode, 400);
      t.match(reused.payload, 'no longer works');
      const reopened = await browser.get(local);
      t.equal(reopened.statusCode, 400, 'a used link says so when it is opened');
      t.notMatch(reopened.payload, token);
    });

    t.test('an address taken between the request and the confirm is refused on the page, 409', async (t) => {
      const { browser, email } = await signedUp();
      const wanted = `wanted.${email}`;
      await browser.post('/dashboard/account/email', { email: wanted, currentPassword: password });
      const { local, token } = linkOf(catcher, await mailTo(catcher, wanted), '/confirm-email');
      const taker = await server.inject({ method: 'POST', url: '/api/v1/vendors', payload: { email: wanted, password, storeName: 'Taker' } });
      t.equal(taker.statusCode, 201);
      await browser.get(local);
      const refused = await browser.post('/confirm-email', { token });
      t.equal(refused.statusCode, 409);
      t.match(refused.payload, 'Another account uses this email');
    });

    t.test("erasing a customer's details says how many orders it touched", async (t) => {
      const { browser, headers, store } = await signedUp();
      const api = client(server, headers);
      const product = await api.product();
      const orders = [];
      for (let i = 0; i < 3; i += 1) orders.push(json(await placeOrder(server, store.slug, [{ productId: product.id, quantity: 1 }])) as { id: string });
      for (const order of orders.slice(0, 2)) t.equal((await api.post(`/api/v1/orders/${order.id}/status`, { status: 'cancelled' })).statusCode, 200);
      const none = await browser.post('/dashboard/account/erase-customer', { phone: '', email: '' });
      t.equal(none.statusCode, 400);
      t.match(none.payload, /phone or email/i);
      const erased = await browser.post('/dashboard/account/erase-customer', { phone: customer.phone, email: '' });
      t.equal(erased.statusCode, 200);
      t.match(erased.payload, '2 orders erased; 1 still open is kept until it is finished.', 'the open order is named, with what to do');
      t.match(JSON.stringify(json(await api.get(`/api/v1/orders/${orders[2]!.id}`))), customer.name, 'the open order keeps the details');
      t.equal((await api.post(`/api/v1/orders/${orders[2]!.id}/status`, { status: 'rejected' })).statusCode, 200);
      const again = await browser.post('/dashboard/account/erase-customer', { phone: customer.phone, email: '' });
      t.match(again.payload, '1 order erased.', 'once it is finished, erasing again takes it');
      t.notMatch(again.payload, /still open (is|are) kept/);
      t.match((await browser.post('/dashboard/account/erase-customer', { phone: customer.phone, email: '' })).payload, 'No orders matched; nothing was erased.');
      t.notMatch(JSON.stringify(json(await api.get('/api/v1/orders')).items), customer.name);
    });

    t.test('the export downloads as a zip from a CSRF-checked post; a GET only leads to the page', async (t) => {
      const { browser } = await signedUp();
      t.match(browser.last?.payload ?? '', /<form method="post" action="\/dashboard\/account\/export"/, 'the account page has the download form');
      const response = (await browser.post('/dashboard/account/export', {})) as PageResponse & { rawPayload: Buffer };
      t.equal(response.statusCode, 200);
      t.match(response.headers['content-disposition'], /^attachment; filename=".+\.zip"$/);
      t.match(response.headers['cache-control'], /no-store/);
      t.ok((await readZip(response.rawPayload)).has('account.json'));

      const forged = await browser.post('/dashboard/account/export', {}, { crumb: null });
      t.equal(forged.statusCode, 403, 'without the crumb (a post from another site): refused');
      t.notMatch(String(forged.headers['content-type']), /zip/);
      const followed = await browser.get('/dashboard/account/export');
      t.equal(followed.statusCode, 303, 'a GET (a link followed from anywhere) exports nothing');
      t.equal(followed.headers.location, '/dashboard/account#your-data', '...and leads to the download button');
      t.equal((await server.inject('/dashboard/account/export')).statusCode, 303, 'logged out: to the login page');
      const stranger = await server.inject({ method: 'POST', url: '/dashboard/account/export', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
      t.equal(stranger.statusCode, 403, `logged out, no crumb: refused (${stranger.statusCode})`);
    });

    t.test('closing: a page to confirm, the password, then the store is gone and the browser logged out', async (t) => {
      const { browser, email, store } = await signedUp();
      const page = await browser.get('/dashboard/account/close');
      t.equal(page.statusCode, 200);
      t.match(page.payload, 'name="password"');
      const wrong = await browser.post('/dashboard/account/close', { password: 'not my password' });
      t.equal(wrong.statusCode, 400);
      t.match(wrong.payload, /aria-invalid="true"/);
      t.equal((await server.inject(`/${store.slug}`)).statusCode, 200, 'still open');
      t.equal((await browser.post('/dashboard/account/close', { password }, { crumb: null })).statusCode, 403);
      const closed = await browser.post('/dashboard/account/close', { password });
      t.equal(closed.statusCode, 303);
      t.equal(closed.headers.location, '/login?done=account-closed');
      t.notOk(browser.cookies.get('dukaan_session'), 'the cookie is cleared');
      t.match((await browser.get('/login?done=account-closed')).payload, 'Your account is closed');
      t.equal((await server.inject(`/${store.slug}`)).statusCode, 404, 'the store page answers 404');
      t.equal((await browser.post('/login', { email, password })).statusCode, 401);
    });
  });
}
