import { hostname } from 'node:os';
import type { CoreContext } from '../context.js';
import type { DomainEvent } from '../events.js';
import { batchMailReads, sendEventMail, type MailReads } from '../notifications/send-event-mail.js';
import { newToken } from '../shared/id.js';
import { postWebhook } from '../webhooks/post-webhook.js';
import { signWebhookBody } from '../webhooks/signature.js';
import type { WebhookRecord } from '../webhooks/webhook.js';
import type { ClaimedDelivery, DeliveryInput, DeliveryOutcome } from './delivery.js';
import type { OutboxEvent } from './outbox-event.js';
import { defaultRetrySchedule, retryDelayMs, type RetrySchedule } from './retry-schedule.js';

/** The dispatcher of this process (createDukaan option `outbox`). */
export interface OutboxOptions {
  /** Runs a dispatcher in this process. Default true; turn it off on instances that must not deliver (any one instance can). */
  enabled?: boolean;
  /** How often it looks for due work when nothing nudges it (a commit in this process does). Default 2000 ms. */
  pollIntervalMs?: number;
  /**
   * How long a claimed delivery is this dispatcher's: if its process dies mid-delivery, another
   * dispatcher takes the delivery over once the lease ran out. Must be more than the webhook
   * timeout + 1 s (startDispatcher throws a TypeError otherwise). Each attempt, mail included, is
   * cut off below it (attemptDeadlineMs) and recorded as timed out. Default 30 s.
   */
  leaseMs?: number;
  /** When failed deliveries are tried again (defaults in RetrySchedule). */
  retry?: Partial<RetrySchedule>;
  /** Events fanned out, and deliveries claimed, per round. Default 20. */
  batchSize?: number;
  /** How long close() waits for deliveries in flight. Default 10 s. */
  closeTimeoutMs?: number;
}

/** What the core exposes of its dispatcher (`dukaan.outbox`). */
export interface OutboxControls {
  /** Fans out every waiting event and makes every due delivery once; rejects when the database fails (tests, a cron job). */
  runOnce(): Promise<void>;
  /** Only fans out waiting events into deliveries (due at once), delivering nothing (tests of leases). */
  fanOut(): Promise<void>;
  /** Asks the dispatcher to run now rather than at its next poll (a no-op when it is disabled or closed). */
  nudge(): void;
  /** Resolves when no pass is running. */
  idle(): Promise<void>;
  /** Deletes finished events older than 30 days, with their deliveries; resolves how many events. */
  cleanUp(): Promise<number>;
  /** Stops polling and waits (bounded) for the pass in flight. */
  close(): Promise<void>;
}

/** Finished events (and their deliveries, dead ones included) are kept this long for the vendor to look at. */
export const outboxRetentionMs = 30 * 24 * 3600_000;
const cleanUpEveryMs = 3600_000;
const maxRoundsPerPass = 20;

/**
 * How long one attempt (a webhook POST or a mail) may take before it is recorded as timed out:
 * `min(leaseMs - margin, 60 s)`, the margin 5 s or, for a short lease, half of what the lease
 * leaves above the webhook timeout. Always below the lease, so no other dispatcher takes a
 * delivery over while its attempt may still succeed (a mail sent twice), and above the webhook
 * timeout, so a POST ends by its own timer first.
 */
export function attemptDeadlineMs(leaseMs: number, webhookTimeoutMs: number): number {
  const margin = Math.min(5000, (leaseMs - webhookTimeoutMs) / 2);
  return Math.floor(Math.min(leaseMs - margin, 60_000));
}

type DispatchContext = Pick<CoreContext, 'persistence' | 'clock' | 'webhooks' | 'mailer' | 'publicUrl' | 'events' | 'counters'>;

/**
 * Whether the event's order snapshot says its customer gave no email. An order's email is written
 * with the order and only ever erased after, so no mail to the customer can become due: the
 * delivery would cost a claim, two reads and a finish per order to send nothing. An event without
 * a snapshot, or one whose customer is not a plain object, is not known to lack one.
 */
