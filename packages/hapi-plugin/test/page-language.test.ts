import t from 'tap';
import { serverVariants } from './support/server.js';

// The page language of a visitor who belongs to no store yet: ?lang= (remembered in the
// dukaan_lang cookie), else the cookie, else Accept-Language, else English.
const langOf = (html: string) => /<html lang="([^"]+)"/.exec(html)?.[1];

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('English by default; Accept-Language hi gives Hindi', async (t) => {
      t.equal(langOf((await server.inject('/login')).payload), 'en');
      t.equal(langOf((await server.inject({ url: '/login', headers: { 'accept-language': 'hi-IN,hi;q=0.9,en;q=0.8' } })).payload), 'hi');
      t.equal(langOf((await server.inject({ url: '/login', headers: { 'accept-language': 'en;q=0.9,hi;q=0.4' } })).payload), 'en', 'by q-value');
      t.equal(langOf((await server.inject({ url: '/login', headers: { 'accept-language': 'fr, de' } })).payload), 'en', 'none of ours');
    });

    t.test('?lang= wins and is remembered in a cookie; the cookie alone keeps it', async (t) => {
      const chosen = await server.inject({ url: '/login?lang=hi', headers: { 'accept-language': 'en' } });
      t.equal(langOf(chosen.payload), 'hi');
      const cookie = [chosen.headers['set-cookie']].flat().find((c) => String(c).startsWith('dukaan_lang='));
      t.match(String(cookie), /^dukaan_lang=hi; Max-Age=\d+; .*HttpOnly; SameSite=Lax; Path=\//);
      t.equal(langOf((await server.inject({ url: '/login', headers: { cookie: 'dukaan_lang=hi' } })).payload), 'hi');
      const again = await server.inject({ url: '/login?lang=hi', headers: { cookie: 'dukaan_lang=hi' } });
      t.notOk([again.headers['set-cookie']].flat().some((c) => String(c).startsWith('dukaan_lang=')), 'not set again when unchanged');
      t.equal(langOf((await server.inject({ url: '/login?lang=en', headers: { cookie: 'dukaan_lang=hi' } })).payload), 'en');
    });

    t.test('anything else in ?lang= or the cookie is ignored, never echoed', async (t) => {
      for (const bad of ['xx', 'HI', 'hi%00', '%3Cscript%3E', 'en-US']) {
        const response = await server.inject({ url: `/login?lang=${bad}`, headers: { cookie: 'dukaan_lang=zz' } });
        t.equal(response.statusCode, 200, bad);
        t.equal(langOf(response.payload), 'en', bad);
        t.notOk([response.headers['set-cookie']].flat().some((c) => String(c).startsWith('dukaan_lang=')), `${bad}: no cookie`);
      }
      const huge = await server.inject({ url: '/login', headers: { 'accept-language': `${'x-y;q=0.1,'.repeat(5000)}hi` } });
      t.equal(langOf(huge.payload), 'en', 'only the head of a huge header is read');
    });
  });
}

// The vendor's own language: chosen at sign-up (the visitor's), changed on the account page.
for (const variant of serverVariants()) {
  t.test(`${variant.name}: the vendor's language`, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;
    const { Browser } = await import('./support/pages.js');

    const browser = new Browser(server);
    await browser.get('/signup?lang=hi');
    const email = `lang-${process.pid}-${variant.name.replace(/\W/g, '')}@example.com`;
    const signup = await browser.post('/signup', { email, password: 'correct horse battery', storeName: 'भाषा की दुकान', slug: '' });
    t.equal(signup.statusCode, 303, 'signed up');
    const home = await browser.get('/dashboard');
    t.equal(langOf(home.payload), 'hi', 'signed up in Hindi: the dashboard is Hindi');

    const account = await browser.get('/dashboard/account');
    t.match(account.payload, '<option value="hi" selected>हिन्दी</option>', 'the account page shows the current choice');
    const bad = await browser.post('/dashboard/account/language', { locale: 'fr' });
    t.equal(bad.statusCode, 400, 'an unknown language is refused');
    t.match(bad.payload, /id="language-locale-error"/, 'beside the select');
    const saved = await browser.post('/dashboard/account/language', { locale: 'en' });
    t.equal(saved.statusCode, 303);
    t.equal(saved.headers.location, '/dashboard/account?done=saved');
    t.equal(langOf((await browser.get('/dashboard')).payload), 'en', 'now English');
    t.equal(langOf((await browser.get('/dashboard?lang=hi')).payload), 'en', 'the dashboard follows the account, not ?lang=');
  });
}

// One-off messages after a redirect are fixed texts in the page's language; a made-up `?done=`
// (including Object's own names) shows nothing and never fails the page.
t.test('flash messages: translated, and only our own', async (t) => {
  const fixture = await serverVariants()[0]!.open();
  t.teardown(() => fixture.close());
  const { server } = fixture;
  const flash = (html: string) => /<div class="flash" role="status">([^<]*)<\/div>/.exec(html)?.[1];
  t.equal(flash((await server.inject('/login?done=logged-out')).payload), 'You have logged out.');
  t.equal(flash((await server.inject('/login?done=logged-out&lang=hi')).payload), 'आप लॉग आउट हो गए हैं।');
  t.equal(flash((await server.inject('/forgot-password?done=saved&lang=hi')).payload), 'सेव हो गया।');
  for (const probe of ['constructor', '__proto__', 'toString', 'hasOwnProperty', '<b>x</b>']) {
    for (const path of ['/login', '/forgot-password']) {
      const response = await server.inject(`${path}?done=${encodeURIComponent(probe)}`);
      t.equal(response.statusCode, 200, `${path} ?done=${probe}`);
      t.equal(flash(response.payload), undefined, `${path} ?done=${probe}: no message`);
    }
  }
});
