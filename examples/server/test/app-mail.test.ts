// Mail through the reference app: SMTP_URL at a real SMTP server in this process (core's
// startMailCatcher), links built from PUBLIC_URL, and the request log never holding a reset or
// confirmation token; without SMTP_URL, the file outbox writes .eml files and logs only where.
// Each flow runs on SQLite and, when the test services have it, on PostgreSQL (a database of
// its own per app), as the "Done when" asks of the app-level flows.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import t, { type Test } from 'tap';
import { startMailCatcher } from '@dukaan-kit/core/testing';
import { appOnTempDatabase, databaseKinds, logCapture, type DatabaseKind, type TempApp } from './support/temp-app.js';

const password = 'chai-and-biscuits';
const newPassword = 'ginger-and-cardamom-7';

async function signUp(app: TempApp, email: string): Promise<string> {
  const response = await app.server.inject({ method: 'POST', url: '/api/v1/vendors', payload: { email, password, storeName: 'Mail Shop' } });
  if (response.statusCode !== 201) throw new Error(`sign-up answered ${response.statusCode}: ${response.payload}`);
  return String([response.headers['set-cookie']].flat()[0]).split(';')[0] ?? '';
}

/** The URL and query of the request logged with the completion message `[response] <method> <path> …`. */
function loggedRequest(lines: string[], methodAndPath: string): { url?: string; query?: unknown } | undefined {
  const line = lines.find((l) => l.includes(`"msg":"[response] ${methodAndPath} `));
  if (!line) return undefined;
  const { req } = JSON.parse(line) as { req?: { url?: string; query?: unknown } };
  return { url: req?.url, query: req?.query };
}

const logIn = (app: TempApp, email: string, secret: string) =>
  app.server.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: secret } });

