import type { Test } from 'tap';
import { newId } from '../../shared/id.js';
import type { ApiTokenRecord, SessionRecord } from '../../vendors/vendor.js';
import { at, open, seedStore, unique } from './fixtures.js';
import type { PersistenceFactory } from './fixtures.js';

function session(vendorId: string, storeId: string, expiresInMs: number): SessionRecord {
  return { id: newId(), vendorId, storeId, tokenHash: `hash-${unique()}`, createdAt: at(), expiresAt: at(expiresInMs) };
}

function apiToken(vendorId: string, storeId: string, name: string): ApiTokenRecord {
  return { id: newId(), vendorId, storeId, name, tokenHash: `hash-${unique()}`, createdAt: at() };
}

/** SessionRepository and ApiTokenRepository. */
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

  t.test('sessions: delete by vendor and delete expired', async (t) => {
    const p = await open(t, factory);
    const { vendor, store } = await seedStore(p);
    const other = await seedStore(p);
    const expired = session(vendor.id, store.id, -60_000);
    const live = [session(vendor.id, store.id, 60_000), session(vendor.id, store.id, 120_000)];
    const theirs = session(other.vendor.id, other.store.id, 60_000);
    for (const record of [expired, ...live, theirs]) await p.sessions.insert(record);
    t.same(await p.sessions.findByTokenHash(expired.tokenHash), expired, 'expired sessions are still found');
    t.ok((await p.sessions.deleteExpired(at())) >= 1);
    t.equal(await p.sessions.findByTokenHash(expired.tokenHash), null);
    t.equal(await p.sessions.deleteByVendor(vendor.id), 2);
    t.same(await p.sessions.findByTokenHash(theirs.tokenHash), theirs, "another vendor's session stays");
  });

  t.test('api tokens: insert, find, list oldest first, delete', async (t) => {
    const p = await open(t, factory);
    const { vendor, store } = await seedStore(p);
    const other = await seedStore(p);
    const first = apiToken(vendor.id, store.id, 'ci');
    const second = apiToken(vendor.id, store.id, 'shopify sync');
    const theirs = apiToken(other.vendor.id, other.store.id, 'theirs');
    for (const record of [first, second, theirs]) await p.apiTokens.insert(record);
    t.same(await p.apiTokens.findByTokenHash(second.tokenHash), second);
    t.equal(await p.apiTokens.findByTokenHash('unknown'), null);
    t.same(await p.apiTokens.listByVendor(vendor.id), [first, second]);
    t.equal(await p.apiTokens.delete(vendor.id, theirs.id), null, "another vendor's token");
    t.same(await p.apiTokens.delete(vendor.id, first.id), first);
    t.equal(await p.apiTokens.delete(vendor.id, first.id), null, 'already gone');
    t.same(await p.apiTokens.listByVendor(vendor.id), [second]);
    t.same(await p.apiTokens.findByTokenHash(theirs.tokenHash), theirs);
  });
}
