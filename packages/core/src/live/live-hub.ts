import type { Bus } from '../cache/ports.js';
import { RateLimitedError } from '../errors.js';
import { parseLivePing, type LiveOrderEvent, type LivePing } from './live-order-event.js';

/** Hears a store's live order events. */
export type LiveOrderListener = (event: LiveOrderEvent) => void;

/** Told whether events from other instances reach this subscriber now (false: some may be missed). */
export type LiveStateListener = (live: boolean) => void;

/** Bounds on what one process holds open: each subscribed store is a bus subscription (a Redis connection). */
export interface LiveLimits {
  /** Subscribers of one store in this process (browser tabs). */
  perStore: number;
  /** Subscribers in this process, all stores together. */
  total: number;
  /** Stores with at least one subscriber in this process. */
  stores: number;
}

export const defaultLiveLimits: LiveLimits = { perStore: 5, total: 500, stores: 100 };

interface Subscriber {
  listener: LiveOrderListener;
  onLive: LiveStateListener | undefined;
}

/** Turns a ping into the event dashboards show (reads the order); null when the order is gone. */
export type LiveResolver = (storeId: string, ping: LivePing) => Promise<LiveOrderEvent | null>;

interface StoreEntry {
  subscribers: Set<Subscriber>;
  live: boolean;
  stop: () => void;
}

/** The bus channel of a store's live order events (the adapter adds the cache's namespace). */
export const liveChannel = (storeId: string) => `live-orders:${storeId}`;

/**
 * The process's end of the live order feed. Subscribers of a store share one bus subscription,
 * taken when the first arrives and dropped when the last leaves, so a process listens only to
 * the stores someone here is watching. Without a bus (a cache that cannot broadcast) events go
 * straight to this process's subscribers, which is all there are.
 */
export class LiveHub {
  readonly #bus: Bus | null;
  readonly #limits: LiveLimits;
  readonly #onError: (error: unknown, operation: string) => void;
  readonly #resolve: LiveResolver;
  readonly #stores = new Map<string, StoreEntry>();
  #total = 0;

  constructor(bus: Bus | null, limits: LiveLimits, onError: (error: unknown, operation: string) => void, resolve: LiveResolver) {
    this.#bus = bus;
    this.#limits = limits;
    this.#onError = onError;
    this.#resolve = resolve;
  }

  /** How many subscribers and stores this process holds (for tests and metrics). */
  get size(): { subscribers: number; stores: number } {
    return { subscribers: this.#total, stores: this.#stores.size };
  }

  /**
   * Adds a subscriber of the store; returns the function that removes it (calling it twice is
   * harmless). RateLimitedError past a limit, so a flood of tabs cannot exhaust connections.
   */
  subscribe(storeId: string, listener: LiveOrderListener, onLive?: LiveStateListener): () => void {
    const existing = this.#stores.get(storeId);
    if (existing && existing.subscribers.size >= this.#limits.perStore) {
      throw new RateLimitedError(`Live orders are open in ${this.#limits.perStore} tabs of this store already; close one and try again`, 30);
    }
    if (this.#total >= this.#limits.total || (!existing && this.#stores.size >= this.#limits.stores)) {
      throw new RateLimitedError('Too many live dashboards are open on this server; try again in a minute', 60);
    }
    const entry = existing ?? this.#open(storeId);
    const subscriber: Subscriber = { listener, onLive };
    entry.subscribers.add(subscriber);
    this.#total += 1;
    if (onLive && entry.live) onLive(true);
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      entry.subscribers.delete(subscriber);
      this.#total -= 1;
      if (entry.subscribers.size === 0 && this.#stores.get(storeId) === entry) {
        this.#stores.delete(storeId);
        entry.stop();
      }
    };
  }

  #open(storeId: string): StoreEntry {
    const entry: StoreEntry = { subscribers: new Set(), live: this.#bus === null, stop: () => {} };
    this.#stores.set(storeId, entry);
    if (this.#bus) {
      entry.stop = this.#bus.subscribe(
        liveChannel(storeId),
        (raw) => {
          const ping = parseLivePing(raw);
          if (ping) this.#deliver(storeId, entry, ping);
        },
        (live) => {
          if (live === entry.live) return;
          entry.live = live;
          for (const subscriber of [...entry.subscribers]) this.#call(() => subscriber.onLive?.(live));
        },
      );
    }
    return entry;
  }

  /**
   * Tells the store's subscribers in every process (through the bus) or in this one (no bus)
   * that an order changed. A broadcast that fails is delivered here at least: a dashboard on
   * this instance still hears it (it may hear it twice if the bus took it after all; events name
   * their order, so a page can tell). Costs nothing but the broadcast: only instances with a
   * subscriber of the store read the order.
   */
  async publish(storeId: string, ping: LivePing): Promise<void> {
    if (!this.#bus) {
      this.#deliverLocal(storeId, ping);
      return;
    }
    try {
      await this.#bus.publish(liveChannel(storeId), JSON.stringify(ping));
    } catch (error) {
      this.#onError(error, 'live publish');
      this.#deliverLocal(storeId, ping);
    }
  }

  #deliverLocal(storeId: string, ping: LivePing): void {
    const entry = this.#stores.get(storeId);
    if (entry) this.#deliver(storeId, entry, ping);
  }

  /** Reads the order once for every subscriber here, then calls each. */
  #deliver(storeId: string, entry: StoreEntry, ping: LivePing): void {
    this.#resolve(storeId, ping).then(
      (event) => {
        if (!event) return;
        // A copy: a listener may unsubscribe (its stream closed) while we go round.
        for (const subscriber of [...entry.subscribers]) this.#call(() => subscriber.listener(event));
      },
      (error: unknown) => this.#onError(error, 'live summary'),
    );
  }

  #call(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.#onError(error, 'live listener');
    }
  }

  /** Drops every subscriber and bus subscription (the core is closing). */
  close(): void {
    for (const entry of this.#stores.values()) entry.stop();
    this.#stores.clear();
    this.#total = 0;
  }
}
