import Inert from '@hapi/inert';
import type { Plugin, Server } from '@hapi/hapi';
import { trustedProxies } from './client-address.js';
import { checkHost, checkPageBody } from './guards.js';
import { resolveOptions, type DukaanPluginOptions } from './options.js';
import { registerCartCookie } from './pages/cart.js';
import { registerLangCookie } from './pages/locale.js';
import { cartRoutes } from './pages/cart-routes.js';
import { checkoutRoutes } from './pages/checkout.js';
import { assets } from './pages/context.js';
import { registerCsrfCookie } from './pages/csrf.js';
import { confirmEmailPageRoutes } from './pages/confirm-email.js';
import { dashboardAccountRoutes } from './pages/dashboard-account.js';
import { dashboardCategoryRoutes } from './pages/dashboard-categories.js';
import { dashboardCouponRoutes } from './pages/dashboard-coupons.js';
import { dashboardCloseRoutes } from './pages/dashboard-close.js';
import { dashboardCredentialRoutes } from './pages/dashboard-credentials.js';
import { dashboardHomeRoutes } from './pages/dashboard-home.js';
import { dashboardManifestRoutes } from './pages/dashboard-manifest.js';
import { dashboardOrderRoutes } from './pages/dashboard-orders.js';
import { invoicePageRoutes } from './pages/invoice-pages.js';
import { dashboardProductRoutes } from './pages/dashboard-products.js';
import { dashboardProductPhotoRoutes } from './pages/dashboard-product-photos.js';
import { dashboardImportRoutes } from './pages/dashboard-import.js';
import { dashboardSettingsRoutes } from './pages/dashboard-settings.js';
import { dashboardWebhookRoutes } from './pages/dashboard-webhooks.js';
import { pagesOnPreResponse } from './pages/error-page.js';
import { passwordResetPageRoutes } from './pages/password-reset.js';
import { staticRoutes } from './pages/static.js';
import { storePageRoutes } from './pages/store-pages.js';
import { vendorRoutes } from './pages/vendor.js';
import { landingRoutes } from './pages/landing.js';
import type { Runtime } from './runtime.js';

const apiName = 'dukaan-kit-api';

/** Registers the HTML pages on a server (or a plugin's realm) where the API plugin is registered already. */
export async function registerPages(server: Server, rawOptions: DukaanPluginOptions): Promise<void> {
  const options = resolveOptions(rawOptions);
  // The pages use the API plugin's auth strategies and device cookie, which must exist before their routes.
  if (!(server.registrations as Record<string, unknown>)[apiName]) throw new Error('Register the dukaan-kit "api" plugin before "pages" (or register "plugin", which does both)');
  const runtime: Runtime = { dukaan: options.dukaan, options, prefix: server.realm.modifiers.route.prefix ?? '', proxies: trustedProxies(options.trustProxy) };
  assets(); // fail at start-up, not on the first page, when storefront-ui was not built
  await server.register({ plugin: Inert, once: true });
  registerCsrfCookie(server, runtime);
  registerCartCookie(server, runtime);
  registerLangCookie(server, runtime);
  server.ext('onPreAuth', checkHost(runtime), { sandbox: 'plugin' });
  server.ext('onPreAuth', checkPageBody, { sandbox: 'plugin' });
  server.ext('onPreResponse', pagesOnPreResponse(runtime), { sandbox: 'plugin' });
  const routeSets = [
    staticRoutes,
    storePageRoutes,
    cartRoutes,
    checkoutRoutes,
    vendorRoutes,
    passwordResetPageRoutes,
    confirmEmailPageRoutes,
    dashboardHomeRoutes,
    dashboardManifestRoutes,
    dashboardOrderRoutes,
    invoicePageRoutes,
    dashboardProductRoutes,
    dashboardProductPhotoRoutes,
    dashboardImportRoutes,
    dashboardCategoryRoutes,
    dashboardCouponRoutes,
    dashboardSettingsRoutes,
    dashboardWebhookRoutes,
    dashboardAccountRoutes,
    dashboardCredentialRoutes,
    dashboardCloseRoutes,
    landingRoutes,
  ];
  server.route(routeSets.flatMap((routes) => routes(runtime)));
}

/** The storefront and the vendor dashboard as HTML, with their assets; needs `api` registered first (same options). */
export const pages: Plugin<DukaanPluginOptions> = {
  name: 'dukaan-kit-pages',
  version: '0.1.0',
  multiple: false,
  dependencies: apiName,
  register: registerPages,
};
