import { createHmac } from 'node:crypto';
import t from 'tap';
import type Hapi from '@hapi/hapi';
import { linkOf, mailsTo, mailTo, openWithMail, type CaughtMail } from './support/mail.js';
import { Browser } from './support/pages.js';
import { serverVariants, sessionSecret } from './support/server.js';

// Review R1 M4: a device cookie is trusted only when it was issued after the account's last
// password change. A browser that signed in before a reset (an attacker's, perhaps) must not
// stay a "known device": its next login is mailed as a new sign-in and counted per account.
const password = 'correct horse battery';
const newPassword = 'a brand new passphrase';
const isNewDevice = (mail: CaughtMail) => /new sign-in/i.test(mail.subject);
const isResetMail = (mail: CaughtMail) => mail.text.includes('/reset-password?token=');
let n = 0;

function logIn(server: Hapi.Server, email: string, secret: string, cookie?: string, remoteAddress = '203.0.113.50') {
  return server.inject({ method: 'POST', url: '/api/v1/session', remoteAddress, payload: { email, password: secret }, headers: cookie ? { cookie } : {} });
}

function deviceCookieOf(response: { headers: Record<string, unknown> }): string | undefined {
  const line = [response.headers['set-cookie'] ?? []].flat().map(String).find((l) => l.startsWith('dukaan_device='));
  return line?.split(';')[0];
}

function sessionCookieOf(response: { headers: Record<string, unknown> }): string {
  const line = [response.headers['set-cookie'] ?? []].flat().map(String).find((l) => !l.startsWith('dukaan_device='));
  return line?.split(';')[0] ?? '';
}

