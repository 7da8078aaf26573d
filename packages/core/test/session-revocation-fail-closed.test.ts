// A cached session is trusted only when the vendor's "sessions revoked" marker is known to be
// absent. When the marker cannot be read (a timeout, an outage, an open circuit) the session is
// read from the database instead: a slow cache must never bring a revoked session back.
import t from 'tap';
import type { CacheStores } from '../src/index.js';
import { keyvCache } from '../src/adapters/keyv/index.js';
import { coreVariants } from './support/core-variants.js';

const password = 'correct horse battery';
const [sqlite] = coreVariants();

/** The memory cache, except that reads of revocation markers fail while `broken.markers` is set. */
function cacheWithUnreadableMarkers(): { stores: CacheStores; broken: { markers: boolean } } {
  const inner = keyvCache();
  const broken = { markers: false };
  const cache: CacheStores['cache'] = {
    get: <T>(key: string) => (broken.markers && key.startsWith('auth:sessions-revoked:') ? Promise.reject(new Error('cache timed out')) : inner.cache.get<T>(key)),
    set: (key, value, ttlMs) => inner.cache.set(key, value, ttlMs),
    delete: (key) => inner.cache.delete(key),
  };
  return { stores: { ...inner, cache }, broken };
}

t.test('a session whose revocation marker cannot be read is checked against the database', async (t) => {
  const { stores, broken } = cacheWithUnreadableMarkers();
  const fixture = await sqlite!.open({ cache: stores, onCacheError: () => {} });
  t.teardown(() => fixture.close());
  const { dukaan } = fixture;
  const { vendor, store } = await dukaan.vendors.signUp({ email: `fail-closed-${process.pid}@example.com`, password, storeName: 'Fail Closed' });
  const { token } = await dukaan.auth.createSession(vendor.id, store.id);
  t.ok(await dukaan.auth.resolveSession(token), 'resolved, and now cached');

  // The session ends in the database, and the marker that should void cached copies is lost.
  await fixture.knex('sessions').where({ vendor_id: vendor.id }).delete();
  broken.markers = true;
  t.equal(await dukaan.auth.resolveSession(token), null, 'the cached copy is not trusted without the marker check');

  broken.markers = false;
  const { token: live } = await dukaan.auth.createSession(vendor.id, store.id);
  broken.markers = true;
  t.ok(await dukaan.auth.resolveSession(live), 'a live session still resolves (from the database)');
});
