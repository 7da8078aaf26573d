import type { Test } from 'tap';
import { newId } from '../../shared/id.js';
import type { AccountTokenPurpose, AccountTokenRecord } from '../../vendors/account-token-repository.js';
import type { ApiTokenRecord, SessionRecord } from '../../vendors/vendor.js';
import { at, conflictOn, imageRecord, noAddressParts, open, orderRecord, placeOrder, productRecord, seedStore, storeRecord, unique, vendorRecord } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';

function session(vendorId: string, storeId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return { id: newId(), vendorId, storeId, tokenHash: `hash-${unique()}`, createdAt: at(), expiresAt: at(60_000), userAgent: null, lastSeenAt: null, ...overrides };
}

function apiToken(vendorId: string, storeId: string, overrides: Partial<ApiTokenRecord> = {}): ApiTokenRecord {
  return { id: newId(), vendorId, storeId, name: 'ci', tokenHash: `hash-${unique()}`, createdAt: at(), prefix: 'dk_Ab3xYz9q', lastUsedAt: null, ...overrides };
}

function linkToken(vendorId: string, purpose: AccountTokenPurpose, overrides: Partial<AccountTokenRecord> = {}): AccountTokenRecord {
  return { id: newId(), vendorId, purpose, tokenHash: `hash-${unique()}`, newEmail: null, createdAt: at(), expiresAt: at(30 * 60_000), usedAt: null, ...overrides };
}

/** VendorRepository's account changes: password, email, erasure. */
function vendorAccountTests(t: Test, factory: PersistenceFactory): void {
  t.test('vendors: updatePassword and updateEmail change only that vendor', async (t) => {
    const p = await open(t, factory);
    const { vendor } = await seedStore(p);
    const other = await seedStore(p);
    t.equal(vendor.passwordChangedAt, null, 'never changed since signup');
    const changedAt = at();
    t.equal(await p.vendors.updatePassword(vendor.id, 'new-hash', changedAt), true);
    const email = `moved-${unique()}@example.com`;
    t.equal(await p.vendors.updateEmail(vendor.id, email), true);
    t.same(await p.vendors.findById(vendor.id), { ...vendor, passwordHash: 'new-hash', passwordChangedAt: changedAt, email });
    t.same(await p.vendors.findByEmail(email), { ...vendor, passwordHash: 'new-hash', passwordChangedAt: changedAt, email });
    t.equal(await p.vendors.findByEmail(vendor.email), null, 'the old email is free');
    t.same(await p.vendors.findById(other.vendor.id), other.vendor);
    t.equal(await p.vendors.updatePassword(vendorRecord().id, 'x', at()), false, 'unknown vendor');
    t.equal(await p.vendors.updateEmail(vendorRecord().id, `x-${unique()}@example.com`), false, 'unknown vendor');
  });

  t.test('vendors: the language round-trips, English by default; updateLocale changes only that vendor', async (t) => {
    const p = await open(t, factory);
    const { vendor } = await seedStore(p);
    const other = await seedStore(p);
    t.equal((await p.vendors.findById(vendor.id))?.locale, 'en');
    t.equal(await p.vendors.updateLocale(vendor.id, 'hi'), true);
    t.same(await p.vendors.findById(vendor.id), { ...vendor, locale: 'hi' });
    t.same(await p.vendors.findByEmail(vendor.email), { ...vendor, locale: 'hi' });
    t.same(await p.vendors.findById(other.vendor.id), other.vendor, 'the other vendor keeps English');
    t.equal(await p.vendors.updateLocale(vendorRecord().id, 'hi'), false, 'unknown vendor');
    const hindi = vendorRecord({ locale: 'hi' });
    await p.vendors.insert(hindi);
    t.same(await p.vendors.findById(hindi.id), hindi, 'insert writes it too');
    t.equal(await p.vendors.erase(vendor.id, at()), true);
    t.equal(await p.vendors.updateLocale(vendor.id, 'en'), false, 'an erased vendor is not written');
  });

  t.test('vendors: updateEmail to a taken email is a ConflictError on `email`', async (t) => {
    const p = await open(t, factory);
    const { vendor } = await seedStore(p);
    const other = await seedStore(p);
    await t.rejects(p.vendors.updateEmail(vendor.id, other.vendor.email), conflictOn('email'));
    t.same(await p.vendors.findById(vendor.id), vendor, 'unchanged');
  });

  t.test('vendors: erase frees the email, hides the vendor and keeps the row', async (t) => {
    const p = await open(t, factory);
    const { vendor, store } = await seedStore(p);
    t.equal(await p.vendors.erase(vendor.id, at()), true);
    t.equal(await p.vendors.findById(vendor.id), null);
    t.equal(await p.vendors.findByEmail(vendor.email), null);
    t.equal(await p.vendors.findByEmail(`deleted-${vendor.id}@invalid`), null, 'not even by the placeholder');
    t.equal(await p.vendors.updatePassword(vendor.id, 'hash', at()), false, 'an erased vendor cannot be given a password');
    t.equal(await p.vendors.erase(vendor.id, at()), false, 'already erased');
    t.ok(await p.stores.findById(store.id), 'the store row is still there (its vendor row too)');
    const newcomer = vendorRecord({ email: vendor.email });
    await p.vendors.insert(newcomer);
    t.same(await p.vendors.findByEmail(vendor.email), newcomer, 'the email can sign up again');
  });
}