function payloadOf(cookie: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(String(cookie?.split('=')[1]).split('.')[0] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** A cookie in the format before the issue time was added: `{a, d, e}`, signed like the current one. */
function legacyDeviceCookie(account: string): string {
  const body = Buffer.from(JSON.stringify({ a: account, d: 'LegacyDeviceId00000000', e: Date.now() + 3600_000 }), 'utf8').toString('base64url');
  const mac = createHmac('sha256', sessionSecret).update(`device:${body}`).digest('base64url');
  return `dukaan_device=${body}.${mac}`;
}

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const { fixture, catcher } = await openWithMail(t, variant, { limits: { login: 10 } });
    const { server, dukaan } = fixture;
    const account = async () => {
      n += 1;
      const email = `device${n}.${process.pid}@example.com`;
      await dukaan.vendors.signUp({ email, password, storeName: `Device ${n}`, slug: `device-${n}-${process.pid}` });
      return email;
    };
    /** New-sign-in mails to `email` so far, once every queued mail has gone out. */
    const newDeviceMails = async (email: string) => {
      await dukaan.mail.idle();
      return mailsTo(catcher, email).filter(isNewDevice).length;
    };
    const reset = async (email: string) => {
      t.equal((await server.inject({ method: 'POST', url: '/api/v1/password-reset', remoteAddress: '10.8.0.1', payload: { email } })).statusCode, 202);
      const { token } = linkOf(catcher, await mailTo(catcher, email, isResetMail), '/reset-password');
      const done = await server.inject({ method: 'POST', url: '/api/v1/password-reset/confirm', payload: { token, password: newPassword } });
      t.equal(done.statusCode, 204, done.payload);
    };

    t.test('the cookie carries its issue time, signed with the rest', async (t) => {
      const email = await account();
      const before = Date.now();
      const device = deviceCookieOf(await logIn(server, email, password));
      const issued = payloadOf(device)['i'];
      t.type(issued, 'number');
      t.ok(Number(issued) >= before && Number(issued) <= Date.now(), 'issued at the login');
      const tampered = Buffer.from(JSON.stringify({ ...payloadOf(device), i: Date.now() + 60_000 }), 'utf8').toString('base64url');
      const forged = `dukaan_device=${tampered}.${String(device?.split('.')[1])}`;
      const count = await newDeviceMails(email);
      t.equal((await logIn(server, email, password, forged)).statusCode, 200);
      await mailTo(catcher, email, isNewDevice);
      t.equal(await newDeviceMails(email), count + 1, 'a cookie whose issue time was changed is not trusted');
    });

    t.test('a device cookie issued before a password reset is a new device again', async (t) => {
      const email = await account();
      const first = await logIn(server, email, password);
      t.equal(first.statusCode, 200);
      await mailTo(catcher, email, isNewDevice);
      const device = deviceCookieOf(first);
      t.ok(device, 'a device cookie');
      t.equal((await logIn(server, email, password, device)).statusCode, 200);
      t.equal(await newDeviceMails(email), 1, 'a login with the device cookie mails nothing');

      await reset(email);
      const after = await logIn(server, email, newPassword, device);
      t.equal(after.statusCode, 200, 'the new password works from that browser');
      const mail = await mailTo(catcher, email, isNewDevice);
      t.match(mail.text, /signed in/, 'but the login is mailed as a new sign-in');
      t.equal(await newDeviceMails(email), 2);

      const renewed = deviceCookieOf(after);
      t.ok(Number(payloadOf(renewed)['i']) > Number(payloadOf(device)['i']), 'that login renewed the issue time');
      t.equal((await logIn(server, email, newPassword, renewed)).statusCode, 200);
      t.equal(await newDeviceMails(email), 2, 'the renewed cookie is trusted again: no more mail');
    });

    t.test('during an attack after a reset, the old device cookie waits like any new device', async (t) => {
      const email = await account();
      const device = deviceCookieOf(await logIn(server, email, password));
      await reset(email);
      for (let i = 0; i < 12; i += 1) await logIn(server, email, 'wrong password', undefined, `198.51.104.${i + 1}`);
      t.equal((await logIn(server, email, newPassword, device)).statusCode, 429, 'counted per account, which is locked');
    });

    t.test('a password change keeps the browser that made it a known device; other browsers lose it', async (t) => {
      const email = await account();
      const other = deviceCookieOf(await logIn(server, email, password, undefined, '203.0.113.61'));
      const owner = new Browser(server, '203.0.113.60');
      await owner.get('/login');
      t.equal((await owner.post('/login', { email, password })).statusCode, 303);
      const ownerDevice = owner.cookies.get('dukaan_device');
      await owner.get('/dashboard/account');
      const changed = await owner.post('/dashboard/account/password', { currentPassword: password, newPassword });
      t.equal(changed.statusCode, 303, changed.payload.slice(0, 300));
      t.ok(Number(payloadOf(`x=${owner.cookies.get('dukaan_device')}`)['i']) >= Number(payloadOf(`x=${ownerDevice}`)['i']), "the changing browser's cookie was renewed");
      const count = await newDeviceMails(email);
      await owner.post('/logout', {});
      await owner.get('/login');
      t.equal((await owner.post('/login', { email, password: newPassword })).statusCode, 303);
      t.equal(await newDeviceMails(email), count, 'its next login mails nothing');
      t.equal((await logIn(server, email, newPassword, other, '203.0.113.61')).statusCode, 200);
      await mailTo(catcher, email, isNewDevice);
      t.equal(await newDeviceMails(email), count + 1, 'the other browser is a new device again');
    });

    t.test('the JSON password change renews the cookie of the session that made it', async (t) => {
      const email = await account();
      const login = await logIn(server, email, password);
      const device = deviceCookieOf(login);
      const changed = await server.inject({
        method: 'POST', url: '/api/v1/me/password', remoteAddress: '203.0.113.50',
        headers: { cookie: `${sessionCookieOf(login)}; ${device}` }, payload: { currentPassword: password, newPassword },
      });
      t.equal(changed.statusCode, 204, changed.payload);
      const renewed = deviceCookieOf(changed);
      t.equal(payloadOf(renewed)['d'], payloadOf(device)['d'], 'same device id');
      const count = await newDeviceMails(email);
      t.equal((await logIn(server, email, newPassword, renewed)).statusCode, 200);
      t.equal(await newDeviceMails(email), count, 'no new-sign-in mail with the renewed cookie');
    });

    t.test('a cookie without an issue time (from before it was added) is not trusted', async (t) => {
      const email = await account();
      const count = await newDeviceMails(email);
      const login = await logIn(server, email, password, legacyDeviceCookie(email));
      t.equal(login.statusCode, 200);
      await mailTo(catcher, email, isNewDevice);
      t.equal(await newDeviceMails(email), count + 1, 'the login is mailed as a new sign-in');
      const fresh = deviceCookieOf(login);
      t.not(payloadOf(fresh)['d'], 'LegacyDeviceId00000000', 'and the browser gets a new device id');
      t.type(payloadOf(fresh)['i'], 'number', 'in the current format');
    });
  });
}
