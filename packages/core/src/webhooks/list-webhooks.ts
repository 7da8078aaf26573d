import type { CoreContext } from '../context.js';
import { toWebhookView, type WebhookView } from './webhook.js';

/** The store's webhooks, oldest first, without their secrets. */
export async function listWebhooks(context: CoreContext, storeId: string): Promise<WebhookView[]> {
  return (await context.persistence.webhooks.listByStore(storeId)).map(toWebhookView);
}
