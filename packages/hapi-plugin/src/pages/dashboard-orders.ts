import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { InvalidTransitionError, ValidationFailedError, nextStatuses, orderStatuses, paymentStatuses, toVendorOrderView, type OrderStatus, type PaymentStatus } from '@dukaan-kit/core';
import type { OrderDetailPageProps, PaymentFormState } from '@dukaan-kit/storefront-ui';
import { presentError } from '../errors.js';
import { baseUrl, type Runtime } from '../runtime.js';
import { vendorPage } from './context.js';
import { flashContext, idOf, orNotFound, pageSize, privateHtml, storeIdOf } from './dashboard-page.js';
import { pageRoute } from './define.js';
import { field, fieldErrors, refererPath } from './forms.js';

/** A stop the order page asks about first (storefront-ui's confirm state). */
type StopConfirmState = NonNullable<OrderDetailPageProps['confirm']>;

const orderGone = 'This order does not exist, or it belongs to another store.';

/** A refused status or payment change shown again: its status code, the message and what was typed. */
interface Refused {
  status: number;
  flash?: string;
  reason?: string;
  paymentForm?: PaymentFormState;
  /** A stop to confirm first (posted without `confirmed`), or one whose reason core refused. */
  confirm?: StopConfirmState;
}

/**
 * One order of the signed-in vendor's store, with the statuses it can move to and the
 * customer's tracking link (for the WhatsApp message), built like the other store links.
 */
async function orderPage(runtime: Runtime, request: Request, h: ResponseToolkit, id: string, refused?: Refused) {
  const { ctx, store } = await vendorPage(runtime, request, h, flashContext(refused?.flash));
  const order = await orNotFound(runtime.dukaan.orders.get(store.id, id), orderGone);
  const trackingUrl = `${baseUrl(runtime, request)}/${store.slug}/orders/${encodeURIComponent(order.token)}`;
  const props = {
    ctx,
    order: toVendorOrderView(order),
    nextStatuses: [...nextStatuses(order.status)],
    storeName: store.name,
    trackingUrl,
    pickupAddress: store.pickupAddress,
    reason: refused?.reason ?? '',
    ...(refused?.paymentForm ? { paymentForm: refused.paymentForm } : {}),
    ...(refused?.confirm ? { confirm: refused.confirm } : {}),
  };
  return privateHtml(h, { page: 'order-detail', props }, refused?.status ?? 200);
}

/**
 * The list's filters from the GET form (`q`, `from`, `to`; '' when blank or sent twice), as
 * typed: core validates them, and the page shows them again either way. The payment filter is
 * a select: a value it cannot send (an edited URL) is dropped, like an unknown status tab.
 */
function listFilters(query: Request['query']): { q: string; from: string; to: string; paymentStatus: PaymentStatus | '' } {
  const text = (name: string) => {
    const value: unknown = query[name];
    return typeof value === 'string' ? value : '';
  };
  const payment = text('paymentStatus');
  const paymentStatus = (paymentStatuses as readonly string[]).includes(payment) ? (payment as PaymentStatus) : '';
  return { q: text('q'), from: text('from'), to: text('to'), paymentStatus };
}

/**
 * The orders of one status tab, searched and limited to a date range as the form asks. Filters
 * core refuses (a date that is no day, `to` before `from`) show the form again with the reason,
 * under 400, rather than an error page.
 */
async function listOrders(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { ctx, store } = await vendorPage(runtime, request, h);
  const wanted = request.query['status'];
  const status = (orderStatuses as readonly string[]).includes(wanted as string) ? (wanted as OrderStatus) : null;
  const cursor = typeof request.query['cursor'] === 'string' && request.query['cursor'] !== '' ? request.query['cursor'] : undefined;
  const filters = listFilters(request.query);
  const { paymentStatus, ...search } = filters;
  try {
    const page = await runtime.dukaan.orders.list(store.id, { limit: pageSize, ...search, ...(status ? { status } : {}), ...(paymentStatus ? { paymentStatus } : {}), ...(cursor ? { cursor } : {}) });
    return privateHtml(h, { page: 'orders', props: { ctx, orders: page.items.map(toVendorOrderView), status, filters, nextCursor: page.nextCursor } });
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return privateHtml(h, { page: 'orders', props: { ctx, orders: [], status, filters, errors: fieldErrors(error.details), nextCursor: null } }, 400);
  }
}

/** The moves that stop an order (core's reason statuses): asked about first, with a reason the customer sees. */
const stopStatuses: ReadonlyArray<StopConfirmState['status']> = ['rejected', 'cancelled', 'returned'];

