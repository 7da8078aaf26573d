import { DashboardLayout } from '../components/layouts.js';
import { PostForm } from '../components/form.js';
import { OrderTable } from '../components/order-table.js';
import { StopOrderButton, statusFormId } from '../components/stop-order.js';
import { Island } from '../components/island.js';
import { formatMoney } from '@dukaan-kit/core/pricing';
import { useIslandMessages, useT } from '../i18n/context.js';
import { copyLinkKeys } from '../islands/copy-link.js';
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

/** The WhatsApp share link for a store, the message in the dashboard's language. */
export function whatsappShareUrl(message: string): string {
  return `https://wa.me/?text=${encodeURIComponent(message)}`;
}

/** Accept in one tap; Reject asks first (a dialog, or a confirm page without JavaScript). */
function QuickActions({ ctx, order }: { ctx: PageContext; order: OrderView }) {
  const t = useT();
  const number = String(order.number);
  return (
    <PostForm ctx={ctx} action={`/dashboard/orders/${encodeURIComponent(order.id)}/status`} class="row-actions" id={statusFormId(order.id)}>
      <button type="submit" name="status" value="accepted" class="btn btn-small btn-primary">
        {t('dashboard.home.accept')}
        <span class="sr-only">{t('dashboard.stop.orderDetail', { number })}</span>
      </button>
      <StopOrderButton status="rejected" number={order.number} orderId={order.id} small />
    </PostForm>
  );
}

/**
 * Home of the dashboard: the orders waiting for the vendor first (what a phone shows without
 * scrolling), then today's numbers and the whole store link to share.
 */
export function DashboardPage({ ctx, store, summary, pendingOrders, storeUrl }: DashboardPageProps) {
  const t = useT();
  const href = (p: string) => withBase(ctx.basePath, p);
  return (
    <DashboardLayout ctx={ctx} title={t('dashboard.home.title')} section="dashboard">
      {!store.isOpen && (
        <p class="notice">
          {t('dashboard.home.closed')} <a href={href('/dashboard/settings')}>{t('dashboard.home.openIt')}</a>
        </p>
      )}
      <section class="panel to-act" aria-labelledby="to-act-title">
        <h2 id="to-act-title">
          {t('dashboard.home.toAct')}
          {pendingOrders.length > 0 && <span class="count"> ({pendingOrders.length})</span>}
        </h2>
        {pendingOrders.length === 0 ? (
          <p class="empty">{t('dashboard.home.noneWaiting')}</p>
        ) : (
          <OrderTable ctx={ctx} orders={pendingOrders} actions={(o) => <QuickActions ctx={ctx} order={o} />} />
        )}
        <p>
          <a class="text-link" href={href('/dashboard/orders')}>
            {t('dashboard.home.allOrders')}
          </a>
        </p>
      </section>
      <div class="stats">
        <div class="stat">
          <p class="stat-label">{t('dashboard.home.ordersToday')}</p>
          <p class="stat-value">{summary.orders}</p>
        </div>
        <div class="stat">
          <p class="stat-label">{t('dashboard.home.revenueToday')}</p>
          <p class="stat-value">{formatMoney(summary.revenue, store.currency)}</p>
        </div>
        <div class="stat">
          <p class="stat-label">{t('dashboard.home.waiting')}</p>
          <p class="stat-value">{summary.pending}</p>
        </div>
      </div>
      <section class="panel share" aria-labelledby="share-title">
        <h2 id="share-title">{t('dashboard.home.share')}</h2>
        {/* The whole link, wrapped where needed: the slug at its end is what the vendor checks. */}
        <p class="store-url">
          <a href={storeUrl}>{storeUrl}</a>
        </p>
        <Island name="copy-link" props={{ id: 'store-link', label: t('dashboard.home.storeLink'), url: storeUrl, m: useIslandMessages(copyLinkKeys) }} />
        <p class="share-actions">
          <a class="btn btn-whatsapp" href={whatsappShareUrl(t('dashboard.home.shareMessage', { store: store.name, url: storeUrl }))} target="_blank" rel="noopener">
            {t('dashboard.home.shareWhatsApp')}
          </a>
          <a class="btn btn-secondary" href={href('/dashboard/products/new')}>
            {t('dashboard.home.addProduct')}
          </a>
        </p>
      </section>
    </DashboardLayout>
  );
}
