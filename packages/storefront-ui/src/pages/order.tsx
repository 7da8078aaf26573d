import { StoreLayout } from '../components/layouts.js';
import { DateTime, OrderAddress, OrderLinesTable, PaymentBadge, StatusBadge, paymentMethodLabel } from '../components/order-parts.js';
import { UpiPay, type UpiPayView } from '../components/upi-pay.js';
import { formatMoney } from '@dukaan-kit/core/pricing';
import { withBase } from '../url.js';
import type { OrderStatus, OrderView, PageContext, StoreView } from '../types.js';

/** Props of the customer's 'order' page (`/{slug}/orders/{token}`). */
export interface OrderPageProps {
  ctx: PageContext;
  store: StoreView;
  order: OrderView;
  /** True right after checkout (`?placed=1`): shows the thank-you message. */
  justPlaced: boolean;
  /** How to pay a UPI order still to be paid (QR code, app link, UPI id); null or absent otherwise. */
  upi?: UpiPayView | null;
}

const steps: OrderStatus[] = ['pending', 'accepted', 'shipped', 'delivered'];
const stepText: Partial<Record<OrderStatus, string>> = { pending: 'Placed', accepted: 'Accepted', shipped: 'On the way', delivered: 'Delivered' };

/** The statuses that end an order short of delivery: nothing is owed, so no cash is asked for. */
const stopped = new Set<OrderStatus>(['rejected', 'cancelled', 'returned']);

/** Why it stopped, in the vendor's words, when the vendor gave them. */
function StopReason({ reason }: { reason: string | null }) {
  return reason ? <span class="stop-reason"> Reason: {reason}</span> : null;
}

/** Progress along pending -> accepted -> shipped -> delivered, or the reason it stopped. */
function Progress({ status, reason, storeName }: { status: OrderStatus; reason: string | null; storeName: string }) {
  if (status === 'rejected')
    return (
      <p class="notice">
        {storeName} could not take this order. You have not been charged.
        <StopReason reason={reason} />
      </p>
    );
  if (status === 'cancelled')
    return (
      <p class="notice">
        This order was cancelled.
        <StopReason reason={reason} />
      </p>
    );
  if (status === 'returned')
    return (
      <p class="notice">
        This order was returned to {storeName} without being delivered.
        <StopReason reason={reason} />
      </p>
    );
  const at = steps.indexOf(status);
  return (
    <ol class="progress">
      {steps.map((s, i) => (
        <li class={i <= at ? 'done' : undefined} aria-current={i === at ? 'step' : undefined}>
          {stepText[s]}
        </li>
      ))}
    </ol>
  );
}

/**
 * Where the payment stands, in a line. Owed money is asked for only while the order is still on
 * its way: a rejected, cancelled or returned order asks for nothing, cash or UPI.
 */
function PaymentNote({ order, storeName }: { order: OrderView; storeName: string }) {
  const money = formatMoney(order.total, order.currency);
  const { method, status } = order.payment;
  if (status === 'paid')
    return (
      <p class="pay-note">
        <PaymentBadge status="paid" /> {money} by {paymentMethodLabel(method)}. Thank you!
      </p>
    );
  if (status === 'refunded')
    return (
      <p class="pay-note">
        <PaymentBadge status="refunded" /> {storeName} has refunded {money} for this order.
      </p>
    );
  if (stopped.has(order.status)) return null;
  if (method === 'upi') return <p class="pay-note">Payment: UPI, {money}. {storeName} will tell you how to pay.</p>;
  return <p class="pay-note">Payment: cash on delivery. Please keep {money} ready.</p>;
}

/** The UPI details to show: only for a UPI order still to be paid that is still on its way. */
function upiToPay(order: OrderView, upi: UpiPayView | null): UpiPayView | null {
  return upi && order.payment.method === 'upi' && order.payment.status === 'pending' && !stopped.has(order.status) ? upi : null;
}

/** The customer's view of an order: status, lines, totals and where it goes. */
export function OrderPage({ ctx, store, order, justPlaced, upi = null }: OrderPageProps) {
  const payNow = upiToPay(order, upi);
  return (
    <StoreLayout ctx={ctx} store={store} meta={{ title: `Order #${order.number} · ${store.name}`, robots: 'noindex' }}>
      {justPlaced && (
        <div class="thanks" role="status">
          <h1>Thank you, {order.customer.name}!</h1>
          <p>
            Your order <strong>#{order.number}</strong> has been placed. {store.name} will confirm it soon. Keep this page's link to
            check its status.
          </p>
        </div>
      )}
      <section class="panel">
        {justPlaced ? <h2>Order #{order.number}</h2> : <h1>Order #{order.number}</h1>}
        <p class="order-meta">
          <StatusBadge status={order.status} /> Placed <DateTime iso={order.createdAt} timeZone={ctx.timeZone} />
        </p>
        <Progress status={order.status} reason={order.statusReason} storeName={store.name} />
        <OrderLinesTable order={order} />
        {!payNow && <PaymentNote order={order} storeName={store.name} />}
      </section>
      {payNow && (
        <section class="panel" aria-labelledby="upi-pay-title">
          <UpiPay upi={payNow} amount={order.total} currency={order.currency} storeName={store.name} />
        </section>
      )}
      {order.invoice && (
        <p class="invoice-link">
          <a class="btn btn-secondary" href={withBase(ctx.basePath, `/${store.slug}/orders/${encodeURIComponent(order.token)}/invoice`)}>
            {order.sellerGstin ? 'Tax invoice' : 'Invoice'}
          </a>
        </p>
      )}
      <section class="panel">
        <h2>{order.deliveryMethod === 'pickup' ? 'Pickup' : 'Delivery to'}</h2>
        <p class="order-customer">
          {order.customer.name}, {order.customer.phone}
        </p>
        <OrderAddress customer={order.customer} deliveryMethod={order.deliveryMethod} pickupAddress={store.pickupAddress} />
        {order.note && <p class="order-note">Note: {order.note}</p>}
      </section>
      <p>
        <a class="btn btn-secondary" href={withBase(ctx.basePath, `/${store.slug}`)}>
          Back to {store.name}
        </a>
      </p>
    </StoreLayout>
  );
}
