import type { Test } from 'tap';
import { oldSlugsKept } from '../../vendors/store-repository.js';
import { at, conflictOn, open, seedStore, storeRecord, unique, vendorRecord } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';

/** Insert and lookups; a taken slug; settings updates. */
function storeRecordTests(t: Test, factory: PersistenceFactory): void {
  t.test('stores: insert, then find by id, by vendor and by slug', async (t) => {
    const p = await open(t, factory);
    const { vendor, store } = await seedStore(p);
    t.same(await p.stores.findById(store.id), store);
    t.same(await p.stores.lock(store.id), store, 'lock outside a transaction reads like findById');
    t.same(await p.transaction((tx) => tx.stores.lock(store.id)), store, 'and inside one');
    t.equal(await p.stores.lock(vendorRecord().id), null, 'lock: unknown id');
    t.same(await p.stores.findByVendorId(vendor.id), store);
    t.same(await p.stores.resolveSlug(store.slug), { storeId: store.id, currentSlug: store.slug });
    t.equal(await p.stores.findById(vendorRecord().id), null, 'unknown id');
    t.equal(await p.stores.findByVendorId(vendorRecord().id), null, 'vendor without a store');
    t.equal(await p.stores.resolveSlug(`none-${unique()}`), null, 'unknown slug');
  });

  t.test('stores: a taken slug is a ConflictError on `slug`', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = vendorRecord();
    await p.vendors.insert(other);
    await t.rejects(p.stores.insert(storeRecord(other.id, { slug: store.slug })), conflictOn('slug'));
    t.equal(await p.stores.findByVendorId(other.id), null, 'nothing of the failed store is left');
  });

  t.test('stores: update changes only the given settings', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const updatedAt = at(1000);
    const patch = { name: 'Chai Point', isOpen: false, freeDeliveryAbove: null, autoAcceptOrders: true, logoUrl: '/media/logo.png' };
    const updated = await p.stores.update(store.id, patch, updatedAt);
    t.same(updated, { ...store, ...patch, updatedAt });
    t.same(await p.stores.findById(store.id), updated);
    t.equal(await p.stores.update(vendorRecord().id, { name: 'x' }, updatedAt), null, 'unknown store');
  });

  t.test('stores: the payment settings round-trip, the methods as a list', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    t.match(await p.stores.findById(store.id), { upiId: null, paymentMethods: ['cod'], timeZone: 'Asia/Kolkata', newOrderEmails: true });
    const patch = { upiId: 'chai@okaxis', paymentMethods: ['upi', 'cod'] as ('cod' | 'upi')[], timeZone: 'Europe/London', newOrderEmails: false };
    const when = at(1000);
    const updated = await p.stores.update(store.id, patch, when);
    t.same(updated, { ...store, ...patch, updatedAt: when });
    t.same(await p.stores.findById(store.id), updated, 'read back in the order given');
    t.same((await p.stores.update(store.id, { paymentMethods: ['cod'] }, at(2000)))?.paymentMethods, ['cod']);
    const { store: upiStore } = await seedStore(p, { upiId: 'x1@ybl', paymentMethods: ['upi'], newOrderEmails: false });
    t.same(await p.stores.findById(upiStore.id), upiStore, 'insert writes them too');
  });

  t.test('stores: the customers\' language round-trips, English by default', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    t.equal((await p.stores.findById(store.id))?.locale, 'en');
    const when = at(1000);
    const updated = await p.stores.update(store.id, { locale: 'hi' }, when);
    t.same(updated, { ...store, locale: 'hi', updatedAt: when });
    t.same(await p.stores.findById(store.id), updated);
    t.equal((await p.stores.update(store.id, { name: 'Chai Point' }, at(2000)))?.locale, 'hi', 'other changes leave it');
    const { store: hindiStore } = await seedStore(p, { locale: 'hi' });
    t.same(await p.stores.findById(hindiStore.id), hindiStore, 'insert writes it too');
  });

  t.test('stores: lock holds the store until the transaction ends', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const steps: string[] = [];
    const first = p.transaction(async (tx) => {
      await tx.stores.lock(store.id);
      steps.push('first locked');
      await new Promise((resolve) => setTimeout(resolve, 150));
      await tx.stores.update(store.id, { name: 'First' }, store.updatedAt);
      steps.push('first done');
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = p.transaction(async (tx) => {
      const seen = await tx.stores.lock(store.id);
      steps.push('second locked');
      return seen?.name;
    });
    await first;
    t.equal(await second, 'First', 'the second saw what the first committed');
    t.same(steps, ['first locked', 'first done', 'second locked'], 'the second waited for the first');
  });
}

