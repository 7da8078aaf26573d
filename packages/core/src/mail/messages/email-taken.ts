import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';

/**
 * Sent instead of a confirmation when the new address already has an account. The person who
 * asked gets the same answer either way, so only the mailbox owner learns the address is taken.
 */
export function emailTakenMail({ to }: { to: string }): MailMessage {
  return composeMail('email-taken', to, 'This email address already has an account', {
    before: [
      'Someone asked to move a store account to this email address, but another account already uses it, so nothing was changed.',
      'If that was you, sign in with this address instead, or reset its password if you have forgotten it.',
      "If it wasn't you, you can ignore this email.",
    ],
  });
}
