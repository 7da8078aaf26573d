import type { Cache, Counters } from './cache/ports.js';
import type { CacheProbe } from './cache/resilient-ports.js';
import type { Caching } from './cache/wire-caching.js';
import type { ImageStore } from './catalog/image-store.js';
import type { EventBus } from './events.js';
import type { Outgoing } from './mail/mail-queue.js';
import type { Mailer } from './mail/mailer.js';
import type { Persistence } from './persistence.js';
import type { Clock } from './shared/clock.js';
import type { ReadReplica } from './storefront/replica-reads.js';
import type { PasswordHasher } from './vendors/password-hasher.js';
import type { PaymentMethod } from './orders/order.js';
import type { PaymentProvider } from './payments/payment-provider.js';
import type { WebhookSettings } from './webhooks/webhook-settings.js';

/** Attempts allowed per minute; 0 turns a limit off. */
export interface Limits {
  /** Failed logins per client address, and per account unless the caller vouches for the device. */
  login: number;
  /** New orders per client address (a retried idempotency key is not counted). */
  checkout: number;
  /** Signups per client address. */
  signup: number;
  /** Password reset requests per client address (each email also gets at most 5 reset mails an hour, fixed). */
  passwordReset: number;
}

export const defaultLimits: Limits = { login: 10, checkout: 30, signup: 10, passwordReset: 5 };

/** What every use case may reach: the ports, already wired. Built once by createDukaan. */
export interface CoreContext {
  persistence: Persistence;
  /** Store page cache refills only (storefront/replica-reads.ts); null: everything reads the primary. */
  replica: ReadReplica | null;
  /** Already wrapped so it never throws and never hangs. */
  cache: Cache;
  /** A cache read that answers `cacheUnavailable` instead of a miss when the cache did not answer. */
  cacheProbe: CacheProbe;
  /** Attempt counters for the limits; fail open (count 0) when the cache is down. */
  counters: Counters;
  storeCache: Caching['storeCache'];
  /** For writes other instances depend on (invalidations, revocations): retried until the cache takes them. */
  durableWrites: Caching['durableWrites'];
  events: EventBus;
  clock: Clock;
  hasher: PasswordHasher;
  images: ImageStore | null;
  sessionTtlMs: number;
  limits: Limits;
  /** Where use cases hand mail; it never blocks or throws (messages are dropped when no mailer was given). */
  mail: Outgoing;
  /**
   * The mailer itself, for senders that need the outcome (the outbox's order mail: a failure
   * is retried by the dispatcher); null when the core has no mailer. Use cases send through `mail`.
   */
  mailer: Mailer | null;
  /**
   * The absolute URL of the pages (origin and mount prefix, no trailing slash) every link in
   * mail is built from, never a request's Host; null when the core has no mailer.
   */
  publicUrl: string | null;
  /** How webhooks reach receivers: the private-address guard, the timeout, the resolver. */
  webhooks: WebhookSettings;
  /** Asks this process's outbox dispatcher to run now (a retried delivery); a no-op without one. */
  nudgeOutbox: () => void;
  /** The provider of each payment method that has one (cash on delivery has none); see docs/payments.md. */
  payments: ReadonlyMap<PaymentMethod, PaymentProvider>;
  /** Told about failures of best-effort work that must not fail the call (background jobs, cleanup of files). */
  onError: (error: unknown, operation: string) => void;
}

/** The current time as the ISO-8601 UTC string the repositories store. */
export function nowIso(context: Pick<CoreContext, 'clock'>): string {
  return context.clock.now().toISOString();
}
