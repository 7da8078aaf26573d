import type { Test } from 'tap';
import type { ClaimResult, Coupon } from '../../coupons/coupon.js';
import type { OrderStatus } from '../../orders/order.js';
import type { Persistence } from '../../persistence.js';
import { newId } from '../../shared/id.js';
import { at, open, orderRecord, placeOrder, seedStore, unique } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';

/** A live 10% coupon of the store with a unique code and no limits. */
export function couponRecord(storeId: string, overrides: Partial<Coupon> = {}): Coupon {
  const now = at();
  return {
    id: newId(),
    storeId,
    code: `SAVE-${unique().toUpperCase()}`,
    type: 'percent',
    value: 10,
    minOrderValue: 0,
    maxDiscount: null,
    startsAt: null,
    endsAt: null,
    usageLimit: null,
    perPhoneLimit: null,
    firstOrderOnly: false,
    active: true,
    usedCount: 0,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

/** An order of `phone` at the store, placed in its own transaction. */
function orderOf(p: Persistence, storeId: string, phone: string, status: OrderStatus = 'pending') {
  const order = orderRecord(storeId, { status });
  return placeOrder(p, { ...order, customer: { ...order.customer, phone } });
}

/**
 * As a checkout does, in one transaction: claim the coupon, then write the order and its use.
 * Resolves the claim's answer; a refused claim writes nothing.
 */
function checkout(p: Persistence, coupon: Coupon, phone: string): Promise<ClaimResult> {
  return p.transaction(async (tx) => {
    const result = await tx.coupons.claim(coupon, phone);
    if (result !== 'claimed') return result;
    const order = orderRecord(coupon.storeId);
    await tx.orders.insertWithNextNumber({ ...order, customer: { ...order.customer, phone } });
    await tx.coupons.recordUse({ couponId: coupon.id, storeId: coupon.storeId, orderId: order.id, phone, at: at() });
    return result;
  });
}

/**
 * As a checkout does with a coupon that limits nothing: the order and its use in one step, no
 * claim. Resolves whether the use was written.
 */
function freeCheckout(p: Persistence, coupon: Coupon, phone: string): Promise<boolean> {
  return p.transaction(async (tx) => {
    const order = orderRecord(coupon.storeId);
    const use = { couponId: coupon.id, storeId: coupon.storeId, orderId: order.id, phone, at: at() };
    const written = await tx.orders.insertPlaced({ ...order, customer: { ...order.customer, phone } }, { freeCouponUse: use, event: null });
    return written.couponUseRecorded;
  });
}

/** usedCount as every reader shows it: by id, by code, in the list and among the current offers. */
async function shownCounts(p: Persistence, coupon: Coupon): Promise<(number | undefined)[]> {
  return [
    (await p.coupons.findById(coupon.storeId, coupon.id))?.usedCount,
    (await p.coupons.findByCode(coupon.storeId, coupon.code))?.usedCount,
    (await p.coupons.list(coupon.storeId)).find((c) => c.id === coupon.id)?.usedCount,
    (await p.coupons.listCurrent(coupon.storeId, at())).find((c) => c.id === coupon.id)?.usedCount,
  ];
}

function tally(results: ClaimResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) counts[result] = (counts[result] ?? 0) + 1;
  return counts;
}

/** CouponRepository: round trip, codes per store, tenant isolation, current offers, claims under concurrency, release. */
export function couponTests(t: Test, factory: PersistenceFactory): void {
  t.test('coupons: round trip, newest first, by id and by code, money to 2^53 - 1', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const first = couponRecord(store.id, { type: 'flat', value: Number.MAX_SAFE_INTEGER, minOrderValue: Number.MAX_SAFE_INTEGER });
    const second = couponRecord(store.id, {
      maxDiscount: 5000, startsAt: at(-1000), endsAt: at(60_000), usageLimit: 10, perPhoneLimit: 1, firstOrderOnly: true, active: false,
    });
    t.same(await p.coupons.insert(first), first);
    await p.coupons.insert(second);
    t.same(await p.coupons.list(store.id), [second, first]);
    t.same(await p.coupons.findById(store.id, first.id), first);
    t.same(await p.coupons.findByCode(store.id, second.code), second);
    t.equal(await p.coupons.findByCode(store.id, second.code.toLowerCase()), null, 'the caller upper-cases');
    t.equal(await p.coupons.findByCode(store.id, 'X'.repeat(300)), null, 'a code no column holds is a miss');
    t.equal(await p.coupons.findById(store.id, 'not-an-id\0'), null);
  });

  t.test('coupons: a code is unique per store, on insert and on update', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const coupon = couponRecord(store.id);
    await p.coupons.insert(coupon);
    await t.rejects(p.coupons.insert(couponRecord(store.id, { code: coupon.code })), { code: 'CONFLICT', details: [{ path: 'code' }] });
    await t.resolves(p.coupons.insert(couponRecord(other.store.id, { code: coupon.code })), 'another store may use the same code');
    const second = couponRecord(store.id);
    await p.coupons.insert(second);
    await t.rejects(p.coupons.update(store.id, second.id, { code: coupon.code }, at()), { code: 'CONFLICT', details: [{ path: 'code' }] });
  });

  t.test("coupons: update and delete; another store's coupon is invisible", async (t) => {
    const p = await open(t, factory);
    const mine = await seedStore(p);
    const theirs = await seedStore(p);
    const coupon = couponRecord(theirs.store.id);
    await p.coupons.insert(coupon);
    t.same(await p.coupons.list(mine.store.id), []);
    t.equal(await p.coupons.findById(mine.store.id, coupon.id), null);
    t.equal(await p.coupons.findByCode(mine.store.id, coupon.code), null);
    t.equal(await p.coupons.update(mine.store.id, coupon.id, { value: 50 }, at()), null);
    t.equal(await p.coupons.delete(mine.store.id, coupon.id), false);
    const updatedAt = at(1000);
    const patch = { type: 'flat' as const, value: 15000, maxDiscount: null, endsAt: at(86_400_000), usageLimit: 3, active: false };
    const updated = await p.coupons.update(theirs.store.id, coupon.id, { ...patch, usedCount: 99 } as Partial<Coupon>, updatedAt);
    t.same(updated, { ...coupon, ...patch, usedCount: 99, updatedAt });
    t.same(await p.coupons.findById(theirs.store.id, coupon.id), updated);
    t.same((await p.coupons.update(theirs.store.id, coupon.id, { endsAt: null }, updatedAt))?.endsAt, null, 'a date can be cleared');
    t.equal(await p.coupons.delete(theirs.store.id, coupon.id), true);
    t.equal(await p.coupons.delete(theirs.store.id, coupon.id), false, 'already gone');
  });

  t.test('coupons: listCurrent keeps active, started, unended coupons with uses left', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const now = at();
    const later = new Date(Date.parse(now) + 60_000).toISOString();
    const earlier = new Date(Date.parse(now) - 60_000).toISOString();
    const live = couponRecord(store.id);
    const startsNow = couponRecord(store.id, { startsAt: now, endsAt: later });
    const withUsesLeft = couponRecord(store.id, { usageLimit: 2, usedCount: 1 });
    const hidden = [
      couponRecord(store.id, { active: false }),
      couponRecord(store.id, { startsAt: later }),
      couponRecord(store.id, { endsAt: now }),
      couponRecord(store.id, { startsAt: earlier, endsAt: earlier }),
      couponRecord(store.id, { usageLimit: 2, usedCount: 2 }),
    ];
    for (const coupon of [live, startsNow, withUsesLeft, ...hidden]) await p.coupons.insert(coupon);
    await p.coupons.insert(couponRecord((await seedStore(p)).store.id));
    t.same((await p.coupons.listCurrent(store.id, now)).map((c) => c.code), [withUsesLeft, startsNow, live].map((c) => c.code), 'newest first; a start at `at` is started, an end at `at` has ended');
  });

  t.test('coupons: 50 concurrent checkouts on a coupon limited to 10 claim exactly 10', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const coupon = couponRecord(store.id, { usageLimit: 10 });
    await p.coupons.insert(coupon);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => checkout(p, coupon, `+9198${String(i).padStart(8, '0')}`)));
    t.same(tally(results), { claimed: 10, used_up: 40 });
    t.equal((await p.coupons.findById(store.id, coupon.id))?.usedCount, 10);
    t.equal((await p.orders.list(store.id, { limit: 100 })).items.length, 10, 'one order per claimed use');
    t.same(await p.coupons.listCurrent(store.id, at()), [], 'a used-up coupon is no offer');
  });

  t.test('coupons: a coupon that limits nothing counts the uses written with its orders, exactly, wherever it is shown', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const coupon = couponRecord(store.id);
    await p.coupons.insert(coupon);
    const recorded = await Promise.all(Array.from({ length: 20 }, (_, i) => freeCheckout(p, coupon, `+9197${String(i).padStart(8, '0')}`)));
    t.same(recorded, Array.from({ length: 20 }, () => true), 'every use written, none refused');
    t.same(await shownCounts(p, coupon), [20, 20, 20, 20]);
    t.equal((await p.coupons.findForCheckout(store.id, coupon.code))?.usedCount, null, 'the checkout does not count them');
    t.equal((await p.orders.list(store.id, { limit: 100 })).items.length, 20);
    const [order] = (await p.orders.list(store.id, { limit: 1 })).items;
    t.equal(await p.coupons.release(store.id, order!.id), true);
    t.same(await shownCounts(p, coupon), [19, 19, 19, 19], 'a cancelled order gives its use back');
    t.equal(await p.coupons.release(store.id, order!.id), false, 'only once');
    t.same(await shownCounts(p, coupon), [19, 19, 19, 19]);
  });

  t.test('coupons: a limit set on a coupon with uses counts from them; the checkout then claims it', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const coupon = couponRecord(store.id);
    await p.coupons.insert(coupon);
    for (let i = 0; i < 3; i += 1) t.equal(await freeCheckout(p, coupon, `+9196${String(i).padStart(8, '0')}`), true);
    const limited = await p.coupons.update(store.id, coupon.id, { usageLimit: 5 }, at());
    t.equal(limited?.usedCount, 3, 'the counter starts at the uses recorded while it limited nothing');
    t.same((await p.coupons.findForCheckout(store.id, coupon.code))?.usedCount, 3, 'and the checkout reads it');
    t.equal(await freeCheckout(p, coupon, '+919600000009'), false, 'a checkout that read it before the limit writes no use');
    t.same(await shownCounts(p, coupon), [3, 3, 3, 3]);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => checkout(p, { ...coupon, usageLimit: 5 }, `+9195${String(i).padStart(8, '0')}`)));
    t.same(tally(results), { claimed: 2, used_up: 4 }, 'the limit counts the earlier uses');
    t.same(await shownCounts(p, coupon), [5, 5, 5, 5].map((n, i) => (i === 3 ? undefined : n)), 'used up: no longer an offer');
    const [order] = (await p.orders.list(store.id, { limit: 1 })).items;
    t.equal(await p.coupons.release(store.id, order!.id), true);
    t.equal((await p.coupons.findById(store.id, coupon.id))?.usedCount, 4, 'a limited coupon gives its use back to its counter');
    t.equal((await p.coupons.update(store.id, coupon.id, { usageLimit: null }, at()))?.usedCount, 4, 'the limit lifted: counted from its uses again');
    t.equal(await freeCheckout(p, coupon, '+919600000010'), true);
    t.equal((await p.coupons.update(store.id, coupon.id, { perPhoneLimit: 3 }, at()))?.usedCount, 5, 'another limit later: counted again');
    t.equal(await p.coupons.delete(store.id, coupon.id), true);
    t.equal(await freeCheckout(p, coupon, '+919600000011'), false, 'a deleted coupon records nothing');
  });

  t.test('coupons: 10 concurrent checkouts from one phone on a once-per-customer coupon claim 1', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const coupon = couponRecord(store.id, { perPhoneLimit: 1, usageLimit: 100 });
    await p.coupons.insert(coupon);
    const phone = '+919811111111';
    const results = await Promise.all(Array.from({ length: 10 }, () => checkout(p, coupon, phone)));
    t.same(tally(results), { claimed: 1, per_customer_limit: 9 });
    t.equal((await p.coupons.findById(store.id, coupon.id))?.usedCount, 1, 'a refused claim gives its use back');
    t.equal(await checkout(p, coupon, '+919822222222'), 'claimed', 'another phone still may');
    const twice = couponRecord(store.id, { perPhoneLimit: 2 });
    await p.coupons.insert(twice);
    t.same([await checkout(p, twice, phone), await checkout(p, twice, phone), await checkout(p, twice, phone)], ['claimed', 'claimed', 'per_customer_limit']);
  });

  t.test('coupons: first order only counts earlier orders that were not rejected or cancelled', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const coupon = couponRecord(store.id, { firstOrderOnly: true });
    await p.coupons.insert(coupon);
    const phone = '+919833333333';
    await orderOf(p, store.id, phone, 'cancelled');
    await orderOf(p, store.id, phone, 'rejected');
    await orderOf(p, other.store.id, phone);
    t.equal(await p.transaction((tx) => tx.coupons.claim(coupon, phone)), 'claimed', 'cancelled, rejected and other stores\' orders do not count');
    await orderOf(p, store.id, phone, 'delivered');
    t.equal(await p.transaction((tx) => tx.coupons.claim(coupon, phone)), 'first_order_only');
    t.equal((await p.coupons.findById(store.id, coupon.id))?.usedCount, 1, 'the refused claim left no use');
  });

  t.test('coupons: release gives a cancelled order its use back, once', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const coupon = couponRecord(store.id, { usageLimit: 1, perPhoneLimit: 1 });
    await p.coupons.insert(coupon);
    const phone = '+919844444444';
    t.equal(await checkout(p, coupon, phone), 'claimed');
    t.equal(await checkout(p, coupon, '+919855555555'), 'used_up');
    const [order] = (await p.orders.list(store.id, { limit: 10 })).items;
    t.equal(await p.coupons.release(store.id, newId()), false, 'an order without a use');
    t.equal(await p.coupons.release((await seedStore(p)).store.id, order!.id), false, "another store's order");
    t.equal(await p.transaction((tx) => tx.coupons.release(store.id, order!.id)), true);
    t.equal(await p.coupons.release(store.id, order!.id), false, 'only once');
    t.equal((await p.coupons.findById(store.id, coupon.id))?.usedCount, 0);
    t.equal(await checkout(p, coupon, phone), 'claimed', 'the use and the per-phone allowance are back');
  });

  t.test('coupons: deleting a coupon removes its uses; its orders stay', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const coupon = couponRecord(store.id);
    await p.coupons.insert(coupon);
    t.equal(await checkout(p, coupon, '+919866666666'), 'claimed');
    t.equal(await p.coupons.delete(store.id, coupon.id), true);
    const [order] = (await p.orders.list(store.id, { limit: 10 })).items;
    t.ok(order, 'the order stays');
    t.equal(await p.coupons.release(store.id, order!.id), false, 'no use left to give back');
  });
}
