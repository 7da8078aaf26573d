import { Field, PostForm } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { DateTime, OrderAddress, OrderLinesTable, PaymentBadge, StatusBadge, paymentMethodLabel, statusLabel } from '../components/order-parts.js';
import { formatMoney } from '@dukaan-kit/core/pricing';
import { lineSummary } from '../components/order-table.js';
import { withBase } from '../url.js';
import type { FieldErrors, OrderStatus, OrderView, PageContext } from '../types.js';

/** Props of the 'order-detail' page (`/dashboard/orders/{id}`). */
export interface OrderDetailPageProps {
  ctx: PageContext;
  order: OrderView;
  /** The statuses this order may move to now; one button each. */
  nextStatuses: OrderStatus[];
  /** The store's name, for the WhatsApp message. */
  storeName: string;
  /** The customer's tracking page, absolute (the message links to it). */
  trackingUrl: string;
  /** The reason as typed, when a status change was refused and the page is shown again; '' otherwise. */
  reason?: string;
  /** A refused "Mark paid" / "Mark refunded", shown again: which one, the reference as typed, and why (`reference` or `form`). */
  paymentForm?: PaymentFormState;
  /** The store's pickup address, shown on a pickup order. */
  pickupAddress?: string;
}

/** A payment change the core refused, as the page shows it again. */
export interface PaymentFormState {
  status: 'paid' | 'refunded';
  reference: string;
  errors: FieldErrors;
}

const actionText: Record<OrderStatus, string> = {
  pending: 'Back to pending',
  accepted: 'Accept order',
  rejected: 'Reject order',
  shipped: 'Mark as shipped',
  delivered: 'Mark as delivered',
  cancelled: 'Cancel order',
  returned: 'Mark as returned',
};

/** The moves that stop an order (stock comes back); they may carry a reason, which the customer sees. */
const destructive = new Set<OrderStatus>(['rejected', 'cancelled', 'returned']);

/**
 * A wa.me chat with the customer, the message prefilled: order number, status and tracking link.
 * wa.me wants the number as digits only, with the country code (E.164 without the +); null when
 * there is no number to write to (an erased customer).
 */
function whatsappLink(phone: string, text: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits ? `https://wa.me/${digits}?text=${encodeURIComponent(text)}` : null;
}

/** The prefilled WhatsApp message about this order. */
function whatsappText(order: OrderView, storeName: string, trackingUrl: string): string {
  return `Hello ${order.customer.name}, your order #${order.number} from ${storeName} is ${statusLabel(order.status).toLowerCase()}. Track it here: ${trackingUrl}`;
}

/** One payment move as a form: a hidden status, an optional reference, its button; errors beside the field or above it. */
function PaymentForm(p: { ctx: PageContext; action: string; status: 'paid' | 'refunded'; label: string; hint: string; button: string; danger?: boolean; shown: PaymentFormState | undefined }) {
  const mine = p.shown?.status === p.status ? p.shown : undefined;
  return (
    <PostForm ctx={p.ctx} action={p.action} class="payment-form">
      {mine?.errors['form'] && (
        <p class="alert alert-error" role="alert">
          {mine.errors['form']}
        </p>
      )}
      <input type="hidden" name="status" value={p.status} />
      <Field form={`payment-${p.status}`} name="reference" label={p.label} optional hint={p.hint} maxLength={100} value={mine?.reference ?? ''} error={mine?.errors['reference']} autocomplete="off" />
      <button type="submit" class={`btn ${p.danger ? 'btn-danger-outline' : 'btn-primary'}`}>
        {p.button}
      </button>
    </PostForm>
  );
}

/**
 * How the order is paid and where that stands, separate from its delivery: "Mark paid" while
 * money is owed (a UPI payment may arrive before the vendor stops the order, so a stopped UPI
 * order can still be marked paid, then refunded); "Mark refunded" for a paid order that
 * stopped short of delivery.
 */
