import type { OutboxEventType } from '../outbox/outbox-event.js';
import type { WebhookRecord } from './webhook.js';

/** Where webhooks are kept, per store. */
export interface WebhookRepository {
  /**
   * Stores the webhook unless its store already has `max` of them (resolves false then). The
   * count and the insert are one step: two concurrent creations cannot both take the last place.
   */
  insertUnlessFull(record: WebhookRecord, max: number): Promise<boolean>;
  /** The store's webhooks, oldest first. */
  listByStore(storeId: string): Promise<WebhookRecord[]>;
  /** One of the store's webhooks; null for another store's id. */
  findById(storeId: string, id: string): Promise<WebhookRecord | null>;
  /** Deletes the webhook and its deliveries; false when the store has no such webhook. */
  remove(storeId: string, id: string): Promise<boolean>;
  /** Deletes every webhook of the store with their deliveries (closing the account); resolves how many webhooks. */
  removeAllByStore(storeId: string): Promise<number>;
  /** The store's webhooks subscribed to `type`. */
  subscribedTo(storeId: string, type: OutboxEventType): Promise<WebhookRecord[]>;
}
