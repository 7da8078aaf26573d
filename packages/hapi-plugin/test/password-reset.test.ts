import t from 'tap';
import { errorOf, json } from './support/api.js';
import { linkOf, mailsTo, mailTo, openWithMail, publicUrl, type CaughtMail } from './support/mail.js';
import { serverVariants, signUp } from './support/server.js';

const password = 'correct horse battery';
const isResetMail = (mail: CaughtMail) => mail.text.includes('/reset-password?token=');
const newPassword = 'a brand new passphrase';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const { fixture, catcher } = await openWithMail(t, variant);
    const { server, dukaan } = fixture;
    const requestReset = (email: string, remoteAddress = '10.9.0.1') => server.inject({ method: 'POST', url: '/api/v1/password-reset', remoteAddress, payload: { email } });
    const confirm = (payload: object) => server.inject({ method: 'POST', url: '/api/v1/password-reset/confirm', payload });
    const logIn = (email: string, secret: string) => server.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: secret } });

    t.test('a reset answers 202 with the same body for a known and an unknown email; only the known one gets mail', async (t) => {
      const vendor = await signUp(server);
      const unknown = `nobody.${vendor.email}`;
      const known = await requestReset(vendor.email);
      const stranger = await requestReset(unknown);
      t.equal(known.statusCode, 202);
      t.equal(stranger.statusCode, 202);
      t.equal(known.payload, stranger.payload, 'byte for byte the same answer');
      t.match(json(known).message, /inbox|on its way/i);
      t.match(known.headers['cache-control'], /no-store/);
      const mail = await mailTo(catcher, vendor.email, isResetMail);
      const { url, token } = linkOf(catcher, mail, '/reset-password');
      t.equal(url.origin, publicUrl, 'the link is built from publicUrl, not the Host header');
      t.ok(token.length >= 32, 'an unguessable token');
      t.notMatch(known.payload + stranger.payload, token, 'the token only travels by mail');
      await dukaan.mail.idle();
      t.same(mailsTo(catcher, unknown), [], 'no mail to an address without an account');
    });

    t.test('the mailed link sets a new password once: old password and every session end; reuse is TOKEN_INVALID', async (t) => {
      const vendor = await signUp(server);
      const second = await logIn(vendor.email, password);
      const secondCookie = String([second.headers['set-cookie']].flat()[0]).split(';')[0] ?? '';
      await requestReset(vendor.email);
      const { token } = linkOf(catcher, await mailTo(catcher, vendor.email, isResetMail), '/reset-password');

      const weak = await confirm({ token, password: 'short' });
      t.equal(weak.statusCode, 400);
      t.same(errorOf(weak).paths, ['password'], 'the policy is checked first...');
      t.equal((await logIn(vendor.email, password)).statusCode, 200, '...and nothing changed');

      const done = await confirm({ token, password: newPassword });
      t.equal(done.statusCode, 204, '...and the token still works after a refused password');
      t.equal(done.payload, '');
      t.equal((await logIn(vendor.email, password)).statusCode, 401, 'the old password is dead');
      t.equal((await logIn(vendor.email, newPassword)).statusCode, 200, 'the new one works');
      for (const cookie of [vendor.cookie, secondCookie]) t.equal((await server.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode, 401, 'every old session ended');

      const again = await confirm({ token, password: 'yet another passphrase' });
      t.equal(again.statusCode, 400);
      t.equal(errorOf(again).code, 'TOKEN_INVALID');
      const made = await confirm({ token: 'x'.repeat(43), password: 'yet another passphrase' });
      t.equal(errorOf(made).code, 'TOKEN_INVALID', 'a made-up token too');
      t.equal((await logIn(vendor.email, newPassword)).statusCode, 200, 'and neither changed anything');

      const notice = await mailTo(catcher, vendor.email, (m) => /password was changed/i.test(m.subject));
      t.match(notice.text, publicUrl, 'the vendor is told, with a way back in');
    });

    t.test('a successful reset spends the other reset links too', async (t) => {
      const vendor = await signUp(server);
      await requestReset(vendor.email);
      const first = linkOf(catcher, await mailTo(catcher, vendor.email, isResetMail), '/reset-password').token;
      await requestReset(vendor.email);
      const second = linkOf(catcher, await mailTo(catcher, vendor.email, (m) => isResetMail(m) && !m.text.includes(first)), '/reset-password').token;
      t.not(first, second);
      t.equal((await confirm({ token: second, password: newPassword })).statusCode, 204);
      t.equal(errorOf(await confirm({ token: first, password: 'yet another passphrase' })).code, 'TOKEN_INVALID');
    });

    t.test('one link, confirmed many times at once, sets exactly one password', async (t) => {
      const vendor = await signUp(server);
      await requestReset(vendor.email);
      const { token } = linkOf(catcher, await mailTo(catcher, vendor.email, isResetMail), '/reset-password');
      const secrets = Array.from({ length: 6 }, (_, i) => `parallel passphrase number ${i}`);
      const answers = await Promise.all(secrets.map((secret) => confirm({ token, password: secret })));
      const won = answers.flatMap((answer, i) => (answer.statusCode === 204 ? [secrets[i]!] : []));
      t.equal(won.length, 1, 'one 204');
      t.ok(answers.every((a) => a.statusCode === 204 || errorOf(a).code === 'TOKEN_INVALID'), 'the rest TOKEN_INVALID');
      const working = [];
      for (const secret of secrets) if ((await logIn(vendor.email, secret)).statusCode === 200) working.push(secret);
      t.same(working, won, 'and only that password works');
    });

    t.test('bad bodies are 400 VALIDATION_FAILED naming the field, never a 500', async (t) => {
      t.same(errorOf(await requestReset('not an email')).paths, ['email']);
      t.same(errorOf(await confirm({ password: newPassword })).paths, ['token']);
      t.same(errorOf(await confirm({ token: 'x'.repeat(500), password: newPassword })).paths, ['token']);
      const form = await server.inject({ method: 'POST', url: '/api/v1/password-reset', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'email=a@b.co' });
      t.equal(form.statusCode, 415, 'JSON only, like the rest of the API');
    });

    t.test('per address: over the limit is 429 with Retry-After, for unknown emails too', async (t) => {
      const { fixture: limited } = await openWithMail(t, variant, { limits: { passwordReset: 2 } });
      const ask = (email: string) => limited.server.inject({ method: 'POST', url: '/api/v1/password-reset', remoteAddress: '10.9.1.1', payload: { email } });
      t.equal((await ask('a@unknown.example')).statusCode, 202);
      t.equal((await ask('b@unknown.example')).statusCode, 202);
      const third = await ask('c@unknown.example');
      t.equal(third.statusCode, 429);
      t.equal(errorOf(third).code, 'RATE_LIMITED');
      t.ok(Number(third.headers['retry-after']) > 0);
      const elsewhere = await limited.server.inject({ method: 'POST', url: '/api/v1/password-reset', remoteAddress: '10.9.1.2', payload: { email: 'c@unknown.example' } });
      t.equal(elsewhere.statusCode, 202, 'another address is not held back');
    });

    t.test('per email: a parallel burst from many addresses gets at most 5 mails out, and every answer is the same 202', async (t) => {
      const vendor = await signUp(server);
      const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => requestReset(vendor.email, `10.9.2.${i + 1}`)));
      // Over the cap nothing is mailed, but the answer does not change: a 429 there would let a
      // stranger keep the owner's own request refused for an hour (review R1 L4).
      t.same([...new Set(answers.map((a) => a.statusCode))], [202], 'all 202');
      t.same([...new Set(answers.map((a) => a.payload))].length, 1, 'with one body');
      await dukaan.mail.idle();
      // Settle what is still on the wire to the catcher.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const sent = mailsTo(catcher, vendor.email).filter(isResetMail);
      t.ok(sent.length <= 5 && sent.length >= 1, `${sent.length} reset mails`);
      const sixth = await requestReset(vendor.email, '10.9.2.99');
      t.equal(sixth.statusCode, 202, 'the next request, from a fresh address, still answers 202');
      await dukaan.mail.idle();
      t.equal(mailsTo(catcher, vendor.email).filter(isResetMail).length, sent.length, '...and mails nothing');
      const unknown = await Promise.all(Array.from({ length: 7 }, (_, i) => requestReset('ghost@unknown.example', `10.9.3.${i + 1}`)));
      t.same([...new Set(unknown.map((a) => a.statusCode))], [202], 'an unknown email answers the same, so the cap tells nothing');
    });

    t.test('a core without a mailer answers 503 MAIL_UNAVAILABLE', async (t) => {
      const plain = await variant.open();
      t.teardown(() => plain.close());
      const response = await plain.server.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email: 'someone@example.com' } });
      t.equal(response.statusCode, 503);
      t.equal(errorOf(response).code, 'MAIL_UNAVAILABLE');
    });
  });
}
