import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';

/** Sent to the new address: the change happens only when this link is followed, which proves the mailbox. */
export function emailChangeConfirmMail({ to, link, oldEmail }: { to: string; link: string; oldEmail: string }): MailMessage {
  return composeMail('email-change-confirm', to, 'Confirm your new email address', {
    before: [`Someone asked to change the email address of the store account ${oldEmail} to this one.`],
    action: {
      intro: 'To confirm the change, open this link. It works once, for the next 24 hours:',
      label: 'Confirm this email address',
      url: link,
    },
    after: ["If you didn't ask for this, ignore this email: nothing changes."],
  });
}
