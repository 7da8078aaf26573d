import type { Locale } from '../../i18n/locales.js';
import { mailTranslator } from '../../i18n/mail-messages.js';
import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';
import type { OrderStatus } from '../../orders/order.js';
import { customerFooter, storeContact } from './order-confirmation.js';

/** The statuses a customer hears about (pending is the confirmation's). */
export type MailedStatus = Exclude<OrderStatus, 'pending'>;

const mailedStatuses: ReadonlySet<string> = new Set<MailedStatus>(['accepted', 'shipped', 'delivered', 'rejected', 'cancelled', 'returned']);

export function isMailedStatus(status: string): status is MailedStatus {
  return mailedStatuses.has(status);
}

/**
 * To the customer on each status change, in the store's language for its customers; a reject,
 * cancel or return says why when the vendor wrote a reason.
 */
export function orderStatusMail({
  to,
  storeName,
  storePhone,
  number,
  status,
  reason,
  trackingLink,
  locale = 'en',
}: {
  to: string;
  storeName: string;
  storePhone: string | null;
  number: number;
  status: MailedStatus;
  reason: string | null;
  trackingLink: string;
  locale?: Locale;
}): MailMessage {
  const t = mailTranslator(locale);
  const values = { storeName, number: String(number) };
  const subject = t(`mail.status.${status}.subject`, values);
  return composeMail(
    'order-status',
    to,
    t('mail.status.subject', { subject, storeName }),
    {
      before: [t(`mail.status.${status}.says`, values), ...(reason ? [t('mail.status.reason', { reason })] : [])],
      action: { intro: t('mail.status.intro'), label: t('mail.order.trackLabel'), url: trackingLink },
      after: storeContact(storeName, storePhone, locale),
      footer: customerFooter(storeName, locale),
    },
    locale,
  );
}
