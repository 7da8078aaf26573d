import { formatMoney } from '@dukaan-kit/core/pricing';
import type { OrderStatus, OrderView, PaymentMethod, PaymentStatus } from '../types.js';

const statusLabels: Record<OrderStatus, string> = {
  pending: 'Pending',
  accepted: 'Accepted',
  rejected: 'Rejected',
  shipped: 'Shipped',
  delivered: 'Delivered',
  cancelled: 'Cancelled',
  returned: 'Returned',
};

/** A status as people read it. */
export function statusLabel(status: OrderStatus): string {
  return statusLabels[status] ?? status;
}

/** A coloured status pill. */
export function StatusBadge({ status }: { status: OrderStatus }) {
  return <span class={`status status-${status}`}>{statusLabel(status)}</span>;
}

const paymentStatusLabels: Record<PaymentStatus, string> = { pending: 'Not paid', paid: 'Paid', refunded: 'Refunded' };
const paymentMethodLabels: Record<PaymentMethod, string> = { cod: 'Cash on delivery', upi: 'UPI' };

/** A payment state as people read it. */
export function paymentStatusLabel(status: PaymentStatus): string {
  return paymentStatusLabels[status] ?? status;
}

/** A payment method as people read it. */
export function paymentMethodLabel(method: PaymentMethod): string {
  return paymentMethodLabels[method] ?? method;
}

/** A payment pill: paid green, refunded grey, not paid amber; separate from the fulfilment status. */
export function PaymentBadge({ status }: { status: PaymentStatus }) {
  return <span class={`pay pay-${status}`}>{paymentStatusLabel(status)}</span>;
}

/** Date and time in the shop's zone, inside a machine-readable <time>. */
export function DateTime({ iso, timeZone }: { iso: string; timeZone?: string | undefined }) {
  const d = new Date(iso);
  const text = Number.isNaN(d.getTime())
    ? iso
    : new Intl.DateTimeFormat('en-IN', { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone ?? 'Asia/Kolkata' }).format(d);
  return <time dateTime={iso}>{text}</time>;
}

/** A date that may not exist yet ("last used"): `DateTime`, or `empty` as muted text. */
export function MaybeDateTime({ iso, timeZone, empty }: { iso: string | null; timeZone?: string | undefined; empty: string }) {
  return iso ? <DateTime iso={iso} timeZone={timeZone} /> : <span class="muted">{empty}</span>;
}

/** The variant a line sold ("Weight: 500 g"), under its name; nothing for a product without options (and for lines from before variants). */
export function LineVariant({ options }: { options: Readonly<Record<string, string>> | undefined }) {
  const entries = Object.entries(options ?? {});
  if (entries.length === 0) return null;
  return <span class="line-variant">{entries.map(([name, value]) => `${name}: ${value}`).join(', ')}</span>;
}

/** The order's lines with subtotal, delivery and total. */
export function OrderLinesTable({ order }: { order: OrderView }) {
  const money = (n: number) => formatMoney(n, order.currency);
  return (
    <table class="order-lines">
      <caption class="sr-only">Items in order #{order.number}</caption>
      <thead>
        <tr>
          <th scope="col">Item</th>
          <th scope="col" class="num">
            Qty
          </th>
          <th scope="col" class="num">
            Price
          </th>
          <th scope="col" class="num">
            Total
          </th>
        </tr>
      </thead>
      <tbody>
        {order.items.map((l) => (
          <tr>
            <td>
              {l.name}
              <LineVariant options={l.options} />
            </td>
            <td class="num">{l.quantity}</td>
            <td class="num">{money(l.unitPrice)}</td>
            <td class="num">{money(l.lineTotal)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            Subtotal
          </th>
          <td class="num">{money(order.subtotal)}</td>
        </tr>
        <tr>
          <th scope="row" colSpan={3}>
            Delivery
          </th>
          <td class="num">{order.deliveryFee === 0 ? 'Free' : money(order.deliveryFee)}</td>
        </tr>
        <tr class="grand">
          <th scope="row" colSpan={3}>
            Total
          </th>
          <td class="num">{money(order.total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
