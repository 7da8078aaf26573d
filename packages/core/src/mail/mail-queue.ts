import { MailSendError } from './mail-send-error.js';
import type { Mailer, MailKind, MailMessage } from './mailer.js';

/** What use cases send through: delivery happens behind their back, so a request never waits for SMTP. */
export interface Outgoing {
  /** Queues the message and returns at once; never throws. Failures go to the queue's onError. */
  send(message: MailMessage): void;
  /**
   * Runs `job` after the caller's turn and sends the message it resolves (nothing for null);
   * returns at once and never throws. For work whose cost depends on what it finds (looking an
   * email up, storing a link token for it): done behind the request, its time cannot tell the
   * caller what was found. A job that rejects is reported like a failed send (`mail <kind>`).
   */
  defer(kind: MailKind, job: () => Promise<MailMessage | null>): void;
  /** Resolves when nothing is being delivered, retried or prepared (tests, shutdown). */
  idle(): Promise<void>;
  /**
   * Deletes the mailer's copies of messages about the account (a file outbox keeps them);
   * resolves how many were deleted now. Mail about it still in flight, or still being prepared
   * by a deferred job, is erased once it settles. Never rejects: a failure is reported to
   * onError and counts 0.
   */
  erase(target: { accountId: string }): Promise<number>;
  /** Waits for messages in flight (bounded), then closes the mailer. Later sends are dropped and reported. */
  close(): Promise<void>;
}

export interface MailQueueOptions {
  /** The wait before each retry of a failed send. Default 1 s, 5 s, 25 s: three retries. */
  retryDelaysMs?: readonly number[];
  /** How long close() waits for messages in flight before closing the mailer anyway. Default 5 s. */
  closeTimeoutMs?: number;
}

type ErasingMailer = Mailer & Required<Pick<Mailer, 'erase'>>;

const defaultRetryDelaysMs = [1000, 5000, 25_000];

/** A timer that never keeps the process alive: a pending retry must not block exit. */
function unrefSleep(ms: number, wakeups?: Set<() => void>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      wakeups?.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    wakeups?.add(done);
  });
}

/** Resolves after the current turn: queued work must not add to the caller's response time. */
const afterThisTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Tracks `work` in `set` until it settles. */
function keep(set: Set<Promise<void>>, work: Promise<void>): void {
  const task = work.finally(() => set.delete(task));
  set.add(task);
}

/**
 * The queue behind `mailQueue`. It never blocks or throws: a mail server outage never fails a
 * request. A failed send is retried with backoff, then reported as `onError(MailSendError,
 * 'mail <kind>')`, which names the kind but never carries the body (it holds single-use links)
 * or the address.
 */
class MailQueue implements Outgoing {
  /** Deliveries in flight, each with the account its message is about. */
  private readonly deliveries = new Map<Promise<void>, string | undefined>();
  /** Deferred jobs still preparing their message. */
  private readonly jobs = new Set<Promise<void>>();
  /** Other background work idle() waits for (erasing after a delivery settles). */
  private readonly chores = new Set<Promise<void>>();
  /** Retries waiting out their backoff; close() wakes them for a last attempt. */
  private readonly wakeups = new Set<() => void>();
  private closing = false;
  private closed: Promise<void> | null = null;

  constructor(
    private readonly mailer: Mailer | null,
    private readonly onError: (error: unknown, operation: string) => void,
    private readonly delays: readonly number[],
    private readonly closeTimeoutMs: number,
  ) {}

  send(message: MailMessage): void {
    if (!this.mailer) return;
    if (this.closing) this.refuse(message.kind);
    else this.enqueue(this.mailer, message);
  }

  defer(kind: MailKind, job: () => Promise<MailMessage | null>): void {
    const mailer = this.mailer;
    if (!mailer) return;
    if (this.closing) {
      this.refuse(kind);
      return;
    }
    const run = async () => {
      await afterThisTurn();
      const message = await job();
      // Started before close(), so its message is part of the work close() lets go.
      if (message) this.enqueue(mailer, message);
    };
    keep(this.jobs, run().catch((error: unknown) => this.report(new MailSendError(kind, 0, error), `mail ${kind}`)));
  }

