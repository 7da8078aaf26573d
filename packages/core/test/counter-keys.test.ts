// Counter keys never hold an email address: they show up in Redis MONITOR, slow logs and key
// dumps, where closing an account cannot erase them. The email is hashed (SHA-256, base64url).
import { createHash } from 'node:crypto';
import t from 'tap';
import { keyvCache } from '../src/adapters/keyv/index.js';
import type { CacheStores } from '../src/index.js';
import { openAccounts, password } from './support/accounts-fixture.js';
import { coreVariants } from './support/core-variants.js';

const [sqlite] = coreVariants();

t.test('reset, login and email change counters hold a hash of the email, never the address', async (t) => {
  const stores = keyvCache();
  t.teardown(() => stores.close());
  const keys: string[] = [];
  const cache: CacheStores = {
    ...stores,
    counters: {
      increment: (key, windowMs) => {
        keys.push(key);
        return stores.counters.increment(key, windowMs);
      },
      decrement: (key) => stores.counters.decrement(key),
    },
  };
  const f = await openAccounts(t, sqlite!, { cache });
  const { vendor, store } = await f.signUp('Counter.Keys');
  const principal = await f.dukaan.auth.resolveSession((await f.dukaan.auth.createSession(vendor.id, store.id)).token);
  if (!principal) throw new Error('no principal');
  await f.dukaan.vendors.requestPasswordReset({ email: vendor.email }, { clientAddress: '203.0.113.5' });
  await t.rejects(f.dukaan.vendors.logIn({ email: vendor.email, password: 'wrong password' }, { clientAddress: '203.0.113.5' }));
  await f.dukaan.vendors.requestEmailChange(principal, { email: `new-${vendor.email}`, currentPassword: password });
  await f.dukaan.mail.idle();

  const hashed = createHash('sha256').update(vendor.email).digest('base64url');
  t.ok(keys.includes(`password-reset:email:${hashed}`), 'the reset limit per email');
  t.ok(keys.includes(`login:account:${hashed}`), 'the login limit per account');
  const local = vendor.email.split('@')[0] ?? '';
  for (const key of keys) t.notOk(key.includes('@') || key.toLowerCase().includes(local), `${key} holds no address`);
});
