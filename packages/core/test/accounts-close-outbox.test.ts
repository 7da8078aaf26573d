// Closing an account erases every copy the file outbox kept of mail about it, whatever address
// it went to (an earlier address, a pending new one, the goodbye itself), and nothing else.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { fileOutbox } from '../src/adapters/mail/index.js';
import { openAccounts, password, publicUrl } from './support/accounts-fixture.js';
import { coreVariants } from './support/core-variants.js';

/** The outbox's messages, undone of quoted-printable soft breaks so links and addresses read whole. */
function outboxMail(directory: string): Array<{ name: string; eml: string }> {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.eml'))
    .map((name) => ({ name, eml: readFileSync(join(directory, name), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=') }));
}

function tokenIn(mail: Array<{ eml: string }>, to: string, path: string): string {
  const found = mail.filter((m) => new RegExp(`^To: .*${to}`, 'mi').test(m.eml)).map((m) => new RegExp(`${path}\\?token=([\\w-]+)`).exec(m.eml)?.[1]);
  const token = found.find((value) => value !== undefined);
  if (!token) throw new Error(`no ${path} link to ${to}`);
  return token;
}

for (const variant of coreVariants()) {
  t.test(variant.name, async (t) => {
    const directory = mkdtempSync(join(tmpdir(), 'dukaan-outbox-'));
    t.teardown(() => rmSync(directory, { recursive: true, force: true }));
    const f = await openAccounts(t, variant, { mail: { mailer: fileOutbox({ directory, from: 'Dukaan <no-reply@shop.example>' }), publicUrl } });
    const { dukaan } = f;

    t.test('email change, reset and close leave no mail of the account; other accounts keep theirs', async (t) => {
      const { vendor, store } = await f.signUp('outbox-a');
      const other = await f.signUp('outbox-b');
      const session = await dukaan.auth.createSession(vendor.id, store.id);
      const principal = await dukaan.auth.resolveSession(session.token);
      if (!principal) throw new Error('no principal');
      const second = vendor.email.replace('outbox-a', 'outbox-a2');
      const pending = vendor.email.replace('outbox-a', 'outbox-a3');

      await dukaan.vendors.requestEmailChange(principal, { email: second, currentPassword: password });
      await dukaan.mail.idle();
      await dukaan.vendors.confirmEmailChange({ token: tokenIn(outboxMail(directory), second, '/confirm-email') });
      await dukaan.vendors.requestPasswordReset({ email: second });
      await dukaan.mail.idle();
      const newPassword = 'violet tractor umbrella';
      await dukaan.vendors.resetPassword({ token: tokenIn(outboxMail(directory), second, '/reset-password'), password: newPassword });
      await dukaan.vendors.logIn({ email: second, password: newPassword }, { userAgent: 'curl/8.5.0', clientAddress: '203.0.113.9' });
      const again = await dukaan.auth.createSession(vendor.id, store.id);
      const signedIn = await dukaan.auth.resolveSession(again.token);
      if (!signedIn) throw new Error('no principal');
      await dukaan.vendors.requestEmailChange(signedIn, { email: pending, currentPassword: newPassword });
      await dukaan.vendors.requestEmailChange(signedIn, { email: other.vendor.email, currentPassword: newPassword });
      await dukaan.vendors.requestPasswordReset({ email: other.vendor.email });
      await dukaan.mail.idle();

      const addresses = [vendor.email, second, pending];
      const aboutA = (eml: string) => eml.includes(`X-Dukaan-Account: ${vendor.id}`);
      const before = outboxMail(directory);
      t.ok(before.filter((m) => aboutA(m.eml)).length >= 8, 'the account has mail to three addresses');
      t.ok(before.some((m) => new RegExp(`^To: .*${pending}`, 'mi').test(m.eml)), 'a confirmation to the pending address');

      await dukaan.vendors.closeAccount(signedIn, { password: newPassword });
      await dukaan.mail.idle();
      const after = outboxMail(directory);
      t.same(after.filter((m) => aboutA(m.eml)).map((m) => m.name), [], 'nothing tagged with the account');
      for (const address of addresses) {
        t.notOk(after.some((m) => m.eml.includes(address)), `nothing to or naming ${address}, the goodbye included`);
      }
      const kept = after.filter((m) => m.eml.includes(`X-Dukaan-Account: ${other.vendor.id}`));
      t.same(kept.map((m) => /-([a-z-]+)-[0-9a-f]{12}\.eml$/.exec(m.name)?.[1]).sort(), ['email-taken', 'password-reset'], "the other account's mail stays");
    });
  });
}
