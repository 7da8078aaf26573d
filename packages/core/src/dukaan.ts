import type { CacheStores } from './cache/ports.js';
import { wireCaching } from './cache/wire-caching.js';
import type { ImageStore } from './catalog/image-store.js';
import { defaultLimits, type CoreContext, type Limits } from './context.js';
import { inProcessEventBus, type EventBus } from './events.js';
import { facade } from './facade.js';
import { liveSettings, wireLive, type LiveOptions } from './live/live-feed.js';
import { mailQueue } from './mail/mail-queue.js';
import { outboxLeaseMs, startDispatcher, type OutboxOptions } from './outbox/dispatcher.js';
import { webhookSettings, type WebhookOptions } from './webhooks/webhook-settings.js';
import type { Mailer } from './mail/mailer.js';
import type { Persistence } from './persistence.js';
import { systemClock, type Clock } from './shared/clock.js';
import type { ReadReplica } from './storefront/replica-reads.js';
import { deadline } from './shared/deadline.js';
import { startSessionSweeper } from './vendors/session-sweeper.js';
import { scryptPasswordHasher, type PasswordHasher } from './vendors/password-hasher.js';
import { manualUpi } from './payments/manual-upi.js';
import { providersByMethod, type PaymentProvider } from './payments/payment-provider.js';

export interface DukaanOptions {
  persistence: Persistence;
  /**
   * A read replica (`objectionReadReplica`) for the public store page's cache refills, used only
   * when it has replayed the store's last change; writes, checkout and every other read stay on
   * `persistence`. Closed with the core.
   */
  replica?: ReadReplica | null;
  /** A cache adapter's stores (`keyvCache()`, `noCache()`); wrapped so that an outage degrades to the database. */
  cache: CacheStores;
  /** Where product images and logos go; without one, uploads throw TypeError. */
  images?: ImageStore | null;
  events?: EventBus;
  clock?: Clock;
  hasher?: PasswordHasher;
  /** Default 7 days. */
  sessionTtlMs?: number;
  /** Time-driven expiry of cached store pages, the safety net behind event-driven invalidation. Default 5 minutes. */
  storeCacheTtlMs?: number;
  /** How long an instance trusts its in-process copy of a store's versions (0: never). Default 1000 ms. */
  storeCacheLocalTtlMs?: number;
  /** Bound on each cache call before it counts as a miss. Default 50 ms. */
  cacheTimeoutMs?: number;
  /** Told about cache failures (which never fail a request). */
  onCacheError?: (error: unknown, operation: string) => void;
  /** Attempts per minute per client address (login also per account); 0 turns one off. Defaults: login 10, checkout 30, signup 10, passwordReset 5. */
  limits?: Partial<Limits>;
  /** How often expired sessions are deleted (0: never, e.g. when a cron job calls auth.sweepExpiredSessions). Default 1 hour. */
  sessionSweepIntervalMs?: number;
  /** Told about failures of background work (the session sweeper, mail that could not be sent). Default: console.error. */
  onError?: (error: unknown, operation: string) => void;
  /** Bound on the database ping of `ready()` (a pool waiting for a connection would wait 60 s). Default 1000 ms. */
  databasePingTimeoutMs?: number;
  /**
   * How mail leaves (password resets, notices) and the absolute URL of the pages its links point
   * to: origin plus mount prefix, e.g. `https://shop.example/store` (a trailing slash is dropped).
   * Without it nothing is mailed and password resets answer MAIL_UNAVAILABLE.
   */
  mail?: { mailer: Mailer; publicUrl: string };
  /** How customers pay, one provider per method (a later one replaces an earlier one of the same method). Default `[manualUpi()]`; see docs/payments.md. */
  payments?: PaymentProvider[];
  /** The live order feed of dashboards (`live.subscribe`): bounds per process and the heartbeat. */
  live?: LiveOptions;
  /** How webhooks reach receivers: `allowPrivate` (default false: loopback, private and link-local addresses are refused), `timeoutMs` (default 5000). */
  webhooks?: WebhookOptions;
  /** This process's outbox dispatcher (webhooks, order mail): on by default, polling every 2 s and nudged by each commit here. */
  outbox?: OutboxOptions;
}

