// Sessions end one by one, all at once, or by expiring; a sweeper deletes the expired ones.
import { setTimeout as sleep } from 'node:timers/promises';
import t from 'tap';
import type { Clock } from '../src/index.js';
import { coreVariants } from './support/core-variants.js';

/** A clock the test moves by hand. */
function manualClock(start = Date.now()): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

const password = 'correct horse battery';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const clock = manualClock();
    const fixture = await variant.open({ clock, sessionTtlMs: 60 * 60_000, sessionSweepIntervalMs: 20 });
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const tag = `${process.pid}-${variant.name.length}`;
    const sessionsOf = async (vendorId: string) => (await fixture.knex('sessions').where({ vendor_id: vendorId })).length;

    t.test('getAccount reads the signed-in vendor and store', async (t) => {
      const { vendor, store } = await dukaan.vendors.signUp({ email: `acct-${tag}@example.com`, password, storeName: 'Acct' });
      const { token } = await dukaan.auth.createSession(vendor.id, store.id);
      const principal = await dukaan.auth.resolveSession(token);
      if (!principal) throw new Error('no principal');
      const account = await dukaan.vendors.getAccount(principal);
      t.same(account.vendor, { id: vendor.id, email: vendor.email, locale: 'en' });
      t.equal(account.store.id, store.id);
      t.notOk('passwordHash' in account.vendor);
    });

    t.test('revokeAllSessions ends every session, also where another instance cached it', async (t) => {
      const { vendor, store } = await dukaan.vendors.signUp({ email: `all-${tag}@example.com`, password, storeName: 'All' });
      const other = fixture.secondInstance();
      const tokens = await Promise.all([1, 2, 3].map(() => dukaan.auth.createSession(vendor.id, store.id)));
      for (const { token } of tokens) {
        t.ok(await dukaan.auth.resolveSession(token));
        t.ok(await other.auth.resolveSession(token), 'cached on the second instance too');
      }
      t.equal(await dukaan.auth.revokeAllSessions(vendor.id), 3);
      for (const { token } of tokens) {
        t.equal(await dukaan.auth.resolveSession(token), null);
        t.equal(await other.auth.resolveSession(token), null, 'the cached copy is void');
      }
      const fresh = await dukaan.auth.createSession(vendor.id, store.id);
      t.ok(await other.auth.resolveSession(fresh.token), 'a later login works at once');
    });

    t.test('expired sessions stop resolving and the sweeper deletes them on its schedule', async (t) => {
      const { vendor, store } = await dukaan.vendors.signUp({ email: `sweep-${tag}@example.com`, password, storeName: 'Sweep' });
      const old = await dukaan.auth.createSession(vendor.id, store.id);
      clock.advance(30 * 60_000);
      const recent = await dukaan.auth.createSession(vendor.id, store.id);
      clock.advance(31 * 60_000);
      t.equal(await dukaan.auth.resolveSession(old.token), null, 'expired');
      t.ok(await dukaan.auth.resolveSession(recent.token), 'still valid');
      for (let i = 0; i < 50 && (await sessionsOf(vendor.id)) > 1; i++) await sleep(20);
      t.equal(await sessionsOf(vendor.id), 1, 'the sweeper removed the expired row, kept the valid one');
      clock.advance(60 * 60_000);
      t.type(await dukaan.auth.sweepExpiredSessions(), 'number', 'sweeping on demand answers how many went');
      t.equal(await sessionsOf(vendor.id), 0, 'the rest is gone once expired');
    });
  });
}
