// Password reset over real mail: the link arrives through an SMTP server, works once, for 30
// minutes, ends every session; unknown emails look the same; bursts are limited.
import t from 'tap';
import { hashToken } from '../src/vendors/credential-cache.js';
import { openAccounts, password, publicUrl } from './support/accounts-fixture.js';
import { coreVariants } from './support/core-variants.js';

const newPassword = 'violet tractor umbrella';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const f = await openAccounts(t, variant);
    const { dukaan } = f;

    /** Asks for a reset of `email` and resolves the token from the link in the mail. */
    const resetToken = async (email: string) => {
      await dukaan.vendors.requestPasswordReset({ email });
      const mail = await f.mailTo(email, /reset your password/i);
      const link = f.mail.linkIn(mail, '/reset-password');
      t.equal(`${link.origin}${link.pathname}`, `${publicUrl}/reset-password`, 'the link is built from the public URL');
      t.match(mail.text, /30 minutes/, 'the mail says how long the link works');
      return link.searchParams.get('token') ?? '';
    };

    t.test('the mailed link resets the password once and ends every session', async (t) => {
      const { vendor, store } = await f.signUp('reset');
      const sessions = await Promise.all([1, 2].map(() => dukaan.auth.createSession(vendor.id, store.id)));
      for (const { token } of sessions) t.ok(await dukaan.auth.resolveSession(token), 'signed in (and cached)');
      const token = await resetToken(vendor.email);
      t.match(token, /^[\w-]{43}$/, '32 random bytes');
      const rows = await f.knex('account_tokens').where({ vendor_id: vendor.id });
      t.same(rows.map((row: { token_hash: string }) => row.token_hash), [hashToken(token)], 'only the hash is stored');

      t.equal(await dukaan.vendors.checkLinkToken(token, 'password_reset'), true, 'a page can check the link without using it');
      t.equal(await dukaan.vendors.checkLinkToken(token, 'password_reset'), true, 'still unused');
      t.equal(await dukaan.vendors.checkLinkToken(token, 'email_change'), false, 'not a link of the other kind');
      t.equal(await dukaan.vendors.checkLinkToken('\u0000', 'password_reset'), false, 'malformed');
      await dukaan.vendors.resetPassword({ token, password: newPassword });
      t.equal(await dukaan.vendors.checkLinkToken(token, 'password_reset'), false, 'used');
      await t.rejects(dukaan.vendors.logIn({ email: vendor.email, password }), { code: 'UNAUTHENTICATED' }, 'the old password fails');
      t.ok(await dukaan.vendors.logIn({ email: vendor.email, password: newPassword }, { deviceId: 'known' }), 'the new one works');
      for (const { token: session } of sessions) t.equal(await dukaan.auth.resolveSession(session), null, 'every session ended, cached or not');
      const notice = await f.mailTo(vendor.email, /password was changed/i);
      t.equal(f.mail.linkIn(notice, '/forgot-password').origin, new URL(publicUrl).origin, 'with a way back in');
      await t.rejects(dukaan.vendors.resetPassword({ token, password: 'another fine password' }), { code: 'TOKEN_INVALID' }, 'a used link fails');
    });

    t.test('a successful reset kills the other reset links; a refused password does not use the link', async (t) => {
      const { vendor } = await f.signUp('two-links');
      const first = await resetToken(vendor.email);
      const second = await resetToken(vendor.email);
      await t.rejects(dukaan.vendors.resetPassword({ token: second, password: 'password1' }), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'password' }],
      });
      const localPart = vendor.email.split('@')[0] ?? '';
      await t.rejects(dukaan.vendors.resetPassword({ token: second, password: `${localPart}2024` }), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'password', message: /your email address/ }],
      }, 'the email is context for the policy');
      await dukaan.vendors.resetPassword({ token: second, password: newPassword });
      await t.rejects(dukaan.vendors.resetPassword({ token: first, password: 'some other long phrase' }), { code: 'TOKEN_INVALID' });
    });

    t.test('a link expires after 30 minutes', async (t) => {
      const { vendor } = await f.signUp('expiry');
      const token = await resetToken(vendor.email);
      f.clock.advance(30 * 60_000 + 1);
      await t.rejects(dukaan.vendors.resetPassword({ token, password: newPassword }), { code: 'TOKEN_INVALID' });
      await t.rejects(dukaan.vendors.resetPassword({ token: 'not-a-token', password: newPassword }), { code: 'TOKEN_INVALID', details: [{ path: 'token' }] });
      t.ok(await dukaan.vendors.logIn({ email: vendor.email, password }, { deviceId: 'known' }), 'the password is unchanged');
    });

    t.test('an unknown email gets the same answer and no mail', async (t) => {
      const { vendor } = await f.signUp('known');
      const unknown = vendor.email.replace('known', 'nobody');
      t.equal(await dukaan.vendors.requestPasswordReset({ email: unknown }), undefined);
      t.equal(await dukaan.vendors.requestPasswordReset({ email: vendor.email }), undefined, 'same answer for a known one');
      t.same(await f.allMailTo(unknown), [], 'nothing was mailed');
      t.equal((await f.allMailTo(vendor.email)).length, 1);
    });

    t.test('each email gets at most 5 reset mails an hour, known or not; beyond, the answer is the same and nothing is sent', async (t) => {
      const { vendor } = await f.signUp('hourly');
      for (let i = 0; i < 6; i++) t.equal(await dukaan.vendors.requestPasswordReset({ email: vendor.email }), undefined);
      t.equal((await f.allMailTo(vendor.email)).length, 5, 'the sixth mailed nothing');
      t.equal(await f.knex('account_tokens').where({ vendor_id: vendor.id }).count({ n: '*' }).first().then((row) => Number(row?.n)), 5, 'nor stored a link');
      const unknown = vendor.email.replace('hourly', 'ghost');
      for (let i = 0; i < 6; i++) t.equal(await dukaan.vendors.requestPasswordReset({ email: unknown }), undefined, 'an unknown email is answered alike');
    });

    t.test('20 parallel requests for one email all get the same answer and send at most 5 mails', async (t) => {
      const { vendor } = await f.signUp('burst');
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => dukaan.vendors.requestPasswordReset({ email: vendor.email })));
      t.ok(results.every((r) => r.status === 'fulfilled'));
      t.equal((await f.allMailTo(vendor.email)).length, 5);
      t.equal(await f.knex('account_tokens').where({ vendor_id: vendor.id }).count({ n: '*' }).first().then((row) => Number(row?.n)), 5);
    });

    t.test('a known and an unknown email make the same database calls before the answer (none); the mail follows', async (t) => {
      const { vendor } = await f.signUp('timing');
      const unknown = vendor.email.replace('timing', 'timing-ghost');
      /** The SQL each request sent before it resolved. */
      const statementsOf = (email: string) => f.statementsDuring(() => dukaan.vendors.requestPasswordReset({ email }));
      const known = await statementsOf(vendor.email);
      const missing = await statementsOf(unknown);
      t.same(known, missing, 'the same statements');
      t.same(known, [], 'and none: the lookup and the insert happen behind the answer');
      await f.mailTo(vendor.email, /reset your password/i);
      t.same(await f.allMailTo(unknown), []);
    });

    t.test('parallel confirmations of one link: exactly one succeeds', async (t) => {
      const { vendor } = await f.signUp('race');
      const token = await resetToken(vendor.email);
      const passwords = Array.from({ length: 6 }, (_, i) => `${newPassword} number ${i}`);
      const results = await Promise.allSettled(passwords.map((p) => dukaan.vendors.resetPassword({ token, password: p })));
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [passwords[i] as string] : []));
      t.equal(won.length, 1);
      t.ok(results.every((r) => r.status === 'fulfilled' || (r.reason as { code?: string }).code === 'TOKEN_INVALID'));
      t.ok(await dukaan.vendors.logIn({ email: vendor.email, password: won[0] as string }, { deviceId: 'known' }), "the winner's password is set");
    });

    t.test('requests per client address are limited too', async (t) => {
      const { vendor } = await f.signUp('address');
      const clientAddress = `203.0.113.${variant.name.length}`;
      for (let i = 0; i < 5; i++) await dukaan.vendors.requestPasswordReset({ email: vendor.email.replace('address', `a${i}`) }, { clientAddress });
      await t.rejects(dukaan.vendors.requestPasswordReset({ email: vendor.email }, { clientAddress }), { code: 'RATE_LIMITED' });
      await dukaan.vendors.requestPasswordReset({ email: vendor.email }, { clientAddress: '198.51.100.1' });
      t.equal((await f.allMailTo(vendor.email)).length, 1, 'another address gets through');
    });

    t.test('bad input is a validation error', async (t) => {
      await t.rejects(dukaan.vendors.requestPasswordReset({ email: 'not an email' }), { code: 'VALIDATION_FAILED', details: [{ path: 'email' }] });
      await t.rejects(dukaan.vendors.resetPassword({ token: '', password: '' }), { code: 'VALIDATION_FAILED' });
      await t.rejects(dukaan.vendors.resetPassword({ token: 'x'.repeat(500), password: newPassword }), { code: 'VALIDATION_FAILED', details: [{ path: 'token' }] });
    });
  });

  t.test(`${variant.name}: without a mailer a reset is MAIL_UNAVAILABLE`, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    await t.rejects(fixture.dukaan.vendors.requestPasswordReset({ email: 'someone@example.com' }), { code: 'MAIL_UNAVAILABLE' });
  });
}
