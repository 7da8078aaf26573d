// Issue 8 item 2: attempts are counted atomically before the password is checked, so a parallel
// burst verifies at most the limit; the owner's known device is not locked out by an attacker.
import t from 'tap';
import { RateLimitedError, UnauthenticatedError, type PasswordHasher } from '../src/index.js';
import { coreVariants, fastHasher } from './support/core-variants.js';

/** The tests' hasher, counting how many passwords it was asked to verify. */
function countingHasher(): PasswordHasher & { verified: number } {
  const hasher = {
    verified: 0,
    hash: (password: string) => fastHasher.hash(password),
    async verify(password: string, hash: string) {
      hasher.verified += 1;
      return fastHasher.verify(password, hash);
    },
  };
  return hasher;
}

const password = 'correct horse battery';
/** When the device cookies of these tests were issued: after signup, the password never changed since, so they are trusted. */
const deviceIssuedAt = Date.now();

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const hasher = countingHasher();
    // A generous cache bound: these tests are about counting, and counters fail open on a timeout
    // (a busy test machine must not turn the limit off under the burst).
    const errors: string[] = [];
    const fixture = await variant.open({ hasher, limits: { login: 10, signup: 3 }, cacheTimeoutMs: 5000, onCacheError: (_e, op) => void errors.push(op) });
    t.teardown(() => fixture.close());
    const { dukaan } = fixture;
    const tag = `${process.pid}-${variant.name.length}`;

    t.test('40 parallel wrong passwords verify at most 10; the owner\'s trusted device still gets in', async (t) => {
      const email = `victim-${tag}@example.com`;
      const { vendor } = await dukaan.vendors.signUp({ email, password, storeName: 'Victim' });
      hasher.verified = 0;
      const burst = await Promise.allSettled(
        Array.from({ length: 40 }, () => dukaan.vendors.logIn({ email, password: 'wrong guess 1' }, { clientAddress: '203.0.113.7' })),
      );
      const reasons = burst.map((r) => (r.status === 'rejected' ? (r.reason as unknown) : null));
      t.equal(hasher.verified, 10, 'exactly the limit was verified');
      t.equal(reasons.filter((e) => e instanceof UnauthenticatedError).length, 10);
      const limited = reasons.filter((e): e is RateLimitedError => e instanceof RateLimitedError);
      t.equal(limited.length, 30);
      t.ok(limited.every((e) => e.retryAfterSeconds >= 1 && e.retryAfterSeconds <= 60), 'Retry-After within the window');

      hasher.verified = 0;
      await t.rejects(dukaan.vendors.logIn({ email, password }, { clientAddress: '198.51.100.9' }), { code: 'RATE_LIMITED' }, 'the account limit holds elsewhere');
      t.equal(hasher.verified, 0, 'a limited attempt verifies nothing');
      const owner = await dukaan.vendors.logIn({ email, password }, { clientAddress: '198.51.100.9', deviceId: `owner-device-${tag}`, deviceIssuedAt });
      t.equal(owner.vendor.id, vendor.id, 'the owner on a device that logged in before is not locked out');
      await t.rejects(
        dukaan.vendors.logIn({ email, password }, { clientAddress: '203.0.113.7', deviceId: `stolen-${tag}`, deviceIssuedAt }),
        { code: 'RATE_LIMITED' },
        'the attacker\'s address stays limited, device cookie or not',
      );
    });

    t.test('a stolen device cookie allows at most the limit of guesses, from any number of addresses', async (t) => {
      const email = `device-${tag}@example.com`;
      await dukaan.vendors.signUp({ email, password, storeName: 'Device' });
      hasher.verified = 0;
      const deviceId = `stolen-device-${tag}`;
      const results = await Promise.allSettled(
        Array.from({ length: 30 }, (_, i) => dukaan.vendors.logIn({ email, password: `guess ${i}` }, { clientAddress: `203.0.113.${100 + i}`, deviceId, deviceIssuedAt })),
      );
      t.ok(hasher.verified <= 10, `at most the limit verified (${hasher.verified})`);
      const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
      t.equal(codes.filter((c) => c === 'UNAUTHENTICATED').length, hasher.verified);
      t.equal(codes.filter((c) => c === 'RATE_LIMITED').length, 30 - hasher.verified);
      await t.rejects(dukaan.vendors.logIn({ email, password }, { clientAddress: '198.51.100.200', deviceId, deviceIssuedAt }), { code: 'RATE_LIMITED' }, 'the device stays limited');
    });

    t.test('the owner\'s own device logs in while an attacker has exhausted the account key', async (t) => {
      const email = `owner-device-${tag}@example.com`;
      const { vendor } = await dukaan.vendors.signUp({ email, password, storeName: 'Owner device' });
      for (let i = 0; i < 10; i++) {
        await t.rejects(dukaan.vendors.logIn({ email, password: `attack ${i}` }, { clientAddress: `203.0.113.${200 + i}` }), { code: 'UNAUTHENTICATED' });
      }
      await t.rejects(dukaan.vendors.logIn({ email, password }, { clientAddress: '198.51.100.77' }), { code: 'RATE_LIMITED' }, 'the account key is exhausted');
      const deviceId = `owner-own-device-${tag}`;
      const owner = await dukaan.vendors.logIn({ email, password }, { clientAddress: '198.51.100.77', deviceId, deviceIssuedAt });
      t.equal(owner.vendor.id, vendor.id);
      // A success gives back what it counted: the device's count is back to zero.
      for (let i = 0; i < 9; i++) await t.rejects(dukaan.vendors.logIn({ email, password: `slip ${i}` }, { clientAddress: '198.51.100.77', deviceId, deviceIssuedAt }), { code: 'UNAUTHENTICATED' });
      await dukaan.vendors.logIn({ email, password }, { clientAddress: '198.51.100.78', deviceId, deviceIssuedAt });
    });

    t.test('only failures stay counted: a success gives its attempt back', async (t) => {
      const email = `owner-${tag}@example.com`;
      await dukaan.vendors.signUp({ email, password, storeName: 'Owner' });
      const from = { clientAddress: '192.0.2.44' };
      for (let i = 0; i < 9; i++) await t.rejects(dukaan.vendors.logIn({ email, password: `typo ${i}` }, from), { code: 'UNAUTHENTICATED' });
      for (let i = 0; i < 3; i++) await dukaan.vendors.logIn({ email, password }, from);
      await t.rejects(dukaan.vendors.logIn({ email, password: 'typo 9' }, from), { code: 'UNAUTHENTICATED' }, 'the 10th failure is still checked');
      await t.rejects(dukaan.vendors.logIn({ email, password }, from), { code: 'RATE_LIMITED' }, 'then the limit holds');
    });

    t.test('unknown emails are limited like real ones', async (t) => {
      const email = `nobody-${tag}@example.com`;
      const results = await Promise.allSettled(Array.from({ length: 12 }, () => dukaan.vendors.logIn({ email, password: 'whatever' })));
      const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'ok'));
      t.equal(codes.filter((c) => c === 'UNAUTHENTICATED').length, 10);
      t.equal(codes.filter((c) => c === 'RATE_LIMITED').length, 2);
    });

    t.test('signups are limited per address', async (t) => {
      const from = { clientAddress: '192.0.2.99' };
      for (let i = 0; i < 3; i++) await dukaan.vendors.signUp({ email: `s${i}-${tag}@example.com`, password, storeName: `S${i}` }, from);
      await t.rejects(dukaan.vendors.signUp({ email: `s3-${tag}@example.com`, password, storeName: 'S3' }, from), { code: 'RATE_LIMITED' });
      await dukaan.vendors.signUp({ email: `s4-${tag}@example.com`, password, storeName: 'S4' }, { clientAddress: '192.0.2.100' });
    });

    t.test('the counters answered every call (none failed open)', async (t) => {
      t.same(errors, []);
    });
  });
}