function stopStatusOf(status: string): StopConfirmState['status'] | null {
  return stopStatuses.find((s) => s === status) ?? null;
}

/**
 * Moves an order on, then back to the dashboard page the vendor came from (or the order). A stop
 * posted without `confirmed` (the Reject button without JavaScript) changes nothing: the order
 * page asks first, with the reason field; the dialog sends `confirmed` itself.
 */
async function changeStatus(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const id = idOf(request, orderGone);
  const status = field(request.payload, 'status');
  // The reason comes with a confirmed stop; other buttons send none ('').
  const reason = field(request.payload, 'reason');
  const stop = stopStatusOf(status);
  if (stop && field(request.payload, 'confirmed') !== '1') return orderPage(runtime, request, h, id, { status: 200, confirm: { status: stop, reason } });
  try {
    await orNotFound(runtime.dukaan.orders.changeStatus(storeIdOf(request), id, { status, reason }), orderGone);
  } catch (error) {
    // The order page again with what went wrong, under the shared presenter's status (409 for
    // a transition the order cannot make, 400 for a status that does not exist or a bad reason).
    if (error instanceof InvalidTransitionError || error instanceof ValidationFailedError) {
      const flash = error instanceof ValidationFailedError && error.details[0] ? error.details[0].message : error.message;
      const code = presentError(error).body.statusCode;
      // A refused reason goes back under the reason field, the stop still to confirm.
      const reasonRefused = stop && error instanceof ValidationFailedError && error.details.some((d) => d.path === 'reason');
      if (reasonRefused) return orderPage(runtime, request, h, id, { status: code, confirm: { status: stop, reason, error: flash } });
      return orderPage(runtime, request, h, id, { status: code, flash });
    }
    throw error;
  }
  // The confirm page's own address is no place to come back to: its post would ask again.
  const orderPath = `${runtime.prefix}/dashboard/orders/${id}`;
  const back = refererPath(request.headers['referer'] as string | undefined, `${runtime.prefix}/dashboard`, orderPath);
  const url = new URL(back, 'http://local.invalid');
  if (url.pathname.endsWith('/status')) return h.redirect(`${orderPath}?done=status`).code(303);
  url.searchParams.set('done', 'status');
  return h.redirect(`${url.pathname}${url.search}`).code(303);
}

/**
 * Marks the order's payment paid (with the UPI transaction id, if given) or refunded, then back
 * to the order with a flash. A move core refuses (already paid, a refund of an order still on
 * its way, a reference too long) shows the order again with the reason beside the form.
 */
async function changePayment(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const id = idOf(request, orderGone);
  const status = field(request.payload, 'status');
  const reference = field(request.payload, 'reference');
  try {
    await orNotFound(runtime.dukaan.orders.changePayment(storeIdOf(request), id, { status, ...(reference.trim() ? { reference } : {}) }), orderGone);
  } catch (error) {
    if (error instanceof InvalidTransitionError || error instanceof ValidationFailedError) {
      const errors = error instanceof ValidationFailedError ? fieldErrors(error.details, (path) => (path === 'reference' ? 'reference' : null)) : { form: error.message };
      // Only the two forms' moves are shown again; anything else a crafted post sent goes above the page.
      const shown = status === 'paid' || status === 'refunded' ? status : null;
      const paymentForm: PaymentFormState | undefined = shown ? { status: shown, reference, errors } : undefined;
      const flash = paymentForm ? undefined : (errors['form'] ?? errors['reference']);
      return orderPage(runtime, request, h, id, { status: presentError(error).body.statusCode, ...(flash ? { flash } : {}), ...(paymentForm ? { paymentForm } : {}) });
    }
    throw error;
  }
  return h.redirect(`${runtime.prefix}/dashboard/orders/${encodeURIComponent(id)}?done=${status === 'refunded' ? 'refunded' : 'paid'}`).code(303);
}

/** The dashboard's orders: the list (by status), one order, changing its status and its payment. */
export function dashboardOrderRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/dashboard/orders', auth: 'vendor', handler: (request, h) => listOrders(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/dashboard/orders/{id}', auth: 'vendor', handler: (request, h) => orderPage(runtime, request, h, idOf(request, orderGone)) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/orders/{id}/status', auth: 'vendor', handler: (request, h) => changeStatus(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/orders/{id}/payment', auth: 'vendor', handler: (request, h) => changePayment(runtime, request, h) }),
  ];
}
