import t from 'tap';
import { couponRefusal, couponRefusalMessage, couponStatus, type Coupon } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';
import { openStore } from './support/orders.js';

const hour = 3_600_000;
const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

/** A coupon as stored, for the pure rules. */
function stored(overrides: Partial<Coupon> = {}): Coupon {
  return {
    id: 'c1', storeId: 's1', code: 'SAVE10', type: 'percent', value: 10, minOrderValue: 0, maxDiscount: null, startsAt: null, endsAt: null,
    usageLimit: null, perPhoneLimit: null, firstOrderOnly: false, active: true, usedCount: 0, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

t.test('couponRefusal: unknown, inactive, not started, expired, used up, below minimum, in that order', async (t) => {
  const at = '2026-12-01T10:00:00.000Z';
  t.equal(couponRefusal(null, at, 0), 'unknown');
  t.equal(couponRefusal(stored({ active: false, endsAt: '2026-01-01T00:00:00.000Z' }), at, 0), 'inactive');
  t.equal(couponRefusal(stored({ startsAt: '2026-12-01T10:00:00.001Z' }), at, 0), 'not_started');
  t.equal(couponRefusal(stored({ startsAt: at }), at, 0), null, 'starts at `at`: started');
  t.equal(couponRefusal(stored({ endsAt: at }), at, 0), 'expired', 'ends at `at`: ended');
  t.equal(couponRefusal(stored({ usageLimit: 3, usedCount: 3, minOrderValue: 100 }), at, 0), 'used_up', 'used up before below minimum');
  t.equal(couponRefusal(stored({ minOrderValue: 50000 }), at, 49999), 'below_minimum');
  t.equal(couponRefusal(stored({ minOrderValue: 50000 }), at, 50000), null, 'the minimum itself is enough');
});

t.test('couponRefusalMessage: sentences a customer understands, in the store time zone', async (t) => {
  const at = '2026-12-05T10:00:00.000Z';
  const opts = { timeZone: 'Asia/Kolkata', at };
  t.equal(couponRefusalMessage('unknown', null, 'INR', opts), 'This code is not valid');
  t.equal(couponRefusalMessage('inactive', stored({ active: false }), 'INR', opts), 'This code is not valid', 'an inactive code reads as an unknown one');
  // Midnight in Kolkata on 4 Dec: the code was good through 3 Dec.
  t.equal(couponRefusalMessage('expired', stored({ endsAt: '2026-12-03T18:30:00.000Z' }), 'INR', opts), 'This code expired on 3 Dec');
  t.equal(couponRefusalMessage('expired', stored({ endsAt: '2025-12-03T18:30:00.000Z' }), 'INR', opts), 'This code expired on 3 Dec 2025', 'another year is named');
  t.match(couponRefusalMessage('not_started', stored({ startsAt: '2026-12-10T04:30:00.000Z' }), 'INR', opts), /^SAVE10 can be used from 10 Dec, 10:00 am$/i);
  t.equal(couponRefusalMessage('below_minimum', stored({ minOrderValue: 50000 }), 'INR', { ...opts, itemsSubtotal: 35000 }), 'Add ₹150.00 more to use SAVE10');
  t.equal(couponRefusalMessage('below_minimum', stored({ minOrderValue: 50000 }), 'INR', opts), 'SAVE10 needs items worth at least ₹500.00');
  t.match(couponRefusalMessage('used_up', stored(), 'INR'), /SAVE10 has been used as many times/);
  t.equal(couponRefusalMessage('per_customer_limit', stored({ perPhoneLimit: 1 }), 'INR'), 'You have already used SAVE10');
  t.equal(couponRefusalMessage('first_order_only', stored(), 'INR'), 'SAVE10 is only for your first order at this store');
});

t.test('couponStatus: inactive, expired, used up, scheduled, active', async (t) => {
  const at = '2026-12-01T10:00:00.000Z';
  t.equal(couponStatus(stored({ active: false }), at), 'inactive');
  t.equal(couponStatus(stored({ endsAt: at }), at), 'expired');
  t.equal(couponStatus(stored({ usageLimit: 1, usedCount: 1 }), at), 'used_up');
  t.equal(couponStatus(stored({ startsAt: '2026-12-02T00:00:00.000Z' }), at), 'scheduled');
  t.equal(couponStatus(stored(), at), 'active');
});

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open({ limits: { checkout: 3 } });
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    let addresses = 0;
    const address = () => `198.51.100.${(addresses += 1)}`;

    t.test('create: the code is stored upper-case, the rest takes its defaults', async (t) => {
      const { store } = await openStore(dukaan);
      const coupon = await dukaan.coupons.create(store.id, { code: ' save10 ', type: 'percent', value: 10 });
      t.match(coupon, {
        storeId: store.id, code: 'SAVE10', type: 'percent', value: 10, minOrderValue: 0, maxDiscount: null, startsAt: null, endsAt: null,
        usageLimit: null, perPhoneLimit: null, firstOrderOnly: false, active: true, usedCount: 0,
      });
      t.same(await dukaan.coupons.get(store.id, coupon.id), coupon);
      await t.rejects(dukaan.coupons.create(store.id, { code: 'Save10', type: 'flat', value: 5000 }), { code: 'CONFLICT', details: [{ path: 'code' }] }, 'codes ignore case');
      const dated = await dukaan.coupons.create(store.id, { code: 'DIWALI', type: 'flat', value: 10000, startsAt: '2026-11-01T00:00:00+05:30', endsAt: '2026-11-15T00:00:00+05:30' });
      t.equal(dated.startsAt, '2026-10-31T18:30:00.000Z', 'instants are stored as UTC');
      t.same((await dukaan.coupons.list(store.id)).map((c) => c.code), ['DIWALI', 'SAVE10'], 'newest first');
    });

    t.test('create: every bad field is named, with rules between fields', async (t) => {
      const { store } = await openStore(dukaan);
      await t.rejects(dukaan.coupons.create(store.id, { code: 'ab', type: 'half', value: 0, usageLimit: 0, startsAt: '2026-11-01T00:00' }), {
        code: 'VALIDATION_FAILED',
        details: [
          { path: 'code', message: 'Code must be at least 3 characters long' },
          { path: 'type', message: 'Type must be "percent" or "flat"' },
          { path: 'value', message: 'Value must be at least 1' },
          { path: 'startsAt', message: /time zone/ },
          { path: 'usageLimit', message: /at least 1, or null/ },
        ],
      });
      await t.rejects(dukaan.coupons.create(store.id, { code: 'NO SPACES', type: 'percent', value: 5 }), { code: 'VALIDATION_FAILED', details: [{ path: 'code', message: /letters, digits, - and _/ }] });
      await t.rejects(dukaan.coupons.create(store.id, { code: 'HALF', type: 'percent', value: 101 }), { code: 'VALIDATION_FAILED', details: [{ path: 'value', message: 'A percent discount must be from 1 to 100' }] });
      await t.rejects(dukaan.coupons.create(store.id, { code: 'FLAT', type: 'flat', value: 100, maxDiscount: 50 }), { code: 'VALIDATION_FAILED', details: [{ path: 'maxDiscount', message: /flat discount cannot have a maximum/ }] });
      await t.rejects(
        dukaan.coupons.create(store.id, { code: 'BACK', type: 'flat', value: 100, startsAt: '2026-11-02T00:00:00Z', endsAt: '2026-11-01T00:00:00Z' }),
        { code: 'VALIDATION_FAILED', details: [{ path: 'endsAt', message: 'End must be later than the start' }] },
      );
      t.same(await dukaan.coupons.list(store.id), [], 'nothing was stored');
    });

    t.test("update and delete: rules judged on the coupon as it will be; another store's coupon is not found", async (t) => {
      const { store } = await openStore(dukaan);
      const { store: other } = await openStore(dukaan);
      const coupon = await dukaan.coupons.create(store.id, { code: 'TEN', type: 'percent', value: 10, maxDiscount: 20000 });
      await t.rejects(dukaan.coupons.update(store.id, coupon.id, { type: 'flat' }), { code: 'VALIDATION_FAILED', details: [{ path: 'maxDiscount' }] }, 'a flat coupon cannot keep the cap');
      const flat = await dukaan.coupons.update(store.id, coupon.id, { type: 'flat', value: 5000, maxDiscount: null, code: 'fifty' });
      t.match(flat, { code: 'FIFTY', type: 'flat', value: 5000, maxDiscount: null });
      await t.rejects(dukaan.coupons.update(store.id, coupon.id, {}), { code: 'VALIDATION_FAILED' });
      await t.rejects(dukaan.coupons.update(other.id, coupon.id, { value: 1 }), { code: 'NOT_FOUND' });
      await t.rejects(dukaan.coupons.get(other.id, coupon.id), { code: 'NOT_FOUND' });
      await t.rejects(dukaan.coupons.delete(other.id, coupon.id), { code: 'NOT_FOUND' });
      await dukaan.coupons.delete(store.id, coupon.id);
      await t.rejects(dukaan.coupons.get(store.id, coupon.id), { code: 'NOT_FOUND' });
    });

    t.test('check: terms for a live code in any case; each refusal with its reason and sentence', async (t) => {
      const { store } = await openStore(dukaan);
      await dukaan.coupons.create(store.id, { code: 'SAVE10', type: 'percent', value: 10, minOrderValue: 50000, maxDiscount: 10000, endsAt: isoIn(24 * hour), firstOrderOnly: true });
      await dukaan.coupons.create(store.id, { code: 'PAUSED', type: 'flat', value: 100, active: false });
      await dukaan.coupons.create(store.id, { code: 'LATER', type: 'flat', value: 100, startsAt: isoIn(hour) });
      await dukaan.coupons.create(store.id, { code: 'OVER', type: 'flat', value: 100, startsAt: isoIn(-2 * hour), endsAt: isoIn(-hour) });
      const { terms } = await dukaan.coupons.check(store.slug, 'save10', 60000);
      t.same(terms, { code: 'SAVE10', type: 'percent', value: 10, minOrderValue: 50000, maxDiscount: 10000, endsAt: terms.endsAt, firstOrderOnly: true });
      t.ok(terms.endsAt);
      t.same((await dukaan.coupons.check(store.slug, 'SAVE10')).terms.code, 'SAVE10', 'without a subtotal the minimum is not checked');
      const refused = async (code: string, subtotal: number | undefined, reason: string, message: string | RegExp) => {
        await t.rejects(dukaan.coupons.check(store.slug, code, subtotal), { code: 'COUPON_NOT_APPLICABLE', reason, message, details: [{ path: 'couponCode', message }] }, `${code}: ${reason}`);
      };
      await refused('SAVE10', 35000, 'below_minimum', 'Add ₹150.00 more to use SAVE10');
      await refused('NOPE', 60000, 'unknown', 'This code is not valid');
      await refused('PAUSED', 60000, 'unknown', 'This code is not valid');
      await refused('x', 60000, 'unknown', 'This code is not valid');
      await refused('LATER', 60000, 'not_started', /^LATER can be used from /);
      await refused('OVER', 60000, 'expired', /^This code expired on /);
      await t.rejects(dukaan.coupons.check('no-such-store', 'SAVE10'), { code: 'NOT_FOUND' });
    });

    t.test('check: failed guesses are limited per address; live codes do not count', async (t) => {
      const { store } = await openStore(dukaan);
      await dukaan.coupons.create(store.id, { code: 'REAL', type: 'flat', value: 100, minOrderValue: 1000 });
      await dukaan.coupons.create(store.id, { code: 'PAUSED', type: 'flat', value: 100, active: false });
      const from = address();
      const check = (code: string, subtotal?: number) => dukaan.coupons.check(store.slug, code, subtotal, { clientAddress: from });
      for (let i = 0; i < 5; i += 1) await check('REAL');
      await t.rejects(check('REAL', 10), { code: 'COUPON_NOT_APPLICABLE', reason: 'below_minimum' }, 'a refusal of a real code is not a guess');
      await t.rejects(check('GUESS1'), { code: 'COUPON_NOT_APPLICABLE', reason: 'unknown' });
      await t.rejects(check('PAUSED'), { code: 'COUPON_NOT_APPLICABLE', reason: 'unknown' });
      await t.rejects(check('GUESS2'), { code: 'COUPON_NOT_APPLICABLE', reason: 'unknown' });
      await t.rejects(check('GUESS3'), { code: 'RATE_LIMITED' }, 'the 4th guess in a minute');
      await t.rejects(check('REAL'), { code: 'RATE_LIMITED' }, 'the address waits, whatever it asks');
      t.equal((await dukaan.coupons.check(store.slug, 'REAL', undefined, { clientAddress: address() })).terms.code, 'REAL', 'another address is not affected');
    });

    t.test('current offers: live coupons with public terms only', async (t) => {
      const { store } = await openStore(dukaan);
      await dukaan.coupons.create(store.id, { code: 'FIRST', type: 'flat', value: 5000, firstOrderOnly: true, usageLimit: 100, perPhoneLimit: 1 });
      await dukaan.coupons.create(store.id, { code: 'PAUSED', type: 'flat', value: 100, active: false });
      await dukaan.coupons.create(store.id, { code: 'LATER', type: 'flat', value: 100, startsAt: isoIn(hour) });
      await dukaan.coupons.create(store.id, { code: 'PCT', type: 'percent', value: 15, maxDiscount: 20000, endsAt: '2099-01-01T00:00:00Z' });
      t.same(await dukaan.coupons.currentOffers(store.slug), [
        { code: 'PCT', type: 'percent', value: 15, minOrderValue: 0, maxDiscount: 20000, endsAt: '2099-01-01T00:00:00.000Z', firstOrderOnly: false },
        { code: 'FIRST', type: 'flat', value: 5000, minOrderValue: 0, maxDiscount: null, endsAt: null, firstOrderOnly: true },
      ]);
    });

    t.test('every coupon write replaces what the store page cached', async (t) => {
      const { store } = await openStore(dukaan);
      let loads = 0;
      const cached = () => dukaan.storefront.cached(store.id, 'coupon-test', async () => (loads += 1));
      const settle = async () => {
        await cached();
        const before = loads;
        await cached();
        t.equal(loads, before, 'cached between writes');
        return before;
      };
      let seen = await settle();
      const coupon = await dukaan.coupons.create(store.id, { code: 'WRITE', type: 'flat', value: 100 });
      await cached();
      t.equal(loads, seen + 1, 'after create');
      seen = await settle();
      await dukaan.coupons.update(store.id, coupon.id, { active: false });
      await cached();
      t.equal(loads, seen + 1, 'after update');
      seen = await settle();
      await dukaan.coupons.delete(store.id, coupon.id);
      await cached();
      t.equal(loads, seen + 1, 'after delete');
    });
  });
}
