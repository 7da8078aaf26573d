import type { ComponentChildren } from 'preact';
import { formatMoney } from '@dukaan-kit/core/pricing';
import { withBase } from '../url.js';
import type { OrderView, PageContext } from '../types.js';
import { DateTime, PaymentBadge, StatusBadge } from './order-parts.js';

/** A line as the vendor reads it in a list: "2 × Kurta (Size: M, Colour: Red)". */
export function lineSummary(line: OrderView['items'][number]): string {
  const variant = Object.entries(line.options ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');
  return `${line.quantity} × ${line.name}${variant ? ` (${variant})` : ''}`;
}

/** The first lines of an order, the rest counted, so a vendor sees what to pack without opening it. */
function ItemsSummary({ order }: { order: OrderView }) {
  const shown = order.items.slice(0, 3);
  const more = order.items.length - shown.length;
  return (
    <span class="order-items-summary">
      {shown.map(lineSummary).join('; ')}
      {more > 0 ? `; and ${more} more` : ''}
    </span>
  );
}

/** Orders as rows (cards on small screens): number, customer, total, status and payment, time; `actions` adds a cell per row. */
export function OrderTable({ ctx, orders, actions }: { ctx: PageContext; orders: OrderView[]; actions?: (o: OrderView) => ComponentChildren }) {
  return (
    <table class="table orders-table">
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Customer</th>
          <th scope="col">Items</th>
          <th scope="col" class="num">
            Total
          </th>
          <th scope="col">Status</th>
          <th scope="col">Placed</th>
          {actions && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr>
            <th scope="row" data-label="Order">
              <a href={withBase(ctx.basePath, `/dashboard/orders/${encodeURIComponent(o.id)}`)}>#{o.number}</a>
            </th>
            <td data-label="Customer">{o.customer.name}</td>
            <td data-label="Items">
              <ItemsSummary order={o} />
            </td>
            <td data-label="Total" class="num">
              {formatMoney(o.total, o.currency)}
            </td>
            <td data-label="Status">
              <StatusBadge status={o.status} /> <PaymentBadge status={o.payment.status} />
            </td>
            <td data-label="Placed">
              <DateTime iso={o.createdAt} timeZone={ctx.timeZone} />
            </td>
            {actions && <td data-label="Actions">{actions(o)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Next page" with the opaque cursor, keeping the other filters. */
export function NextPageLink({ href }: { href: string | null }) {
  if (!href) return null;
  return (
    <nav class="pager" aria-label="Pages">
      <a class="btn btn-secondary" href={href} rel="next">
        Next page →
      </a>
    </nav>
  );
}
