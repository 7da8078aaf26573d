import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { toDeliveryView, type DeliveryView } from '../outbox/delivery.js';

/**
 * Sends a delivery again as soon as the dispatcher can: a pending one now rather than at its
 * next attempt, a dead or delivered one once more (its attempt count goes on; a dead one that
 * fails again is dead again). NotFoundError for a delivery that is not this store's webhook's.
 */
export async function retryDelivery(context: CoreContext, storeId: string, webhookId: string, deliveryId: string): Promise<DeliveryView> {
  const record = await context.persistence.outbox.retryDelivery(storeId, webhookId, deliveryId, nowIso(context));
  if (!record) throw new NotFoundError('No such delivery of this webhook');
  context.nudgeOutbox();
  return toDeliveryView(record);
}
