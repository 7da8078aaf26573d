import { Field, PostForm, TextArea } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { DateTime, OrderAddress, OrderLinesTable, PaymentBadge, StatusBadge } from '../components/order-parts.js';
import { formatMoney } from '@dukaan-kit/core/pricing';
import { lineSummary } from '../components/order-table.js';
import { StopOrderButton, reasonMaxLength, statusFormId, useStopTexts, type StopStatus } from '../components/stop-order.js';
import { useT } from '../i18n/context.js';
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
  /**
   * A stop (reject, cancel, return) posted without confirming (JavaScript off): the page asks
   * first, with the reason field; again with `error` when core refused the reason.
   */
  confirm?: StopConfirmState;
  /** A refused "Mark paid" / "Mark refunded", shown again: which one, the reference as typed, and why (`reference` or `form`). */
  paymentForm?: PaymentFormState;
  /** The store's pickup address, shown on a pickup order. */
  pickupAddress?: string;
}

/** The question a stop asks before it is made. */
export interface StopConfirmState {
  status: StopStatus;
  reason: string;
  error?: string;
}

/** A payment change the core refused, as the page shows it again. */
export interface PaymentFormState {
  status: 'paid' | 'refunded';
  reference: string;
  errors: FieldErrors;
}

/** The moves that stop an order (stock comes back); they may carry a reason, which the customer sees. */
const destructive = new Set<OrderStatus>(['rejected', 'cancelled', 'returned']);

function isStop(s: OrderStatus): s is StopStatus {
  return destructive.has(s);
}

/**
 * A wa.me chat with the customer, the message prefilled: order number, status and tracking link.
 * wa.me wants the number as digits only, with the country code (E.164 without the +); null when
 * there is no number to write to (an erased customer).
 */
function whatsappLink(phone: string, text: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits ? `https://wa.me/${digits}?text=${encodeURIComponent(text)}` : null;
}


