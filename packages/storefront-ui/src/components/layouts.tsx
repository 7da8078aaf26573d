import type { ComponentChildren } from 'preact';
import { withBase } from '../url.js';
import type { PageContext, StoreView } from '../types.js';
import { Document, Flash, LanguageChooser, type PageMeta } from './document.js';
import { useT } from '../i18n/context.js';
import { Island } from './island.js';
import { PostForm } from './form.js';

/** A customer-facing page of one store: header with logo and name, closed banner, footer. */
export function StoreLayout({ ctx, store, meta, children }: { ctx: PageContext; store: StoreView; meta: PageMeta; children: ComponentChildren }) {
  const home = withBase(ctx.basePath, `/${store.slug}`);
  const t = useT();
  return (
    <Document ctx={ctx} meta={meta} bodyClass="shop">
      <header class="shop-header">
        <a class="shop-brand" href={home}>
          {store.logoUrl && <img class="shop-logo" src={store.logoUrl} alt="" width={40} height={40} />}
          <span class="shop-name">{store.name}</span>
        </a>
      </header>
      {!store.isOpen && (
        <div class="banner-closed" role="status">
          {t('store.closedBanner', { store: store.name })}
        </div>
      )}
      <Flash message={ctx.flash} />
      <main class="shop-main" id="main">
        {children}
      </main>
      <footer class="shop-footer">
        {store.phone && (
          <p>
            <a href={`tel:${store.phone}`}>{t('store.questionsCall', { phone: store.phone })}</a>
          </p>
        )}
        <LanguageChooser ctx={ctx} />
        <p class="powered">{t('common.poweredBy')}</p>
      </footer>
    </Document>
  );
}

const dashboardLinks = [
  ['dashboard', '/dashboard', 'dashboard.nav.home'],
  ['orders', '/dashboard/orders', 'dashboard.nav.orders'],
  ['products', '/dashboard/products', 'dashboard.nav.products'],
  ['categories', '/dashboard/categories', 'dashboard.nav.categories'],
  ['coupons', '/dashboard/coupons', 'dashboard.nav.coupons'],
  ['settings', '/dashboard/settings', 'dashboard.nav.settings'],
  ['webhooks', '/dashboard/webhooks', 'dashboard.nav.webhooks'],
  ['account', '/dashboard/account', 'dashboard.nav.account'],
] as const;

/** Which dashboard section a page belongs to (for aria-current). */
export type DashboardSection = (typeof dashboardLinks)[number][0];

/** The sections where new orders appear as they come in (the live-orders island). */
const liveSections: ReadonlySet<DashboardSection> = new Set(['dashboard', 'orders']);

/** A vendor page: navigation with the pending-orders badge, the store link and logout; new orders live on home and orders. */
export function DashboardLayout({ ctx, title, section, children }: { ctx: PageContext; title: string; section: DashboardSection; children: ComponentChildren }) {
  const v = ctx.vendor;
  const href = (p: string) => withBase(ctx.basePath, p);
  const t = useT();
  return (
    <Document ctx={ctx} meta={{ title: `${title} · ${v?.storeName ?? t('dashboard.fallbackTitle')}`, robots: 'noindex' }} bodyClass="dash">
      <header class="dash-header">
        <div class="dash-top">
          <a class="dash-brand" href={href('/dashboard')}>
            {v?.storeName ?? 'dukaan-kit'}
          </a>
          {v && (
            <a class="dash-view" href={href(`/${v.storeSlug}`)}>
              {t('dashboard.viewStore')}
            </a>
          )}
          <PostForm ctx={ctx} action="/logout" class="dash-logout">
            <button type="submit" class="btn-link">
              {t('dashboard.logOut')}
            </button>
          </PostForm>
        </div>
        <nav class="dash-nav" aria-label={t('dashboard.nav.label')}>
          {dashboardLinks.map(([key, path, label]) => (
            <a href={href(path)} aria-current={key === section ? 'page' : undefined}>
              {t(label)}
              {key === 'orders' && v && v.pendingOrders > 0 && (
                <span class="badge">
                  <span aria-hidden="true">{v.pendingOrders}</span>
                  <span class="sr-only">{t('dashboard.nav.pending', { count: v.pendingOrders })}</span>
                </span>
              )}
            </a>
          ))}
        </nav>
      </header>
      <Flash message={ctx.flash} />
      <main class="dash-main" id="main">
        <h1>{title}</h1>
        {v && liveSections.has(section) && (
          <Island name="live-orders" props={{ stream: href('/api/v1/orders/live'), orders: href('/dashboard/orders'), pending: v.pendingOrders }} />
        )}
        {children}
      </main>
    </Document>
  );
}

/** Sign-up, login and the password and email links: a centred card. */
export function AuthLayout({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <Document ctx={ctx} meta={{ title: `${title} · dukaan-kit`, robots: 'noindex' }} bodyClass="auth">
      <main class="auth-card" id="main">
        <p class="auth-brand">dukaan-kit</p>
        <h1>{title}</h1>
        <Flash message={ctx.flash} />
        {children}
      </main>
    </Document>
  );
}

/** A plain page for errors: no store, no navigation. */
export function PlainLayout({ ctx, title, children }: { ctx: PageContext; title: string; children: ComponentChildren }) {
  return (
    <Document ctx={ctx} meta={{ title, robots: 'noindex' }} bodyClass="plain">
      <main class="plain-main" id="main">
        {children}
      </main>
    </Document>
  );
}
