import type { OutboxEvent, OutboxEventType } from './outbox-event.js';

/** Where a delivery goes: one webhook, or the mail about an order to the vendor or to the customer. */
export const deliveryTargets = ['webhook', 'mail:vendor', 'mail:customer'] as const;
export type DeliveryTarget = (typeof deliveryTargets)[number];

/** `pending` until it succeeds (`delivered`) or its last attempt fails (`dead`). */
export const deliveryStatuses = ['pending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** A delivery as the dispatcher creates it while fanning an event out. */
export interface DeliveryInput {
  eventId: string;
  storeId: string;
  target: DeliveryTarget;
  /** Set for target `webhook` only. */
  webhookId: string | null;
  createdAt: string;
}

/** A stored delivery with its latest attempt. */
export interface DeliveryRecord extends DeliveryInput {
  id: string;
  eventType: OutboxEventType;
  status: DeliveryStatus;
  /** Attempts started so far (a claim counts one, even if its process died before the end). */
  attempt: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  statusCode: number | null;
  durationMs: number | null;
  error: string | null;
  deliveredAt: string | null;
}

/** A delivery claimed by one dispatcher under a lease, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  target: DeliveryTarget;
  /** This attempt's number (1 for the first). */
  attempt: number;
  event: OutboxEvent;
  /** The webhook's address and secret (target `webhook` only; null when it was removed meanwhile). */
  webhook: { id: string; url: string; secret: string } | null;
}

/** How one attempt ended; `nextAttemptAt` null with status `pending` is never written. */
export interface DeliveryOutcome {
  status: DeliveryStatus;
  nextAttemptAt: string | null;
  attemptedAt: string;
  statusCode: number | null;
  durationMs: number | null;
  error: string | null;
}

/** A delivery as the vendor sees it (`GET /api/v1/webhooks/{id}/deliveries`), newest first. */
export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: OutboxEventType;
  status: DeliveryStatus;
  attempt: number;
  statusCode: number | null;
  durationMs: number | null;
  error: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
}

export function toDeliveryView(record: DeliveryRecord): DeliveryView {
  return {
    id: record.id,
    eventId: record.eventId,
    eventType: record.eventType,
    status: record.status,
    attempt: record.attempt,
    statusCode: record.statusCode,
    durationMs: record.durationMs,
    error: record.error,
    createdAt: record.createdAt,
    lastAttemptAt: record.lastAttemptAt,
    // Only a pending delivery has a next attempt to show.
    nextAttemptAt: record.status === 'pending' ? record.nextAttemptAt : null,
  };
}
