import { Island } from '../components/island.js';
import { DashboardLayout } from '../components/layouts.js';
import { PostForm } from '../components/form.js';
import { OrderTable } from '../components/order-table.js';
import { formatMoney } from '@dukaan-kit/core/pricing';
import { withBase } from '../url.js';
import type { OrderSummary, OrderView, PageContext, StoreView } from '../types.js';

/** Props of the 'dashboard' page (`/dashboard`). */
export interface DashboardPageProps {
  ctx: PageContext;
  store: StoreView;
  /** Today's orders and revenue, and how many wait. */
  summary: OrderSummary;
  /** Orders waiting for the vendor, newest first. */
  pendingOrders: OrderView[];
  /** Absolute store link to share. */
  storeUrl: string;
}

/** The WhatsApp share link for a store. */
export function whatsappShareUrl(storeName: string, storeUrl: string): string {
  return `https://wa.me/?text=${encodeURIComponent(`Order from ${storeName} online: ${storeUrl}`)}`;
}

/** Home of the dashboard: today's numbers, the link to share, orders to act on. */
export function DashboardPage({ ctx, store, summary, pendingOrders, storeUrl }: DashboardPageProps) {
  const quickActions = (o: OrderView) => (
    <PostForm ctx={ctx} action={`/dashboard/orders/${encodeURIComponent(o.id)}/status`} class="row-actions">
      <button type="submit" name="status" value="accepted" class="btn btn-small btn-primary">
        Accept<span class="sr-only"> order #{o.number}</span>
      </button>
      <button type="submit" name="status" value="rejected" class="btn btn-small btn-danger-outline">
        Reject<span class="sr-only"> order #{o.number}</span>
      </button>
    </PostForm>
  );
  return (
    <DashboardLayout ctx={ctx} title="Today" section="dashboard">
      {!store.isOpen && (
        <p class="notice">
          Your store is closed, so customers cannot order. <a href={withBase(ctx.basePath, '/dashboard/settings')}>Open it in settings</a>.
        </p>
      )}
      <div class="stats">
        <div class="stat">
          <p class="stat-label">Orders today</p>
          <p class="stat-value">{summary.orders}</p>
        </div>
        <div class="stat">
          <p class="stat-label">Revenue today</p>
          <p class="stat-value">{formatMoney(summary.revenue, store.currency)}</p>
        </div>
        <div class="stat">
          <p class="stat-label">Waiting for you</p>
          <p class="stat-value">{summary.pending}</p>
        </div>
      </div>
      <section class="panel share">
        <h2>Share your store</h2>
        <Island name="copy-link" props={{ id: 'store-link', label: 'Your store link', url: storeUrl }} />
        <p class="share-actions">
          <a class="btn btn-whatsapp" href={whatsappShareUrl(store.name, storeUrl)} target="_blank" rel="noopener">
            Share on WhatsApp
          </a>
          <a class="btn btn-secondary" href={withBase(ctx.basePath, '/dashboard/products/new')}>
            Add a product
          </a>
        </p>
      </section>
      <section class="panel">
        <h2>Orders to act on</h2>
        {pendingOrders.length === 0 ? (
          <p class="empty">No orders waiting. Share your link to get some!</p>
        ) : (
          <OrderTable ctx={ctx} orders={pendingOrders} actions={quickActions} />
        )}
        <p>
          <a href={withBase(ctx.basePath, '/dashboard/orders')}>All orders →</a>
        </p>
      </section>
    </DashboardLayout>
  );
}
