import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { toDeliveryView, type DeliveryView } from '../outbox/delivery.js';
import { validate } from '../shared/validate.js';
import { webhookDeliveriesQuerySchema } from './schemas.js';

/** A webhook's recent deliveries, newest first, each with its latest attempt (default 50, at most 100). */
export async function listDeliveries(context: CoreContext, storeId: string, webhookId: string, query: unknown = {}): Promise<DeliveryView[]> {
  const { limit } = validate(webhookDeliveriesQuerySchema, query ?? {});
  if (!(await context.persistence.webhooks.findById(storeId, webhookId))) throw new NotFoundError('No such webhook in this store');
  const records = await context.persistence.outbox.listDeliveries(storeId, webhookId, limit ?? 50);
  return records.map(toDeliveryView);
}