  async idle(): Promise<void> {
    if (!this.busy()) return;
    // Backoff timers are unref'd so they never hold a process open; whoever awaits idle() does want
    // to wait, so a ref'd timer keeps the process alive until the queue settles.
    const keepAlive = setInterval(() => {}, 60_000);
    try {
      await this.settled();
    } finally {
      clearInterval(keepAlive);
    }
  }

  async erase({ accountId }: { accountId: string }): Promise<number> {
    if (!this.mailer?.erase) return 0;
    const target = this.mailer as ErasingMailer;
    const inFlight = this.deliveriesAbout(accountId);
    const jobs = [...this.jobs];
    const erased = await this.eraseNow(target, accountId);
    // The account-closed mail is sent just before its account is erased: erase its copy once written.
    if (inFlight.length > 0 || jobs.length > 0) keep(this.chores, this.eraseLater(target, accountId, inFlight, jobs));
    return erased;
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      this.closing = true;
      for (const wake of [...this.wakeups]) wake();
      // Bounded, and holding nothing open: a shutdown must not hang on a mail server.
      await Promise.race([this.settled(), unrefSleep(this.closeTimeoutMs)]);
      try {
        await this.mailer?.close?.();
      } catch (error) {
        this.report(error, 'mail close');
      }
    })();
    return this.closed;
  }

  private busy(): boolean {
    return this.deliveries.size > 0 || this.jobs.size > 0 || this.chores.size > 0;
  }

  private async settled(): Promise<void> {
    while (this.busy()) await Promise.allSettled([...this.deliveries.keys(), ...this.jobs, ...this.chores]);
  }

  private enqueue(mailer: Mailer, message: MailMessage): void {
    const task: Promise<void> = this.deliver(mailer, message)
      .catch((error: unknown) => this.report(error, `mail ${message.kind}`))
      .finally(() => this.deliveries.delete(task));
    this.deliveries.set(task, message.accountId);
  }

  private async deliver(mailer: Mailer, message: MailMessage): Promise<void> {
    // Start after the caller's turn: composing and connecting must not add to its response time.
    await afterThisTurn();
    for (let attempt = 1; ; attempt += 1) {
      try {
        await mailer.send(message);
        return;
      } catch (error) {
        const delay = this.delays[attempt - 1];
        if (delay === undefined || this.closing) {
          this.report(new MailSendError(message.kind, attempt, error), `mail ${message.kind}`);
          return;
        }
        await unrefSleep(delay, this.wakeups);
      }
    }
  }

  private deliveriesAbout(accountId: string): Promise<void>[] {
    return [...this.deliveries].filter(([, about]) => about === accountId).map(([task]) => task);
  }

  /** Erases again once the mail in flight is written, and once running jobs (which may mail about the account) have settled theirs. */
  private async eraseLater(target: ErasingMailer, accountId: string, inFlight: Promise<void>[], jobs: Promise<void>[]): Promise<void> {
    await Promise.allSettled(jobs);
    await Promise.allSettled([...inFlight, ...this.deliveriesAbout(accountId)]);
    await this.eraseNow(target, accountId);
  }

  private async eraseNow(target: ErasingMailer, accountId: string): Promise<number> {
    try {
      return await target.erase({ accountId });
    } catch (error) {
      this.report(error, 'mail erase');
      return 0;
    }
  }

  private refuse(kind: MailKind): void {
    this.report(new MailSendError(kind, 0, new Error('the mail queue is closed')), `mail ${kind}`);
  }

  private report(error: unknown, operation: string): void {
    try {
      this.onError(error, operation);
    } catch {
      // A reporter that throws must not turn into an unhandled rejection in the queue.
    }
  }
}

/**
 * Puts a mailer behind a queue that never blocks or throws (see Outgoing): a reset for a known
 * email answers as fast as one for an unknown email, and a mail server outage never fails a
 * request. With `mailer === null` messages are dropped and deferred jobs never run.
 */
export function mailQueue(mailer: Mailer | null, onError: (error: unknown, operation: string) => void, options: MailQueueOptions = {}): Outgoing {
  return new MailQueue(mailer, onError, options.retryDelaysMs ?? defaultRetryDelaysMs, options.closeTimeoutMs ?? 5000);
}
