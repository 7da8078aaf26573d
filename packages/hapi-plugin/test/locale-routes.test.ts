// Languages over the API (issue 14): the store's `locale` (its customers' language) through
// GET/PATCH /api/v1/store and the public store, the vendor's own through GET/PATCH /api/v1/me;
// both English to start, refused at the edge with a message naming the choices, and documented.
import t from 'tap';
import { client, errorOf, json } from './support/api.js';
import { linkOf, mailTo, openWithMail } from './support/mail.js';
import { serverVariants, signUp } from './support/server.js';

const password = 'correct horse battery';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const { fixture, catcher } = await openWithMail(t, variant);
    const { server } = fixture;

    t.test('sign-up, login and GET /me say English; PATCH /store and PATCH /me change each on its own', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const me = json(await api.get('/api/v1/me'));
      t.equal(me.vendor.locale, 'en');
      t.equal(me.store.locale, 'en');
      t.equal(json(await api.get('/api/v1/store')).locale, 'en');

      const store = await api.patch('/api/v1/store', { locale: 'hi' });
      t.equal(store.statusCode, 200);
      t.equal(json(store).locale, 'hi');
      t.equal(json(await server.inject(`/api/v1/stores/${vendor.store.slug}`)).store.locale, 'hi', 'the public store tells clients its customers\' language');
      t.equal(json(await api.get('/api/v1/me')).vendor.locale, 'en', "the vendor's own stays");

      const changed = await api.patch('/api/v1/me', { locale: 'hi' });
      t.equal(changed.statusCode, 200, 'a language alone changes at once');
      t.same(json(changed).vendor, { id: vendor.vendor.id, email: vendor.email, locale: 'hi' });
      t.equal(json(changed).store.locale, 'hi');
      t.equal(json(changed).store.url, vendor.store.url, 'the store as GET /me shows it');
      t.match(changed.headers['cache-control'], /no-store/);
      const login = await server.inject({ method: 'POST', url: '/api/v1/session', payload: { email: vendor.email, password } });
      t.equal(json(login).vendor.locale, 'hi', 'login answers it too');
    });

    t.test('POST /vendors with locale hi: a Hindi vendor and store', async (t) => {
      const email = `hindi.${process.pid}@example.com`;
      const response = await server.inject({ method: 'POST', url: '/api/v1/vendors', payload: { email, password, storeName: 'चाय', locale: 'hi' } });
      t.equal(response.statusCode, 201);
      t.equal(json(response).vendor.locale, 'hi');
      t.equal(json(response).store.locale, 'hi');
      const refused = errorOf(await server.inject({ method: 'POST', url: '/api/v1/vendors', payload: { email: `x.${email}`, password, storeName: 'x', locale: 'fr' } }));
      t.same(refused.details, [{ path: 'locale', message: 'Language must be en (English) or hi (Hindi)' }]);
    });

    t.test('a bad value is 400 VALIDATION_FAILED at locale, with a message a person reads', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      for (const locale of ['fr', 'Hindi', 7]) {
        const store = errorOf(await api.patch('/api/v1/store', { locale }));
        t.equal(store.statusCode, 400);
        t.equal(store.code, 'VALIDATION_FAILED');
        t.same(store.details, [{ path: 'locale', message: "Customers' language must be en (English) or hi (Hindi)" }]);
        const me = errorOf(await api.patch('/api/v1/me', { locale }));
        t.equal(me.statusCode, 400);
        t.same(me.details, [{ path: 'locale', message: 'Your language must be en (English) or hi (Hindi)' }]);
      }
      t.same(errorOf(await api.patch('/api/v1/me', {})).paths, ['email'], 'an empty body still asks for the email, as before');
      t.same(errorOf(await api.patch('/api/v1/me', { locale: 'hi', email: `x.${vendor.email}` })).paths, ['currentPassword'], 'an email needs the current password, with a language or not');
      t.equal(json(await api.get('/api/v1/me')).vendor.locale, 'en', 'nothing changed');
      t.equal(json(await api.get('/api/v1/store')).locale, 'en');
    });

    t.test('PATCH /me with a language and an email: 202 for the email; a wrong password changes neither', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const newEmail = `moved.${vendor.email}`;
      t.same(errorOf(await api.patch('/api/v1/me', { locale: 'hi', email: newEmail, currentPassword: 'wrong password' })).paths, ['currentPassword']);
      t.equal(json(await api.get('/api/v1/me')).vendor.locale, 'en', 'the wrong password changed nothing');
      const both = await api.patch('/api/v1/me', { locale: 'hi', email: newEmail, currentPassword: password });
      t.equal(both.statusCode, 202);
      t.equal(json(both).pendingEmail, newEmail);
      t.equal(json(await api.get('/api/v1/me')).vendor.locale, 'hi');
      // The email request ran first (so a wrong password changes nothing): its mails are in the language the vendor had.
      const confirm = await mailTo(catcher, newEmail);
      t.equal(confirm.subject, 'Confirm your new email address');
      t.ok(linkOf(catcher, confirm, '/confirm-email').token);
      // From now on the vendor's mails are in Hindi.
      const changed = await api.post('/api/v1/me/password', { currentPassword: password, newPassword: 'a brand new passphrase' });
      t.equal(changed.statusCode, 204);
      const mail = await mailTo(catcher, vendor.email, (m) => m.subject === 'आपका पासवर्ड बदल दिया गया है');
      t.match(mail.text, /^नमस्ते,/);
      t.notMatch(mail.text.replace(/https?:\/\/\S+/g, ''), /password|Hello/i, 'no English left but the link');
    });

    t.test('the OpenAPI document describes locale in both bodies and both answers', async (t) => {
      type Props = { properties?: Record<string, { enum?: string[] }> };
      const doc = json(await server.inject('/api/v1/openapi.json')) as {
        paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Props }> }; responses: Record<string, unknown> }>>;
        components?: { schemas?: Record<string, Props> };
      };
      const body = (path: string) => doc.paths[path]?.['patch']?.requestBody?.content['application/json']?.schema.properties?.['locale'];
      t.same(body('/api/v1/store')?.enum, ['en', 'hi']);
      t.same(body('/api/v1/me')?.enum, ['en', 'hi']);
      t.ok(doc.paths['/api/v1/me']?.['patch']?.responses['200'], 'PATCH /me documents its 200 (a language alone)');
      t.ok(doc.paths['/api/v1/me']?.['patch']?.responses['202'], 'and its 202 (an email change)');
      const text = JSON.stringify(doc);
      t.match(text, "The vendor's language", 'the vendor body names it');
      t.match(text, 'The language customers see the store', 'the store body too');
    });
  });
}
