import type { Order, OrderStatus } from '../orders/order.js';
import { orderStatuses } from '../orders/order.js';

/**
 * What a live dashboard hears about an order: enough to show "New order #1002 · Asha · ₹210" and
 * the number waiting, nothing more (no phone, address or email: it crosses the cache bus and
 * lands in a browser tab).
 */
export interface LiveOrderEvent {
  type: 'order.placed' | 'order.status_changed';
  orderId: string;
  number: number;
  status: OrderStatus;
  /** '' once the customer's data was erased. */
  customerName: string;
  /** Minor units, as every amount in core. */
  total: number;
  currency: string;
  createdAt: string;
  /** Orders of the store waiting for the vendor after this change. */
  pending: number;
}

export const liveOrderEventTypes = ['order.placed', 'order.status_changed'] as const;

/** The summary of an order after a change, with the store's pending count. */
export function toLiveOrderEvent(type: LiveOrderEvent['type'], order: Order, pending: number): LiveOrderEvent {
  return {
    type,
    orderId: order.id,
    number: order.number,
    status: order.status,
    customerName: order.customer.name,
    total: order.total,
    currency: order.currency,
    createdAt: order.createdAt,
    pending,
  };
}

const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

/**
 * What crosses the cache bus: which order changed, nothing else. Each instance with a dashboard
 * of the store open turns it into a LiveOrderEvent itself (one read per instance, not per tab),
 * so a checkout pays for no summary when nobody is watching.
 */
export interface LivePing {
  type: LiveOrderEvent['type'];
  orderId: string;
}

/** A bus message read back as a ping, or null: the channel is shared infrastructure, so only the known shape passes. */
export function parseLivePing(raw: string): LivePing | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { type, orderId } = value as Record<string, unknown>;
  if (!(liveOrderEventTypes as readonly unknown[]).includes(type) || !isText(orderId, 64)) return null;
  return { type: type as LivePing['type'], orderId };
}
