import { variantLabel } from '../../catalog/variant-summary.js';
import type { Order } from '../../orders/order.js';
import { formatMoney } from '../../pricing/format.js';

// The paragraphs every order mail shares, as plain text (composeMail escapes them for HTML and
// keeps their line breaks): what was bought, what it costs, how it is paid, where it goes.

/** "2 × Masala Chai 250 g — ₹498.00", one line per item. */
export function orderLinesText(order: Pick<Order, 'items' | 'currency'>): string {
  return order.items.map((line) => `${line.quantity} × ${variantLabel(line.name, line.options)} — ${formatMoney(line.lineTotal, order.currency)}`).join('\n');
}

/** Subtotal, delivery and total, one per line. */
export function orderTotalsText(order: Pick<Order, 'subtotal' | 'deliveryFee' | 'total' | 'currency'>): string {
  const delivery = order.deliveryFee === 0 ? 'free' : formatMoney(order.deliveryFee, order.currency);
  return [`Subtotal: ${formatMoney(order.subtotal, order.currency)}`, `Delivery: ${delivery}`, `Total: ${formatMoney(order.total, order.currency)}`].join('\n');
}

/** How the order is paid, in words; a method added later reads as its own name. */
export function paymentText(method: string): string {
  if (method === 'cod') return 'Cash on delivery';
  if (method === 'upi') return 'UPI';
  return method;
}

/** Name, phone, email and address of the delivery, one per line. */
export function customerText(customer: Order['customer']): string {
  return [customer.name, customer.phone, customer.email, `${customer.address}, PIN ${customer.pincode}`].filter((part): part is string => !!part).join('\n');
}
