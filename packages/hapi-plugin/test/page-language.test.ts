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