function flows(t: Test, database: DatabaseKind) {
  t.test('with SMTP_URL: the reset mail arrives over SMTP, its link works once, no token is logged', async (t) => {
    const catcher = await startMailCatcher();
    t.teardown(() => catcher.close());
    const capture = logCapture();
    const publicUrl = 'http://shop.test:8080';
    const app = await appOnTempDatabase(t, { SMTP_URL: catcher.url, MAIL_FROM: 'Mail Shop <no-reply@shop.test>', PUBLIC_URL: publicUrl, LOG_LEVEL: 'info' }, { logStream: capture.stream }, database);
    const email = 'asha@example.com';
    const cookie = await signUp(app, email);

    const asked = await app.server.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email }, headers: { host: 'evil.example' } });
    t.equal(asked.statusCode, 202, asked.payload);
    const unknown = await app.server.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email: 'nobody@example.com' } });
    t.equal(unknown.statusCode, 202, 'an unknown email gets the same answer');
    t.equal(unknown.payload, asked.payload, 'with the same body');

    const mail = await catcher.next((m) => m.to.includes(email) && /reset/i.test(m.subject), 10_000);
    t.match(mail.from, 'no-reply@shop.test', 'From is MAIL_FROM');
    const link = catcher.linkIn(mail, '/reset-password');
    t.equal(link.origin, publicUrl, 'the link is built from PUBLIC_URL, not the Host header of the request');
    const token = link.searchParams.get('token') ?? '';
    t.ok(token.length >= 32, 'the link carries a long token');

    // The page behind the link, as the vendor's browser opens it.
    const page = await app.server.inject({ url: `${link.pathname}${link.search}` });
    t.equal(page.statusCode, 200, 'the reset page opens');
    t.equal(page.headers['referrer-policy'], 'no-referrer', 'a page with a token in its URL sends no Referer on');
    const confirmed = await app.server.inject({ method: 'POST', url: '/api/v1/password-reset/confirm', payload: { token, password: newPassword } });
    t.equal(confirmed.statusCode, 204, confirmed.payload);
    const again = await app.server.inject({ method: 'POST', url: '/api/v1/password-reset/confirm', payload: { token, password: 'another-long-passphrase-9' } });
    t.equal(again.statusCode, 400, 'the link works once');
    t.equal(JSON.parse(again.payload).code, 'TOKEN_INVALID');
    t.equal((await app.server.inject({ url: '/api/v1/me', headers: { cookie } })).statusCode, 401, 'the reset ended the old session');
    t.equal((await logIn(app, email, password)).statusCode, 401, 'the old password is refused');
    t.equal((await logIn(app, email, newPassword)).statusCode, 200, 'the new one works');
    const changed = await catcher.next((m) => m.to.includes(email) && /password was changed/i.test(m.subject), 10_000);
    t.same(changed.to, [email], 'the vendor is told the password changed');
    t.notOk(changed.text.includes(token), 'that mail does not repeat the used link');

    await app.dukaan.mail.idle();
    const log = capture.text();
    t.same(loggedRequest(capture.lines, 'get /reset-password'), { url: '/reset-password', query: { token: '[redacted]' } }, 'the reset page request is logged with its token replaced');
    t.notOk(log.includes(token), 'the token is nowhere in the log');
    t.notOk(log.includes('test:test@'), 'nor the SMTP credentials');
    t.match(log, '"mail set up"', 'the start-up line says how mail goes');
  });

  t.test('with SMTP_URL: an email change mails a confirmation link; following it is not logged either', async (t) => {
    const catcher = await startMailCatcher();
    t.teardown(() => catcher.close());
    const capture = logCapture();
    const app = await appOnTempDatabase(t, { SMTP_URL: catcher.url, PUBLIC_URL: 'http://shop.test', LOG_LEVEL: 'info' }, { logStream: capture.stream }, database);
    const cookie = await signUp(app, 'ravi@example.com');
    const asked = await app.server.inject({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { email: 'ravi.k@example.com', currentPassword: password } });
    t.equal(asked.statusCode, 202, asked.payload);
    const mail = await catcher.next((m) => m.to.includes('ravi.k@example.com'), 10_000);
    const link = catcher.linkIn(mail, '/confirm-email');
    t.equal(link.origin, 'http://shop.test');
    const token = link.searchParams.get('token') ?? '';
    const page = await app.server.inject({ url: `${link.pathname}${link.search}`, headers: { cookie } });
    t.equal(page.statusCode, 200, 'the confirmation page opens');
    const confirmed = await app.server.inject({ method: 'POST', url: '/api/v1/me/email/confirm', payload: { token } });
    t.equal(confirmed.statusCode, 204, confirmed.payload);
    t.equal(JSON.parse((await app.server.inject({ url: '/api/v1/me', headers: { cookie } })).payload).vendor.email, 'ravi.k@example.com');
    const log = capture.text();
    t.same(loggedRequest(capture.lines, 'get /confirm-email'), { url: '/confirm-email', query: { token: '[redacted]' } }, 'the confirmation page request is logged with its token replaced');
    t.notOk(log.includes(token), 'the token is nowhere in the log');
  });

  t.test('without SMTP_URL: the file outbox writes the mail and logs the file and kind only', async (t) => {
    const capture = logCapture();
    const app = await appOnTempDatabase(t, { LOG_LEVEL: 'info' }, { logStream: capture.stream }, database);
    const email = 'meera@example.com';
    await signUp(app, email);
    t.equal((await app.server.inject({ method: 'POST', url: '/api/v1/password-reset', payload: { email } })).statusCode, 202);
    await app.dukaan.mail.idle();

    const outbox = join(app.dir, 'outbox');
    const files = readdirSync(outbox).filter((f) => /-password-reset-.*\.eml$/.test(f));
    t.equal(files.length, 1, `one reset mail in ${outbox}`);
    const eml = readFileSync(join(outbox, files[0]!), 'utf8');
    t.match(eml, /^To: .*meera@example\.com/m, 'addressed to the vendor');
    const token = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(eml.replace(/=\r?\n/g, '').replace(/=3D/g, '='))?.[1] ?? '';
    t.ok(token.length >= 32, 'the .eml holds the link');

    const lines = capture.lines.filter((line) => line.includes('mail written to the outbox'));
    t.equal(lines.length, 1, 'one log line for the written file');
    const logged = JSON.parse(lines[0]!) as { mail?: { file?: string; kind?: string } };
    t.same(Object.keys(logged.mail ?? {}).sort(), ['file', 'kind'], 'the line holds the file and the kind, nothing else');
    t.equal(logged.mail?.kind, 'password-reset');
    t.equal(logged.mail?.file, join(outbox, files[0]!), 'and where the file is');
    const log = capture.text();
    t.notOk(log.includes(email), 'the address is not logged');
    t.notOk(log.includes(token), 'nor the link');
  });
}

for (const database of databaseKinds()) t.test(database, async (t) => flows(t, database));
