import { formatMoney } from '@dukaan-kit/core/pricing';
import { intlLocale } from '@dukaan-kit/core/i18n';
import { useI18n, useT } from '../i18n/context.js';
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

/** A status as people read it (English; components use the page's language). */
export function statusLabel(status: OrderStatus): string {
  return statusLabels[status] ?? status;
}

/** A coloured status pill, in the vendor's words (`text` replaces them: the customer's page passes its own). */
export function StatusBadge({ status, text }: { status: OrderStatus; text?: string }) {
  const t = useT();
  return <span class={`status status-${status}`}>{text ?? (statusLabels[status] ? t(`order.status.${status}`) : status)}</span>;
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

/** A payment method in the page's language. */
export function usePaymentMethodLabel(): (method: PaymentMethod) => string {
  const t = useT();
  return (method) => (paymentMethodLabels[method] ? t(`order.method.${method}`) : method);
}

/** A payment pill: paid green, refunded grey, not paid amber; separate from the fulfilment status. */
export function PaymentBadge({ status }: { status: PaymentStatus }) {
  const t = useT();
  return <span class={`pay pay-${status}`}>{paymentStatusLabels[status] ? t(`order.payStatus.${status}`) : status}</span>;
}

/** Date and time in the shop's zone and the page's language (digits stay Latin), inside a machine-readable <time>. */
export function DateTime({ iso, timeZone }: { iso: string; timeZone?: string | undefined }) {
  const { locale } = useI18n();
  const d = new Date(iso);
  const text = Number.isNaN(d.getTime())
    ? iso
    : new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone ?? 'Asia/Kolkata' }).format(d);
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
  const t = useT();
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
      {row(t('order.totals.subtotal'), money(order.subtotal))}
      {order.discount > 0 && row(order.coupon ? t('order.totals.discountCode', { code: order.coupon.code }) : t('order.totals.discount'), `−${money(order.discount)}`, 'discount')}
      {order.deliveryMethod === 'pickup'
        ? row(t('order.totals.pickup'), t('order.totals.free'))
        : row(t('order.totals.delivery'), order.deliveryFee === 0 ? t('order.totals.free') : money(order.deliveryFee))}
      {order.packagingFee > 0 && row(t('order.totals.packaging'), money(order.packagingFee))}
      {order.codFee > 0 && row(t('order.totals.codFee'), money(order.codFee))}
      {order.taxTotal > 0 &&
        !order.pricesIncludeTax &&
        (igst > 0 ? row('IGST', money(igst)) : [row('CGST', money(cgst)), row('SGST', money(sgst))])}
      {row(t('order.totals.total'), money(order.total), 'grand')}
      {order.taxTotal > 0 && order.pricesIncludeTax && row(t('order.totals.includesGst', { split }), money(order.taxTotal), 'tax-note')}
    </>
  );
}

/** The total on its own: subtotal, discount, charges, the GST split and the total. */
export function OrderTotals({ order, currency }: { order: OrderTotalsView; currency: string }) {
  const t = useT();
  return (
    <table class="order-lines order-totals">
      <caption class="sr-only">{t('order.totals.caption')}</caption>
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
export function addressLines(c: OrderAddressCustomer, landmark: (l: string) => string = (l) => `Landmark: ${l}`): string[] {
  const place = [c.city, c.state].filter(Boolean).join(', ');
  const lastLine = [place, c.pincode].filter(Boolean).join(' ');
  if (c.house || c.street || c.city || c.state) {
    return [c.house, c.street, c.landmark ? landmark(c.landmark) : null, lastLine].filter((l): l is string => Boolean(l));
  }
  return [c.address, c.pincode].filter(Boolean);
}

/** Where the order goes: the customer's address, or for pickup a badge and the store's pickup address. */
export function OrderAddress({ customer, deliveryMethod, pickupAddress }: { customer: OrderAddressCustomer; deliveryMethod: OrderView['deliveryMethod']; pickupAddress?: string | null }) {
  const t = useT();
  if (deliveryMethod === 'pickup') {
    return (
      <div class="order-address">
        <p>
          <span class="tag tag-pickup">{t('order.pickup')}</span> {t('order.pickupAt')}
          {pickupAddress ? ':' : ''}
        </p>
        {pickupAddress && <address class="pre">{pickupAddress}</address>}
      </div>
    );
  }
  const lines = addressLines(customer, (landmark) => t('order.landmark', { landmark }));
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
  const t = useT();
  const money = (n: number) => formatMoney(n, order.currency);
  return (
    <table class="order-lines">
      <caption class="sr-only">{t('order.lines.caption', { number: order.number })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('order.lines.item')}</th>
          <th scope="col" class="num">
            {t('order.lines.qty')}
          </th>
          <th scope="col" class="num">
            {t('order.lines.price')}
          </th>
          <th scope="col" class="num">
            {t('order.lines.total')}
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
