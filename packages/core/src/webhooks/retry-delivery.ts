import { nowIso, type CoreContext } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { toDeliveryView, type DeliveryView } from '../outbox/delivery.js';

/**
 * Sends a dead or pending delivery again as soon as the dispatcher can: a pending one now rather
 * than at its next attempt, a dead one once more (its attempt count goes on; a dead one that fails
 * again is dead again). ConflictError for a delivery already delivered (retrying it would make the
 * platform a source of signed POSTs on demand) or being delivered right now (the attempt in flight
 * decides); NotFoundError for a delivery that is not this store's webhook's.
 */
export async function retryDelivery(context: CoreContext, storeId: string, webhookId: string, deliveryId: string): Promise<DeliveryView> {
  const result = await context.persistence.outbox.retryDelivery(storeId, webhookId, deliveryId, nowIso(context));
  if (!result) throw new NotFoundError('No such delivery of this webhook');
  if (!result.retried) {
    throw new ConflictError(
      result.inFlight
        ? 'This delivery is being sent right now; wait for the attempt to finish before retrying it'
        : result.record.status === 'delivered'
          ? 'This delivery was already delivered; only a pending or dead delivery can be retried'
          : 'This delivery cannot be retried now',
    );
  }
  context.nudgeOutbox();
  return toDeliveryView(result.record);
}
