import type { Cache } from './cache/cache.js';
import type { DurableWrites } from './cache/durable-writes.js';
import type { ImageStore } from './catalog/image-store.js';
import type { EventBus } from './events.js';
import type { Persistence } from './persistence.js';
import type { Clock } from './shared/clock.js';
import type { StoreCache } from './storefront/store-cache.js';
import type { PasswordHasher } from './vendors/password-hasher.js';

/** What every use case may reach: the ports, already wired. Built once by createDukaan. */
export interface CoreContext {
  persistence: Persistence;
  /** Already wrapped so it never throws and never hangs. */
  cache: Cache;
  /** For writes other instances depend on (invalidations, revocations): retried until the cache takes them. */
  durableWrites: DurableWrites;
  storeCache: StoreCache;
  events: EventBus;
  clock: Clock;
  hasher: PasswordHasher;
  images: ImageStore | null;
  sessionTtlMs: number;
}

/** The current time as the ISO-8601 UTC string the repositories store. */
export function nowIso(context: Pick<CoreContext, 'clock'>): string {
  return context.clock.now().toISOString();
}