/** One payment move as a form: a hidden status, an optional reference, its button; errors beside the field or above it. */
function PaymentForm(p: { ctx: PageContext; action: string; status: 'paid' | 'refunded'; label: string; hint: string; button: string; danger?: boolean; shown: PaymentFormState | undefined }) {
  const t = useT();
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
  const t = useT();
  const upi = method === 'upi';
  return (
    <section class="panel payment-panel" aria-labelledby="payment-title">
      <h2 id="payment-title">{t('dashboard.detail.payment')}</h2>
      {goneReason && (
        <p class="alert alert-error" role="alert">
          {goneReason}
        </p>
      )}
      <p class="pay-line">
        <PaymentBadge status={status} /> {t('dashboard.detail.paidBy', { total: formatMoney(order.total, order.currency), method: t(`dashboard.detail.method.${method}`) })}
        {reference && (
          <>
            {' · '}
            {t('dashboard.detail.reference')} <code>{reference}</code>
          </>
        )}
      </p>
      {canMarkPaid && (
        <PaymentForm
          ctx={ctx}
          action={action}
          status="paid"
          label={upi ? t('dashboard.detail.upiReference') : t('dashboard.detail.reference')}
          hint={upi ? t('dashboard.detail.upiReferenceHint') : t('dashboard.detail.referenceHint')}
          button={t('dashboard.detail.markPaid')}
          shown={shown}
        />
      )}
      {canRefund && (
        <PaymentForm
          ctx={ctx}
          action={action}
          status="refunded"
          label={t('dashboard.detail.refundReference')}
          hint={t('dashboard.detail.refundReferenceHint')}
          button={t('dashboard.detail.markRefunded')}
          danger
          shown={shown}
        />
      )}
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
  const t = useT();
  if (lines.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="pick-title">
      <h2 id="pick-title">{t('dashboard.detail.toPack')}</h2>
      <ul class="pick-list">
        {lines.map((l) => (
          <li>
            {lineSummary(l)}
            {l.sku && (
              <>
                {' · '}
                SKU <code>{l.sku}</code>
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
  const t = useT();
  if (!order.invoice) return null;
  const href = withBase(ctx.basePath, `/dashboard/orders/${encodeURIComponent(order.id)}/invoice`);
  return (
    <>
      {' · '}
      <a href={href}>
        {t('dashboard.detail.invoice', { number: `${order.invoice.financialYear}/${order.invoice.number}` })}
      </a>
    </>
  );
}

/**
 * Which GST the order carries and why: CGST and SGST when it stays in the store's state, IGST when
 * it goes to another; nothing for a store without a GSTIN.
 */
function GstSummary({ order }: { order: OrderView }) {
  const t = useT();
  if (!order.sellerGstin) return null;
  const kind = order.tax.igst > 0 ? 'IGST' : order.taxTotal > 0 ? 'CGST + SGST' : t('dashboard.detail.noGst');
  return (
    <>
      <dt>GST</dt>
      <dd>
        {kind}
        {order.placeOfSupply && <> · {t('dashboard.detail.placeOfSupply', { state: order.placeOfSupply })}</>} · {t('dashboard.detail.sellerGstin')} <code>{order.sellerGstin}</code>
      </dd>
    </>
  );
}

/**
 * The page's question before a stop without JavaScript (the dialog asks it with JavaScript):
 * the reason the customer will read, then the move or "Keep the order".
 */
function ConfirmStopPanel({ ctx, order, confirm, action }: { ctx: PageContext; order: OrderView; confirm: StopConfirmState; action: string }) {
  const texts = useStopTexts(confirm.status, order.number);
  return (
    <section class="panel confirm-panel" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{texts.title}</h2>
      <PostForm ctx={ctx} action={action}>
        <input type="hidden" name="confirmed" value="1" />
        <TextArea form="confirm" name="reason" label={texts.reasonLabel} hint={texts.reasonHint} value={confirm.reason} error={confirm.error} rows={2} maxLength={reasonMaxLength} autocomplete="off" />
        <div class="status-actions">
          <button type="submit" name="status" value={confirm.status} class="btn btn-danger">
            {texts.confirm}
          </button>
          <a class="btn btn-secondary" href={withBase(ctx.basePath, `/dashboard/orders/${encodeURIComponent(order.id)}`)}>
            {texts.keep}
          </a>
        </div>
      </PostForm>
    </section>
  );
}

const forwardKeys = {
  pending: 'dashboard.detail.toPending',
  accepted: 'dashboard.detail.accept',
  shipped: 'dashboard.detail.ship',
  delivered: 'dashboard.detail.deliver',
} as const;

/** One order for the vendor: customer, lines, totals, the allowed status moves and the history. */
export function OrderDetailPage({ ctx, order, nextStatuses, storeName, trackingUrl, reason = '', confirm, paymentForm, pickupAddress }: OrderDetailPageProps) {
  const t = useT();
  const c = order.customer;
  const action = `/dashboard/orders/${encodeURIComponent(order.id)}/status`;
  const forward = nextStatuses.filter((s): s is keyof typeof forwardKeys => s in forwardKeys);
  const stopping = nextStatuses.filter(isStop);
  // A stop refused after its form (a reason too long): ask again, with what was typed.
  const asking = confirm ?? (reason !== '' && stopping.length > 0 ? { status: stopping[0]!, reason } : undefined);
  const message = t('dashboard.detail.whatsappText', { name: c.name, number: String(order.number), store: storeName, status: t(`dashboard.detail.statusPhrase.${order.status}`), url: trackingUrl });
  const whatsapp = whatsappLink(c.phone, message);
  return (
    <DashboardLayout ctx={ctx} title={t('dashboard.detail.title', { number: String(order.number) })} section="orders">
      <p class="order-meta">
        <StatusBadge status={order.status} />
        {order.deliveryMethod === 'pickup' && (
          <>
            {' '}
            <span class="tag tag-pickup">{t('dashboard.detail.pickupTag')}</span>
          </>
        )}{' '}
        {t('dashboard.detail.placed')} <DateTime iso={order.createdAt} timeZone={ctx.timeZone} />
        <InvoiceLink ctx={ctx} order={order} />
      </p>
      {order.statusReason && <p class="status-reason">{t('dashboard.detail.reasonShown', { reason: order.statusReason })}</p>}
      {asking ? (
        <ConfirmStopPanel ctx={ctx} order={order} confirm={asking} action={action} />
      ) : (
        (forward.length > 0 || stopping.length > 0) && (
          <PostForm ctx={ctx} action={action} class="status-actions" id={statusFormId(order.id)}>
            {forward.map((s) => (
              <button type="submit" name="status" value={s} class="btn btn-primary">
                {t(forwardKeys[s])}
              </button>
            ))}
            {stopping.map((s) => (
              <StopOrderButton status={s} number={order.number} orderId={order.id} />
            ))}
          </PostForm>
        )
      )}
      <PaymentPanel ctx={ctx} order={order} shown={paymentForm} />
      <div class="two-col">
        <section class="panel">
          <h2>{t('dashboard.detail.customer')}</h2>
          <dl class="details">
            <dt>{t('dashboard.detail.name')}</dt>
            <dd>{c.name}</dd>
            <dt>{t('dashboard.detail.phone')}</dt>
            <dd>
              <a href={`tel:${c.phone}`}>{c.phone}</a>
              {whatsapp && (
                <>
                  {' · '}
                  <a href={whatsapp} target="_blank" rel="noopener">
                    {t('dashboard.detail.whatsapp')}
                  </a>
                </>
              )}
            </dd>
            {c.email && (
              <>
                <dt>{t('dashboard.detail.email')}</dt>
                <dd>
                  <a href={`mailto:${c.email}`}>{c.email}</a>
                </dd>
              </>
            )}
            <dt>{order.deliveryMethod === 'pickup' ? t('dashboard.detail.pickupTag') : t('dashboard.detail.deliverTo')}</dt>
            <dd>
              <OrderAddress customer={c} deliveryMethod={order.deliveryMethod} pickupAddress={pickupAddress ?? null} />
            </dd>
            {order.coupon && (
              <>
                <dt>{t('dashboard.detail.coupon')}</dt>
                <dd>
                  <code>{order.coupon.code}</code>
                </dd>
              </>
            )}
            <GstSummary order={order} />
            {order.note && (
              <>
                <dt>{t('dashboard.detail.note')}</dt>
                <dd class="pre">{order.note}</dd>
              </>
            )}
          </dl>
        </section>
        <section class="panel">
          <h2>{t('dashboard.detail.items')}</h2>
          <OrderLinesTable order={order} taxDetails />
        </section>
      </div>
      <PickList order={order} />
      {order.history && order.history.length > 0 && (
        <section class="panel">
          <h2>{t('dashboard.detail.history')}</h2>
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
        <a class="text-link" href={withBase(ctx.basePath, '/dashboard/orders')}>
          {t('dashboard.detail.allOrders')}
        </a>
      </p>
    </DashboardLayout>
  );
}