function PaymentPanel({ ctx, order, shown }: { ctx: PageContext; order: OrderView; shown: PaymentFormState | undefined }) {
  const { method, status, reference } = order.payment;
  const action = `/dashboard/orders/${encodeURIComponent(order.id)}/payment`;
  const stoppedShort = destructive.has(order.status);
  const canMarkPaid = status === 'pending' && (!stoppedShort || method === 'upi');
  const canRefund = status === 'paid' && stoppedShort;
  // A refused move whose form is gone now (already paid by someone else, a refund of an order
  // still on its way): its reason goes above the panel, so it is never lost.
  const formGone = shown && !(shown.status === 'paid' ? canMarkPaid : canRefund);
  const goneReason = formGone ? (shown.errors['form'] ?? Object.values(shown.errors)[0]) : undefined;
  return (
    <section class="panel payment-panel" aria-labelledby="payment-title">
      <h2 id="payment-title">Payment</h2>
      {goneReason && (
        <p class="alert alert-error" role="alert">
          {goneReason}
        </p>
      )}
      <p class="pay-line">
        <PaymentBadge status={status} /> {formatMoney(order.total, order.currency)} by {paymentMethodLabel(method)}
        {reference && (
          <>
            {' · '}Reference <code>{reference}</code>
          </>
        )}
      </p>
      {canMarkPaid && (
        <PaymentForm
          ctx={ctx}
          action={action}
          status="paid"
          label={method === 'upi' ? 'UPI transaction id' : 'Reference'}
          hint={method === 'upi' ? 'The UTR or transaction id from your UPI app or bank, to find this payment later.' : 'A receipt number, if you keep one.'}
          button="Mark paid"
          shown={shown}
        />
      )}
      {canRefund && <PaymentForm ctx={ctx} action={action} status="refunded" label="Refund reference" hint="The transaction id of the refund, if any." button="Mark refunded" danger shown={shown} />}
    </section>
  );
}

/** A history entry's reason, shown under it when there is one. */
function ReasonText({ reason }: { reason: string | null | undefined }) {
  return reason ? <span class="history-reason">“{reason}”</span> : null;
}