/** StoreRepository.close: offline, personal fields cleared, slugs reserved. */
function storeCloseTests(t: Test, factory: PersistenceFactory): void {
  t.test('stores: close hides the store from slugs and its vendor, keeps every slug reserved', async (t) => {
    const p = await open(t, factory);
    const { vendor, store } = await seedStore(p, { logoUrl: '/media/logo.png' });
    const newSlug = `moved-${unique()}`;
    await p.stores.changeSlug(store.id, newSlug, at());
    const closedAt = at(1000);
    t.same(await p.stores.close(store.id, closedAt), [store.slug, newSlug].sort(), 'every slug it held');
    t.equal(await p.stores.resolveSlug(newSlug), null);
    t.equal(await p.stores.resolveSlug(store.slug), null, 'an earlier slug too');
    t.equal(await p.stores.findByVendorId(vendor.id), null);
    t.match(await p.stores.findById(store.id), {
      id: store.id,
      name: store.name,
      isOpen: false,
      phone: null,
      pickupAddress: '',
      description: '',
      logoUrl: null,
      updatedAt: closedAt,
    });
    const newcomer = vendorRecord();
    await p.vendors.insert(newcomer);
    await t.rejects(p.stores.insert(storeRecord(newcomer.id, { slug: newSlug })), conflictOn('slug'), 'the current slug cannot be taken');
    await t.rejects(p.stores.insert(storeRecord(newcomer.id, { slug: store.slug })), conflictOn('slug'), 'nor an earlier one');
    t.equal(await p.stores.close(vendorRecord().id, at()), null, 'unknown store');
    t.equal(await p.stores.close(store.id, at(2000)), null, 'closed already: of two concurrent closes, one gets null');
    t.equal(await p.stores.update(store.id, { phone: '+919800000000' }, at(3000)), null, 'a closed store is not written');
    await t.rejects(p.stores.changeSlug(store.id, `back-${unique()}`, at(3000)), { code: 'NOT_FOUND' }, 'nor its slug changed');
    t.match(await p.stores.findById(store.id), { phone: null, slug: newSlug, updatedAt: closedAt }, 'unchanged');
  });

  t.test('products: eraseDetails clears the store products\' descriptions and images, nothing else', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const image = imageRecord(`${store.id}/a.png`);
    const mine = productRecord(store.id, { description: 'Call 98450 12345', images: [image] });
    const theirs = productRecord(other.store.id, { description: 'Call me', images: [image] });
    for (const product of [mine, theirs]) await p.products.insert(product);
    const erasedAt = at(1000);
    t.equal(await p.products.eraseDetails(store.id, erasedAt), 1);
    t.same(await p.products.findById(store.id, mine.id), { ...mine, description: '', images: [], updatedAt: erasedAt });
    t.same(await p.products.findById(other.store.id, theirs.id), theirs, "another store's products stay");
  });
}

