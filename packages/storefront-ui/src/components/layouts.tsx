import type { ComponentChildren } from 'preact';
import { withBase } from '../url.js';
import type { PageContext, StoreView } from '../types.js';
import { Document, Flash, LanguageChooser, type PageMeta } from './document.js';
import { useIslandMessages, useT } from '../i18n/context.js';
import { liveOrderKeys } from '../islands/live-orders.js';
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

/** The phone's bottom bar: the four sections a vendor uses daily; the rest sit under "More". */
const barSections: ReadonlySet<DashboardSection> = new Set(['dashboard', 'orders', 'products', 'settings']);

/** 24 px line icons for the bottom bar (decorative: each sits beside its text). */
const icons: Partial<Record<DashboardSection | 'more', string>> = {
  dashboard: 'M3 11l9-7 9 7v9a1 1 0 0 1-1 1h-5v-6H9v6H4a1 1 0 0 1-1-1z',
  orders: 'M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6',
  products: 'M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10',
  settings: 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM4 12h2M18 12h2M12 4v2M12 18v2M6.3 6.3l1.4 1.4M16.3 16.3l1.4 1.4M6.3 17.7l1.4-1.4M16.3 7.7l1.4-1.4',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
};

function NavIcon({ name }: { name: DashboardSection | 'more' }) {
  return (
    <svg class="nav-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={icons[name]} />
    </svg>
  );
}

/** The orders link's count of orders waiting, read out in words. */
function PendingBadge({ count }: { count: number }) {
  const t = useT();
  if (count <= 0) return null;
  return (
    <span class="badge">
      <span aria-hidden="true">{count}</span>
      <span class="sr-only">{t('dashboard.nav.pending', { count })}</span>
    </span>
  );
}

/**
 * The phone's bottom navigation (hidden on wide screens, where the tab strip shows every section):
 * Home, Orders with the badge, Products, Settings, and "More" for the rest, a <details> so it opens
 * without JavaScript.
 */
function BottomBar({ ctx, section }: { ctx: PageContext; section: DashboardSection }) {
  const t = useT();
  const pending = ctx.vendor?.pendingOrders ?? 0;
  const inMore = !barSections.has(section);
  return (
    <nav class="dash-bottom" aria-label={t('dashboard.nav.bottomLabel')}>
      {dashboardLinks
        .filter(([key]) => barSections.has(key))
        .map(([key, path, label]) => (
          <a href={withBase(ctx.basePath, path)} aria-current={key === section ? 'page' : undefined}>
            <NavIcon name={key} />
            <span class="nav-text">{t(label)}</span>
            {key === 'orders' && <PendingBadge count={pending} />}
          </a>
        ))}
      <details class="dash-more">
        <summary class={inMore ? 'current' : undefined}>
          <NavIcon name="more" />
          <span class="nav-text">{t('dashboard.nav.more')}</span>
        </summary>
        <ul class="dash-more-list">
          {dashboardLinks
            .filter(([key]) => !barSections.has(key))
            .map(([key, path, label]) => (
              <li>
                <a href={withBase(ctx.basePath, path)} aria-current={key === section ? 'page' : undefined}>
                  {t(label)}
                </a>
              </li>
            ))}
        </ul>
      </details>
    </nav>
  );
}

/** Where the dashboard's web app manifest and home-screen icon are (the plugin serves them). */
export function dashboardManifestMeta(ctx: PageContext): NonNullable<PageMeta['manifest']> {
  const lang = ctx.locale && ctx.locale !== 'en' ? `?lang=${ctx.locale}` : '';
  return { href: withBase(ctx.basePath, `/dashboard/manifest.webmanifest${lang}`), icon: withBase(ctx.basePath, '/dashboard/icons/icon-192.png') };
}

/**
 * A vendor page: a one-line header (store, "View store", "Log out"), the section tabs on wide
 * screens and a bottom bar on phones, the pending-orders badge; new orders live on home and orders.
 */
export function DashboardLayout({ ctx, title, section, children }: { ctx: PageContext; title: string; section: DashboardSection; children: ComponentChildren }) {
  const v = ctx.vendor;
  const href = (p: string) => withBase(ctx.basePath, p);
  const t = useT();
  return (
    <Document
      ctx={ctx}
      meta={{ title: `${title} · ${v?.storeName ?? t('dashboard.fallbackTitle')}`, robots: 'noindex', manifest: dashboardManifestMeta(ctx) }}
      bodyClass="dash"
    >
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
              {key === 'orders' && v && <PendingBadge count={v.pendingOrders} />}
            </a>
          ))}
        </nav>
      </header>
      <Flash message={ctx.flash} />
      <main class="dash-main" id="main">
        <h1>{title}</h1>
        {v && liveSections.has(section) && <LiveOrdersIsland ctx={ctx} />}
        {children}
      </main>
      {v && <BottomBar ctx={ctx} section={section} />}
    </Document>
  );
}

/** The live-orders island with its texts in the page's language. */
function LiveOrdersIsland({ ctx }: { ctx: PageContext }) {
  const m = useIslandMessages(liveOrderKeys);
  const href = (p: string) => withBase(ctx.basePath, p);
  return <Island name="live-orders" props={{ stream: href('/api/v1/orders/live'), orders: href('/dashboard/orders'), pending: ctx.vendor?.pendingOrders ?? 0, m }} />;
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