/** Slug changes: old slugs resolve and stay reserved, malformed ones miss, only the newest few are kept. */
function storeSlugTests(t: Test, factory: PersistenceFactory): void {
  t.test('stores: changeSlug keeps old slugs resolving and reserved', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const first = store.slug;
    const second = `new-${unique()}`;
    const changed = await p.stores.changeSlug(store.id, second, at(1000));
    t.equal(changed.slug, second);
    t.same(await p.stores.resolveSlug(first), { storeId: store.id, currentSlug: second }, 'old slug resolves');
    t.same(await p.stores.resolveSlug(second), { storeId: store.id, currentSlug: second });

    const other = await seedStore(p);
    await t.rejects(p.stores.changeSlug(other.store.id, first, at()), conflictOn('slug'), 'an old slug stays reserved');
    await t.rejects(p.stores.changeSlug(other.store.id, second, at()), conflictOn('slug'), 'a current slug is taken');
    const vendor = vendorRecord();
    await p.vendors.insert(vendor);
    await t.rejects(p.stores.insert(storeRecord(vendor.id, { slug: first })), conflictOn('slug'), 'also for a new store');

    const back = await p.stores.changeSlug(store.id, first, at(2000));
    t.equal(back.slug, first, 'a store may return to its old slug');
    t.same(await p.stores.resolveSlug(second), { storeId: store.id, currentSlug: first });
    t.equal((await p.stores.changeSlug(store.id, first, at(3000))).slug, first, 'the current slug again is a no-op');
  });

  t.test('stores: slugs no column holds resolve to nothing', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    for (const slug of [`${store.slug}\0`, '\0', 'a'.repeat(65), 'é'.repeat(1000)]) {
      t.equal(await p.stores.resolveSlug(slug), null, JSON.stringify(slug.slice(0, 12)));
    }
  });

  t.test(`stores: a store keeps its ${oldSlugsKept} most recent earlier slugs; older ones are freed`, async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const slugs = [store.slug, ...Array.from({ length: oldSlugsKept + 3 }, (_, i) => `s${i}-${unique()}`)];
    for (const [i, slug] of slugs.slice(1).entries()) await p.stores.changeSlug(store.id, slug, at(1000 * (i + 1)));
    const current = slugs[slugs.length - 1]!;
    const kept = slugs.slice(-1 - oldSlugsKept, -1);
    const freed = slugs.slice(0, -1 - oldSlugsKept);
    for (const slug of [current, ...kept]) t.same(await p.stores.resolveSlug(slug), { storeId: store.id, currentSlug: current }, slug);
    for (const slug of freed) t.equal(await p.stores.resolveSlug(slug), null, `${slug} is freed`);

    const other = await seedStore(p);
    t.equal((await p.stores.changeSlug(other.store.id, freed[0]!, at())).slug, freed[0], 'a freed slug may be taken');
    await t.rejects(p.stores.changeSlug(other.store.id, kept[0]!, at()), conflictOn('slug'), 'a kept one may not');

    // Returning to a kept slug retires the current one; the next change frees the oldest.
    await p.stores.changeSlug(store.id, kept[0]!, at(100_000));
    for (const slug of [current, ...kept]) t.same(await p.stores.resolveSlug(slug), { storeId: store.id, currentSlug: kept[0] }, slug);
    const newest = `n-${unique()}`;
    await p.stores.changeSlug(store.id, newest, at(200_000));
    t.equal(await p.stores.resolveSlug(kept[1]!), null, 'the oldest kept slug is freed');
    for (const slug of [kept[0]!, current, ...kept.slice(2)]) t.same(await p.stores.resolveSlug(slug), { storeId: store.id, currentSlug: newest }, slug);
  });
}

/** StoreRepository: round trip, settings, slugs old and new, the bound on old slugs. */
export function storeTests(t: Test, factory: PersistenceFactory): void {
  storeRecordTests(t, factory);
  storeSlugTests(t, factory);
}
