import { MailSendError } from './mail-send-error.js';
import type { Mailer, MailMessage } from './mailer.js';

/** What use cases send through: delivery happens behind their back, so a request never waits for SMTP. */
export interface Outgoing {
  /** Queues the message and returns at once; never throws. Failures go to the queue's onError. */
  send(message: MailMessage): void;
  /** Resolves when nothing is being delivered or retried (tests, shutdown). */
  idle(): Promise<void>;
  /**
   * Deletes the mailer's copies of messages to `address` (a file outbox keeps them); resolves how
   * many were deleted now. A message to the address still in flight is erased once it settles.
   * Never rejects: a failure is reported to onError and counts 0.
   */
  erase(address: string): Promise<number>;
  /** Waits for messages in flight (bounded), then closes the mailer. Later sends are dropped and reported. */
  close(): Promise<void>;
}

export interface MailQueueOptions {
  /** The wait before each retry of a failed send. Default 1 s, 5 s, 25 s: three retries. */
  retryDelaysMs?: readonly number[];
  /** How long close() waits for messages in flight before closing the mailer anyway. Default 5 s. */
  closeTimeoutMs?: number;
}

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

/**
 * Puts a mailer behind a queue that never blocks or throws: a reset for a known email answers as
 * fast as one for an unknown email, and a mail server outage never fails a request. A failed
 * send is retried with backoff, then reported as `onError(MailSendError, 'mail <kind>')`, which
 * names the kind but never carries the body (it holds single-use links) or the address.
 * With `mailer === null` messages are dropped.
 */
export function mailQueue(mailer: Mailer | null, onError: (error: unknown, operation: string) => void, options: MailQueueOptions = {}): Outgoing {
  const delays = options.retryDelaysMs ?? defaultRetryDelaysMs;
  const closeTimeoutMs = options.closeTimeoutMs ?? 5000;
  /** Deliveries in flight, each with its lower-cased recipient. */
  const deliveries = new Map<Promise<void>, string>();
  /** Other background work idle() waits for (erasing after a delivery settles). */
  const chores = new Set<Promise<void>>();
  /** Retries waiting out their backoff; close() wakes them for a last attempt. */
  const wakeups = new Set<() => void>();
  let closing = false;
  let closed: Promise<void> | null = null;

  const report = (error: unknown, operation: string) => {
    try {
      onError(error, operation);
    } catch {
      // A reporter that throws must not turn into an unhandled rejection in the queue.
    }
  };

  const keep = (set: Set<Promise<void>>, work: Promise<void>) => {
    const task = work.finally(() => set.delete(task));
    set.add(task);
  };

  async function deliver(target: Mailer, message: MailMessage): Promise<void> {
    // Start after the caller's turn: composing and connecting must not add to its response time.
    await new Promise((resolve) => setImmediate(resolve));
    for (let attempt = 1; ; attempt += 1) {
      try {
        await target.send(message);
        return;
      } catch (error) {
        const delay = delays[attempt - 1];
        if (delay === undefined || closing) {
          report(new MailSendError(message.kind, attempt, error), `mail ${message.kind}`);
          return;
        }
        await unrefSleep(delay, wakeups);
      }
    }
  }

  async function eraseNow(target: Mailer & Required<Pick<Mailer, 'erase'>>, address: string): Promise<number> {
    try {
      return await target.erase(address);
    } catch (error) {
      report(error, 'mail erase');
      return 0;
    }
  }

  async function settled(): Promise<void> {
    while (deliveries.size > 0 || chores.size > 0) {
      await Promise.allSettled([...deliveries.keys(), ...chores]);
    }
  }

  async function idle(): Promise<void> {
    if (deliveries.size === 0 && chores.size === 0) return;
    // Backoff timers are unref'd so they never hold a process open; whoever awaits idle() does want
    // to wait, so a ref'd timer keeps the process alive until the queue settles.
    const keepAlive = setInterval(() => {}, 60_000);
    try {
      await settled();
    } finally {
      clearInterval(keepAlive);
    }
  }

  return {
    send(message) {
      if (!mailer) return;
      if (closing) {
        report(new MailSendError(message.kind, 0, new Error('the mail queue is closed')), `mail ${message.kind}`);
        return;
      }
      const task: Promise<void> = deliver(mailer, message)
        .catch((error: unknown) => report(error, `mail ${message.kind}`))
        .finally(() => deliveries.delete(task));
      deliveries.set(task, message.to.toLowerCase());
    },

    idle,

    async erase(address) {
      if (!mailer?.erase) return 0;
      const target = mailer as Mailer & Required<Pick<Mailer, 'erase'>>;
      const key = address.toLowerCase();
      const pending = [...deliveries].filter(([, to]) => to === key).map(([task]) => task);
      const erased = await eraseNow(target, address);
      // The account-closed mail is sent just before its address is erased: erase its copy once written.
      if (pending.length > 0) keep(chores, Promise.allSettled(pending).then(() => eraseNow(target, address)).then(() => {}));
      return erased;
    },

    close() {
      closed ??= (async () => {
        closing = true;
        for (const wake of [...wakeups]) wake();
        // Bounded, and holding nothing open: a shutdown must not hang on a mail server.
        await Promise.race([settled(), unrefSleep(closeTimeoutMs)]);
        try {
          await mailer?.close?.();
        } catch (error) {
          report(error, 'mail close');
        }
      })();
      return closed;
    },
  };
}
