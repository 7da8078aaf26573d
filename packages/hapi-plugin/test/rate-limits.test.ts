import t, { type Test } from 'tap';
import type Hapi from '@hapi/hapi';
import { brokenCache, client, errorOf, placeOrder } from './support/api.js';
import { serverVariants } from './support/server.js';

const password = 'correct horse battery';
let accounts = 0;
let addresses = 0;
/** A fresh client address for each scenario, so counters never carry over. */
const address = () => `192.0.2.${(addresses += 1)}`;

function logIn(server: Hapi.Server, email: string, pass: string, remoteAddress: string, headers: Record<string, string> = {}) {
  return server.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: pass }, remoteAddress, headers });
}

function assertLimited(t: Test, response: { statusCode: number; payload: string; headers: Record<string, unknown> }, label: string) {
  t.equal(response.statusCode, 429, label);
  t.equal(errorOf(response).code, 'RATE_LIMITED');
  const retryAfter = Number(response.headers['retry-after']);
  t.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After is whole seconds (${String(response.headers['retry-after'])})`);
}

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open({ limits: { login: 3, checkout: 2, signup: 3 }, plugin: { trustProxy: ['10.0.0.1', '10.1.0.0/16'] } });
    t.teardown(() => fixture.close());
    const { server, dukaan } = fixture;
    /** Vendors made through the core, so sign-ups do not spend the address budget. */
    const account = async () => {
      accounts += 1;
      const email = `limited${accounts}.${process.pid}@example.com`;
      const { vendor, store } = await dukaan.vendors.signUp({ email, password, storeName: `Limited ${accounts}`, slug: `limited-${accounts}-${process.pid}` });
      return { email, vendor, store };
    };

    t.test('per address: the 4th failed login from one address is 429 with Retry-After, for any account', async (t) => {
      const from = address();
      for (let i = 0; i < 3; i += 1) t.equal((await logIn(server, (await account()).email, 'wrong password', from)).statusCode, 401);
      const victim = await account();
      assertLimited(t, await logIn(server, victim.email, 'wrong password', from), '4th attempt');
      assertLimited(t, await logIn(server, victim.email, password, from), 'even the right password waits');
      t.equal((await logIn(server, victim.email, password, address())).statusCode, 200, 'another address is not affected');
    });

    t.test('per account: the 4th failed login on one account is 429 from whatever address', async (t) => {
      const victim = await account();
      for (let i = 0; i < 3; i += 1) t.equal((await logIn(server, victim.email, 'wrong password', address())).statusCode, 401);
      assertLimited(t, await logIn(server, victim.email.toUpperCase(), 'wrong password', address()), '4th attempt, new address, same account');
      t.equal((await logIn(server, (await account()).email, password, address())).statusCode, 200, 'other accounts are not affected');
    });

    t.test('only failures count: vendors behind one address log in as often as they like', async (t) => {
      const from = address();
      const vendors = await Promise.all([1, 2, 3, 4, 5].map(() => account()));
      for (const vendor of vendors) t.equal((await logIn(server, vendor.email, password, from)).statusCode, 200);
      t.equal((await logIn(server, vendors[0]?.email ?? '', password, from)).statusCode, 200, 'the 6th login from the address');
    });

    t.test('a successful login does not count: only failures use up the account budget', async (t) => {
      const vendor = await account();
      for (let i = 0; i < 2; i += 1) await logIn(server, vendor.email, 'wrong password', address());
      for (let i = 0; i < 3; i += 1) t.equal((await logIn(server, vendor.email, password, address())).statusCode, 200, `success ${i + 1}`);
      t.equal((await logIn(server, vendor.email, 'wrong password', address())).statusCode, 401, 'the 3rd failure is still checked');
      assertLimited(t, await logIn(server, vendor.email, 'wrong password', address()), 'the 4th failure');
    });

    t.test("behind a trusted proxy the client's X-Forwarded-For address is counted", async (t) => {
      for (let i = 0; i < 4; i += 1) {
        const response = await logIn(server, (await account()).email, 'wrong password', '10.0.0.1', { 'x-forwarded-for': `${address()}, 10.1.2.3` });
        t.equal(response.statusCode, 401, `client ${i + 1}: counted apart from the others`);
      }
      const client = address();
      for (let i = 0; i < 3; i += 1) await logIn(server, (await account()).email, 'wrong password', '10.1.9.9', { 'x-forwarded-for': `203.0.113.7, ${client}` });
      assertLimited(t, await logIn(server, (await account()).email, 'wrong password', '10.0.0.1', { 'x-forwarded-for': `198.51.100.1, ${client}` }), 'same client through another trusted proxy; spoofed left-hand entries do not matter');
    });

    t.test("an untrusted peer's X-Forwarded-For is ignored", async (t) => {
      const peer = address();
      for (let i = 0; i < 3; i += 1) {
        t.equal((await logIn(server, (await account()).email, 'wrong password', peer, { 'x-forwarded-for': address() })).statusCode, 401);
      }
      assertLimited(t, await logIn(server, (await account()).email, 'wrong password', peer, { 'x-forwarded-for': address() }), 'a fresh forged address does not help');
    });

    t.test('checkout: the 3rd order from one address within the minute is 429; other addresses go on', async (t) => {
      const { vendor, store } = await account();
      const { token } = await dukaan.auth.createApiToken({ vendorId: vendor.id, storeId: store.id }, { name: 'orders' });
      const api = client(server, { authorization: `Bearer ${token}` });
      const product = await api.product({ stock: 100 });
      const items = [{ productId: product.id, quantity: 1 }];
      const from = address();
      t.equal((await placeOrder(server, store.slug, items, { remoteAddress: from, key: 'retried' })).statusCode, 201);
      t.equal((await placeOrder(server, store.slug, items, { remoteAddress: from })).statusCode, 201);
      t.equal((await placeOrder(server, store.slug, items, { remoteAddress: from, key: 'retried' })).statusCode, 200, 'a retry of a placed order is answered, not limited');
      assertLimited(t, await placeOrder(server, store.slug, items, { remoteAddress: from }), '3rd order');
      t.equal((await placeOrder(server, store.slug, items, { remoteAddress: address() })).statusCode, 201);
      t.equal((await placeOrder(server, store.slug, items, { remoteAddress: '10.0.0.1', headers: { 'x-forwarded-for': address() } })).statusCode, 201, 'a trusted proxy passes the client on');
    });

    t.test('a limit of 0 turns the check off', async (t) => {
      const open = await fixture.sibling({ limits: { login: 0, checkout: 0 } });
      const vendor = await account();
      const from = address();
      for (let i = 0; i < 8; i += 1) t.equal((await logIn(open.server, vendor.email, 'wrong password', from)).statusCode, 401);
      t.equal((await logIn(open.server, vendor.email, password, from)).statusCode, 200);
    });

    t.test('with the cache down the limits fail open: logins and sign-ups still work', async (t) => {
      const down = await fixture.sibling({ cache: brokenCache(), limits: { login: 1, checkout: 1, signup: 1 } });
      const vendor = await account();
      const from = address();
      for (let i = 0; i < 3; i += 1) {
        t.equal((await logIn(down.server, vendor.email, 'wrong password', from)).statusCode, 401, 'a wrong password is still 401');
        t.equal((await logIn(down.server, vendor.email, password, from)).statusCode, 200, 'the right one still lets in');
      }
      const signup = await down.server.inject({ method: 'POST', url: '/api/v1/vendors', remoteAddress: from, payload: { email: `down.${vendor.email}`, password, storeName: 'Down' } });
      t.equal(signup.statusCode, 201);
    });
  });
}
