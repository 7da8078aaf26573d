// PostgreSQL's locks around the use of a coupon that limits nothing (coupon-uses.ts): checkouts
// with one such code do not wait for each other, and a limit set meanwhile still counts every use.
import t from 'tap';
import type { Test } from 'tap';
import { createKnex, migrateLatest, objectionPersistence } from '../src/adapters/objection/index.js';
import type { Coupon, CouponUse, Persistence } from '../src/index.js';
import { couponRecord } from '../src/testing/persistence/coupons.js';
import { at, orderRecord, seedStore } from '../src/testing/persistence/fixtures.js';
import { testServices, uniqueTestName } from '../src/testing/services.js';

const { postgresUrl } = testServices();

/** A checkout's transaction held open after writing its order and free use, until `release` is called. */
function openCheckout(p: Persistence, coupon: Coupon, phone: string) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let wrote: (recorded: boolean) => void = () => {};
  const written = new Promise<boolean>((resolve) => (wrote = resolve));
  const done = p.transaction(async (tx) => {
    const order = orderRecord(coupon.storeId);
    const use: CouponUse = { couponId: coupon.id, storeId: coupon.storeId, orderId: order.id, phone, at: at() };
    const result = await tx.orders.insertPlaced({ ...order, customer: { ...order.customer, phone } }, { freeCouponUse: use, event: null });
    wrote(result.couponUseRecorded);
    await held;
    return result.couponUseRecorded;
  });
  return { written, release, done };
}

/** Whether `promise` settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const settled = promise.then(() => true, () => true);
  const result = await Promise.race([settled, timeout]);
  clearTimeout(timer);
  return result;
}

if (postgresUrl === null) {
  t.plan(0, 'PostgreSQL not configured');
} else {
  const schema = uniqueTestName('t');
  t.before(async () => {
    const knex = createKnex(postgresUrl, { schema });
    await migrateLatest(knex);
    await knex.destroy();
  });
  t.teardown(async () => {
    const knex = createKnex(postgresUrl);
    await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
    await knex.destroy();
  });

  async function setup(t: Test) {
    const p = objectionPersistence(createKnex(postgresUrl!, { schema }));
    t.teardown(() => p.close());
    const { store } = await seedStore(p);
    const coupon = couponRecord(store.id);
    await p.coupons.insert(coupon);
    return { p, coupon };
  }

  t.test('two checkouts with one coupon that limits nothing do not wait for each other', async (t) => {
    const { p, coupon } = await setup(t);
    const first = openCheckout(p, coupon, '+919700000001');
    t.equal(await first.written, true);
    const second = openCheckout(p, coupon, '+919700000002');
    // With a counter on the coupon row, the second would wait for the first's commit here.
    t.ok(await settlesWithin(second.written, 2000), 'the second writes its use while the first is open');
    second.release();
    first.release();
    t.same(await Promise.all([first.done, second.done]), [true, true]);
    t.equal((await p.coupons.findById(coupon.storeId, coupon.id))?.usedCount, 2);
  });

  t.test('a limit set while a checkout is open waits for it and counts its use', async (t) => {
    const { p, coupon } = await setup(t);
    const open = openCheckout(p, coupon, '+919700000003');
    t.equal(await open.written, true);
    const limiting = p.coupons.update(coupon.storeId, coupon.id, { usageLimit: 1 }, at());
    t.notOk(await settlesWithin(limiting, 300), 'the update waits for the open checkout');
    open.release();
    t.equal(await open.done, true);
    t.equal((await limiting)?.usedCount, 1, 'the use of the checkout it waited for is counted');
  });

  t.test('a checkout arriving while a limit is being set records no free use', async (t) => {
    const { p, coupon } = await setup(t);
    let commit = () => {};
    const held = new Promise<void>((resolve) => (commit = resolve));
    let updated = () => {};
    const isUpdated = new Promise<void>((resolve) => (updated = resolve));
    const limiting = p.transaction(async (tx) => {
      await tx.coupons.update(coupon.storeId, coupon.id, { usageLimit: 1 }, at());
      updated();
      await held;
    });
    await isUpdated;
    const late = openCheckout(p, coupon, '+919700000004');
    t.notOk(await settlesWithin(late.written, 300), 'the checkout waits for the coupon update');
    commit();
    await limiting;
    t.equal(await late.written, false, 'it sees the limit and writes no use (the checkout then claims the coupon)');
    late.release();
    await late.done;
    t.equal((await p.coupons.findById(coupon.storeId, coupon.id))?.usedCount, 0);
  });
}
