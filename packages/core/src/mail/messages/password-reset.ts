import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';

/** The reset link asked for on the forgot-password page. */
export function passwordResetMail({ to, link, expiresInMinutes }: { to: string; link: string; expiresInMinutes: number }): MailMessage {
  return composeMail('password-reset', to, 'Reset your password', {
    before: ['Someone asked to reset the password of the store account for this email address.'],
    action: {
      intro: `To choose a new password, open this link. It works once, for the next ${expiresInMinutes} minutes:`,
      label: 'Choose a new password',
      url: link,
    },
    after: ["If you didn't ask for this, you can ignore this email: your password stays as it is."],
  });
}
