// The forms that ask for the current password (change password, change email, close account)
// count wrong guesses under keys of their own: per session or token, and per account apart from
// logins. Strangers failing logins cannot lock the owner out of them, and one stolen session
// cannot lock out the owner's own.
import t from 'tap';
import { openAccounts, password } from './support/accounts-fixture.js';
import { coreVariants } from './support/core-variants.js';

const newPassword = 'violet tractor umbrella';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const f = await openAccounts(t, variant, { limits: { login: 3 } });
    const { dukaan } = f;

    const sessionOf = async (vendorId: string, storeId: string) => {
      const { token } = await dukaan.auth.createSession(vendorId, storeId);
      const principal = await dukaan.auth.resolveSession(token);
      if (!principal) throw new Error('no principal');
      return principal;
    };

    t.test('strangers failing logins cannot lock the owner out of the password forms', async (t) => {
      const { vendor, store } = await f.signUp('stranger-logins');
      const owner = await sessionOf(vendor.id, store.id);
      for (let i = 0; i < 3; i++) {
        await t.rejects(dukaan.vendors.logIn({ email: vendor.email, password: `guess ${i}` }, { clientAddress: `203.0.113.${i + 1}` }), { code: 'UNAUTHENTICATED' });
      }
      await t.rejects(dukaan.vendors.logIn({ email: vendor.email, password }, { clientAddress: '198.51.100.1' }), { code: 'RATE_LIMITED' }, "the account's login key is exhausted");
      t.same(await dukaan.vendors.requestEmailChange(owner, { email: vendor.email.replace('stranger', 'moved'), currentPassword: password }), {
        pendingEmail: vendor.email.replace('stranger', 'moved'),
      }, 'the owner can still change the email');
      await dukaan.vendors.changePassword(owner, { currentPassword: password, newPassword });
      t.pass('and the password');
    });

    t.test("the owner's typos in the forms do not lock out logins", async (t) => {
      const { vendor, store } = await f.signUp('owner-typos');
      const owner = await sessionOf(vendor.id, store.id);
      for (let i = 0; i < 3; i++) {
        await t.rejects(dukaan.vendors.closeAccount(owner, { password: `typo ${i}` }), { code: 'VALIDATION_FAILED', details: [{ path: 'password' }] });
      }
      await t.rejects(dukaan.vendors.closeAccount(owner, { password }), { code: 'RATE_LIMITED' }, 'the form is limited');
      t.ok(await dukaan.vendors.logIn({ email: vendor.email, password }), 'logins are not');
    });

    t.test("a stolen session's guesses do not block the owner's session; many sessions together are held per account", async (t) => {
      const { vendor, store } = await f.signUp('stolen-session');
      const owner = await sessionOf(vendor.id, store.id);
      const thieves = [await sessionOf(vendor.id, store.id), await sessionOf(vendor.id, store.id), await sessionOf(vendor.id, store.id)];
      const guess = (principal: typeof owner, currentPassword: string) =>
        dukaan.vendors.changePassword(principal, { currentPassword, newPassword });
      for (let i = 0; i < 3; i++) await t.rejects(guess(thieves[0]!, `guess ${i}`), { code: 'VALIDATION_FAILED' });
      await t.rejects(guess(thieves[0]!, 'guess 3'), { code: 'RATE_LIMITED' }, 'that session is held');
      for (const thief of thieves.slice(1)) {
        for (let i = 0; i < 3; i++) await t.rejects(guess(thief, `more ${i}`), { code: 'VALIDATION_FAILED' });
      }
      await t.rejects(guess(owner, password), { code: 'RATE_LIMITED' }, 'nine failures from three sessions reach the account limit (3 × 3)');
      t.ok(await dukaan.vendors.logIn({ email: vendor.email, password }), 'logins are not touched');
    });

    t.test("with fewer failures, the owner's session still gets through", async (t) => {
      const { vendor, store } = await f.signUp('owner-through');
      const owner = await sessionOf(vendor.id, store.id);
      const thief = await sessionOf(vendor.id, store.id);
      for (let i = 0; i < 3; i++) await t.rejects(dukaan.vendors.changePassword(thief, { currentPassword: `guess ${i}`, newPassword }), { code: 'VALIDATION_FAILED' });
      await dukaan.vendors.changePassword(owner, { currentPassword: password, newPassword });
      t.pass("the owner's session changed the password, and so ended the thief's");
    });
  });
}
