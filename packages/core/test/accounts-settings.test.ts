// Account settings: password and email changes, the session and API token lists, new-device mail.
import t from 'tap';
import { noCache } from '../src/adapters/keyv/index.js';
import { createDukaan } from '../src/index.js';
import { openAccounts, password, publicUrl } from './support/accounts-fixture.js';
import { coreVariants, fastHasher } from './support/core-variants.js';

const newPassword = 'violet tractor umbrella';
const iphone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const androidChrome = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const f = await openAccounts(t, variant, { limits: { login: 3 } });
    const { dukaan } = f;

    /** A signed-in vendor: the principal of a fresh session and its token. */
    const signedIn = async (label: string, userAgent: string | null = null) => {
      const { vendor, store } = await f.signUp(label);
      const session = await dukaan.auth.createSession(vendor.id, store.id, { userAgent });
      const principal = await dukaan.auth.resolveSession(session.token);
      if (!principal) throw new Error('no principal');
      return { vendor, store, principal, token: session.token };
    };

    t.test('changePassword keeps this session, ends the others, and mails the vendor', async (t) => {
      const { vendor, store, principal, token } = await signedIn('change');
      const other = await dukaan.auth.createSession(vendor.id, store.id);
      t.ok(await dukaan.auth.resolveSession(other.token));
      await dukaan.auth.createApiToken(principal, { name: 'ci' }).then(async ({ token: apiToken }) => {
        await dukaan.auth.resolveApiToken(apiToken);
        await dukaan.vendors.changePassword(principal, { currentPassword: password, newPassword });
        t.ok(await dukaan.auth.resolveApiToken(apiToken), 'API tokens are revoked one by one, not by a password change');
      });
      t.ok(await dukaan.auth.resolveSession(token), 'this session stays');
      t.equal(await dukaan.auth.resolveSession(other.token), null, 'the other ended, though it was cached');
      await t.rejects(dukaan.vendors.logIn({ email: vendor.email, password }), { code: 'UNAUTHENTICATED' });
      t.ok(await dukaan.vendors.logIn({ email: vendor.email, password: newPassword }, { deviceId: 'known' }));
      const mail = await f.mailTo(vendor.email, /password was changed/i);
      t.ok(f.mail.linkIn(mail, '/forgot-password'));
    });

    t.test('a wrong current password is a field error, counted per session apart from logins', async (t) => {
      const { vendor, principal } = await signedIn('wrong-current');
      for (let i = 0; i < 3; i++) {
        await t.rejects(dukaan.vendors.changePassword(principal, { currentPassword: 'not the password', newPassword }), {
          code: 'VALIDATION_FAILED',
          details: [{ path: 'currentPassword', message: 'The current password is not right' }],
        });
      }
      await t.rejects(dukaan.vendors.changePassword(principal, { currentPassword: password, newPassword }), { code: 'RATE_LIMITED' }, "this session's limit is reached");
      await t.rejects(dukaan.vendors.requestEmailChange(principal, { email: 'x@example.com', currentPassword: password }), { code: 'RATE_LIMITED' }, 'for every form that asks for it');
      t.ok(await dukaan.vendors.logIn({ email: vendor.email, password }), "the owner's typos here do not lock out logins");
      await t.rejects(dukaan.vendors.changePassword(principal, { currentPassword: password, newPassword: 'short' }), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'newPassword' }],
      }, 'the new password is checked by the policy');
    });

    t.test('email change: a link to the new address, a notice to the old; the change happens when it is followed', async (t) => {
      const { vendor, principal } = await signedIn('email-old');
      const newEmail = vendor.email.replace('email-old', 'email-new');
      t.same(await dukaan.vendors.requestEmailChange(principal, { email: newEmail.toUpperCase(), currentPassword: password }), { pendingEmail: newEmail });
      const notice = await f.mailTo(vendor.email, /about to change/i);
      t.match(notice.text, newEmail, 'the old address is told the new one');
      const confirm = await f.mailTo(newEmail, /confirm your new email/i);
      const link = f.mail.linkIn(confirm, '/confirm-email');
      t.equal(`${link.origin}${link.pathname}`, `${publicUrl}/confirm-email`);
      t.same((await dukaan.vendors.getAccount(principal)).vendor.email, vendor.email, 'unchanged until confirmed');
      const token = link.searchParams.get('token') ?? '';
      t.same(await dukaan.vendors.confirmEmailChange({ token }), { email: newEmail });
      t.same((await dukaan.vendors.getAccount(principal)).vendor.email, newEmail);
      t.ok(await dukaan.vendors.logIn({ email: newEmail, password }, { deviceId: 'known' }));
      await t.rejects(dukaan.vendors.logIn({ email: vendor.email, password }), { code: 'UNAUTHENTICATED' });
      await t.rejects(dukaan.vendors.confirmEmailChange({ token }), { code: 'TOKEN_INVALID' }, 'single use');
    });

    t.test('email change to an address another account uses: same answer, that address is told', async (t) => {
      const { vendor, principal } = await signedIn('taken-a');
      const other = await f.signUp('taken-b');
      t.same(await dukaan.vendors.requestEmailChange(principal, { email: other.vendor.email, currentPassword: password }), { pendingEmail: other.vendor.email });
      await f.mailTo(other.vendor.email, /already has an account/i);
      await f.mailTo(vendor.email, /about to change/i);
      const toOther = await f.allMailTo(other.vendor.email);
      t.notOk(toOther.some((m) => /confirm-email/.test(m.text)), 'no link to take over the other account');
      t.equal(await f.knex('account_tokens').where({ vendor_id: vendor.id }).count({ n: '*' }).first().then((r) => Number(r?.n)), 0);
    });

    t.test('email change: a taken and a free address make the same database calls before the answer', async (t) => {
      const { vendor, principal } = await signedIn('timing-a');
      const other = await f.signUp('timing-b');
      const statementsOf = (email: string) => f.statementsDuring(() => dukaan.vendors.requestEmailChange(principal, { email, currentPassword: password }));
      const free = vendor.email.replace('timing-a', 'timing-free');
      t.same(await statementsOf(other.vendor.email), await statementsOf(free));
      await f.mailTo(other.vendor.email, /already has an account/i);
      await f.mailTo(free, /confirm your new email/i);
    });

    t.test('email change: the address taken meanwhile is a conflict; wrong password and same address refused', async (t) => {
      const { vendor, principal } = await signedIn('race-a');
      const wanted = vendor.email.replace('race-a', 'race-wanted');
      await dukaan.vendors.requestEmailChange(principal, { email: wanted, currentPassword: password });
      const token = f.mail.linkIn(await f.mailTo(wanted, /confirm your new email/i), '/confirm-email').searchParams.get('token') ?? '';
      await dukaan.vendors.signUp({ email: wanted, password, storeName: 'Quick' });
      await t.rejects(dukaan.vendors.confirmEmailChange({ token }), { code: 'CONFLICT', details: [{ path: 'email' }] });
      t.same((await dukaan.vendors.getAccount(principal)).vendor.email, vendor.email);
      await t.rejects(dukaan.vendors.requestEmailChange(principal, { email: wanted, currentPassword: 'wrong password' }), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'currentPassword' }],
      });
      await t.rejects(dukaan.vendors.requestEmailChange(principal, { email: vendor.email, currentPassword: password }), {
        code: 'VALIDATION_FAILED',
        details: [{ path: 'email' }],
      });
      await t.rejects(dukaan.vendors.confirmEmailChange({ token: 'made-up' }), { code: 'TOKEN_INVALID' });
    });

    t.test('sessions: listed with device and current marker; ended one by one or all others', async (t) => {
      const { vendor, store, principal, token } = await signedIn('sessions', iphone);
      const phone = await dukaan.auth.createSession(vendor.id, store.id, { userAgent: androidChrome });
      const script = await dukaan.auth.createSession(vendor.id, store.id, { userAgent: 'curl/8.5.0' });
      const list = await dukaan.auth.listSessions(principal);
      t.same(list.map((s) => [s.device, s.current]), [['Safari on iPhone', true], ['curl', false], ['Chrome on Android', false]]);
      t.ok(list.every((s) => s.createdAt && s.lastSeenAt && !('tokenHash' in s)), 'never the token or its hash');
      const phoneSession = list.find((s) => s.device === 'Chrome on Android');
      await dukaan.auth.resolveSession(phone.token);
      await dukaan.auth.revokeSessionById(principal, phoneSession?.id ?? '');
      t.equal(await dukaan.auth.resolveSession(phone.token), null, 'ended, also from the cache');
      await t.rejects(dukaan.auth.revokeSessionById(principal, phoneSession?.id ?? ''), { code: 'NOT_FOUND' });
      const stranger = await signedIn('stranger');
      await t.rejects(dukaan.auth.revokeSessionById(stranger.principal, list[0]?.id ?? ''), { code: 'NOT_FOUND' }, "another vendor's session");
      t.equal(await dukaan.auth.revokeOtherSessions(principal), 1);
      t.equal(await dukaan.auth.resolveSession(script.token), null);
      t.ok(await dukaan.auth.resolveSession(token), 'this one stays');
      t.same((await dukaan.auth.listSessions(principal)).map((s) => s.current), [true]);
    });

    t.test('lastSeenAt and lastUsedAt follow use, written at most every 5 minutes', async (t) => {
      const { principal, token } = await signedIn('last-seen');
      const created = await dukaan.auth.createApiToken(principal, { name: 'sync' });
      t.same(await dukaan.auth.listApiTokens(principal), [{ id: created.id, name: 'sync', prefix: created.token.slice(0, 11), createdAt: created.createdAt, lastUsedAt: null }]);
      t.match(created.token.slice(0, 11), /^dk_[\w-]{8}$/);
      // A core without a cache reads the database on every call, as a cache miss does.
      const uncached = createDukaan({ outbox: { enabled: false }, persistence: f.persistence, cache: noCache(), clock: f.clock, hasher: fastHasher, sessionSweepIntervalMs: 0 });
      t.teardown(() => uncached.close());
      const lastUsed = async () => (await dukaan.auth.listApiTokens(principal))[0]?.lastUsedAt;
      const lastSeen = async () => (await dukaan.auth.listSessions(principal))[0]?.lastSeenAt;
      const createdAt = f.clock.now().toISOString();
      t.equal(await lastSeen(), createdAt, 'a session is seen when it starts');
      await uncached.auth.resolveApiToken(created.token);
      t.equal(await lastUsed(), createdAt, 'first use');
      f.clock.advance(4 * 60_000);
      await uncached.auth.resolveApiToken(created.token);
      await uncached.auth.resolveSession(token);
      t.equal(await lastUsed(), createdAt, 'not rewritten within 5 minutes');
      t.equal(await lastSeen(), createdAt);
      f.clock.advance(2 * 60_000);
      await uncached.auth.resolveApiToken(created.token);
      await uncached.auth.resolveSession(token);
      t.equal(await lastUsed(), f.clock.now().toISOString(), 'rewritten once stale');
      t.equal(await lastSeen(), f.clock.now().toISOString());
    });

    t.test('a sign-in without a known device mails the vendor; with one it does not', async (t) => {
      const { vendor } = await f.signUp('device');
      await dukaan.vendors.logIn({ email: vendor.email, password }, { clientAddress: '203.0.113.9', userAgent: androidChrome });
      const mail = await f.mailTo(vendor.email, /new sign-in/i);
      t.match(mail.text, 'Chrome on Android');
      t.match(mail.text, '203.0.113.9');
      t.ok(f.mail.linkIn(mail, '/dashboard/account'), 'links to the session list');
      await dukaan.vendors.logIn({ email: vendor.email, password }, { deviceId: 'device-1', deviceIssuedAt: f.clock.now().getTime(), userAgent: androidChrome });
      await t.rejects(dukaan.vendors.logIn({ email: vendor.email, password: 'wrong password' }, { userAgent: androidChrome }), { code: 'UNAUTHENTICATED' });
      t.equal((await f.allMailTo(vendor.email)).length, 1, 'neither a known device nor a failure mails');
    });
  });
}
