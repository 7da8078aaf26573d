import { variantLabel } from '../../catalog/variant-summary.js';
import type { Locale } from '../../i18n/locales.js';
import { mailTranslator } from '../../i18n/mail-messages.js';
import type { Order } from '../../orders/order.js';
import { formatMoney } from '../../pricing/format.js';

// The paragraphs every order mail shares, as plain text (composeMail escapes them for HTML and
// keeps their line breaks): what was bought, what it costs, how it is paid, where it goes.
// Quantities and order numbers go in as text, so they stay plain digits in every language.

/** "2 × Masala Chai 250 g — ₹498.00", one line per item. */
export function orderLinesText(order: Pick<Order, 'items' | 'currency'>, locale: Locale = 'en'): string {
  const t = mailTranslator(locale);
  return order.items
    .map((line) => t('mail.order.line', { quantity: String(line.quantity), item: variantLabel(line.name, line.options), amount: formatMoney(line.lineTotal, order.currency, locale) }))
    .join('\n');
}

type TotalsFields = 'subtotal' | 'deliveryFee' | 'total' | 'currency' | 'discount' | 'coupon' | 'packagingFee' | 'codFee' | 'taxTotal' | 'pricesIncludeTax' | 'deliveryMethod';

/** Subtotal, discount, each charge, GST and total, one per line (lines of 0 left out, delivery said either way). */
export function orderTotalsText(order: Pick<Order, TotalsFields>, locale: Locale = 'en'): string {
  const t = mailTranslator(locale);
  const amount = (minor: number) => ({ amount: formatMoney(minor, order.currency, locale) });
  const delivery =
    order.deliveryMethod === 'pickup' ? t('mail.order.pickup') : order.deliveryFee === 0 ? t('mail.order.deliveryFree') : t('mail.order.delivery', amount(order.deliveryFee));
  const lines = [t('mail.order.subtotal', amount(order.subtotal))];
  if (order.discount > 0) lines.push(order.coupon ? t('mail.order.discountCode', { code: order.coupon.code, ...amount(order.discount) }) : t('mail.order.discount', amount(order.discount)));
  lines.push(delivery);
  if (order.packagingFee > 0) lines.push(t('mail.order.packaging', amount(order.packagingFee)));
  if (order.codFee > 0) lines.push(t('mail.order.codFee', amount(order.codFee)));
  if (order.taxTotal > 0) lines.push(t(order.pricesIncludeTax ? 'mail.order.includesGst' : 'mail.order.gst', amount(order.taxTotal)));
  lines.push(t('mail.order.total', amount(order.total)));
  return lines.join('\n');
}

/** How the order is paid, in words; a method added later reads as its own name. */
export function paymentText(method: string, locale: Locale = 'en'): string {
  const t = mailTranslator(locale);
  if (method === 'cod') return t('mail.order.payCod');
  if (method === 'upi') return t('mail.order.payUpi');
  return method;
}

/** Name, phone, email and address of the delivery, one per line (no address line for a pickup without one). */
export function customerText(customer: Order['customer'], locale: Locale = 'en'): string {
  const pin = customer.pincode ? mailTranslator(locale)('mail.order.pin', { pincode: customer.pincode }) : '';
  const where = [customer.address, pin].filter((part) => part !== '').join(', ');
  return [customer.name, customer.phone, customer.email, where].filter((part): part is string => !!part).join('\n');
}
