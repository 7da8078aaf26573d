import { DashboardLayout } from '../components/layouts.js';
import { statusLabel } from '../components/order-parts.js';
import { NextPageLink, OrderTable } from '../components/order-table.js';
import { queryString, withBase } from '../url.js';
import type { OrderStatus, OrderView, PageContext } from '../types.js';

/**
 * The dashboard's status tabs, in the order a vendor works through orders (the open ones first,
 * then the closed ones). Typed as core's OrderStatus, so a renamed state breaks the build; a test
 * checks that every state core has gets a tab.
 */
export const statusTabs: readonly OrderStatus[] = ['pending', 'accepted', 'shipped', 'delivered', 'rejected', 'cancelled'];

/** Props of the 'orders' page (`/dashboard/orders?status=&cursor=`). */
export interface OrdersPageProps {
  ctx: PageContext;
  orders: OrderView[];
  /** The status tab shown; null for all. */
  status: OrderStatus | null;
  nextCursor: string | null;
}

/** Orders, newest first, with a tab per status. */
export function OrdersPage({ ctx, orders, status, nextCursor }: OrdersPageProps) {
  const base = withBase(ctx.basePath, '/dashboard/orders');
  const tabs: Array<[OrderStatus | null, string]> = [[null, 'All'], ...statusTabs.map((s): [OrderStatus, string] => [s, statusLabel(s)])];
  return (
    <DashboardLayout ctx={ctx} title="Orders" section="orders">
      <nav class="tabs" aria-label="Filter by status">
        {tabs.map(([s, label]) => (
          <a class="tab" href={`${base}${queryString({ status: s })}`} aria-current={s === status ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {orders.length === 0 ? (
        <p class="empty">{status ? `No ${statusLabel(status).toLowerCase()} orders.` : 'No orders yet. Share your store link to get the first one.'}</p>
      ) : (
        <OrderTable ctx={ctx} orders={orders} />
      )}
      <NextPageLink href={nextCursor ? `${base}${queryString({ status, cursor: nextCursor })}` : null} />
    </DashboardLayout>
  );
}
