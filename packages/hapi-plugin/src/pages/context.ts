import type { Request, ResponseToolkit } from '@hapi/hapi';
import { localDate, startOfDay, type Store, type VendorPrincipal } from '@dukaan-kit/core';
import { i18nOf, loadAssetManifest, type AssetManifest, type MessageKey, type OrderSummary, type PageContext, type StoreView } from '@dukaan-kit/storefront-ui';
import { principalOf, type Runtime } from '../runtime.js';
import { csrfTokenFor } from './csrf.js';
import { visitorLocale } from './locale.js';

let manifest: AssetManifest | undefined;

/** The built CSS/JS file names, read once (throws at registration when storefront-ui was not built). */
export function assets(): AssetManifest {
  manifest ??= loadAssetManifest();
  return manifest;
}

/** The time zone pages show dates in, and "today" is counted in. */
export const pageTimeZone = 'Asia/Kolkata';

/** One-off messages after a redirect (`?done=saved`): fixed texts, so a link cannot inject any; said in the page's language. */
const flashes: Partial<Record<string, MessageKey>> = {
  saved: 'common.flash.saved',
  created: 'common.flash.created',
  deleted: 'common.flash.deleted',
  status: 'common.flash.status',
  paid: 'common.flash.paid',
  refunded: 'common.flash.refunded',
  welcome: 'common.flash.welcome',
  'logged-out': 'common.flash.loggedOut',
  'password-reset': 'common.flash.passwordReset',
  'password-changed': 'common.flash.passwordChanged',
  'email-pending': 'common.flash.emailPending',
  'email-changed': 'common.flash.emailChanged',
  'session-ended': 'common.flash.sessionEnded',
  'sessions-ended': 'common.flash.sessionsEnded',
  'token-revoked': 'common.flash.tokenRevoked',
  'account-closed': 'common.flash.accountClosed',
};

function flashOf(request: Request): MessageKey | undefined {
  const done = request.query['done'];
  // Own keys only: `?done=constructor` must not find Object's.
  return typeof done === 'string' && Object.hasOwn(flashes, done) ? flashes[done] : undefined;
}

/** A context for pages without forms (error pages), usable where no toolkit can set cookies. */
export function bareContext(runtime: Runtime): PageContext {
  return { basePath: runtime.prefix, assets: assets(), csrfToken: null, timeZone: pageTimeZone };
}

/** The context of a page with forms: base path, assets, the CSRF crumb (setting its cookie) and the flash. */
export function pageContext(runtime: Runtime, request: Request, h: ResponseToolkit, extra: Partial<PageContext> = {}): PageContext {
  const flash = flashOf(request);
  // Pages that know better (a store's, the dashboard's) pass their own language in `extra`.
  const locale = extra.locale ?? visitorLocale(runtime, request, h);
  return {
    basePath: runtime.prefix,
    assets: assets(),
    csrfToken: csrfTokenFor(runtime, request, h),
    timeZone: pageTimeZone,
    locale,
    ...(flash ? { flash: i18nOf(locale).t(flash) } : {}),
    ...extra,
  };
}

/**
 * Midnight today in `timeZone`, as an instant: the start of the calendar day `now` falls on there,
 * found with core's helpers, so a day that begins or ends with a daylight-saving change still
 * starts at its own midnight (not at the offset of `now`).
 */
export function startOfToday(now: Date, timeZone = pageTimeZone): Date {
  return startOfDay(localDate(now, timeZone), timeZone);
}

/** A store as the pages' StoreView (core's Store is a superset). */
export function storeView(store: Omit<StoreView, 'autoAcceptOrders'> & { autoAcceptOrders?: boolean }): StoreView {
  return {
    name: store.name,
    slug: store.slug,
    description: store.description,
    logoUrl: store.logoUrl,
    phone: store.phone,
    pickupAddress: store.pickupAddress,
    currency: store.currency,
    deliveryFee: store.deliveryFee,
    freeDeliveryAbove: store.freeDeliveryAbove,
    minOrderValue: store.minOrderValue,
    isOpen: store.isOpen,
    autoAcceptOrders: store.autoAcceptOrders ?? false,
    paymentMethods: store.paymentMethods,
    // What checkout prices with and offers (issue 13): public, the page's island computes the total from them.
    gstin: store.gstin,
    state: store.state,
    pricesIncludeTax: store.pricesIncludeTax,
    defaultTaxRate: store.defaultTaxRate,
    packagingFee: store.packagingFee,
    codFee: store.codFee,
    deliveryMethods: store.deliveryMethods,
    locale: store.locale,
  };
}

export interface VendorPage {
  ctx: PageContext;
  principal: VendorPrincipal;
  store: Store;
  /** Today's orders, revenue and the pending count (the navigation badge). */
  summary: OrderSummary;
}

/** Everything a dashboard page needs about the signed-in vendor: context with navigation, store, today's summary. */
export async function vendorPage(runtime: Runtime, request: Request, h: ResponseToolkit, extra: Partial<PageContext> = {}): Promise<VendorPage> {
  const { dukaan } = runtime;
  const principal = principalOf(request);
  const { vendor, store } = await dukaan.vendors.getAccount(principal);
  // "Today" is the store's day, in the zone its dates and filters use (not the pages' default).
  const summary = await dukaan.orders.summary(principal.storeId, startOfToday(new Date(), store.timeZone));
  const ctx = pageContext(runtime, request, h, {
    vendor: { email: vendor.email, storeName: store.name, storeSlug: store.slug, pendingOrders: summary.pending },
    // Dates on the dashboard read in the store's own zone (the one its date filters count days in).
    timeZone: store.timeZone,
    // The dashboard speaks the vendor's own language (their account setting), not the visitor's.
    locale: vendor.locale,
    ...extra,
  });
  return { ctx, principal, store, summary };
}
