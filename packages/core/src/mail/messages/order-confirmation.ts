import type { Locale } from '../../i18n/locales.js';
import { mailTranslator } from '../../i18n/mail-messages.js';
import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';
import type { Order } from '../../orders/order.js';
import { formatMoney } from '../../pricing/format.js';
import { orderLinesText, orderTotalsText, paymentText } from './order-text.js';

/** What closes every mail to a customer: why it came, since they have no account with us. */
export function customerFooter(storeName: string, locale: Locale = 'en'): string {
  return mailTranslator(locale)('mail.customerFooter', { storeName });
}

/** A question about the order goes to the store, not to a no-reply address. */
export function storeContact(storeName: string, storePhone: string | null, locale: Locale = 'en'): string[] {
  return storePhone ? [mailTranslator(locale)('mail.storeContact', { storeName, storePhone })] : [];
}

/**
 * To the customer once the order is placed, in the store's language for its customers: what
 * they bought, how they pay, and the tracking link. `accepted` when the store took it at once
 * (it accepts orders automatically). Nothing the orderer typed (name, address, phone, note) is
 * in it: whoever placed the order chose the address it goes to, so their text would reach
 * anyone's mailbox from our domain. The tracking page shows those details.
 */
export function orderConfirmationMail({
  to,
  storeName,
  storePhone,
  order,
  accepted,
  trackingLink,
  locale = 'en',
}: {
  to: string;
  storeName: string;
  storePhone: string | null;
  order: Order;
  accepted: boolean;
  trackingLink: string;
  locale?: Locale;
}): MailMessage {
  const t = mailTranslator(locale);
  const total = formatMoney(order.total, order.currency, locale);
  const number = String(order.number);
  const payment =
    order.payment.method === 'cod'
      ? t('mail.confirmation.payCod', { total })
      : t('mail.confirmation.payOther', { method: paymentText(order.payment.method, locale), total });
  return composeMail(
    'order-confirmation',
    to,
    t('mail.confirmation.subject', { number, storeName }),
    {
      before: [
        t(accepted ? 'mail.confirmation.thanksAccepted' : 'mail.confirmation.thanksPending', { storeName, number }),
        orderLinesText(order, locale),
        orderTotalsText(order, locale),
        payment,
        t('mail.confirmation.deliveryDetails'),
      ],
      action: { intro: t('mail.confirmation.intro'), label: t('mail.order.trackLabel'), url: trackingLink },
      after: storeContact(storeName, storePhone, locale),
      footer: customerFooter(storeName, locale),
    },
    locale,
  );
}
