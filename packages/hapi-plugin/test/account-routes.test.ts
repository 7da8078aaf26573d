import t from 'tap';
import { client, errorOf, json, placeOrder } from './support/api.js';
import { linkOf, mailTo, openWithMail, publicUrl } from './support/mail.js';
import { customer, serverVariants, signUp } from './support/server.js';

const password = 'correct horse battery';
const logIn = (server: Parameters<typeof client>[0], email: string, secret: string) => server.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: secret } });
const cookieOf = (response: { headers: Record<string, unknown> }) => String([response.headers['set-cookie']].flat()[0]).split(';')[0] ?? '';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const { fixture, catcher } = await openWithMail(t, variant);
    const { server } = fixture;
    const alive = async (headers: Record<string, string>) => (await server.inject({ url: '/api/v1/me', headers })).statusCode === 200;

    t.test('POST /me/password: a wrong current password is 400; the right one keeps this session, ends the others and mails', async (t) => {
      const vendor = await signUp(server);
      const elsewhere = { cookie: cookieOf(await logIn(server, vendor.email, password)) };
      const api = client(server, vendor.headers);
      const wrong = await api.post('/api/v1/me/password', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
      t.equal(wrong.statusCode, 400);
      t.same(errorOf(wrong).paths, ['currentPassword']);
      t.ok(await alive(elsewhere), 'nothing ended on a wrong password');
      t.same(errorOf(await api.post('/api/v1/me/password', { currentPassword: password, newPassword: 'short' })).paths, ['newPassword']);

      const changed = await api.post('/api/v1/me/password', { currentPassword: password, newPassword: 'a brand new passphrase' });
      t.equal(changed.statusCode, 204);
      t.ok(await alive(vendor.headers), 'the current session stays');
      t.notOk(await alive(elsewhere), 'the other one ended');
      t.equal((await logIn(server, vendor.email, password)).statusCode, 401);
      t.equal((await logIn(server, vendor.email, 'a brand new passphrase')).statusCode, 200);
      const mail = await mailTo(catcher, vendor.email, (m) => /password was changed/i.test(m.subject));
      t.notMatch(mail.text, 'a brand new passphrase', 'the mail never holds the password');
    });

    t.test('PATCH /me mails a confirm link to the new address and a notice to the old; POST /me/email/confirm changes it once', async (t) => {
      const vendor = await signUp(server);
      const newEmail = `moved.${vendor.email}`;
      const api = client(server, vendor.headers);
      t.same(errorOf(await api.patch('/api/v1/me', { email: newEmail, currentPassword: 'wrong password' })).paths, ['currentPassword']);
      t.same(errorOf(await api.patch('/api/v1/me', { email: 'nope', currentPassword: password })).paths, ['email']);
      const asked = await api.patch('/api/v1/me', { email: newEmail, currentPassword: password });
      t.equal(asked.statusCode, 202);
      t.equal(json(asked).pendingEmail, newEmail);
      t.type(json(asked).message, 'string');
      t.match(asked.headers['cache-control'], /no-store/);
      t.equal(json(await api.get('/api/v1/me')).vendor.email, vendor.email, 'nothing changes before the link is followed');

      const confirmMail = await mailTo(catcher, newEmail);
      const { url, token } = linkOf(catcher, confirmMail, '/confirm-email');
      t.equal(url.origin, publicUrl);
      const notice = await mailTo(catcher, vendor.email, (m) => m.text.includes(newEmail));
      t.notMatch(notice.text, token, 'the old address never gets the link');

      const confirm = (payload: object) => server.inject({ method: 'POST', url: '/api/v1/me/email/confirm', payload });
      const done = await confirm({ token });
      t.equal(done.statusCode, 204, 'no login needed: the token proves the mailbox');
      t.equal(json(await api.get('/api/v1/me')).vendor.email, newEmail);
      t.equal((await logIn(server, newEmail, password)).statusCode, 200);
      t.equal((await logIn(server, vendor.email, password)).statusCode, 401);
      const again = await confirm({ token });
      t.equal(again.statusCode, 400);
      t.equal(errorOf(again).code, 'TOKEN_INVALID');
    });

    t.test('an email change to a taken address answers the same and mails the taken address instead of a link', async (t) => {
      const vendor = await signUp(server);
      const taken = await signUp(server);
      const asked = await client(server, vendor.headers).patch('/api/v1/me', { email: taken.email, currentPassword: password });
      t.equal(asked.statusCode, 202, 'no hint that the address has an account');
      const mail = await mailTo(catcher, taken.email);
      t.notMatch(mail.text, '/confirm-email?token=', 'no link to take the address over');
    });

    t.test('POST /customers/erase erases one customer from the finished orders, keeps the totals and the open orders', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const product = await api.product({ name: 'Masala Chai', price: 24900 });
      const move = async (id: string, ...statuses: string[]) => {
        for (const status of statuses) t.equal((await api.post(`/api/v1/orders/${id}/status`, { status })).statusCode, 200, status);
      };
      const delivered = json(await placeOrder(server, vendor.store.slug, [{ productId: product.id, quantity: 2 }]));
      const cancelled = json(await placeOrder(server, vendor.store.slug, [{ productId: product.id, quantity: 1 }]));
      const open = json(await placeOrder(server, vendor.store.slug, [{ productId: product.id, quantity: 1 }]));
      await move(delivered.id, 'accepted', 'shipped', 'delivered');
      await move(cancelled.id, 'cancelled');
      await move(open.id, 'accepted');
      await server.inject({ method: 'POST', url: `/api/v1/stores/${vendor.store.slug}/orders`, payload: { customer: { ...customer, phone: '9123456780', name: 'Someone Else' }, items: [{ productId: product.id, quantity: 1 }], paymentMethod: 'cod' } });
      t.same(errorOf(await api.post('/api/v1/customers/erase', {})).code, 'VALIDATION_FAILED');
      t.equal((await api.post('/api/v1/customers/erase', { phone: '12' })).statusCode, 400);
      const erased = await api.post('/api/v1/customers/erase', { phone: customer.phone });
      t.equal(erased.statusCode, 200);
      t.same(json(erased), { ordersErased: 2, ordersOpen: 1 }, 'the finished orders erased, the open one counted');
      const order = json(await api.get(`/api/v1/orders/${delivered.id}`));
      t.equal(order.total, delivered.total, 'the total stays');
      t.equal(order.items[0].name, 'Masala Chai', 'the lines stay');
      t.notMatch(JSON.stringify(order), customer.name, 'the name is gone');
      t.notMatch(JSON.stringify(json(await api.get(`/api/v1/orders/${cancelled.id}`))), customer.address, 'from every finished order of that phone');
      t.match(JSON.stringify(json(await api.get(`/api/v1/orders/${open.id}`))), customer.address, 'the open order keeps the address it is delivered to');
      t.match(JSON.stringify(json(await api.get('/api/v1/orders')).items), 'Someone Else', 'another customer stays');
      await move(open.id, 'shipped', 'delivered');
      t.same(json(await api.post('/api/v1/customers/erase', { phone: customer.phone })), { ordersErased: 1, ordersOpen: 0 }, 'once finished, erasing again takes it');
      t.notMatch(JSON.stringify(json(await api.get(`/api/v1/orders/${open.id}`))), customer.address);
      t.same(json(await api.post('/api/v1/customers/erase', { phone: customer.phone })), { ordersErased: 0, ordersOpen: 0 }, 'nothing left to erase');
      const other = await signUp(server);
      t.same(json(await client(server, other.headers).post('/api/v1/customers/erase', { phone: '9123456780' })), { ordersErased: 0, ordersOpen: 0 }, "another vendor cannot erase this store's customers");
    });

    t.test('DELETE /me: a wrong password is 400; the right one closes the account and the store page answers 404', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const product = await api.product();
      await placeOrder(server, vendor.store.slug, [{ productId: product.id, quantity: 1 }]);
      const del = (payload: object) => server.inject({ method: 'DELETE', url: '/api/v1/me', headers: vendor.headers, payload });
      const wrong = await del({ password: 'not my password' });
      t.equal(wrong.statusCode, 400);
      t.same(errorOf(wrong).paths, ['password']);
      t.equal((await server.inject(`/${vendor.store.slug}`)).statusCode, 200, 'still open after a wrong password');
      const bodiless = await server.inject({ method: 'DELETE', url: '/api/v1/me', headers: vendor.headers });
      t.equal(bodiless.statusCode, 400, 'no body: the password is required');
      t.equal(errorOf(bodiless).code, 'VALIDATION_FAILED');

      const closed = await del({ password });
      t.equal(closed.statusCode, 204);
      t.match(String([closed.headers['set-cookie']].flat()[0]), /^dukaan_session=;.*Max-Age=0/);
      t.equal((await server.inject(`/${vendor.store.slug}`)).statusCode, 404, 'the store page is gone at once');
      t.equal((await server.inject(`/api/v1/stores/${vendor.store.slug}`)).statusCode, 404);
      t.notOk(await alive(vendor.headers), 'the session is gone');
      t.equal((await logIn(server, vendor.email, password)).statusCode, 401, 'nobody can log in to it');
      const farewell = await mailTo(catcher, vendor.email, (m) => /closed/i.test(m.subject));
      t.ok(farewell, 'a last mail to the old address');
      const again = await signUp(server);
      const slugTaken = await client(server, again.headers).patch('/api/v1/store', { slug: vendor.store.slug });
      t.equal(slugTaken.statusCode, 409, "the closed store's link stays reserved");
    });
  });
}
