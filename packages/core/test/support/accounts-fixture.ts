import { randomBytes } from 'node:crypto';
import type { Test } from 'tap';
import { smtpMailer } from '../../src/adapters/mail/index.js';
import type { Clock, DukaanOptions } from '../../src/index.js';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../../src/testing/mail-catcher.js';
import type { CoreFixture, CoreVariant } from './core-variants.js';

/** Where mailed links point in these tests: never a request's Host. */
export const publicUrl = 'https://shop.example/store';

export const password = 'correct horse battery';

/** A clock the test moves by hand. */
export function manualClock(start = Date.now()): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

export interface AccountsFixture extends CoreFixture {
  mail: MailCatcher;
  clock: ReturnType<typeof manualClock>;
  /** A new vendor with a store, an email no other test uses, and the password above. */
  signUp(label: string): ReturnType<CoreFixture['dukaan']['vendors']['signUp']>;
  /** Mail to `to` whose subject matches, waiting for it (every mail goes through the real SMTP server). */
  mailTo(to: string, subject: RegExp): Promise<CaughtMail>;
  /** Every mail received so far to `to`, once the queue is idle. */
  allMailTo(to: string): Promise<CaughtMail[]>;
  /** The SQL sent while `work` ran, once earlier queued work has settled (what a caller waits for). */
  statementsDuring(work: () => Promise<unknown>): Promise<string[]>;
}

/** A core of this variant that mails through a real SMTP server in process, with a hand-moved clock; closed when `t` ends. */
export async function openAccounts(t: Test, variant: CoreVariant, options: Partial<DukaanOptions> = {}): Promise<AccountsFixture> {
  const mail = await startMailCatcher();
  const clock = manualClock();
  const fixture = await variant.open({ clock, mail: { mailer: smtpMailer({ url: mail.url, from: 'Dukaan <no-reply@shop.example>' }), publicUrl }, ...options });
  t.teardown(async () => {
    await fixture.close();
    await mail.close();
  });
  const run = randomBytes(4).toString('hex');
  return {
    ...fixture,
    mail,
    clock,
    signUp: (label) => fixture.dukaan.vendors.signUp({ email: `${label}-${run}@example.com`, password, storeName: `Store ${label}` }),
    mailTo: (to, subject) => mail.next((m) => m.to.includes(to) && subject.test(m.subject)),
    async allMailTo(to) {
      await fixture.dukaan.mail.idle();
      return mail.messages.filter((m) => m.to.includes(to));
    },
    async statementsDuring(work) {
      await fixture.dukaan.mail.idle();
      const sent: string[] = [];
      const record = (query: { sql: string }) => void sent.push(query.sql);
      fixture.knex.on('query', record);
      try {
        await work();
        return sent;
      } finally {
        fixture.knex.off('query', record);
      }
    },
  };
}
