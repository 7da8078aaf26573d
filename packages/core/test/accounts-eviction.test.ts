// A password reset or change evicts whoever knew the old password: an email change they started
// dies with it, and the device cookies their browser holds are no longer trusted at login.
import t from 'tap';
import { openAccounts, password, type AccountsFixture } from './support/accounts-fixture.js';
import { coreVariants, fastHasher } from './support/core-variants.js';

const newPassword = 'violet tractor umbrella';

/** The token of the confirmation link mailed to `to`. */
async function confirmToken(f: AccountsFixture, to: string): Promise<string> {
  const mail = await f.mailTo(to, /confirm your new email/i);
  return f.mail.linkIn(mail, '/confirm-email').searchParams.get('token') ?? '';
}

/** The token of the reset link mailed to `to`. */
async function resetToken(f: AccountsFixture, to: string): Promise<string> {
  await f.dukaan.vendors.requestPasswordReset({ email: to });
  const mail = await f.mailTo(to, /reset your password/i);
  return f.mail.linkIn(mail, '/reset-password').searchParams.get('token') ?? '';
}

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const f = await openAccounts(t, variant, { limits: { login: 3 } });
    const { dukaan } = f;

    /** A vendor whose session (a thief's, say) asked to move the account to another address. */
    const withPendingChange = async (label: string) => {
      const { vendor, store } = await f.signUp(label);
      const { token } = await dukaan.auth.createSession(vendor.id, store.id);
      const thief = await dukaan.auth.resolveSession(token);
      if (!thief) throw new Error('no principal');
      const attacker = vendor.email.replace(label, `${label}-attacker`);
      await dukaan.vendors.requestEmailChange(thief, { email: attacker, currentPassword: password });
      return { vendor, store, thief, attacker, link: await confirmToken(f, attacker) };
    };

    t.test('a password reset cancels a pending email change', async (t) => {
      const { vendor, link } = await withPendingChange('evict-reset');
      f.clock.advance(60_000);
      await dukaan.vendors.resetPassword({ token: await resetToken(f, vendor.email), password: newPassword });
      await t.rejects(dukaan.vendors.confirmEmailChange({ token: link }), { code: 'TOKEN_INVALID' });
      t.ok(await dukaan.vendors.logIn({ email: vendor.email, password: newPassword }), 'the account keeps its address');
    });

    t.test('a password change cancels a pending email change', async (t) => {
      const { vendor, store, link } = await withPendingChange('evict-change');
      const { token } = await dukaan.auth.createSession(vendor.id, store.id);
      const owner = await dukaan.auth.resolveSession(token);
      if (!owner) throw new Error('no principal');
      f.clock.advance(60_000);
      await dukaan.vendors.changePassword(owner, { currentPassword: password, newPassword });
      await t.rejects(dukaan.vendors.confirmEmailChange({ token: link }), { code: 'TOKEN_INVALID' });
      t.same((await dukaan.vendors.getAccount(owner)).vendor.email, vendor.email);
    });

    t.test('a link asked for before the password last changed is refused, even if it was not deleted', async (t) => {
      const { vendor, link } = await withPendingChange('evict-race');
      const rows = await f.knex('account_tokens').where({ vendor_id: vendor.id, purpose: 'email_change' });
      t.equal(rows.length, 1);
      // As when a request stores its link just after a reset deleted the pending ones.
      f.clock.advance(60_000);
      await f.persistence.vendors.updatePassword(vendor.id, await fastHasher.hash(newPassword), f.clock.now().toISOString());
      await t.rejects(dukaan.vendors.confirmEmailChange({ token: link }), { code: 'TOKEN_INVALID' });
      t.ok(await f.persistence.vendors.findByEmail(vendor.email), 'unchanged');
    });

    t.test('an email change asked for after the password changed still works', async (t) => {
      const { vendor, store } = await f.signUp('evict-after');
      const { token } = await dukaan.auth.createSession(vendor.id, store.id);
      const owner = await dukaan.auth.resolveSession(token);
      if (!owner) throw new Error('no principal');
      await dukaan.vendors.changePassword(owner, { currentPassword: password, newPassword });
      f.clock.advance(1000);
      const wanted = vendor.email.replace('evict-after', 'evict-after-new');
      await dukaan.vendors.requestEmailChange(owner, { email: wanted, currentPassword: newPassword });
      t.same(await dukaan.vendors.confirmEmailChange({ token: await confirmToken(f, wanted) }), { email: wanted });
    });

    t.test('a device cookie issued before a password reset is a new device again', async (t) => {
      const { vendor } = await f.signUp('evict-device');
      const stale = { deviceId: 'attacker-browser', deviceIssuedAt: f.clock.now().getTime() };
      await dukaan.vendors.logIn({ email: vendor.email, password }, stale);
      t.equal((await f.allMailTo(vendor.email)).filter((m) => /new sign-in/i.test(m.subject)).length, 0, 'trusted before the reset: no mail');
      f.clock.advance(60_000);
      await dukaan.vendors.resetPassword({ token: await resetToken(f, vendor.email), password: newPassword });
      f.clock.advance(60_000);

      await dukaan.vendors.logIn({ email: vendor.email, password: newPassword }, stale);
      await f.mailTo(vendor.email, /new sign-in/i);
      t.pass('a sign-in with the old cookie mails the vendor');
      const fresh = { deviceId: 'owner-browser', deviceIssuedAt: f.clock.now().getTime() };
      const before = (await f.allMailTo(vendor.email)).length;
      await dukaan.vendors.logIn({ email: vendor.email, password: newPassword }, fresh);
      t.equal((await f.allMailTo(vendor.email)).length, before, 'a cookie issued after the reset is trusted');
      await dukaan.vendors.logIn({ email: vendor.email, password: newPassword }, { deviceId: 'owner-browser' });
      await f.mailTo(vendor.email, /new sign-in/i);
      t.pass('a device id without its issue time is not trusted');

      // Counted per account: once strangers exhaust the account's key, the old cookie is held too; a fresh one is not.
      for (let i = 0; i < 3; i++) await t.rejects(dukaan.vendors.logIn({ email: vendor.email, password: `guess ${i}` }), { code: 'UNAUTHENTICATED' });
      await t.rejects(dukaan.vendors.logIn({ email: vendor.email, password: newPassword }, stale), { code: 'RATE_LIMITED' });
      t.ok(await dukaan.vendors.logIn({ email: vendor.email, password: newPassword }, fresh));
    });
  });
}
