import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';

/** Sent to the old address, so a change the vendor did not make does not go unnoticed. */
export function emailChangeNoticeMail({ to, newEmail }: { to: string; newEmail: string }): MailMessage {
  return composeMail('email-change-notice', to, 'Your email address is about to change', {
    before: [
      `Someone asked to change the email address of your store account to ${newEmail}.`,
      'The change happens only when the link sent to that address is opened. Until then, you keep signing in with this address.',
      "If this wasn't you, sign in now and change your password: someone may know it.",
    ],
  });
}
