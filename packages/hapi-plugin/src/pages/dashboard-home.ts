import type { ServerRoute } from '@hapi/hapi';
import { toVendorOrderView } from '@dukaan-kit/core';
import { baseUrl, type Runtime } from '../runtime.js';
import { storeView, vendorPage } from './context.js';
import { pageSize, privateHtml } from './dashboard-page.js';
import { pageRoute } from './define.js';

/** The dashboard's home: the store, today's summary, the pending orders and the store's link. */
export function dashboardHomeRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, {
      method: 'GET',
      path: '/dashboard',
      auth: 'vendor',
      handler: async (request, h) => {
        const { ctx, store, summary } = await vendorPage(runtime, request, h);
        const pending = await runtime.dukaan.orders.list(store.id, { status: 'pending', limit: pageSize });
        return privateHtml(h, {
          page: 'dashboard',
          props: { ctx, store: storeView(store), summary, pendingOrders: pending.items.map(toVendorOrderView), storeUrl: `${baseUrl(runtime, request)}/${store.slug}` },
        });
      },
    }),
  ];
}