/** The session and API token members the account page uses. */
function credentialTests(t: Test, factory: PersistenceFactory): void {
  t.test('sessions: list by vendor (newest first), delete by id, delete all but one, touch', async (t) => {
    const p = await open(t, factory);
    const { vendor, store } = await seedStore(p);
    const other = await seedStore(p);
    const sessions = [
      session(vendor.id, store.id, { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X)' }),
      session(vendor.id, store.id, { lastSeenAt: at() }),
      session(vendor.id, store.id),
    ];
    const theirs = session(other.vendor.id, other.store.id);
    for (const record of [...sessions, theirs]) await p.sessions.insert(record);
    t.same(await p.sessions.listByVendor(vendor.id), [...sessions].reverse());
    const seenAt = at(5000);
    await p.sessions.touch(sessions[0]!.id, seenAt);
    t.same(await p.sessions.findByTokenHash(sessions[0]!.tokenHash), { ...sessions[0], lastSeenAt: seenAt });
    t.equal(await p.sessions.deleteById(vendor.id, theirs.id), null, "another vendor's session");
    t.equal(await p.sessions.deleteById(vendor.id, 'x'.repeat(100)), null, 'an id no column holds');
    t.same(await p.sessions.deleteById(vendor.id, sessions[2]!.id), sessions[2]);
    t.equal(await p.sessions.deleteById(vendor.id, sessions[2]!.id), null, 'already gone');
    t.equal(await p.sessions.deleteByVendor(vendor.id, sessions[0]!.id), 1, 'all but the kept one');
    t.same(
      (await p.sessions.listByVendor(vendor.id)).map((s) => s.id),
      [sessions[0]!.id],
    );
    t.same(await p.sessions.listByVendor(other.vendor.id), [theirs], "another vendor's stay");
  });

  t.test('api tokens: list by vendor (newest first), touch, delete all of a vendor', async (t) => {
    const p = await open(t, factory);
    const { vendor, store } = await seedStore(p);
    const other = await seedStore(p);
    const tokens = [apiToken(vendor.id, store.id, { name: 'first', prefix: null }), apiToken(vendor.id, store.id, { name: 'second' })];
    const theirs = apiToken(other.vendor.id, other.store.id);
    for (const record of [...tokens, theirs]) await p.apiTokens.insert(record);
    t.same(await p.apiTokens.listByVendor(vendor.id), [...tokens].reverse());
    const usedAt = at(5000);
    await p.apiTokens.touch(tokens[1]!.id, usedAt);
    t.same(await p.apiTokens.findByTokenHash(tokens[1]!.tokenHash), { ...tokens[1], lastUsedAt: usedAt });
    const removed = await p.apiTokens.deleteByVendor(vendor.id);
    t.same(removed.map((r) => r.id).sort(), tokens.map((r) => r.id).sort(), 'resolves the removed records');
    t.ok(removed.every((r) => r.tokenHash.startsWith('hash-')), 'with their hashes, to drop cached copies');
    t.same(await p.apiTokens.listByVendor(vendor.id), []);
    t.same(await p.apiTokens.deleteByVendor(vendor.id), []);
    t.same(await p.apiTokens.listByVendor(other.vendor.id), [theirs]);
  });

  t.test('sessions and tokens of an erased vendor no longer resolve', async (t) => {
    const p = await open(t, factory);
    const { vendor, store } = await seedStore(p);
    const s = session(vendor.id, store.id);
    const token = apiToken(vendor.id, store.id);
    await p.sessions.insert(s);
    await p.apiTokens.insert(token);
    await p.vendors.erase(vendor.id, at());
    t.equal(await p.sessions.findByTokenHash(s.tokenHash), null);
    t.equal(await p.apiTokens.findByTokenHash(token.tokenHash), null);
  });
}

/** AccountTokenRepository: validity, single use under concurrency, deletion. */
function accountTokenTests(t: Test, factory: PersistenceFactory): void {
  t.test('account tokens: findValid only finds an unused, unexpired token of that purpose', async (t) => {
    const p = await open(t, factory);
    const { vendor } = await seedStore(p);
    const now = at();
    const valid = linkToken(vendor.id, 'email_change', { newEmail: `new-${unique()}@example.com` });
    const expired = linkToken(vendor.id, 'password_reset', { expiresAt: now });
    const used = linkToken(vendor.id, 'password_reset', { usedAt: now });
    for (const record of [valid, expired, used]) await p.accountTokens.insert(record);
    t.same(await p.accountTokens.findValid(valid.tokenHash, 'email_change', now), valid);
    t.equal(await p.accountTokens.findValid(valid.tokenHash, 'password_reset', now), null, 'another purpose');
    t.equal(await p.accountTokens.findValid(expired.tokenHash, 'password_reset', now), null, 'expiring at now is expired');
    t.equal(await p.accountTokens.findValid(used.tokenHash, 'password_reset', now), null, 'used');
    t.equal(await p.accountTokens.findValid('unknown', 'password_reset', now), null);
    t.equal(await p.accountTokens.findValid('x'.repeat(500), 'password_reset', now), null, 'a value no column holds');
  });

  t.test('account tokens: consume uses a token once, and never an expired one', async (t) => {
    const p = await open(t, factory);
    const { vendor } = await seedStore(p);
    const record = linkToken(vendor.id, 'password_reset');
    await p.accountTokens.insert(record);
    const now = at();
    t.equal(await p.accountTokens.consume(record.tokenHash, 'email_change', now), null, 'another purpose');
    t.same(await p.accountTokens.consume(record.tokenHash, 'password_reset', now), { ...record, usedAt: now });
    t.equal(await p.accountTokens.consume(record.tokenHash, 'password_reset', now), null, 'already used');
    const later = linkToken(vendor.id, 'password_reset');
    await p.accountTokens.insert(later);
    t.equal(await p.accountTokens.consume(later.tokenHash, 'password_reset', later.expiresAt), null, 'expired');
  });

  t.test('account tokens: of concurrent consumes, exactly one wins', async (t) => {
    const p = await open(t, factory);
    const { vendor } = await seedStore(p);
    const record = linkToken(vendor.id, 'password_reset');
    await p.accountTokens.insert(record);
    const now = at();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => p.transaction((tx) => tx.accountTokens.consume(record.tokenHash, 'password_reset', now))),
    );
    t.equal(results.filter((r) => r !== null).length, 1);
  });

  t.test('account tokens: deleteByVendor (one purpose or all) and deleteExpired', async (t) => {
    const p = await open(t, factory);
    const { vendor } = await seedStore(p);
    const other = await seedStore(p);
    const now = at();
    const resets = [linkToken(vendor.id, 'password_reset'), linkToken(vendor.id, 'password_reset')];
    const change = linkToken(vendor.id, 'email_change');
    const theirs = linkToken(other.vendor.id, 'password_reset');
    const expired = linkToken(other.vendor.id, 'password_reset', { expiresAt: at(-1000) });
    for (const record of [...resets, change, theirs, expired]) await p.accountTokens.insert(record);
    t.equal(await p.accountTokens.deleteByVendor(vendor.id, 'password_reset'), 2);
    t.same(await p.accountTokens.findValid(change.tokenHash, 'email_change', now), change, 'the other purpose stays');
    t.equal(await p.accountTokens.deleteByVendor(vendor.id), 1);
    t.equal(await p.accountTokens.findValid(change.tokenHash, 'email_change', now), null);
    t.ok((await p.accountTokens.deleteExpired(now)) >= 1, 'other tests share the database: at least this one');
    t.equal(await p.accountTokens.consume(expired.tokenHash, 'password_reset', at(-2000)), null, 'the expired one is gone');
    t.same(await p.accountTokens.findValid(theirs.tokenHash, 'password_reset', now), theirs, "another vendor's stays");
  });
}

