// The store settings payments need: the UPI ID, the methods offered, the time zone, the
// new-order email switch. Defaults for a new store, validation at the border, and the rule that
// UPI is offered only with a UPI ID and prices in rupees.
import t from 'tap';
import { canonicalTimeZone, isTimeZone, toVendorStoreView } from '../src/index.js';
import { cachedTimeZoneFormats, localDate, maxCachedTimeZoneFormats } from '../src/shared/time-zone.js';
import { coreVariants } from './support/core-variants.js';
import { openStore } from './support/orders.js';

t.test('isTimeZone: names the runtime knows, nothing else', async (t) => {
  for (const name of ['Asia/Kolkata', 'Asia/Calcutta', 'Europe/London', 'America/New_York', 'UTC', 'asia/kolkata']) t.ok(isTimeZone(name), name);
  for (const name of ['', 'Mars/Olympus', '+05:30', 'IST+5', 'Asia/Kolkata\0', ' Asia/Kolkata', '../../etc/passwd', 'A'.repeat(65), 'Asia/'.repeat(1000)]) {
    t.notOk(isTimeZone(name), JSON.stringify(name.slice(0, 20)));
  }
});

t.test('canonicalTimeZone: any letter case in, the listed spelling out', async (t) => {
  const cases: Array<[string, string]> = [
    ['asia/kolkata', 'Asia/Kolkata'],
    ['ASIA/KOLKATA', 'Asia/Kolkata'],
    ['aSiA/kOlKaTa', 'Asia/Kolkata'],
    ['utc', 'UTC'],
    ['europe/london', 'Europe/London'],
    ['america/new_york', 'America/New_York'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Europe/London', 'Europe/London'],
  ];
  for (const [input, expected] of cases) t.equal(canonicalTimeZone(input), expected, input);
  for (const name of ['', 'Mars/Olympus', '+05:30', 'Asia/Kolkata\0', 'A'.repeat(65)]) t.equal(canonicalTimeZone(name), null, JSON.stringify(name.slice(0, 20)));
});

t.test('the per-zone format cache stays bounded, whatever strings reach it', async (t) => {
  const at = new Date('2026-03-01T12:00:00Z');
  // Case variants the runtime accepts: before the fix each one kept a format for ever.
  const base = 'america/argentina/buenos_aires';
  for (let i = 0; i < 500; i++) {
    const variant = [...base].map((c, j) => ((i >> j % 9) & 1 ? c.toUpperCase() : c)).join('');
    localDate(at, variant);
  }
  t.ok(cachedTimeZoneFormats() <= maxCachedTimeZoneFormats, `at most ${maxCachedTimeZoneFormats} kept (${cachedTimeZoneFormats()})`);
  t.equal(localDate(at, 'Asia/Kolkata'), '2026-03-01', 'still right after evictions');
});

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;

    t.test('a new store takes cash only, in Asia/Kolkata, and mails each new order', async (t) => {
      const { store } = await openStore(dukaan);
      t.match(store, { upiId: null, paymentMethods: ['cod'], timeZone: 'Asia/Kolkata', newOrderEmails: true });
      t.match(toVendorStoreView(store), { upiId: null, paymentMethods: ['cod'], timeZone: 'Asia/Kolkata', newOrderEmails: true });
      const view = await dukaan.storefront.view(store.slug);
      t.same(view.view.store.paymentMethods, ['cod'], 'checkout learns the methods from the public view');
      t.notOk('upiId' in view.view.store || 'newOrderEmails' in view.view.store || 'timeZone' in view.view.store, 'the rest stays with the vendor');
    });

    t.test('the settings round-trip, and each changes alone', async (t) => {
      const { store } = await openStore(dukaan);
      const updated = await dukaan.stores.update(store.id, { upiId: ' asha.rao-1_x@okicici ', paymentMethods: ['upi', 'cod'], timeZone: 'Europe/London', newOrderEmails: false });
      t.match(updated, { upiId: 'asha.rao-1_x@okicici', paymentMethods: ['upi', 'cod'], timeZone: 'Europe/London', newOrderEmails: false });
      t.same(await dukaan.stores.get(store.id), updated, 'read back alike');
      const cashAgain = await dukaan.stores.update(store.id, { paymentMethods: 'cod' });
      t.same(cashAgain.paymentMethods, ['cod'], 'one value alone is a list of one (a form sends it so)');
      t.equal((await dukaan.stores.update(store.id, { upiId: '' })).upiId, null, "'' removes the UPI ID");
      t.equal((await dukaan.stores.update(store.id, { upiId: '9876543210@ybl' })).upiId, '9876543210@ybl');
      t.equal((await dukaan.stores.update(store.id, { upiId: null })).upiId, null, 'so does null');
      t.equal((await dukaan.stores.update(store.id, { newOrderEmails: true })).newOrderEmails, true);
      const view = await dukaan.storefront.view(store.slug);
      t.same(view.view.store.paymentMethods, ['cod']);
    });

    t.test('a time zone in any letter case is stored in its listed spelling', async (t) => {
      const { store } = await openStore(dukaan);
      t.equal((await dukaan.stores.update(store.id, { timeZone: 'aSiA/kOlKaTa' })).timeZone, 'Asia/Kolkata');
      t.equal((await dukaan.stores.update(store.id, { timeZone: ' europe/LONDON ' })).timeZone, 'Europe/London');
      t.equal((await dukaan.stores.get(store.id)).timeZone, 'Europe/London', 'read back in the listed spelling');
      t.equal((await dukaan.stores.update(store.id, { timeZone: 'utc' })).timeZone, 'UTC');
    });

    t.test('UPI needs a UPI ID and the INR currency', async (t) => {
      const { store } = await openStore(dukaan);
      await t.rejects(dukaan.stores.update(store.id, { paymentMethods: ['cod', 'upi'] }), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'upiId', message: "Enter the store's UPI ID to take UPI payments" }],
      });
      t.same((await dukaan.stores.get(store.id)).paymentMethods, ['cod'], 'nothing changed');
      await dukaan.stores.update(store.id, { paymentMethods: ['cod', 'upi'], upiId: 'shop@paytm' });
      await t.rejects(dukaan.stores.update(store.id, { upiId: null }), { code: 'VALIDATION_FAILED', details: [{ path: 'upiId', message: /take UPI off the payment methods/ }] });
      await t.rejects(dukaan.stores.update(store.id, { upiId: '' }), { code: 'VALIDATION_FAILED', details: [{ path: 'upiId' }] });
      await t.rejects(dukaan.stores.update(store.id, { currency: 'USD' }), { code: 'VALIDATION_FAILED', details: [{ path: 'currency', message: /must be INR/ }] });
      const done = await dukaan.stores.update(store.id, { paymentMethods: ['cod'], upiId: null, currency: 'USD' });
      t.match(done, { paymentMethods: ['cod'], upiId: null, currency: 'USD' }, 'turning UPI off and removing the ID together is fine');
      await t.rejects(dukaan.stores.update(store.id, { paymentMethods: ['upi'], upiId: 'shop@paytm' }), { code: 'VALIDATION_FAILED', details: [{ path: 'paymentMethods', message: /must be INR/ }] });
    });

    t.test('bad values are 400 with a message per field, never stored', async (t) => {
      const { store } = await openStore(dukaan);
      const bad: Array<[Record<string, unknown>, string]> = [
        [{ upiId: 'no-at-sign' }, 'upiId'],
        [{ upiId: 'a@b' }, 'upiId'],
        [{ upiId: 'x@1bank' }, 'upiId'],
        [{ upiId: 'asha@ok hdfc' }, 'upiId'],
        [{ upiId: 'as\0ha@okhdfc' }, 'upiId'],
        [{ upiId: `${'a'.repeat(95)}@okhdfc` }, 'upiId'],
        [{ upiId: `${'a'.repeat(100_000)}@okhdfc` }, 'upiId'],
        [{ upiId: 'asha@okhdfc\nBcc: x' }, 'upiId'],
        [{ upiId: 42 }, 'upiId'],
        [{ paymentMethods: [] }, 'paymentMethods'],
        [{ paymentMethods: ['cod', 'cod'] }, 'paymentMethods.1'],
        [{ paymentMethods: ['card'] }, 'paymentMethods.0'],
        [{ paymentMethods: 'cod,upi' }, 'paymentMethods'],
        [{ paymentMethods: null }, 'paymentMethods'],
        [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
        [{ timeZone: '+05:30' }, 'timeZone'],
        [{ timeZone: 'Asia/Kolkata\0' }, 'timeZone'],
        [{ timeZone: 'Asia/'.repeat(100_000) }, 'timeZone'],
        [{ timeZone: '' }, 'timeZone'],
        [{ newOrderEmails: 'yes' }, 'newOrderEmails'],
        [{ newOrderEmails: 1 }, 'newOrderEmails'],
      ];
      for (const [input, path] of bad) {
        const error = await dukaan.stores.update(store.id, input).then(
          () => null,
          (e: unknown) => e as { code?: string; details?: Array<{ path: string; message: string }> },
        );
        t.equal(error?.code, 'VALIDATION_FAILED', `${JSON.stringify(input).slice(0, 50)} is refused`);
        t.equal(error?.details?.[0]?.path, path);
        t.ok((error?.details?.[0]?.message.length ?? 0) < 200, 'the message is a line, not the input echoed back');
      }
      t.match(await dukaan.stores.get(store.id), { upiId: null, paymentMethods: ['cod'], timeZone: 'Asia/Kolkata', newOrderEmails: true });
    });
  });
}
