import type { ComponentChildren } from 'preact';
import { formatMoney } from '@dukaan-kit/core/pricing';
import { useT } from '../i18n/context.js';
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
  const t = useT();
  return (
    <span class="order-items-summary">
      {shown.map(lineSummary).join('; ')}
      {more > 0 ? `; ${t('dashboard.table.more', { count: more })}` : ''}
    </span>
  );
}

/** Orders as rows (cards on small screens): number, customer, total, status and payment, time; `actions` adds a cell per row. */
export function OrderTable({ ctx, orders, actions }: { ctx: PageContext; orders: OrderView[]; actions?: (o: OrderView) => ComponentChildren }) {
  const t = useT();
  const head = {
    order: t('dashboard.table.order'),
    customer: t('dashboard.table.customer'),
    items: t('dashboard.table.items'),
    total: t('dashboard.table.total'),
    status: t('dashboard.table.status'),
    placed: t('dashboard.table.placed'),
    actions: t('dashboard.table.actions'),
  };
  return (
    <table class="table orders-table">
      <thead>
        <tr>
          <th scope="col">{head.order}</th>
          <th scope="col">{head.customer}</th>
          <th scope="col">{head.items}</th>
          <th scope="col" class="num">
            {head.total}
          </th>
          <th scope="col">{head.status}</th>
          <th scope="col">{head.placed}</th>
          {actions && <th scope="col">{head.actions}</th>}
        </tr>
      </thead>
      <tbody>
        {orders.map((o) => (
          <tr>
            <th scope="row" data-label={head.order}>
              <a href={withBase(ctx.basePath, `/dashboard/orders/${encodeURIComponent(o.id)}`)}>#{o.number}</a>
            </th>
            <td data-label={head.customer}>{o.customer.name}</td>
            <td data-label={head.items}>
              <ItemsSummary order={o} />
            </td>
            <td data-label={head.total} class="num">
              {formatMoney(o.total, o.currency)}
            </td>
            <td data-label={head.status}>
              <StatusBadge status={o.status} /> <PaymentBadge status={o.payment.status} />
            </td>
            <td data-label={head.placed}>
              <DateTime iso={o.createdAt} timeZone={ctx.timeZone} />
            </td>
            {actions && <td data-label={head.actions}>{actions(o)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "Next page" with the opaque cursor, keeping the other filters. */
export function NextPageLink({ href }: { href: string | null }) {
  const t = useT();
  if (!href) return null;
  return (
    <nav class="pager" aria-label={t('dashboard.table.pages')}>
      <a class="btn btn-secondary" href={href} rel="next">
        {t('dashboard.table.next')}
      </a>
    </nav>
  );
}