/** OrderRepository erasure: personal fields go, totals stay. */
function orderErasureTests(t: Test, factory: PersistenceFactory): void {
  t.test('orders: eraseCustomer erases that customer only, by phone or by email, once, in finished orders', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const asha = { name: 'Asha', phone: '+919811111111', email: 'asha@example.com', address: '2 Park Street', pincode: '700016', ...noAddressParts };
    const ravi = { name: 'Ravi', phone: '+919822222222', email: null, address: '5 Lake Road', pincode: '700029', ...noAddressParts };
    const done = { status: 'delivered' as const };
    const first = await placeOrder(p, orderRecord(store.id, { ...done, customer: asha, note: 'ring twice', idempotencyKey: `k-${unique()}`, idempotencyFingerprint: 'ab'.repeat(32) }));
    const second = await placeOrder(p, orderRecord(store.id, { status: 'cancelled', customer: { ...asha, phone: '+919833333333' } }));
    const open1 = await placeOrder(p, orderRecord(store.id, { status: 'pending', customer: asha }));
    const open2 = await placeOrder(p, orderRecord(store.id, { status: 'shipped', customer: asha }));
    const kept = await placeOrder(p, orderRecord(store.id, { ...done, customer: ravi }));
    const elsewhere = await placeOrder(p, orderRecord(other.store.id, { ...done, customer: asha }));
    const erasedAt = at(1000);
    t.same(await p.orders.eraseCustomer(store.id, { phone: asha.phone }, erasedAt), { erased: 1, erasedIds: [first.id], open: 2 });
    t.same(await p.orders.eraseCustomer(store.id, { email: asha.email }, erasedAt), { erased: 1, erasedIds: [second.id], open: 2 }, 'the one by phone is already erased');
    t.same(await p.orders.eraseCustomer(store.id, { email: asha.email }, erasedAt), { erased: 0, erasedIds: [], open: 2 }, 'nothing finished left');
    const erased = { name: '', phone: '', email: null, address: '', pincode: '', ...noAddressParts };
    t.same(await p.orders.findById(store.id, first.id), {
      ...first,
      customer: erased,
      note: null,
      idempotencyKey: null,
      idempotencyFingerprint: null,
      customerErasedAt: erasedAt,
    });
    t.match(await p.orders.findById(store.id, second.id), { customer: erased, total: second.total, items: second.items, number: second.number });
    t.equal(await p.orders.findByIdempotencyKey(store.id, first.idempotencyKey!), null, 'the key no longer finds it');
    for (const order of [open1, open2]) t.same(await p.orders.findById(store.id, order.id), order, 'an open order keeps its customer');
    t.same(await p.orders.findById(store.id, kept.id), kept, 'another customer stays');
    t.same(await p.orders.findById(other.store.id, elsewhere.id), elsewhere, "another store's order stays");
  });

  t.test('orders: eraseAllCustomers erases every order of the store', async (t) => {
    const p = await open(t, factory);
    const { store } = await seedStore(p);
    const other = await seedStore(p);
    const orders = [await placeOrder(p, orderRecord(store.id)), await placeOrder(p, orderRecord(store.id))];
    const elsewhere = await placeOrder(p, orderRecord(other.store.id));
    const erasedAt = at();
    t.equal(await p.orders.eraseAllCustomers(store.id, erasedAt), 2);
    t.equal(await p.orders.eraseAllCustomers(store.id, erasedAt), 0);
    for (const order of orders) {
      t.match(await p.orders.findById(store.id, order.id), { customer: { name: '', phone: '' }, customerErasedAt: erasedAt, subtotal: order.subtotal, total: order.total });
    }
    t.same(await p.orders.summary(store.id, orders[0]!.createdAt), { orders: 2, revenue: orders[0]!.total + orders[1]!.total, pending: 2 }, 'the figures stay');
    t.same(await p.orders.findById(other.store.id, elsewhere.id), elsewhere);
  });
}

/** What closing accounts and the account page need of every repository. */
export function accountTests(t: Test, factory: PersistenceFactory): void {
  vendorAccountTests(t, factory);
  storeCloseTests(t, factory);
  credentialTests(t, factory);
  accountTokenTests(t, factory);
  orderErasureTests(t, factory);
}
