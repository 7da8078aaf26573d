// How createDukaan wires mail: the link base, the queue's lifetime, and the sweep of expired links.
import t from 'tap';
import { keyvCache } from '../src/adapters/keyv/index.js';
import { createDukaan } from '../src/index.js';
import type { Mailer, MailMessage } from '../src/index.js';
import { coreVariants, fastHasher } from './support/core-variants.js';
import { manualClock } from './support/accounts-fixture.js';

/** A mailer that keeps what it is given, to look at the wiring (the SMTP path has its own tests). */
function recordingMailer(): Mailer & { sent: MailMessage[]; closed: boolean } {
  const mailer = {
    sent: [] as MailMessage[],
    closed: false,
    send: async (message: MailMessage) => void mailer.sent.push(message),
    close: async () => void (mailer.closed = true),
  };
  return mailer;
}

const [sqlite] = coreVariants();

t.test('publicUrl must be an absolute http(s) URL; a trailing slash is dropped', async (t) => {
  const fixture = await sqlite!.open();
  t.teardown(() => fixture.close());
  const { persistence } = fixture;
  const make = (publicUrl: string) => createDukaan({ outbox: { enabled: false }, persistence, cache: keyvCache(), mail: { mailer: recordingMailer(), publicUrl }, sessionSweepIntervalMs: 0 });
  for (const bad of ['shop.example', '/store', 'ftp://shop.example', 'https://shop.example/?x=1', 'https://user:pw@shop.example']) {
    t.throws(() => make(bad), TypeError, bad);
  }
});

t.test('links come from publicUrl; close() lets queued mail go and closes the mailer', async (t) => {
  const fixture = await sqlite!.open();
  t.teardown(() => fixture.close());
  const mailer = recordingMailer();
  const clock = manualClock();
  const dukaan = createDukaan({
    persistence: fixture.persistence,
    outbox: { enabled: false },
    cache: keyvCache(),
    hasher: fastHasher,
    clock,
    mail: { mailer, publicUrl: 'https://shop.example/store/' },
    sessionSweepIntervalMs: 0,
  });
  const { vendor } = await dukaan.vendors.signUp({ email: `wiring-${process.pid}@example.com`, password: 'correct horse battery', storeName: 'Wiring' });
  await dukaan.vendors.requestPasswordReset({ email: vendor.email });
  await dukaan.mail.idle();
  t.match(mailer.sent, [{ kind: 'password-reset', to: vendor.email, text: /https:\/\/shop\.example\/store\/reset-password\?token=[\w-]{43}/ }]);
  const rows = () => fixture.knex('account_tokens').where({ vendor_id: vendor.id });
  t.equal((await rows()).length, 1);
  clock.advance(31 * 60_000);
  await dukaan.auth.sweepExpiredSessions();
  t.same(await rows(), [], 'the sweep deletes expired link tokens too');
  await dukaan.vendors.requestPasswordReset({ email: vendor.email });
  await dukaan.close();
  t.equal(mailer.sent.length, 2, 'mail queued before close() was delivered');
  t.ok(mailer.closed, 'and the mailer closed');
});
