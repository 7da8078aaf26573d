import type { Test } from 'tap';
import { newId } from '../../shared/id.js';
import type { ApiTokenRecord, SessionRecord } from '../../vendors/vendor.js';
import { at, open, seedStore, unique } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';

function session(vendorId: string, storeId: string, expiresInMs: number): SessionRecord {
  return { id: newId(), vendorId, storeId, tokenHash: `hash-${unique()}`, createdAt: at(), expiresAt: at(expiresInMs), userAgent: null, lastSeenAt: null };
}

function apiToken(vendorId: string, storeId: string, name: string): ApiTokenRecord {
  return { id: newId(), vendorId, storeId, name, tokenHash: `hash-${unique()}`, createdAt: at(), prefix: `dk_${unique().slice(0, 8)}`, lastUsedAt: null };
}

/** SessionRepository (with the sweeper's deleteExpired and revoke-all's deleteByVendor) and ApiTokenRepository. */
export function sessionTests(t: Test, factory: PersistenceFactory): void {
  t.test('sessions: insert, find by hash, delete', async (t) => {
    const p = await open(t, factory);
    const { vendor, store } = await seedStore(p);
    const record = session(vendor.id, store.id, 60_000);
    await p.sessions.insert(record);
    t.same(await p.sessions.findByTokenHash(record.tokenHash), record);
    t.equal(await p.sessions.findByTokenHash('unknown'), null);
    t.equal(await p.sessions.delete(record.tokenHash), true);
    t.equal(await p.sessions.delete(record.tokenHash), false, 'already gone');
    t.equal(await p.sessions.findByTokenHash(record.tokenHash), null);
  });

  t.test('sessions: deleteExpired removes only sessions that expired before now', async (t) => {
    const p = await open(t, factory);
    const { vendor, store } = await seedStore(p);
    const now = at();
    // Every instant relative to the same `now`, so a slow machine cannot move the boundary.
    const expiring = (offsetMs: number) => ({ ...session(vendor.id, store.id, 0), expiresAt: new Date(Date.parse(now) + offsetMs).toISOString() });
    const expired = [expiring(-60_000), expiring(-1)];
    const atNow = expiring(0);
    const live = expiring(1);
    for (const record of [...expired, atNow, live]) await p.sessions.insert(record);
    t.same(await p.sessions.findByTokenHash(expired[0]!.tokenHash), expired[0], 'expired sessions are still found');
    // Other tests share the database: at least these two go.
    t.ok((await p.sessions.deleteExpired(now)) >= 2);
    for (const record of expired) t.equal(await p.sessions.findByTokenHash(record.tokenHash), null);
    t.same(await p.sessions.findByTokenHash(atNow.tokenHash), atNow, 'a session expiring at now stays');
    t.same(await p.sessions.findByTokenHash(live.tokenHash), live);
    t.equal(await p.sessions.deleteExpired(now), 0, 'nothing left to delete');
  });

  t.test('sessions: deleteByVendor removes every session of the vendor only', async (t) => {
    const p = await open(t, factory);
    const { vendor, store } = await seedStore(p);
    const other = await seedStore(p);
    const mine = [session(vendor.id, store.id, -60_000), session(vendor.id, store.id, 60_000)];
    const theirs = session(other.vendor.id, other.store.id, 60_000);
    for (const record of [...mine, theirs]) await p.sessions.insert(record);
    t.equal(await p.sessions.deleteByVendor(vendor.id), 2, 'expired ones included');
    t.equal(await p.sessions.deleteByVendor(vendor.id), 0);
    for (const record of mine) t.equal(await p.sessions.findByTokenHash(record.tokenHash), null);
    t.same(await p.sessions.findByTokenHash(theirs.tokenHash), theirs, "another vendor's session stays");
  });

  t.test('api tokens: insert, find, delete', async (t) => {
    const p = await open(t, factory);
    const { vendor, store } = await seedStore(p);
    const other = await seedStore(p);
    const first = apiToken(vendor.id, store.id, 'ci');
    const second = apiToken(vendor.id, store.id, 'shopify sync');
    const theirs = apiToken(other.vendor.id, other.store.id, 'theirs');
    for (const record of [first, second, theirs]) await p.apiTokens.insert(record);
    t.same(await p.apiTokens.findByTokenHash(second.tokenHash), second);
    t.equal(await p.apiTokens.findByTokenHash('unknown'), null);
    t.equal(await p.apiTokens.delete(vendor.id, theirs.id), null, "another vendor's token");
    t.same(await p.apiTokens.delete(vendor.id, first.id), first);
    t.equal(await p.apiTokens.delete(vendor.id, first.id), null, 'already gone');
    t.equal(await p.apiTokens.findByTokenHash(first.tokenHash), null);
    t.same(await p.apiTokens.findByTokenHash(second.tokenHash), second);
    t.same(await p.apiTokens.findByTokenHash(theirs.tokenHash), theirs);
  });
}
