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

/** The money fields OrderTotals reads: an order's, or anything priced the same way. */
export type OrderTotalsView = Pick<OrderView, 'subtotal' | 'discount' | 'coupon' | 'deliveryMethod' | 'deliveryFee' | 'packagingFee' | 'codFee' | 'taxTotal' | 'tax' | 'pricesIncludeTax' | 'total'>;

/**
 * The total's rows, each a `<tr>` with the label spanning `span` columns: only the charges the
 * order has, so a plain order reads Subtotal, Delivery, Total as before. With GST-inclusive prices
 * the tax is already inside the amounts above, so it is a note under the total and is not added.
 */
export function OrderTotalsRows({ order, currency, span = 1 }: { order: OrderTotalsView; currency: string; span?: number }) {
  const money = (n: number) => formatMoney(n, currency);
  const row = (label: string, value: string, cls?: string) => (
    <tr class={cls}>
      <th scope="row" colSpan={span > 1 ? span : undefined}>
        {label}
      </th>
      <td class="num">{value}</td>
    </tr>
  );
  const { cgst, sgst, igst } = order.tax;
  // IGST and CGST+SGST never mix on one order: the place of supply is one state.
  const split = igst > 0 ? `IGST ${money(igst)}` : `CGST ${money(cgst)} + SGST ${money(sgst)}`;
  return (
    <>
      {row('Subtotal', money(order.subtotal))}
      {order.discount > 0 && row(order.coupon ? `Discount (${order.coupon.code})` : 'Discount', `−${money(order.discount)}`, 'discount')}
      {order.deliveryMethod === 'pickup' ? row('Pickup', 'Free') : row('Delivery', order.deliveryFee === 0 ? 'Free' : money(order.deliveryFee))}
      {order.packagingFee > 0 && row('Packaging', money(order.packagingFee))}
      {order.codFee > 0 && row('Cash on delivery fee', money(order.codFee))}
      {order.taxTotal > 0 &&
        !order.pricesIncludeTax &&
        (igst > 0 ? row('IGST', money(igst)) : [row('CGST', money(cgst)), row('SGST', money(sgst))])}
      {row('Total', money(order.total), 'grand')}
      {order.taxTotal > 0 && order.pricesIncludeTax && row(`Includes GST (${split})`, money(order.taxTotal), 'tax-note')}
    </>
  );
}

/** The total on its own: subtotal, discount, charges, the GST split and the total. */
export function OrderTotals({ order, currency }: { order: OrderTotalsView; currency: string }) {
  return (
    <table class="order-lines order-totals">
      <caption class="sr-only">Order total</caption>
      <tbody>
        <OrderTotalsRows order={order} currency={currency} />
      </tbody>
    </table>
  );
}

/** The order's customer address fields OrderAddress reads. */
export type OrderAddressCustomer = Pick<OrderView['customer'], 'address' | 'pincode' | 'house' | 'street' | 'landmark' | 'city' | 'state'>;

/**
 * The address as lines: house, street, landmark, "city, state pincode". Orders from before the
 * parts existed (or from stores outside India) only have the one free-form `address`.
 */
export function addressLines(c: OrderAddressCustomer): string[] {
  const place = [c.city, c.state].filter(Boolean).join(', ');
  const lastLine = [place, c.pincode].filter(Boolean).join(' ');
  if (c.house || c.street || c.city || c.state) {
    return [c.house, c.street, c.landmark ? `Landmark: ${c.landmark}` : null, lastLine].filter((l): l is string => Boolean(l));
  }
  return [c.address, c.pincode].filter(Boolean);
}

/** Where the order goes: the customer's address, or for pickup a badge and the store's pickup address. */
export function OrderAddress({ customer, deliveryMethod, pickupAddress }: { customer: OrderAddressCustomer; deliveryMethod: OrderView['deliveryMethod']; pickupAddress?: string | null }) {
  if (deliveryMethod === 'pickup') {
    return (
      <div class="order-address">
        <p>
          <span class="tag tag-pickup">Pickup</span> Collected at the store{pickupAddress ? ':' : ''}
        </p>
        {pickupAddress && <address class="pre">{pickupAddress}</address>}
      </div>
    );
  }
  const lines = addressLines(customer);
  return (
    <address class="order-address">
      {lines.map((line, i) => (
        <>
          {i > 0 && <br />}
          {line}
        </>
      ))}
    </address>
  );
}

/** GST rate and HSN code of a line ("GST 18% · HSN 0910"), for the vendor's copy. */
function LineTax({ line }: { line: OrderView['items'][number] }) {
  const parts = [line.tax > 0 || line.taxRate > 0 ? `GST ${line.taxRate}%` : null, line.hsnCode ? `HSN ${line.hsnCode}` : null].filter(Boolean);
  return parts.length > 0 ? <span class="line-tax">{parts.join(' · ')}</span> : null;
}

/**
 * The order's lines with the totals under them (`OrderTotalsRows`): a page showing this needs no
 * separate OrderTotals. `taxDetails` adds each line's GST rate and HSN code (the vendor's view).
 */
export function OrderLinesTable({ order, taxDetails = false }: { order: OrderView; taxDetails?: boolean }) {
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
              {taxDetails && <LineTax line={l} />}
            </td>
            <td class="num">{l.quantity}</td>
            <td class="num">{money(l.unitPrice)}</td>
            <td class="num">{money(l.lineTotal)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <OrderTotalsRows order={order} currency={order.currency} span={3} />
      </tfoot>
    </table>
  );
}
