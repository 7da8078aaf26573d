import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';

/** Removes one of the store's webhooks and its deliveries (pending ones are not sent); NotFoundError for another store's id. */
export async function removeWebhook(context: CoreContext, storeId: string, webhookId: string): Promise<void> {
  if (!(await context.persistence.webhooks.remove(storeId, webhookId))) throw new NotFoundError('No such webhook in this store');
}
