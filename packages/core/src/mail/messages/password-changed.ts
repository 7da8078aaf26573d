import { composeMail } from '../compose.js';
import { mailTime } from '../format-time.js';
import type { MailMessage } from '../mailer.js';

/** Tells the vendor the password changed, with a way back in if it was someone else. */
export function passwordChangedMail({ to, at, resetLink }: { to: string; at: string; resetLink: string }): MailMessage {
  return composeMail('password-changed', to, 'Your password was changed', {
    before: [`The password of your store account was changed on ${mailTime(at)}.`, 'If that was you, there is nothing more to do.'],
    action: {
      intro: "If it wasn't you, reset your password now. That also signs everyone else out:",
      label: 'Reset your password',
      url: resetLink,
    },
  });
}
