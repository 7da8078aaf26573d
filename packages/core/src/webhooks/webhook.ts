import type { OutboxEventType } from '../outbox/outbox-event.js';

/** A store may have at most this many webhooks: each event is posted to each of them. */
export const maxWebhooksPerStore = 10;

/** A stored webhook; `secret` signs each delivery and is shown once, when it is created. */
export interface WebhookRecord {
  id: string;
  storeId: string;
  url: string;
  events: OutboxEventType[];
  secret: string;
  createdAt: string;
}

/** A webhook as listed: never its secret. */
export interface WebhookView {
  id: string;
  url: string;
  events: OutboxEventType[];
  createdAt: string;
}

/** What creating a webhook answers: the only time the secret is shown. */
export type WebhookCreated = WebhookView & { secret: string };

export function toWebhookView(record: WebhookRecord): WebhookView {
  return { id: record.id, url: record.url, events: [...record.events], createdAt: record.createdAt };
}
