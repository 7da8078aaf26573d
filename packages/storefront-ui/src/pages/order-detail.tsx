import { Field, PostForm } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { DateTime, OrderLinesTable, StatusBadge, statusLabel } from '../components/order-parts.js';
import { withBase } from '../url.js';
import type { OrderStatus, OrderView, PageContext } from '../types.js';

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

/** A history entry's reason, shown under it when there is one. */
function ReasonText({ reason }: { reason: string | null | undefined }) {
  return reason ? <span class="history-reason">“{reason}”</span> : null;
}

/** One order for the vendor: customer, lines, totals, the allowed status moves and the history. */
export function OrderDetailPage({ ctx, order, nextStatuses, storeName, trackingUrl, reason = '' }: OrderDetailPageProps) {
  const c = order.customer;
  const action = `/dashboard/orders/${encodeURIComponent(order.id)}/status`;
  const forward = nextStatuses.filter((s) => !destructive.has(s));
  const stopping = nextStatuses.filter((s) => destructive.has(s));
  const whatsapp = whatsappLink(c.phone, whatsappText(order, storeName, trackingUrl));
  return (
    <DashboardLayout ctx={ctx} title={`Order #${order.number}`} section="orders">
      <p class="order-meta">
        <StatusBadge status={order.status} /> Placed <DateTime iso={order.createdAt} timeZone={ctx.timeZone} />
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
            <dt>Address</dt>
            <dd class="pre">{c.address}</dd>
            <dt>Pincode</dt>
            <dd>{c.pincode}</dd>
            <dt>Payment</dt>
            <dd>{order.paymentMethod === 'cod' ? 'Cash on delivery' : order.paymentMethod}</dd>
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
          <OrderLinesTable order={order} />
        </section>
      </div>
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
