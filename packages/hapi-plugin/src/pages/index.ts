import Inert from '@hapi/inert';
import type { Server } from '@hapi/hapi';
import type { Runtime } from '../runtime.js';
import { registerCartCookie } from './cart.js';
import { assets } from './context.js';
import { registerCsrfCookie } from './csrf.js';
import { customerRoutes } from './customer.js';
import { dashboardCategoryRoutes } from './dashboard-categories.js';
import { dashboardHomeRoutes } from './dashboard-home.js';
import { dashboardOrderRoutes } from './dashboard-orders.js';
import { dashboardProductRoutes } from './dashboard-products.js';
import { dashboardSettingsRoutes } from './dashboard-settings.js';
import { staticRoutes } from './static.js';
import { vendorRoutes } from './vendor.js';

/** HTML pages rendered from @dukaan-kit/storefront-ui, their assets, the CSRF and cart cookies. */
export async function registerPages(server: Server, runtime: Runtime): Promise<void> {
  assets(); // fail at start-up, not on the first page, when storefront-ui was not built
  await server.register({ plugin: Inert, once: true });
  registerCsrfCookie(server, runtime);
  registerCartCookie(server, runtime);
  const routeSets = [staticRoutes, customerRoutes, vendorRoutes, dashboardHomeRoutes, dashboardOrderRoutes, dashboardProductRoutes, dashboardCategoryRoutes, dashboardSettingsRoutes];
  server.route(routeSets.flatMap((routes) => routes(runtime)));
}
