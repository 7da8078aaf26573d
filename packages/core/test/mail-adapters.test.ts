// The bundled mailers against real receivers: nodemailer over SMTP into an in-process smtp-server,
// and the .eml file outbox, both read back with mailparser as a mail program would.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import t from 'tap';
import { fileOutbox, smtpMailer } from '../src/adapters/mail/index.js';
import { parseSmtpUrl } from '../src/adapters/mail/smtp-url.js';
import { accountClosedMail, emailTakenMail, newDeviceMail, passwordResetMail } from '../src/mail/index.js';
import { startMailCatcher } from '../src/testing/index.js';

// Long enough that quoted-printable must fold it: the link has to survive the soft line breaks.
const link = `https://shop.example/app/reset-password?token=${'Ab3_xYz-9q'.repeat(6)}&utm=mail`;
const from = 'Dukaan Shop <no-reply@shop.example>';

t.test('SMTP: the message arrives with its headers, text and HTML, and the link can be followed', async (t) => {
  const catcher = await startMailCatcher();
  t.teardown(() => catcher.close());
  const mailer = smtpMailer({ url: catcher.url, from });
  t.teardown(() => mailer.close?.());
  await mailer.send(passwordResetMail({ to: 'asha@example.com', link, expiresInMinutes: 30 }));
  const mail = await catcher.next();
  t.same(mail.to, ['asha@example.com']);
  t.match(mail.from, /Dukaan Shop.*<no-reply@shop\.example>/);
  t.equal(mail.subject, 'Reset your password');
  t.ok(mail.text.split(/\r?\n/).includes(link), 'the link, whole, on its own line of the text');
  t.equal(catcher.linkIn(mail, '/reset-password').href, link, 'linkIn finds it by its path');
  t.ok(mail.html.includes(`href="${link.replaceAll('&', '&amp;')}"`), 'and in the HTML');
  t.match(mail.text, /30 minutes/);

  await mailer.send(newDeviceMail({ to: 'ravi@example.com', device: 'Firefox on Windows', at: '2025-05-03T14:05:09Z', address: '203.0.113.9', sessionsLink: 'https://shop.example/dashboard/account' }));
  const second = await catcher.next((m) => m.to.includes('ravi@example.com'));
  t.equal(second.subject, 'New sign-in to your store account');
  t.throws(() => catcher.linkIn(second, '/reset-password'), /no link ending in \/reset-password/, 'linkIn says when there is no such link');
  await t.rejects(catcher.next(undefined, 100), /no matching mail arrived within 100 ms/, 'next() waits only for unseen messages, and not forever');
});

t.test('SMTP with the wrong password fails clearly, without the password in the message', async (t) => {
  const catcher = await startMailCatcher();
  t.teardown(() => catcher.close());
  const mailer = smtpMailer({ url: catcher.url.replace('test:test', 'test:wrong-Pa55'), from });
  const error = await mailer.send(emailTakenMail({ to: 'asha@example.com' })).then(() => null, (e: unknown) => e as Error & { code?: string });
  t.match(error, { code: 'EAUTH', responseCode: 535, message: /The SMTP server at 127\.0\.0\.1:\d+ refused the user name or password in the SMTP URL/ });
  t.notMatch(error?.message, /wrong-Pa55/);
  t.equal(catcher.messages.length, 0, 'nothing was delivered');
});

t.test('SMTP to a port where nothing listens fails fast and says so', async (t) => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  const mailer = smtpMailer({ url: `smtp://test:test@127.0.0.1:${port}`, from });
  await t.rejects(mailer.send(emailTakenMail({ to: 'a@example.com' })), { code: /^E(SOCKET|CONNECTION)$/, message: new RegExp(`Could not reach the SMTP server at 127\\.0\\.0\\.1:${port}`) });
});

