import type { Bus } from '../cache/ports.js';
import { withTimeout } from '../cache/with-timeout.js';
import type { CoreContext } from '../context.js';
import type { DomainEvent } from '../events.js';
import { deadline } from '../shared/deadline.js';
import { defaultLiveLimits, LiveHub, type LiveLimits, type LiveOrderListener, type LiveStateListener } from './live-hub.js';
import { toLiveOrderEvent, type LiveOrderEvent, type LivePing } from './live-order-event.js';

/** createDukaan's `live` option. */
export interface LiveOptions extends Partial<LiveLimits> {
  /** How often an open live stream says it is alive and re-checks its credential (ms). Default 20 000. */
  heartbeatMs?: number;
  /** Bound on a broadcast before it counts as failed (ms). Default 1000. */
  publishTimeoutMs?: number;
}

/** What the facade offers adapters (the HTTP stream). */
export interface LiveFacade {
  /**
   * Calls `listener` with each order placed or moved in the store, from any instance sharing
   * the cache; `onLive` hears whether other instances' events reach this one now (true at once
   * when they do). Returns the unsubscribe function. RateLimitedError past the per-store or
   * per-process bound.
   */
  subscribe(storeId: string, listener: LiveOrderListener, onLive?: LiveStateListener): () => void;
  /** How often an adapter should send a heartbeat and re-check the subscriber's credential (ms). */
  readonly heartbeatMs: number;
}

/** The wired feed: the facade and its shutdown. */
export interface LiveFeed {
  facade: LiveFacade;
  hub: LiveHub;
  /** Stops hearing domain events, lets announcements under way finish (bounded), drops every subscriber. */
  close(): Promise<void>;
}

type OrderDomainEvent = Extract<DomainEvent, { type: 'order.placed' | 'order.status-changed' }>;

const liveTypeOf = (event: OrderDomainEvent): LiveOrderEvent['type'] => (event.type === 'order.placed' ? 'order.placed' : 'order.status_changed');

/** Reads the order and the store's pending count now; null when the order is gone. */
async function summarise(context: Pick<CoreContext, 'persistence' | 'clock'>, storeId: string, ping: LivePing): Promise<LiveOrderEvent | null> {
  const { orders } = context.persistence;
  const [order, summary] = await Promise.all([
    orders.findById(storeId, ping.orderId),
    // The pending count is what the summary counts "whenever placed"; `since` now keeps the rest cheap.
    orders.summary(storeId, context.clock.now().toISOString()),
  ]);
  return order ? toLiveOrderEvent(ping.type, order, summary.pending) : null;
}

/** A wiring mistake (0, a fraction, NaN) fails createDukaan rather than every stream. */
function positive(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new TypeError(`${name} must be a positive whole number, got ${value}`);
  return value;
}

/** The feed's options with their defaults, checked. */
export interface LiveSettings {
  limits: LiveLimits;
  heartbeatMs: number;
  publishTimeoutMs: number;
}

/** Checks and completes the options; TypeError for a wiring mistake, before anything starts. */
export function liveSettings(options: LiveOptions = {}): LiveSettings {
  return {
    limits: {
      perStore: positive('live.perStore', options.perStore ?? defaultLiveLimits.perStore),
      total: positive('live.total', options.total ?? defaultLiveLimits.total),
      stores: positive('live.stores', options.stores ?? defaultLiveLimits.stores),
    },
    heartbeatMs: positive('live.heartbeatMs', options.heartbeatMs ?? 20_000),
    publishTimeoutMs: positive('live.publishTimeoutMs', options.publishTimeoutMs ?? 1000),
  };
}

/** A bus whose publish is bounded and throws on failure (the hub then delivers in process). */
function boundedBus(bus: Bus, timeoutMs: number): Bus {
  return {
    publish: (channel, message) => withTimeout(bus.publish(channel, message), timeoutMs, 'live publish'),
    subscribe: (channel, onMessage, onLive) => bus.subscribe(channel, onMessage, onLive),
  };
}

/**
 * Turns the in-process order events (published after commit) into live events on each store's
 * bus channel. The announcement runs beside the request that caused it, never inside it: a
 * checkout does not wait for the dashboard's summary, and a failure only costs the live line.
 */
export function wireLive(context: Pick<CoreContext, 'persistence' | 'clock' | 'events' | 'onError'>, bus: Bus | null, settings: LiveSettings = liveSettings()): LiveFeed {
  const { limits, heartbeatMs } = settings;
  const hub = new LiveHub(bus ? boundedBus(bus, settings.publishTimeoutMs) : null, limits, context.onError, (storeId, ping) => summarise(context, storeId, ping));
  const inFlight = new Set<Promise<void>>();
  const announce = (event: OrderDomainEvent) => hub.publish(event.storeId, { type: liveTypeOf(event), orderId: event.orderId });
  const stopListening = context.events.subscribe((event) => {
    if (event.type !== 'order.placed' && event.type !== 'order.status-changed') return;
    const work: Promise<void> = announce(event)
      .catch((error: unknown) => context.onError(error, 'live announce'))
      .finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  let closed: Promise<void> | undefined;
  return {
    hub,
    facade: {
      subscribe: (storeId, listener, onLive) => hub.subscribe(storeId, listener, onLive),
      heartbeatMs,
    },
    close() {
      closed ??= (async () => {
        stopListening();
        await deadline(Promise.allSettled([...inFlight]), 2000, () => new Error('live announcements still running')).catch(() => undefined);
        hub.close();
      })();
      return closed;
    },
  };
}
