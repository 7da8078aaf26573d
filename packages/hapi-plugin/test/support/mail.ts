import type { Test } from 'tap';
import { smtpMailer } from '@dukaan-kit/core/mail';
import { startMailCatcher } from '@dukaan-kit/core/testing';
import type { OpenOptions, ServerFixture, ServerVariant } from './server.js';

/** The absolute URL every link in mail is built from in these tests (never the request's Host). */
export const publicUrl = 'http://shop.test';
export const mailFrom = 'Dukaan <no-reply@shop.test>';

export type MailCatcher = Awaited<ReturnType<typeof startMailCatcher>>;
export type CaughtMail = MailCatcher['messages'][number];

/**
 * A server whose core mails through real SMTP (nodemailer) to an smtp-server catcher on
 * 127.0.0.1; both close when the test ends (the server first, so queued mail can still land).
 */
export async function openWithMail(t: Test, variant: ServerVariant, options: OpenOptions = {}): Promise<{ fixture: ServerFixture; catcher: MailCatcher }> {
  const catcher = await startMailCatcher();
  // publicUrl is the origin plus the mount prefix, as an embedder configures it.
  const base = `${publicUrl}${options.prefix ?? ''}`;
  const fixture = await variant.open({ ...options, mail: { mailer: smtpMailer({ url: catcher.url, from: mailFrom }), publicUrl: base } });
  t.teardown(async () => {
    await fixture.close();
    await catcher.close();
  });
  return { fixture, catcher };
}

/** The next mail to `address` (waits up to 5 s). */
export function mailTo(catcher: MailCatcher, address: string, predicate: (mail: CaughtMail) => boolean = () => true): Promise<CaughtMail> {
  return catcher.next((mail) => mail.to.includes(address) && predicate(mail));
}

/** Every mail caught so far to `address`. */
export function mailsTo(catcher: MailCatcher, address: string): CaughtMail[] {
  return catcher.messages.filter((mail) => mail.to.includes(address));
}

/** The token of the first link in `mail` whose path ends with `path`, and that link as a path with query (for inject). */
export function linkOf(catcher: MailCatcher, mail: CaughtMail, path: string): { url: URL; token: string; local: string } {
  const url = catcher.linkIn(mail, path);
  return { url, token: url.searchParams.get('token') ?? '', local: `${url.pathname}${url.search}` };
}
