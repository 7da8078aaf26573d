import { PostForm } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { DateTime, OrderLinesTable, StatusBadge } from '../components/order-parts.js';
import { withBase } from '../url.js';
import type { OrderStatus, OrderView, PageContext } from '../types.js';

/** Props of the 'order-detail' page (`/dashboard/orders/{id}`). */
export interface OrderDetailPageProps {
  ctx: PageContext;
  order: OrderView;
  /** The statuses this order may move to now; one button each. */
  nextStatuses: OrderStatus[];
}

const actionText: Record<OrderStatus, string> = {
  pending: 'Back to pending',
  accepted: 'Accept order',
  rejected: 'Reject order',
  shipped: 'Mark as shipped',
  delivered: 'Mark as delivered',
  cancelled: 'Cancel order',
};

const destructive = new Set<OrderStatus>(['rejected', 'cancelled']);

/** wa.me wants digits only, with the country code. */
function whatsappChat(phone: string): string {
  return `https://wa.me/${phone.replace(/\D/g, '')}`;
}

/** One order for the vendor: customer, lines, totals, the allowed status moves and the history. */
export function OrderDetailPage({ ctx, order, nextStatuses }: OrderDetailPageProps) {
  const c = order.customer;
  return (
    <DashboardLayout ctx={ctx} title={`Order #${order.number}`} section="orders">
      <p class="order-meta">
        <StatusBadge status={order.status} /> Placed <DateTime iso={order.createdAt} timeZone={ctx.timeZone} />
      </p>
      {nextStatuses.length > 0 && (
        <PostForm ctx={ctx} action={`/dashboard/orders/${encodeURIComponent(order.id)}/status`} class="status-actions">
          {nextStatuses.map((s) => (
            <button type="submit" name="status" value={s} class={`btn ${destructive.has(s) ? 'btn-danger-outline' : 'btn-primary'}`}>
              {actionText[s]}
            </button>
          ))}
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
              <a href={`tel:${c.phone}`}>{c.phone}</a> · <a href={whatsappChat(c.phone)} target="_blank" rel="noopener">WhatsApp</a>
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
                <StatusBadge status={h.status} /> <DateTime iso={h.at} timeZone={ctx.timeZone} />
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