t.test('SMTP URLs: schemes, ports, escaped credentials, and no password over plain text to another host', async (t) => {
  t.match(parseSmtpUrl('smtps://user%40example.com:p%2Fss@mail.example.com'), { host: 'mail.example.com', port: 465, secure: true, auth: { user: 'user@example.com', pass: 'p/ss' }, requireTLS: false });
  t.match(parseSmtpUrl('smtp://user:pass@mail.example.com'), { port: 587, secure: false, requireTLS: true }, 'STARTTLS required before sending a password to another host');
  t.match(parseSmtpUrl('smtp://user:pass@mailpit:1025?requireTLS=false'), { port: 1025, requireTLS: false }, 'unless the URL opts out (a private network)');
  t.match(parseSmtpUrl('smtp://user:pass@127.0.0.1:2525'), { requireTLS: false }, 'this machine is fine');
  const relay = parseSmtpUrl('smtp://relay.internal:25');
  t.ok(relay.auth === undefined && !relay.requireTLS, 'no credentials, nothing to protect');
  for (const bad of ['http://mail.example.com', 'mail.example.com:25', 'smtp://', '']) {
    t.throws(() => parseSmtpUrl(bad), { name: 'TypeError', message: /must look like smtp:\/\// }, JSON.stringify(bad));
  }
  let refusal: unknown = null;
  try {
    smtpMailer({ url: 'https://user:s3cret@mail.example.com', from });
  } catch (error) {
    refusal = error;
  }
  t.ok(refusal instanceof TypeError, 'a wrong URL is refused when the mailer is made, not at the first mail');
  t.notMatch(String(refusal), /s3cret/, 'the URL (and its password) is not echoed');
});

t.test('file outbox: an .eml per message, private, named without personal data, erasable per account', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'outbox-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const directory = join(root, 'data', 'outbox');
  const written: Array<{ file: string; kind: string }> = [];
  const outbox = fileOutbox({ directory, from, onWritten: (info) => written.push(info) });

  await outbox.send({ ...passwordResetMail({ to: 'asha@example.com', link, expiresInMinutes: 30 }), accountId: 'account-asha' });
  await outbox.send({ ...accountClosedMail({ to: 'asha-new@example.com', storeName: 'Chai & Co' }), accountId: 'account-asha' });
  await outbox.send({ ...emailTakenMail({ to: 'asha@example.com' }), accountId: 'account-ravi' });

  const files = readdirSync(directory).sort();
  t.equal(files.length, 3, 'one file per message, no partial files left');
  for (const name of files) t.match(name, /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z-[a-z-]+-[0-9a-f]{12}\.eml$/, `${name}: time, kind, random`);
  t.equal(statSync(directory).mode & 0o777, 0o700, 'the folder is private');
  t.equal(statSync(join(directory, files[0] ?? '')).mode & 0o777, 0o600, 'each file is readable by its owner only');

  t.same(written.map((w) => Object.keys(w).sort()), [['file', 'kind'], ['file', 'kind'], ['file', 'kind']], 'onWritten gets the file and the kind only');
  t.same(written.map((w) => w.kind), ['password-reset', 'account-closed', 'email-taken']);
  t.notMatch(JSON.stringify(written), /@|token=|Ab3_/, 'never the address or the link');

  const reset = written[0]?.file ?? '';
  const parsed = await simpleParser(readFileSync(reset));
  t.equal(parsed.subject, 'Reset your password');
  t.match(parsed.from?.text, /no-reply@shop\.example/);
  t.same(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((a) => a.address) : [], ['asha@example.com']);
  t.ok(parsed.text?.split(/\r?\n/).includes(link), 'the link survives in the text');
  t.ok(typeof parsed.html === 'string' && parsed.html.includes(link.replaceAll('&', '&amp;')), 'and in the HTML');
  t.equal(parsed.headers.get('auto-submitted'), 'auto-generated', 'marked automatic, so autoresponders stay quiet');
  t.equal(parsed.headers.get('x-dukaan-account'), 'account-asha', 'tagged with the account it is about');

  t.equal(await outbox.erase({ accountId: 'account-asha' }), 2, "both of Asha's account's messages, to either of its addresses");
  const left = readdirSync(directory);
  t.equal(left.length, 1);
  t.match(left[0], /email-taken/, "the other account's stays, though it went to an address Asha's account used");
  t.equal(await outbox.erase({ accountId: 'account-asha' }), 0, 'erasing again finds nothing');

  writeFileSync(join(directory, 'notes.txt'), 'X-Dukaan-Account: account-ravi\n\nnot mail');
  t.equal(await outbox.erase({ accountId: 'account-ravi' }), 1, 'only .eml files are considered');
  t.ok(readdirSync(directory).includes('notes.txt'));

  await outbox.send(emailTakenMail({ to: 'nobody@example.com' }));
  await outbox.send({ ...emailTakenMail({ to: 'x@example.com' }), accountId: 'bad\r\nBcc: evil@example.com' });
  const untagged = readdirSync(directory).filter((name) => name.endsWith('.eml'));
  t.equal(untagged.length, 2);
  for (const name of untagged) t.notMatch(readFileSync(join(directory, name), 'utf8'), /X-Dukaan-Account|evil/i, 'no tag without a plain account id');

  const missing = fileOutbox({ directory: join(root, 'never-written'), from });
  t.equal(await missing.erase({ accountId: 'account-asha' }), 0, 'an outbox that never wrote has nothing to erase');
});

t.test('file outbox: the folder is made once, and again when it was deleted since', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'outbox-'));
  t.teardown(() => rmSync(root, { recursive: true, force: true }));
  const directory = join(root, 'outbox');
  const outbox = fileOutbox({ directory, from });
  await Promise.all([outbox.send(emailTakenMail({ to: 'a@example.com' })), outbox.send(emailTakenMail({ to: 'b@example.com' }))]);
  t.equal(readdirSync(directory).length, 2, 'two messages sent at once share the one folder');
  rmSync(directory, { recursive: true, force: true });
  await t.resolves(outbox.send(emailTakenMail({ to: 'c@example.com' })), 'a folder deleted by hand is made again');
  t.equal(readdirSync(directory).length, 1);
  t.equal(statSync(directory).mode & 0o777, 0o700, 'and private again');
});

t.test('file outbox: a throwing onWritten does not fail the send (the queue would write it twice)', async (t) => {
  const directory = mkdtempSync(join(tmpdir(), 'outbox-'));
  t.teardown(() => rmSync(directory, { recursive: true, force: true }));
  const outbox = fileOutbox({ directory, from, onWritten: () => {
    throw new Error('logger down');
  } });
  await t.resolves(outbox.send(emailTakenMail({ to: 'a@example.com' })));
  t.equal(readdirSync(directory).length, 1);
});
