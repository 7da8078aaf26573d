/** The events that leave the process (webhooks, mail), each written in the transaction of the change that caused it. */
export const outboxEventTypes = ['order.placed', 'order.status_changed', 'order.payment_changed', 'product.low_stock'] as const;
export type OutboxEventType = (typeof outboxEventTypes)[number];

/**
 * One event as it is written: `data` is the payload receivers get (`{ order }` as the vendor
 * API shows it for order events, `{ product }` for stock events), frozen at the moment of the
 * change. `orderId` / `productId` name the subject so erasure and clean-up can find it.
 */
export interface OutboxEventInput {
  type: OutboxEventType;
  storeId: string;
  orderId: string | null;
  productId: string | null;
  data: Record<string, unknown>;
  /** ISO-8601 UTC, the instant of the change. */
  createdAt: string;
}

/** A stored event: its id (UUIDv7) is what receivers use to drop duplicates (`Dukaan-Event-Id`). */
export interface OutboxEvent extends OutboxEventInput {
  id: string;
}
