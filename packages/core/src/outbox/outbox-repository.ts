import type { ClaimedDelivery, DeliveryInput, DeliveryOutcome, DeliveryRecord } from './delivery.js';
import type { OutboxEvent, OutboxEventInput } from './outbox-event.js';

/** What retryDelivery did: `retried` false when the delivery was left alone (delivered, or `inFlight`: a dispatcher holds it). */
export interface RetryResult {
  retried: boolean;
  inFlight: boolean;
  record: DeliveryRecord;
}

/**
 * The transactional outbox. `add` is called inside the transaction of the change the event
 * describes (through `Repositories.outbox` of `persistence.transaction`), so the event exists
 * exactly when the change committed; a dispatcher delivers it afterwards, at least once.
 */
export interface OutboxRepository {
  /** Stores the event; resolves its id. */
  add(event: OutboxEventInput): Promise<string>;

  // Fan-out: call these three in one transaction.
  /**
   * Up to `limit` events not yet fanned out, oldest first, locked until the transaction ends
   * (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so another dispatcher takes the next ones).
   */
  claimUndispatched(limit: number): Promise<OutboxEvent[]>;
  addDeliveries(deliveries: DeliveryInput[]): Promise<void>;
  markDispatched(eventIds: string[], at: string): Promise<void>;

  /**
   * Leases up to `limit` pending deliveries due at `now` whose lease (if any) ran out, to
   * `claimant` until `leaseUntil`, counting an attempt for each. Two dispatchers never get the
   * same delivery while its lease runs.
   */
  claimDue(now: string, leaseUntil: string, claimant: string, limit: number): Promise<ClaimedDelivery[]>;
  /** Records an attempt's outcome and frees the lease; false (nothing written) when `claimant` no longer holds it. */
  finish(deliveryId: string, claimant: string, outcome: DeliveryOutcome): Promise<boolean>;
  /**
   * `finish` for several deliveries at once (PostgreSQL: one statement); resolves how many were
   * written, leaving out those `claimant` no longer holds.
   */
  finishMany(claimant: string, finished: ReadonlyArray<{ deliveryId: string; outcome: DeliveryOutcome }>): Promise<number>;

  /** A webhook's deliveries, newest first. */
  listDeliveries(storeId: string, webhookId: string, limit: number): Promise<DeliveryRecord[]>;
  /**
   * Makes a dead or pending delivery that no dispatcher holds at `at` due again at `at` (a dead
   * one gets one more attempt), in one conditional step. Resolves the delivery as it then stands,
   * with `retried` false when it was left alone (delivered, or in flight: `inFlight`), or null
   * when the store's webhook has no such delivery.
   */
  retryDelivery(storeId: string, webhookId: string, deliveryId: string, at: string): Promise<RetryResult | null>;

  /** Deletes events created before `before` that were fanned out and have no pending delivery (their deliveries go too); resolves how many. */
  cleanUp(before: string): Promise<number>;
  /**
   * Strips the customer's personal data (customer fields, note, the status reasons: `statusReason` and each history reason) from the
   * `data.order` of the store's events about these orders (`'all'`: every order of the store);
   * resolves how many events changed. Deliveries still pending then send the stripped payload.
   */
  eraseOrderData(storeId: string, orderIds: string[] | 'all'): Promise<number>;
}
