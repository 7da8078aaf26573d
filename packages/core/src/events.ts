import type { OrderStatus } from './orders/order.js';

/** Something that happened in the core, published after its transaction committed. */
export type DomainEvent =
  /** Settings or slug changed; `slugs` lists every slug whose lookup may have changed. */
  | { type: 'store.updated'; storeId: string; slugs: string[] }
  /** A category or product was created, changed or removed. */
  | { type: 'catalog.changed'; storeId: string }
  /** Stock counts of these products changed (an order, a cancellation, an edit): shown stock must follow. */
  | { type: 'stock.changed'; storeId: string; productIds: string[] }
  /** Products ran out of stock, or came back. */
  | { type: 'stock.availability-changed'; storeId: string; productIds: string[] }
  | { type: 'order.placed'; storeId: string; orderId: string }
  | { type: 'order.status-changed'; storeId: string; orderId: string; from: OrderStatus; to: OrderStatus };

export type DomainEventHandler = (event: DomainEvent) => void | Promise<void>;

/** Delivers domain events to subscribers. */
export interface EventBus {
  /** Calls every subscriber and waits for them; a subscriber's failure is reported, never thrown. */
  publish(event: DomainEvent): Promise<void>;
  /** Adds a subscriber; returns the function that removes it. */
  subscribe(handler: DomainEventHandler): () => void;
}

/** An in-process bus; `onError` hears subscriber failures (default: console.error). */
export function inProcessEventBus(onError: (error: unknown, event: DomainEvent) => void = (e) => console.error(e)): EventBus {
  const handlers = new Set<DomainEventHandler>();
  return {
    async publish(event) {
      await Promise.all(
        [...handlers].map(async (handler) => {
          try {
            await handler(event);
          } catch (error) {
            onError(error, event);
          }
        }),
      );
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
}