function snapshotHasNoEmail(event: Pick<OutboxEvent, 'data'>): boolean {
  const order = event.data['order'];
  if (typeof order !== 'object' || order === null) return false;
  const customer = (order as Record<string, unknown>)['customer'];
  if (typeof customer !== 'object' || customer === null || !('email' in customer)) return false;
  const email = (customer as Record<string, unknown>)['email'];
  return email === null || email === '';
}

/** The deliveries an event fans out to: one per subscribed webhook, and the order mail when the core can mail. */
function deliveriesFor(context: DispatchContext, event: OutboxEvent, webhooks: WebhookRecord[], at: string): DeliveryInput[] {
  const base = { eventId: event.id, storeId: event.storeId, createdAt: at };
  const out: DeliveryInput[] = webhooks.filter((webhook) => webhook.events.includes(event.type)).map((webhook) => ({ ...base, target: 'webhook' as const, webhookId: webhook.id }));
  if (context.mailer && context.publicUrl !== null) {
    // Only the mail that can be due: the vendor hears of new orders, the customer (one who gave an
    // email) of placing and each status change.
    if (event.type === 'order.placed') out.push({ ...base, target: 'mail:vendor', webhookId: null });
    if ((event.type === 'order.placed' || event.type === 'order.status_changed') && !snapshotHasNoEmail(event)) out.push({ ...base, target: 'mail:customer', webhookId: null });
  }
  return out;
}

/**
 * `data` without `order.token`: events recorded since are written without it (recordOrderEvent);
 * this keeps it out of deliveries of events recorded before.
 */
function withoutToken(data: Record<string, unknown>): Record<string, unknown> {
  const order = data['order'];
  if (typeof order !== 'object' || order === null || !('token' in order)) return data;
  const { token: _token, ...rest } = order as Record<string, unknown>;
  return { ...data, order: rest };
}

/** The body and headers of a webhook delivery. */
export function webhookRequest(event: OutboxEvent, secret: string, unixSeconds: number): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt, data: withoutToken(event.data) });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'dukaan-kit-webhooks/1',
      'dukaan-event-id': event.id,
      'dukaan-signature': signWebhookBody(secret, body, unixSeconds),
    },
  };
}

/** The lease of `options`, checked against the webhook timeout; TypeError for a wiring mistake (createDukaan calls it before anything starts). */
export function outboxLeaseMs(options: OutboxOptions, webhookTimeoutMs: number): number {
  const leaseMs = options.leaseMs ?? 30_000;
  if (!Number.isFinite(leaseMs) || leaseMs <= webhookTimeoutMs + 1000) {
    throw new TypeError(`outbox leaseMs (${leaseMs}) must be more than the webhook timeout (${webhookTimeoutMs} ms) + 1000 ms`);
  }
  return leaseMs;
}

