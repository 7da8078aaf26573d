import type { OrderStatus } from './order.js';

const moves: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['accepted', 'rejected', 'cancelled'],
  accepted: ['shipped', 'cancelled'],
  // returned: back to the store from the road (refused at the door, or returned to origin).
  shipped: ['delivered', 'returned'],
  delivered: [],
  rejected: [],
  cancelled: [],
  returned: [],
};

/**
 * The statuses nothing follows (delivered, rejected, cancelled, returned): the order needs no more work,
 * so the customer's details are no longer needed to fulfil it.
 */
export const finalStatuses: readonly OrderStatus[] = (Object.keys(moves) as OrderStatus[]).filter((status) => moves[status].length === 0);

/** The statuses an order in `status` may move to, in the order a dashboard shows them. */
export function nextStatuses(status: OrderStatus): readonly OrderStatus[] {
  return moves[status];
}

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return moves[from].includes(to);
}

/** Moves that put the order's units back on the shelf. */
export function returnsStock(to: OrderStatus): boolean {
  return to === 'rejected' || to === 'cancelled' || to === 'returned';
}

/**
 * The moves that may carry a reason (why the order stopped), which the customer's page shows.
 * A forward move needs none: its status says it all.
 */
export const reasonStatuses: readonly OrderStatus[] = ['rejected', 'cancelled', 'returned'];
