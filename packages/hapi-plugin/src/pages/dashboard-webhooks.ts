import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { outboxEventTypes, ValidationFailedError, type WebhookCreated } from '@dukaan-kit/core';
import type { FieldErrors } from '@dukaan-kit/storefront-ui';
import type { Runtime } from '../runtime.js';
import { idOf, idShape, orNotFound, privateHtml, storeIdOf } from './dashboard-page.js';
import { notFound, pageRoute, presented, seeOther } from './define.js';
import { vendorPage } from './context.js';
import { field, fieldErrors, fields } from './forms.js';

/** Deliveries shown under each webhook (the API pages further with `limit`). */
const deliveriesShown = 10;
const webhookGone = 'This webhook was deleted already, or it is not yours.';
const deliveryGone = 'This delivery is not one of your webhooks’.';
/** Shown after a retry (this page's own fixed text, so a link cannot inject any). */
const retriedFlash = 'The delivery will be sent again within a few seconds. Reload to see how it went.';

interface PageExtras {
  created?: WebhookCreated;
  values?: { url: string; events: string[] };
  errors?: FieldErrors;
}

/** The page: every webhook of the store with its latest deliveries, and the add form (again, after a refusal). */
async function webhooksPage(runtime: Runtime, request: Request, h: ResponseToolkit, extras: PageExtras = {}) {
  const retried = request.method === 'get' && request.query['retried'] === '1';
  const { ctx, store } = await vendorPage(runtime, request, h, retried ? { flash: retriedFlash } : {});
  const { webhooks } = runtime.dukaan;
  const list = await webhooks.list(store.id);
  const withDeliveries = await Promise.all(list.map(async (w) => ({ ...w, deliveries: await webhooks.deliveries(store.id, w.id, { limit: deliveriesShown }) })));
  return privateHtml(h, { page: 'webhooks', props: { ctx, webhooks: withDeliveries, eventTypes: outboxEventTypes, ...extras } });
}

/** Adds a webhook and shows its secret this once (a reload cannot show it again: no redirect carries it). */
async function addWebhook(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const values = { url: field(request.payload, 'url'), events: fields(request.payload, 'events') };
  try {
    const created = await runtime.dukaan.webhooks.create(storeIdOf(request), values);
    return await webhooksPage(runtime, request, h, { created });
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    // `events.0` and the like are about the checkboxes as a whole.
    const errors = fieldErrors(error.details, (path) => (path.startsWith('events') ? 'events' : path === 'url' ? 'url' : null));
    return presented(await webhooksPage(runtime, request, h, { values, errors }), error);
  }
}

async function removeWebhook(runtime: Runtime, request: Request, h: ResponseToolkit) {
  await orNotFound(runtime.dukaan.webhooks.remove(storeIdOf(request), idOf(request, webhookGone)), webhookGone);
  return seeOther(runtime, h, '/dashboard/webhooks?done=deleted');
}

async function retryDelivery(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const webhookId = idOf(request, deliveryGone);
  const deliveryId = request.params['deliveryId'] as string;
  if (!idShape.test(deliveryId)) throw notFound(deliveryGone);
  await orNotFound(runtime.dukaan.webhooks.retry(storeIdOf(request), webhookId, deliveryId), deliveryGone);
  return seeOther(runtime, h, '/dashboard/webhooks?retried=1');
}

/** The webhooks page: list with recent deliveries, add (secret shown once), delete, retry a delivery. Forms work without JavaScript. */
export function dashboardWebhookRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/dashboard/webhooks', auth: 'vendor', handler: (request, h) => webhooksPage(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/webhooks', auth: 'vendor', handler: (request, h) => addWebhook(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/webhooks/{id}/delete', auth: 'vendor', handler: (request, h) => removeWebhook(runtime, request, h) }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/dashboard/webhooks/{id}/deliveries/{deliveryId}/retry',
      auth: 'vendor',
      handler: (request, h) => retryDelivery(runtime, request, h),
    }),
  ];
}