/** What to pack, one line per variant with its SKU: only when some line has a SKU or a variant to tell apart. */
function PickList({ order }: { order: OrderView }) {
  const lines = order.items.filter((l) => l.sku || Object.keys(l.options ?? {}).length > 0);
  if (lines.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="pick-title">
      <h2 id="pick-title">To pack</h2>
      <ul class="pick-list">
        {lines.map((l) => (
          <li>
            {lineSummary(l)}
            {l.sku && (
              <>
                {' · '}SKU <code>{l.sku}</code>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "Invoice 2026-27/1", linking to its printable page; nothing before the order is accepted. */
function InvoiceLink({ ctx, order }: { ctx: PageContext; order: OrderView }) {
  if (!order.invoice) return null;
  const href = withBase(ctx.basePath, `/dashboard/orders/${encodeURIComponent(order.id)}/invoice`);
  return (
    <>
      {' · '}
      <a href={href}>
        Invoice {order.invoice.financialYear}/{order.invoice.number}
      </a>
    </>
  );
}

/**
 * Which GST the order carries and why: CGST and SGST when it stays in the store's state, IGST when
 * it goes to another; nothing for a store without a GSTIN.
 */
function GstSummary({ order }: { order: OrderView }) {
  if (!order.sellerGstin) return null;
  const kind = order.tax.igst > 0 ? 'IGST' : order.taxTotal > 0 ? 'CGST + SGST' : 'No GST due';
  return (
    <>
      <dt>GST</dt>
      <dd>
        {kind}
        {order.placeOfSupply && <> · place of supply {order.placeOfSupply}</>} · seller GSTIN <code>{order.sellerGstin}</code>
      </dd>
    </>
  );
}

/** One order for the vendor: customer, lines, totals, the allowed status moves and the history. */
export function OrderDetailPage({ ctx, order, nextStatuses, storeName, trackingUrl, reason = '', paymentForm, pickupAddress }: OrderDetailPageProps) {
  const c = order.customer;
  const action = `/dashboard/orders/${encodeURIComponent(order.id)}/status`;
  const forward = nextStatuses.filter((s) => !destructive.has(s));
  const stopping = nextStatuses.filter((s) => destructive.has(s));
  const whatsapp = whatsappLink(c.phone, whatsappText(order, storeName, trackingUrl));
  return (
    <DashboardLayout ctx={ctx} title={`Order #${order.number}`} section="orders">
      <p class="order-meta">
        <StatusBadge status={order.status} />
        {order.deliveryMethod === 'pickup' && (
          <>
            {' '}
            <span class="tag tag-pickup">Pickup</span>
          </>
        )}{' '}
        Placed <DateTime iso={order.createdAt} timeZone={ctx.timeZone} />
        <InvoiceLink ctx={ctx} order={order} />
      </p>
      {order.statusReason && <p class="status-reason">Reason: {order.statusReason}</p>}
      {forward.length > 0 && (
        <PostForm ctx={ctx} action={action} class="status-actions">
          {forward.map((s) => (
            <button type="submit" name="status" value={s} class="btn btn-primary">
              {actionText[s]}
            </button>
          ))}
        </PostForm>
      )}
      {stopping.length > 0 && (
        // A form of its own, so its reason goes only with these moves (and works without JavaScript).
        <PostForm ctx={ctx} action={action} class="status-stop">
          <Field
            form="status"
            name="reason"
            label="Reason"
            optional
            hint="Shown to the customer on their order page. Leave out personal details."
            maxLength={200}
            value={reason}
            autocomplete="off"
          />
          <div class="status-actions">
            {stopping.map((s) => (
              <button type="submit" name="status" value={s} class="btn btn-danger-outline">
                {actionText[s]}
              </button>
            ))}
          </div>
        </PostForm>
      )}
      <PaymentPanel ctx={ctx} order={order} shown={paymentForm} />
      <div class="two-col">
        <section class="panel">
          <h2>Customer</h2>
          <dl class="details">
            <dt>Name</dt>
            <dd>{c.name}</dd>
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${c.phone}`}>{c.phone}</a>
              {whatsapp && (
                <>
                  {' · '}
                  <a href={whatsapp} target="_blank" rel="noopener">
                    Message on WhatsApp
                  </a>
                </>
              )}
            </dd>
            {c.email && (
              <>
                <dt>Email</dt>
                <dd>
                  <a href={`mailto:${c.email}`}>{c.email}</a>
                </dd>
              </>
            )}
            <dt>{order.deliveryMethod === 'pickup' ? 'Pickup' : 'Deliver to'}</dt>
            <dd>
              <OrderAddress customer={c} deliveryMethod={order.deliveryMethod} pickupAddress={pickupAddress ?? null} />
            </dd>
            {order.coupon && (
              <>
                <dt>Coupon</dt>
                <dd>
                  <code>{order.coupon.code}</code>
                </dd>
              </>
            )}
            <GstSummary order={order} />
            {order.note && (
              <>
                <dt>Note</dt>
                <dd class="pre">{order.note}</dd>
              </>
            )}
          </dl>
        </section>
        <section class="panel">
          <h2>Items</h2>
          <OrderLinesTable order={order} taxDetails />
        </section>
      </div>
      <PickList order={order} />
      {order.history && order.history.length > 0 && (
        <section class="panel">
          <h2>History</h2>
          <ol class="history">
            {order.history.map((h) => (
              <li>
                <StatusBadge status={h.status} /> <DateTime iso={h.at} timeZone={ctx.timeZone} /> <ReasonText reason={h.reason} />
              </li>
            ))}
          </ol>
        </section>
      )}
      <p>
        <a href={withBase(ctx.basePath, '/dashboard/orders')}>← All orders</a>
      </p>
    </DashboardLayout>
  );
}
