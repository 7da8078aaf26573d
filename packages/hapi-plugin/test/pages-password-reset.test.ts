import t from 'tap';
import { linkOf, mailTo, openWithMail, type CaughtMail } from './support/mail.js';
import { Browser } from './support/pages.js';
import { serverVariants, signUp } from './support/server.js';

const isResetMail = (mail: CaughtMail) => mail.text.includes('/reset-password?token=');

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const { fixture, catcher } = await openWithMail(t, variant);
    const { server } = fixture;

    t.test('forgot password -> mail -> reset form -> log in with the new password, all without JavaScript', async (t) => {
      const vendor = await signUp(server);
      const browser = new Browser(server);
      const login = await browser.get('/login');
      t.match(login.payload, 'href="/forgot-password"', 'the login page links to it');
      const form = await browser.get('/forgot-password');
      t.equal(form.statusCode, 200);
      t.match(form.headers['cache-control'], /no-store/);
      t.match(form.payload, 'name="email"');
      t.notMatch(form.payload, /<script/, 'no script needed');

      const sent = await browser.post('/forgot-password', { email: vendor.email });
      t.equal(sent.statusCode, 200);
      t.match(sent.payload, 'Check your inbox');
      const stranger = await browser.post('/forgot-password', { email: `nobody.${vendor.email}` });
      t.equal(stranger.statusCode, 200);
      t.match(stranger.payload, 'Check your inbox', 'the same answer for an email without an account');

      const { local, token } = linkOf(catcher, await mailTo(catcher, vendor.email, isResetMail), '/reset-password');
      const reset = await browser.get(local);
      t.equal(reset.statusCode, 200);
      t.equal(reset.headers['referrer-policy'], 'no-referrer', 'the token in the URL never leaves as a Referer');
      t.match(reset.headers['cache-control'], /no-store/);
      t.match(reset.payload, `name="token" value="${token}"`);

      const weak = await browser.post('/reset-password', { token, password: 'short' });
      t.equal(weak.statusCode, 400);
      t.match(weak.payload, /aria-invalid="true"/);
      t.match(weak.payload, `value="${token}"`, 'the form again, the link still good');

      const done = await browser.post('/reset-password', { token, password: 'a brand new passphrase' });
      t.equal(done.statusCode, 303);
      t.equal(done.headers.location, '/login?done=password-reset');
      const flash = await browser.get('/login?done=password-reset');
      t.match(flash.payload, 'Your password is changed');
      t.equal((await browser.post('/login', { email: vendor.email, password: 'correct horse battery' })).statusCode, 401, 'the old password is dead');
      const loggedIn = await browser.post('/login', { email: vendor.email, password: 'a brand new passphrase' });
      t.equal(loggedIn.statusCode, 303);
      t.equal((await server.inject({ url: '/api/v1/me', headers: vendor.headers })).statusCode, 401, 'the old session ended');

      const spent = await browser.get(local);
      t.equal(spent.statusCode, 400, 'a used link is dead as soon as it is opened');
      t.match(spent.payload, 'no longer works');
      t.notMatch(spent.payload, 'name="password"', 'no form to fill in for nothing');
      t.notMatch(spent.payload, token, 'the spent token is not repeated');
      const reused = await browser.post('/reset-password', { token, password: 'yet another passphrase' });
      t.equal(reused.statusCode, 400);
      t.match(reused.payload, 'no longer works');
      t.match(reused.payload, 'href="/forgot-password"', 'with a way to ask again');
    });

    t.test('under a prefix the link, the form and the redirect all carry it', async (t) => {
      const { fixture: shop, catcher: shopMail } = await openWithMail(t, variant, { prefix: '/shop' });
      const vendor = await signUp(shop.server, '/shop');
      const browser = new Browser(shop.server);
      await browser.get('/shop/forgot-password');
      t.match(browser.last!.payload, 'action="/shop/forgot-password"');
      t.equal((await browser.post('/shop/forgot-password', { email: vendor.email })).statusCode, 200);
      const { url, local, token } = linkOf(shopMail, await mailTo(shopMail, vendor.email, isResetMail), '/reset-password');
      t.equal(url.pathname, '/shop/reset-password');
      const form = await browser.get(local);
      t.match(form.payload, 'action="/shop/reset-password"');
      const done = await browser.post('/shop/reset-password', { token, password: 'a brand new passphrase' });
      t.equal(done.headers.location, '/shop/login?done=password-reset');
    });

    t.test('a link that cannot be a token shows the friendly page at once', async (t) => {
      for (const url of ['/reset-password', '/reset-password?token=', '/reset-password?token=%3Cscript%3E', '/confirm-email?token=a']) {
        const page = await server.inject(url);
        t.equal(page.statusCode, 400, url);
        t.match(page.headers['content-type'], /text\/html/);
        t.match(page.payload, 'no longer works');
        t.notMatch(page.payload, '<script>');
      }
    });

    t.test('the forms need the crumb', async (t) => {
      const vendor = await signUp(server);
      const browser = new Browser(server);
      await browser.get('/forgot-password');
      t.equal((await browser.post('/forgot-password', { email: vendor.email }, { crumb: null })).statusCode, 403);
      t.equal((await browser.post('/reset-password', { token: 'x'.repeat(43), password: 'a brand new passphrase' }, { crumb: null })).statusCode, 403);
      t.equal((await browser.post('/confirm-email', { token: 'x'.repeat(43) }, { crumb: null })).statusCode, 403);
    });

    t.test('a bad email shows the form again; over the limit says when to try again', async (t) => {
      const { fixture: limited } = await openWithMail(t, variant, { limits: { passwordReset: 1 } });
      const browser = new Browser(limited.server, '10.8.0.1');
      await browser.get('/forgot-password');
      const bad = await browser.post('/forgot-password', { email: 'not an email' });
      t.equal(bad.statusCode, 400);
      t.match(bad.payload, /aria-invalid="true"/);
      t.match(bad.payload, 'value="not an email"');
      t.equal((await browser.post('/forgot-password', { email: 'a@unknown.example' })).statusCode, 200);
      const limitedAnswer = await browser.post('/forgot-password', { email: 'b@unknown.example' });
      t.equal(limitedAnswer.statusCode, 429);
      t.ok(limitedAnswer.headers['retry-after']);
      t.match(limitedAnswer.payload, 'Too many attempts');
    });

    t.test('without a mailer the page says mail is not set up (503), never a 500', async (t) => {
      const plain = await variant.open();
      t.teardown(() => plain.close());
      const browser = new Browser(plain.server);
      await browser.get('/forgot-password');
      const answer = await browser.post('/forgot-password', { email: 'someone@example.com' });
      t.equal(answer.statusCode, 503);
      t.match(answer.payload, 'cannot send mail');
    });
  });
}
