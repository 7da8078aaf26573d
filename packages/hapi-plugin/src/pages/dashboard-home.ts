import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { toVendorOrderView } from '@dukaan-kit/core';
import { baseUrl, type Runtime } from '../runtime.js';
import { storeView, vendorPage } from './context.js';
import { pageSize, privateHtml } from './dashboard-page.js';
import { pageRoute } from './define.js';

/** The dashboard's home: the store, today's summary, the pending orders and the store's link. */
async function homePage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { ctx, store, summary } = await vendorPage(runtime, request, h);
  const pending = await runtime.dukaan.orders.list(store.id, { status: 'pending', limit: pageSize });
  return privateHtml(h, {
    page: 'dashboard',
    props: { ctx, store: storeView(store), summary, pendingOrders: pending.items.map(toVendorOrderView), storeUrl: `${baseUrl(runtime, request)}/${store.slug}` },
  });
}

/** The dashboard's home page. */
export function dashboardHomeRoutes(runtime: Runtime): ServerRoute[] {
  return [pageRoute(runtime, { method: 'GET', path: '/dashboard', auth: 'vendor', handler: (request, h) => homePage(runtime, request, h) })];
}