/** The link base of mail: an absolute http(s) URL without query, fragment or trailing slash; TypeError otherwise (a wiring mistake). */
function linkBase(publicUrl: string): string {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new TypeError(`mail.publicUrl must be an absolute URL, got ${JSON.stringify(publicUrl)}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username || url.password) {
    throw new TypeError('mail.publicUrl must be an http(s) URL without credentials, query or fragment');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** Wires the ports into the use cases. One instance per process; share it between requests. */
export function createDukaan(options: DukaanOptions) {
  // Checked before anything starts (timers, subscriptions), so a wiring mistake leaves nothing running.
  const publicUrl = options.mail ? linkBase(options.mail.publicUrl) : null;
  const liveOptions = liveSettings(options.live);
  const webhooks = webhookSettings(options.webhooks);
  outboxLeaseMs(options.outbox ?? {}, webhooks.timeoutMs);
  const onError = options.onError ?? ((error: unknown, operation: string) => console.error(`dukaan ${operation} failed`, error));
  const events = options.events ?? inProcessEventBus();
  const caching = wireCaching(
    options.cache,
    {
      timeoutMs: options.cacheTimeoutMs ?? 50,
      storeTtlMs: options.storeCacheTtlMs ?? 5 * 60_000,
      localTtlMs: options.storeCacheLocalTtlMs ?? 1000,
      ...(options.onCacheError ? { onError: options.onCacheError } : {}),
    },
    events,
  );
  const context: CoreContext = {
    persistence: options.persistence,
    replica: options.replica ?? null,
    cache: caching.cache,
    cacheProbe: caching.probe,
    counters: caching.counters,
    storeCache: caching.storeCache,
    durableWrites: caching.durableWrites,
    events,
    clock: options.clock ?? systemClock,
    hasher: options.hasher ?? scryptPasswordHasher(),
    images: options.images ?? null,
    sessionTtlMs: options.sessionTtlMs ?? 7 * 24 * 3600_000,
    limits: { ...defaultLimits, ...options.limits },
    mail: mailQueue(options.mail?.mailer ?? null, onError),
    mailer: options.mail?.mailer ?? null,
    webhooks,
    nudgeOutbox: () => outbox.nudge(),
    publicUrl,
    payments: providersByMethod(options.payments ?? [manualUpi()]),
    onError,
  };
  // Fed by order events through the cache's bus, so a dashboard on any instance hears every order.
  const live = wireLive(context, options.cache.bus, liveOptions);
  // Delivers the outbox: webhooks and order mail, at least once, shared with the other instances.
  const outbox = startDispatcher(context, options.outbox ?? {}, onError);
  const stopSweeper = startSessionSweeper(context, options.sessionSweepIntervalMs ?? 3600_000, onError);
  const databasePingTimeoutMs = options.databasePingTimeoutMs ?? 1000;
  return {
    ...facade(context),
    /** Live order events of a store, from every instance (the dashboard's stream). */
    live: live.facade,
    /** This process's outbox dispatcher: run a pass now, wait for it, clean up (tests, a cron job). */
    outbox: { runOnce: outbox.runOnce, fanOut: outbox.fanOut, nudge: outbox.nudge, idle: outbox.idle, cleanUp: outbox.cleanUp },
    /** Resolves when the database and the cache both answer, each within about 1 s; rejects naming the one that did not. */
    async ready(): Promise<void> {
      await deadline(Promise.resolve().then(() => context.persistence.ping()), databasePingTimeoutMs, () => new Error(`database ping timed out after ${databasePingTimeoutMs} ms`)).catch((cause: unknown) => {
        throw new Error('database unavailable', { cause });
      });
      await caching.ping().catch((cause: unknown) => {
        throw new Error('cache unavailable', { cause });
      });
    },
    /** Stops the sweeper, lets queued mail go (up to 5 s), stops listening to events, and closes the database and the cache. */
    async close(): Promise<void> {
      stopSweeper();
      // First: deliveries in flight still need the database (bounded; an unfinished lease runs out and another instance delivers).
      await outbox.close();
      // Before the database and the cache close: announcements under way still read and publish.
      await live.close();
      // Mail first: a deferred mail job (a reset request's lookup and token) still needs the database.
      await context.mail.close().catch((error: unknown) => onError(error, 'mail close'));
      await Promise.allSettled([context.persistence.close(), context.replica?.close(), caching.close()]);
    },
  };
}

/** The wired core: every use case, bound. */
export type Dukaan = ReturnType<typeof createDukaan>;
