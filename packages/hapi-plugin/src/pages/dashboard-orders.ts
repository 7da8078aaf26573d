import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { InvalidTransitionError, ValidationFailedError, nextStatuses, orderStatuses, toVendorOrderView, type OrderStatus } from '@dukaan-kit/core';
import { presentError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { vendorPage } from './context.js';
import { flashContext, idOf, orNotFound, pageSize, privateHtml, storeIdOf } from './dashboard-page.js';
import { pageRoute } from './define.js';
import { field, refererPath } from './forms.js';

const orderGone = 'This order does not exist, or it belongs to another store.';

/** One order of the signed-in vendor's store, with the statuses it can move to. */
async function orderPage(runtime: Runtime, request: Request, h: ResponseToolkit, id: string, status = 200, flash?: string) {
  const { ctx, store } = await vendorPage(runtime, request, h, flashContext(flash));
  const order = await orNotFound(runtime.dukaan.orders.get(store.id, id), orderGone);
  return privateHtml(h, { page: 'order-detail', props: { ctx, order: toVendorOrderView(order), nextStatuses: [...nextStatuses(order.status)] } }, status);
}

async function listOrders(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { ctx, store } = await vendorPage(runtime, request, h);
  const wanted = request.query['status'];
  const status = (orderStatuses as readonly string[]).includes(wanted as string) ? (wanted as OrderStatus) : null;
  const cursor = typeof request.query['cursor'] === 'string' && request.query['cursor'] !== '' ? request.query['cursor'] : undefined;
  const page = await runtime.dukaan.orders.list(store.id, { limit: pageSize, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) });
  return privateHtml(h, { page: 'orders', props: { ctx, orders: page.items.map(toVendorOrderView), status, nextCursor: page.nextCursor } });
}

/** Moves an order on, then back to the dashboard page the vendor came from (or the order). */
async function changeStatus(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const id = idOf(request, orderGone);
  try {
    await orNotFound(runtime.dukaan.orders.changeStatus(storeIdOf(request), id, { status: field(request.payload, 'status') }), orderGone);
  } catch (error) {
    // The order page again with the reason, under the shared presenter's status (409 for a
    // transition the order cannot make, 400 for a status that does not exist).
    if (error instanceof InvalidTransitionError || error instanceof ValidationFailedError) return orderPage(runtime, request, h, id, presentError(error).body.statusCode, error.message);
    throw error;
  }
  const back = refererPath(request.headers['referer'] as string | undefined, `${runtime.prefix}/dashboard`, `${runtime.prefix}/dashboard/orders/${id}`);
  const url = new URL(back, 'http://local.invalid');
  url.searchParams.set('done', 'status');
  return h.redirect(`${url.pathname}${url.search}`).code(303);
}

/** The dashboard's orders: the list (by status), one order, changing its status. */
export function dashboardOrderRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/dashboard/orders', auth: 'vendor', handler: (request, h) => listOrders(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/dashboard/orders/{id}', auth: 'vendor', handler: (request, h) => orderPage(runtime, request, h, idOf(request, orderGone)) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/orders/{id}/status', auth: 'vendor', handler: (request, h) => changeStatus(runtime, request, h) }),
  ];
}
