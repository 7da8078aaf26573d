// Languages of a store and a vendor (issue 14): a store's `locale` is its customers' default and
// their order mails' language, a vendor's own `locale` the dashboard's and their mails'. Both
// start English, change through the settings, refuse other values with a message naming the
// field, and the vendor's mails follow the vendor's language (not the store's).
import t from 'tap';
import type { VendorPrincipal } from '../src/index.js';
import { openAccounts, password } from './support/accounts-fixture.js';
import { coreVariants } from './support/core-variants.js';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const f = await openAccounts(t, variant);
    const { dukaan } = f;
    const signedIn = async (label: string) => {
      const { vendor, store } = await f.signUp(label);
      const principal: VendorPrincipal = { vendorId: vendor.id, storeId: store.id, via: 'session', credentialId: 'test' };
      return { vendor, store, principal };
    };

    t.test('a new store and vendor are English; each changes on its own', async (t) => {
      const { vendor, store, principal } = await signedIn('start');
      t.equal(vendor.locale, 'en');
      t.equal(store.locale, 'en');
      t.equal((await dukaan.stores.update(store.id, { locale: 'hi' })).locale, 'hi');
      t.equal((await dukaan.stores.get(store.id)).locale, 'hi', 'read back');
      let account = await dukaan.vendors.getAccount(principal);
      t.same(account.vendor, { id: vendor.id, email: vendor.email, locale: 'en' }, "the vendor keeps their own language");
      account = await dukaan.vendors.updateAccount(principal, { locale: 'hi' });
      t.equal(account.vendor.locale, 'hi');
      t.equal(account.store.locale, 'hi');
      t.equal((await dukaan.vendors.logIn({ email: vendor.email, password }, { deviceId: 'known' })).vendor.locale, 'hi', 'login says it too');
      await dukaan.stores.update(store.id, { locale: 'en' });
      t.equal((await dukaan.vendors.getAccount(principal)).vendor.locale, 'hi', "the store's change leaves the vendor's");
    });

    t.test('signing up in Hindi makes the vendor and the store Hindi', async (t) => {
      const { vendor, store } = await dukaan.vendors.signUp({ email: `hindi-${process.pid}@example.com`, password, storeName: 'चाय की दुकान', locale: 'hi' });
      t.equal(vendor.locale, 'hi');
      t.equal(store.locale, 'hi');
      const principal: VendorPrincipal = { vendorId: vendor.id, storeId: store.id, via: 'session', credentialId: 'test' };
      t.equal((await dukaan.vendors.getAccount(principal)).vendor.locale, 'hi', 'stored');
      await t.rejects(
        dukaan.vendors.signUp({ email: `french-${process.pid}@example.com`, password, storeName: 'Café', locale: 'fr' }),
        { code: 'VALIDATION_FAILED', details: [{ path: 'locale', message: 'Language must be en (English) or hi (Hindi)' }] },
      );
    });

    t.test('another value is refused, the message naming the field and the choices', async (t) => {
      const { store, principal } = await signedIn('refused');
      for (const value of ['fr', 'HI', '', 1, null]) {
        await t.rejects(
          dukaan.stores.update(store.id, { locale: value }),
          { code: 'VALIDATION_FAILED', details: [{ path: 'locale', message: "Customers' language must be en (English) or hi (Hindi)" }] },
          `store: ${JSON.stringify(value)}`,
        );
        await t.rejects(
          dukaan.vendors.updateAccount(principal, { locale: value }),
          { code: 'VALIDATION_FAILED', details: [{ path: 'locale', message: 'Your language must be en (English) or hi (Hindi)' }] },
          `vendor: ${JSON.stringify(value)}`,
        );
      }
      await t.rejects(dukaan.vendors.updateAccount(principal, {}), { code: 'VALIDATION_FAILED', details: [{ path: 'locale', message: 'Your language is required' }] });
      t.equal((await dukaan.stores.get(store.id)).locale, 'en', 'nothing changed');
    });

    t.test("the vendor's mails are in the vendor's language, whatever the store's", async (t) => {
      const { vendor, store, principal } = await signedIn('mails');
      await dukaan.stores.update(store.id, { locale: 'hi' });
      await dukaan.vendors.requestPasswordReset({ email: vendor.email });
      const english = await f.mailTo(vendor.email, /^Reset your password$/);
      t.match(english.text, 'Someone asked to reset the password');
      await dukaan.vendors.updateAccount(principal, { locale: 'hi' });
      await dukaan.vendors.requestPasswordReset({ email: vendor.email });
      const hindi = await f.mailTo(vendor.email, /^अपना पासवर्ड रीसेट करें$/);
      t.match(hindi.text, 'किसी ने इस ईमेल पते वाले स्टोर खाते का पासवर्ड रीसेट करने का अनुरोध किया है।');
      t.notMatch(hindi.text, /Someone|Hello/);
    });

    t.test('an erased vendor cannot be given a language', async (t) => {
      const { principal } = await signedIn('erased');
      await dukaan.vendors.closeAccount(principal, { password });
      await t.rejects(dukaan.vendors.updateAccount(principal, { locale: 'hi' }), { code: 'UNAUTHENTICATED' });
    });
  });
}
