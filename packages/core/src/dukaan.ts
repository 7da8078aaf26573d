import type { Cache } from './cache/cache.js';
import { RateLimiter } from './cache/rate-limiter.js';
import { DurableWrites } from './cache/durable-writes.js';
import { resilientCache } from './cache/resilient-cache.js';
import { createCategory, deleteCategory, listCategories, updateCategory } from './catalog/categories.js';
import type { ImageStore } from './catalog/image-store.js';
import { addProductImage, removeProductImage, saveStoreLogo } from './catalog/product-images.js';
import { adjustStock, createProduct, deleteProduct, getProduct, listProducts, updateProduct } from './catalog/products.js';
import type { CoreContext } from './context.js';
import { inProcessEventBus, type EventBus } from './events.js';
import { changeOrderStatus, getOrder, getOrderByToken, listOrders, orderSummary } from './orders/manage-orders.js';
import { findPlacedOrder, placeOrder } from './orders/place-order.js';
import type { Persistence } from './persistence.js';
import { systemClock, type Clock } from './shared/clock.js';
import { getStoreView, loadStoreView, resolveStoreSlug } from './storefront/get-store-view.js';
import { subscribeStoreInvalidation } from './storefront/invalidation.js';
import { StoreCache } from './storefront/store-cache.js';
import {
  createApiToken,
  createSession,
  resolveApiToken,
  resolveSession,
  revokeApiToken,
  revokeSession,
} from './vendors/credentials.js';
import { logIn } from './vendors/log-in.js';
import { scryptPasswordHasher, type PasswordHasher } from './vendors/password-hasher.js';
import { signUp } from './vendors/sign-up.js';
import { getStore, updateStore } from './vendors/update-store.js';

export interface DukaanOptions {
  persistence: Persistence;
  /** Any Cache; it is wrapped so that an outage degrades to the database. */
  cache: Cache;
  /** Where product images and logos go; without one, uploads throw TypeError. */
  images?: ImageStore | null;
  events?: EventBus;
  clock?: Clock;
  hasher?: PasswordHasher;
  /** Default 7 days. */
  sessionTtlMs?: number;
  /** Time-driven expiry of cached store pages, the safety net behind event-driven invalidation. Default 5 minutes. */
  storeCacheTtlMs?: number;
  /** How long an instance trusts its in-process copy of a store's version while the cache's bus is live (0: never). Default 1000 ms. */
  storeCacheLocalTtlMs?: number;
  /** Bound on each cache call before it counts as a miss. Default 50 ms. */
  cacheTimeoutMs?: number;
  /** Told about cache failures (which never fail a request). */
  onCacheError?: (error: unknown, operation: string) => void;
}

type Tail<F> = F extends (context: CoreContext, ...rest: infer R) => infer Result ? (...rest: R) => Result : never;

function bind<F extends (context: CoreContext, ...rest: never[]) => unknown>(context: CoreContext, fn: F): Tail<F> {
  return ((...rest: never[]) => fn(context, ...rest)) as Tail<F>;
}

/** Wires the ports into the use cases. One instance per process; share it between requests. */
export function createDukaan(options: DukaanOptions) {
  const cache = resilientCache(options.cache, { timeoutMs: options.cacheTimeoutMs ?? 50, onError: options.onCacheError });
  const durableWrites = new DurableWrites(options.cache, { onError: options.onCacheError });
  const storeCacheOptions = { ttlMs: options.storeCacheTtlMs ?? 5 * 60_000, localTtlMs: options.storeCacheLocalTtlMs ?? 1000 };
  const context: CoreContext = {
    persistence: options.persistence,
    cache,
    durableWrites,
    storeCache: new StoreCache(cache, storeCacheOptions, durableWrites),
    events: options.events ?? inProcessEventBus(),
    clock: options.clock ?? systemClock,
    hasher: options.hasher ?? scryptPasswordHasher(),
    images: options.images ?? null,
    sessionTtlMs: options.sessionTtlMs ?? 7 * 24 * 3600_000,
  };
  const unsubscribe = subscribeStoreInvalidation(context);
  const stopListening = context.storeCache.listen();
  return {
    context,
    rateLimiter: new RateLimiter(cache),
    vendors: {
      signUp: bind(context, signUp),
      logIn: bind(context, logIn),
      getStore: bind(context, getStore),
      updateStore: bind(context, updateStore),
      saveStoreLogo: bind(context, saveStoreLogo),
    },
    auth: {
      createSession: bind(context, createSession),
      resolveSession: bind(context, resolveSession),
      revokeSession: bind(context, revokeSession),
      createApiToken: bind(context, createApiToken),
      resolveApiToken: bind(context, resolveApiToken),
      revokeApiToken: bind(context, revokeApiToken),
    },
    catalog: {
      listCategories: bind(context, listCategories),
      createCategory: bind(context, createCategory),
      updateCategory: bind(context, updateCategory),
      deleteCategory: bind(context, deleteCategory),
      listProducts: bind(context, listProducts),
      getProduct: bind(context, getProduct),
      createProduct: bind(context, createProduct),
      updateProduct: bind(context, updateProduct),
      deleteProduct: bind(context, deleteProduct),
      adjustStock: bind(context, adjustStock),
      addProductImage: bind(context, addProductImage),
      removeProductImage: bind(context, removeProductImage),
    },
    orders: {
      place: bind(context, placeOrder),
      findPlaced: bind(context, findPlacedOrder),
      get: bind(context, getOrder),
      getByToken: bind(context, getOrderByToken),
      list: bind(context, listOrders),
      changeStatus: bind(context, changeOrderStatus),
      summary: bind(context, orderSummary),
    },
    storefront: {
      view: bind(context, getStoreView),
      load: bind(context, loadStoreView),
      resolveSlug: bind(context, resolveStoreSlug),
      /** Caches anything derived from a store's public data (e.g. rendered HTML) under its version. */
      cached: <T>(storeId: string, name: string, load: () => Promise<T>) => context.storeCache.getOrLoad(storeId, name, load),
    },
    /** Resolves when the database and the cache both answer; rejects naming the one that did not. */
    async ready(): Promise<void> {
      await context.persistence.ping().catch((cause: unknown) => {
        throw new Error('database unavailable', { cause });
      });
      await cache.ping().catch((cause: unknown) => {
        throw new Error('cache unavailable', { cause });
      });
    },
    /** Stops listening to events and closes the database and the cache. */
    async close(): Promise<void> {
      unsubscribe();
      stopListening();
      durableWrites.close();
      await Promise.allSettled([context.persistence.close(), cache.close()]);
    },
  };
}

/** The wired core: every use case, bound. */
export type Dukaan = ReturnType<typeof createDukaan>;