/** Starts the outbox dispatcher of this process; `enabled: false` gives the controls without polling. */
export function startDispatcher(context: DispatchContext, options: OutboxOptions, onError: (error: unknown, operation: string) => void): OutboxControls {
  const enabled = options.enabled ?? true;
  const pollIntervalMs = options.pollIntervalMs ?? 2000;
  const leaseMs = outboxLeaseMs(options, context.webhooks.timeoutMs);
  const deadlineMs = attemptDeadlineMs(leaseMs, context.webhooks.timeoutMs);
  const batchSize = options.batchSize ?? 20;
  const closeTimeoutMs = options.closeTimeoutMs ?? 10_000;
  const schedule: RetrySchedule = { ...defaultRetrySchedule, ...options.retry };
  // Who holds a lease: unique per dispatcher, so a finish after the lease was taken over writes nothing.
  const claimant = `${hostname().slice(0, 30)}:${process.pid}:${newToken(9)}`;
  const now = () => context.clock.now();
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let active: Promise<unknown> | null = null;
  // A pass is scheduled to run after the one in flight and has not started: it will see every
  // event committed until it starts, so a nudge meanwhile needs no pass of its own.
  let waiting = false;
  let lastCleanUp = 0;

  /** Runs `work` when no other pass of this dispatcher runs. */
  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (active) await active.catch(() => undefined);
    const run = work();
    active = run;
    try {
      return await run;
    } finally {
      if (active === run) active = null;
    }
  }

  /** One round of fan-out, in one transaction; resolves how many events it took. */
  async function fanOut(): Promise<number> {
    return context.persistence.transaction(async (tx) => {
      const events = await tx.outbox.claimUndispatched(batchSize);
      if (events.length === 0) return 0;
      const at = now().toISOString();
      const hooksByStore = new Map<string, WebhookRecord[]>();
      const deliveries: DeliveryInput[] = [];
      for (const event of events) {
        let hooks = hooksByStore.get(event.storeId);
        if (!hooks) {
          hooks = await tx.webhooks.listByStore(event.storeId);
          hooksByStore.set(event.storeId, hooks);
        }
        deliveries.push(...deliveriesFor(context, event, hooks, at));
      }
      await tx.outbox.addDeliveries(deliveries);
      await tx.outbox.markDispatched(
        events.map((event) => event.id),
        at,
      );
      return events.length;
    });
  }

  /** Makes one attempt; resolves how it went. */
  async function attempt(delivery: ClaimedDelivery, reads: MailReads): Promise<Omit<DeliveryOutcome, 'status' | 'nextAttemptAt' | 'attemptedAt'> & { ok: boolean }> {
    if (delivery.target === 'webhook') {
      if (!delivery.webhook) return { ok: false, statusCode: null, durationMs: null, error: 'the webhook was removed' };
      const { body, headers } = webhookRequest(delivery.event, delivery.webhook.secret, Math.floor(now().getTime() / 1000));
      const result = await postWebhook(context.webhooks, delivery.webhook.url, headers, body);
      return { ok: result.ok, statusCode: result.statusCode, durationMs: result.durationMs, error: result.error };
    }
    const started = performance.now();
    try {
      await sendEventMail(context, delivery.event, delivery.target === 'mail:vendor' ? 'vendor' : 'customer', reads);
      return { ok: true, statusCode: null, durationMs: Math.round(performance.now() - started), error: null };
    } catch (error) {
      // Reported whole to the operator; stored only by name (a message may hold an address).
      onError(error, `outbox ${delivery.target}`);
      const name = error instanceof Error ? error.name : 'Error';
      return { ok: false, statusCode: null, durationMs: Math.round(performance.now() - started), error: `mail not sent (${name})` };
    }
  }

  /**
   * The attempt, or a timeout once `deadlineMs` passed: recorded before the lease runs out, so the
   * delivery is retried on schedule rather than taken over by another dispatcher mid-attempt. A
   * mail still being sent then is not cancelled (the mailer has no way to), only left behind.
   */
  async function boundedAttempt(delivery: ClaimedDelivery, reads: MailReads): Promise<Awaited<ReturnType<typeof attempt>>> {
    let timer: NodeJS.Timeout | undefined;
    let late = false;
    const timedOut = new Promise<Awaited<ReturnType<typeof attempt>>>((resolve) => {
      timer = setTimeout(() => {
        late = true;
        resolve({ ok: false, statusCode: null, durationMs: deadlineMs, error: `timed out after ${deadlineMs} ms` });
      }, deadlineMs);
    });
    const running = attempt(delivery, reads);
    // A failure of an attempt left behind is reported, never unhandled (before the deadline the race reports it).
    running.catch((error: unknown) => {
      if (late) onError(error, 'outbox delivery (after its deadline)');
    });
    try {
      return await Promise.race([running, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Makes the attempt; resolves the outcome to record (the batch records them together). */
  async function deliver(delivery: ClaimedDelivery, reads: MailReads): Promise<{ deliveryId: string; outcome: DeliveryOutcome }> {
    const result = await boundedAttempt(delivery, reads);
    const at = now();
    const status = result.ok ? 'delivered' : delivery.attempt >= schedule.attempts ? 'dead' : 'pending';
    const outcome: DeliveryOutcome = {
      status,
      nextAttemptAt: status === 'pending' ? new Date(at.getTime() + retryDelayMs(schedule, delivery.attempt)).toISOString() : null,
      attemptedAt: at.toISOString(),
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      error: result.error,
    };
    return { deliveryId: delivery.id, outcome };
  }

  async function pass(): Promise<void> {
    // A pass queued behind the one close() waited for must not start on a closing database.
    if (closed) return;
    for (let round = 0; round < maxRoundsPerPass && !closed; round++) {
      if ((await fanOut()) < batchSize) break;
    }
    for (let round = 0; round < maxRoundsPerPass && !closed; round++) {
      const at = now();
      const claimed = await context.persistence.outbox.claimDue(at.toISOString(), new Date(at.getTime() + leaseMs).toISOString(), claimant, batchSize);
      // The batch's mail reads its orders, stores and vendors together, not three reads per mail.
      const reads = batchMailReads(context, claimed.flatMap(({ target, event }) => (target !== 'webhook' && event.orderId !== null ? [{ storeId: event.storeId, orderId: event.orderId }] : [])));
      const settled = await Promise.allSettled(claimed.map((delivery) => deliver(delivery, reads)));
      for (const result of settled) if (result.status === 'rejected') onError(result.reason, 'outbox delivery');
      // Recorded together, once every attempt of the batch has ended (each within its deadline,
      // below the lease): one statement instead of one per delivery.
      await context.persistence.outbox.finishMany(
        claimant,
        settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
      );
      if (claimed.length < batchSize) break;
    }
    if (!closed && Date.now() - lastCleanUp >= cleanUpEveryMs) {
      lastCleanUp = Date.now();
      await cleanUp();
    }
  }

  const cleanUp = () => context.persistence.outbox.cleanUp(new Date(now().getTime() - outboxRetentionMs).toISOString());

  function loop(): void {
    timer = null;
    if (closed) return;
    waiting = true;
    exclusive(() => {
      waiting = false;
      return pass();
    })
      .catch((error: unknown) => onError(error, 'outbox dispatch'))
      .finally(() => {
        if (closed || timer) return;
        timer = setTimeout(loop, pollIntervalMs);
        timer.unref();
      });
  }

  function nudge(): void {
    if (!enabled || closed) return;
    // Under a stream of checkouts, one pass per commit would queue passes that find nothing left
    // (each still a transaction and a claim): the pass already waiting covers this commit.
    if (waiting) return;
    if (timer) clearTimeout(timer);
    // Soon, not now: the caller (a commit's event) must not wait for deliveries.
    timer = setTimeout(loop, 0);
    timer.unref();
  }

  // A commit in this process wrote an event: deliver it without waiting for the poll.
  const unsubscribe = enabled
    ? context.events.subscribe((event: DomainEvent) => {
        if (event.type === 'order.placed' || event.type === 'order.status-changed') nudge();
      })
    : () => undefined;
  if (enabled) nudge();

  return {
    runOnce: () => exclusive(pass),
    fanOut: () =>
      exclusive(async () => {
        for (let round = 0; round < maxRoundsPerPass; round++) if ((await fanOut()) < batchSize) break;
      }),
    nudge,
    async idle() {
      while (active) await active.catch(() => undefined);
    },
    cleanUp,
    async close() {
      if (closed) return;
      closed = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
      if (!active) return;
      let bound: NodeJS.Timeout | undefined;
      await Promise.race([active.catch(() => undefined), new Promise((resolve) => (bound = setTimeout(resolve, closeTimeoutMs)))]);
      clearTimeout(bound);
    },
  };
}
