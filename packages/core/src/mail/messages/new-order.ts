import type { Locale } from '../../i18n/locales.js';
import { mailTranslator } from '../../i18n/mail-messages.js';
import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';
import type { Order } from '../../orders/order.js';
import { formatMoney } from '../../pricing/format.js';
import { customerText, orderLinesText, orderTotalsText, paymentText } from './order-text.js';

/**
 * To the vendor for each new order, in the vendor's language: everything needed to decide on it
 * without signing in, and the link to its page in the dashboard. The subject stays free of the
 * customer's name, so a lock-screen preview shows the number and the amount only. `accepted`
 * when the store took the order at once (it accepts orders automatically).
 */
export function newOrderMail({
  to,
  storeName,
  order,
  accepted,
  orderLink,
  locale = 'en',
}: {
  to: string;
  storeName: string;
  order: Order;
  accepted: boolean;
  orderLink: string;
  locale?: Locale;
}): MailMessage {
  const t = mailTranslator(locale);
  const total = formatMoney(order.total, order.currency, locale);
  const number = String(order.number);
  return composeMail(
    'new-order',
    to,
    t('mail.newOrder.subject', { number, total }),
    {
      before: [
        t('mail.newOrder.intro', { storeName, number, total }),
        orderLinesText(order, locale),
        orderTotalsText(order, locale),
        t('mail.newOrder.payment', { method: paymentText(order.payment.method, locale) }),
        t('mail.newOrder.deliverTo', { customer: customerText(order.customer, locale) }),
        ...(order.note ? [t('mail.newOrder.note', { note: order.note })] : []),
      ],
      // A store that accepts orders automatically has nothing to decide: the order is accepted already.
      action: { intro: t(accepted ? 'mail.newOrder.acceptedAlready' : 'mail.newOrder.decide'), label: t('mail.newOrder.label', { number }), url: orderLink },
      footer: t('mail.newOrder.footer'),
    },
    locale,
  );
}
