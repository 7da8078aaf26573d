import type { CouponUse } from '../coupons/coupon.js';
import type { OutboxEventInput } from '../outbox/outbox-event.js';
import type { Page } from '../shared/page.js';
import type { Order, OrderInvoice, OrderStatus, OrderSummary, PaymentStatus } from './order.js';

/**
 * What a search box's text can mean: an order matches when any of the given parts does. Built by
 * `orderSearch` (orders/order-search.ts) from what the vendor typed.
 */
export interface OrderSearch {
  /** Customer names containing this, case-insensitively (ASCII on SQLite, every script on PostgreSQL). */
  name: string;
  /** This order number (the text was `1001` or `#1001`). */
  number?: number | undefined;
  /** Phones (stored E.164) containing these digits (the text looked like a phone number). */
  phoneDigits?: string | undefined;
}

export interface OrderListQuery {
  limit: number;
  /** The id of the last order of the previous page (decoded cursor). */
  after?: string | undefined;
  status?: OrderStatus | undefined;
  paymentStatus?: PaymentStatus | undefined;
  search?: OrderSearch | undefined;
  /** Orders created at or after this instant (ISO-8601 UTC, as `createdAt`). */
  createdFrom?: string | undefined;
  /** Orders created before this instant (exclusive: the start of the day after the last one wanted). */
  createdBefore?: string | undefined;
}

/** One payment move, for `OrderRepository.changePayment`. */
export interface PaymentChange {
  from: PaymentStatus;
  to: PaymentStatus;
  reference?: string | null | undefined;
  at: string;
}

/** Which customer's orders: by phone (E.164) or by email (lower-cased); exactly one is given. */
export type CustomerMatch = { phone: string; email?: undefined } | { email: string; phone?: undefined };

/** What the checkout writes with its order, in the same step where the adapter can (PostgreSQL: one statement). */
export interface PlacedOrderWrites {
  /**
   * The use of a coupon that limits nothing (no usage limit, per-phone limit or first-order
   * rule), written without touching the coupon's row, so checkouts with one popular code do not
   * queue on it. Written only while the coupon still limits nothing: otherwise (a limit set since
   * the checkout read it, or the coupon deleted) `couponUseRecorded` is false and the caller
   * claims the coupon as a limited one.
   */
  freeCouponUse: CouponUse | null;
  /** The order's outbox event, built from the order's number once it is taken. */
  event: ((number: number) => OutboxEventInput) | null;
}

/** Nothing written with the order but its lines and history. */
export const noWrites: PlacedOrderWrites = { freeCouponUse: null, event: null };

/** What OrderRepository.insertPlaced wrote. */
export interface NumberedOrder {
  number: number;
  /** False when the coupon no longer limits nothing (a limit was set since it was read, or it is gone): no use was written. */
  couponUseRecorded: boolean;
}

export interface OrderRepository {
  /**
   * Takes the store's next order number (1001, 1002, … per store, without gaps: a rollback
   * gives it back) and stores the order under it (`order.number` is ignored) with its lines,
   * history and idempotency fingerprint; resolves the number. Call it in a transaction: the
   * store row stays locked until commit, so an adapter should take as few round trips as it
   * can here. Throws ConflictError with detail path `idempotencyKey` when the store already
   * has an order with that key (a concurrent duplicate waits for the first to commit, then
   * gets this error).
   */
  insertWithNextNumber(order: Order): Promise<number>;
  /**
   * insertWithNextNumber for a checkout, and with the order what `writes` names: a free coupon
   * use and the order's event. Each round trip inside the checkout's transaction keeps the
   * connection (and, with a limited coupon, its row lock) waiting for the app, so an adapter
   * should write them all in one (PostgreSQL: data-modifying CTEs).
   */
  insertPlaced(order: Order, writes: PlacedOrderWrites): Promise<NumberedOrder>;
  /**
   * Issues the order's tax invoice: takes the store's next invoice number of the financial year
   * (1, 2, … per store and year; the counter's row stays locked until commit, so a rollback gives
   * the number back and numbers have no gaps) and records it on the order. Call it in the
   * transaction that accepts the order. An order that already has an invoice keeps it.
   */
  assignInvoice(storeId: string, orderId: string, financialYear: string, at: string): Promise<OrderInvoice>;
  /** The store's order with lines and history, or null (also for another store's id). */
  findById(storeId: string, id: string): Promise<Order | null>;
  /**
   * The store's orders among `ids` with lines and history, in no particular order; ids of other
   * stores and unknown ids are left out (the outbox dispatcher reads a batch's orders at once).
   */
  findByIds(storeId: string, ids: string[]): Promise<Order[]>;
  /** The store's order with this tracking token, or null. */
  findByToken(storeId: string, token: string): Promise<Order | null>;
  /** The store's order placed with this idempotency key (with the request's fingerprint), or null. */
  findByIdempotencyKey(storeId: string, key: string): Promise<Order | null>;
  /** Newest first (by id), with lines and history; only the store's own, matching every filter given. */
  list(storeId: string, query: OrderListQuery): Promise<Page<Order>>;
  /**
   * Moves the order from `from` to `to` and appends a history entry (with `reason`, null for
   * none), only if it is still in `from` (a compare-and-set against a concurrent change);
   * resolves whether it moved.
   */
  changeStatus(storeId: string, id: string, from: OrderStatus, to: OrderStatus, at: string, reason: string | null): Promise<boolean>;
  /**
   * Moves the order's payment from `change.from` to `change.to`, only if it is still in `from` (a
   * compare-and-set against a concurrent change: of two marks as paid, one moves); `at` becomes
   * the payment's and the order's `updatedAt`; `reference` replaces the stored one, or keeps it
   * when undefined. Resolves whether it moved (false for another store's order too).
   */
  changePayment(storeId: string, id: string, change: PaymentChange): Promise<boolean>;
  /**
   * Erases the customer's personal data from the store's orders placed with this phone or
   * email (not yet erased) that are in a final status (`finalStatuses`: delivered, rejected,
   * cancelled, returned): name, phone, address and pincode become '', email and note null, the
   * idempotency key and fingerprint null, and `customerErasedAt` is set. Lines, totals and
   * numbers stay (they are kept for tax). Orders still being worked keep the details they need
   * to be delivered. Resolves how many orders were erased (and their ids, so what was copied
   * from them elsewhere, like outbox events, can be erased too) and how many matching ones are open.
   */
  eraseCustomer(storeId: string, match: CustomerMatch, at: string): Promise<{ erased: number; erasedIds: string[]; open: number }>;
  /** Erases the customer of every order of the store, whatever its status (its vendor closed the account); resolves how many. */
  eraseAllCustomers(storeId: string, at: string): Promise<number>;
  /** Counts and revenue of orders created at or after `since`, and all pending orders. */
  summary(storeId: string, since: string): Promise<OrderSummary>;
}
