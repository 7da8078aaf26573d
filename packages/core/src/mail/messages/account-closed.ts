import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';

/** The last mail to a closed account: what went, and what the law makes the store keep. */
export function accountClosedMail({ to, storeName }: { to: string; storeName: string }): MailMessage {
  return composeMail('account-closed', to, 'Your store account is closed', {
    before: [
      `Your store account and the store "${storeName}" are closed, as you asked. The store is offline and you can no longer sign in.`,
      "Your personal data, and your customers' personal data in your orders, is being erased now. Order numbers, totals and the items sold are kept without names or contact details, because tax law requires it.",
      'This is the last email you will get from us about this account.',
    ],
  });
}
