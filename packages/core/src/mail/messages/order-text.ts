import { variantLabel } from '../../catalog/variant-summary.js';
import type { Order } from '../../orders/order.js';
import { formatMoney } from '../../pricing/format.js';

// The paragraphs every order mail shares, as plain text (composeMail escapes them for HTML and
// keeps their line breaks): what was bought, what it costs, how it is paid, where it goes.

/** "2 × Masala Chai 250 g — ₹498.00", one line per item. */
export function orderLinesText(order: Pick<Order, 'items' | 'currency'>): string {
  return order.items.map((line) => `${line.quantity} × ${variantLabel(line.name, line.options)} — ${formatMoney(line.lineTotal, order.currency)}`).join('\n');
}

type TotalsFields = 'subtotal' | 'deliveryFee' | 'total' | 'currency' | 'discount' | 'coupon' | 'packagingFee' | 'codFee' | 'taxTotal' | 'pricesIncludeTax' | 'deliveryMethod';

/** Subtotal, discount, each charge, GST and total, one per line (lines of 0 left out, delivery said either way). */
export function orderTotalsText(order: Pick<Order, TotalsFields>): string {
  const money = (amount: number) => formatMoney(amount, order.currency);
  const delivery = order.deliveryMethod === 'pickup' ? 'Pickup from the store' : `Delivery: ${order.deliveryFee === 0 ? 'free' : money(order.deliveryFee)}`;
  const lines = [`Subtotal: ${money(order.subtotal)}`];
  if (order.discount > 0) lines.push(`Discount${order.coupon ? ` (${order.coupon.code})` : ''}: −${money(order.discount)}`);
  lines.push(delivery);
  if (order.packagingFee > 0) lines.push(`Packaging: ${money(order.packagingFee)}`);
  if (order.codFee > 0) lines.push(`Cash on delivery fee: ${money(order.codFee)}`);
  if (order.taxTotal > 0) lines.push(order.pricesIncludeTax ? `Includes GST: ${money(order.taxTotal)}` : `GST: ${money(order.taxTotal)}`);
  lines.push(`Total: ${money(order.total)}`);
  return lines.join('\n');
}

/** How the order is paid, in words; a method added later reads as its own name. */
export function paymentText(method: string): string {
  if (method === 'cod') return 'Cash on delivery';
  if (method === 'upi') return 'UPI';
  return method;
}

/** Name, phone, email and address of the delivery, one per line (no address line for a pickup without one). */
export function customerText(customer: Order['customer']): string {
  const where = [customer.address, customer.pincode ? `PIN ${customer.pincode}` : ''].filter((part) => part !== '').join(', ');
  return [customer.name, customer.phone, customer.email, where].filter((part): part is string => !!part).join('\n');
}
