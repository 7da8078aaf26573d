// The queue between use cases and the mailer: send returns at once and never throws, failures are
// retried then reported without the address or the link, idle() and close() settle.
import t from 'tap';
import { mailQueue, MailSendError, passwordResetMail, type Mailer, type MailMessage } from '../src/mail/index.js';
import { smtpMailer } from '../src/adapters/mail/index.js';
import { startMailCatcher } from '../src/testing/index.js';

const link = 'https://shop.example/reset-password?token=SECRET-TOKEN-123';
const message = (to = 'asha@example.com', accountId?: string): MailMessage => ({
  ...passwordResetMail({ to, link, expiresInMinutes: 30 }),
  ...(accountId ? { accountId } : {}),
});
const fast = { retryDelaysMs: [5, 10, 20] };

/** A mailer that fails the first `failures` sends, with an error naming the recipient as SMTP servers do. */
function flakyMailer(failures: number) {
  const attempts: MailMessage[] = [];
  const mailer: Mailer = {
    async send(m) {
      attempts.push(m);
      if (attempts.length <= failures) {
        throw Object.assign(new Error(`550 5.1.1 <${m.to}> mailbox unavailable`), { code: 'EENVELOPE', responseCode: 550 });
      }
    },
  };
  return { mailer, attempts };
}

function recorder() {
  const errors: Array<{ error: unknown; operation: string }> = [];
  return { errors, onError: (error: unknown, operation: string) => errors.push({ error, operation }) };
}

t.test('a failing send is retried three times, then reported once without the address or the link', async (t) => {
  const { mailer, attempts } = flakyMailer(Infinity);
  const { errors, onError } = recorder();
  const queue = mailQueue(mailer, onError, fast);
  t.equal(queue.send(message()), undefined, 'send returns at once');
  t.equal(attempts.length, 0, 'and does not even start within the caller\'s turn');
  await queue.idle();
  t.equal(attempts.length, 4, 'one send and three retries');
  t.equal(errors.length, 1, 'reported once');
  const [report] = errors;
  t.equal(report?.operation, 'mail password-reset');
  t.ok(report?.error instanceof MailSendError);
  t.match(report?.error, { kind: 'password-reset', attempts: 4, code: 'EENVELOPE', responseCode: 550, message: /550 5\.1\.1 <address> mailbox unavailable/ });
  const logged = JSON.stringify(report?.error, Object.getOwnPropertyNames(report?.error)) + String(report?.error);
  t.notMatch(logged, /asha@example\.com/, 'no address in what gets logged');
  t.notMatch(logged, /SECRET-TOKEN/, 'no link');
  t.notOk((report?.error as Error).cause, 'the original error (with the envelope) is not attached');
});

t.test('a send that fails twice then works is not reported', async (t) => {
  const { mailer, attempts } = flakyMailer(2);
  const { errors, onError } = recorder();
  const queue = mailQueue(mailer, onError, fast);
  queue.send(message());
  await queue.idle();
  t.equal(attempts.length, 3);
  t.same(errors, []);
});

t.test('send never throws: not for a mailer that throws synchronously, nor for a reporter that throws', async (t) => {
  const mailer: Mailer = {
    send() {
      throw new Error('boom');
    },
  };
  const queue = mailQueue(mailer, () => {
    throw new Error('the logger is broken too');
  }, { retryDelaysMs: [] });
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  t.teardown(() => process.off('unhandledRejection', onUnhandled));
  t.doesNotThrow(() => queue.send(message()));
  await queue.idle();
  await new Promise((resolve) => setImmediate(resolve));
  t.same(unhandled, [], 'nothing escapes as an unhandled rejection');
});

t.test('without a mailer, messages are dropped quietly', async (t) => {
  const { errors, onError } = recorder();
  const queue = mailQueue(null, onError);
  queue.send(message());
  await queue.idle();
  t.equal(await queue.erase({ accountId: 'account-1' }), 0);
  queue.defer('password-reset', async () => {
    t.fail('a job is not run without a mailer');
    return null;
  });
  await queue.idle();
  await queue.close();
  t.same(errors, []);
});

t.test('close() cuts a retry\'s backoff short, closes the mailer, and later sends are reported, not sent', async (t) => {
  const { mailer, attempts } = flakyMailer(Infinity);
  let closed = 0;
  mailer.close = async () => {
    closed += 1;
  };
  const { errors, onError } = recorder();
  const queue = mailQueue(mailer, onError, { retryDelaysMs: [60_000, 60_000, 60_000] });
  queue.send(message());
  await new Promise((resolve) => setTimeout(resolve, 20));
  t.equal(attempts.length, 1, 'the first attempt failed and waits a minute');
  const started = Date.now();
  await queue.close();
  t.ok(Date.now() - started < 2000, 'close did not wait out the backoff');
  t.equal(attempts.length, 2, 'one last attempt at close');
  t.equal(errors.length, 1, 'then reported');
  t.equal(closed, 1, 'the mailer is closed');
  await queue.close();
  t.equal(closed, 1, 'closing twice closes once');
  queue.send(message());
  await queue.idle();
  t.equal(attempts.length, 2, 'nothing sent after close');
  t.match(errors[1], { operation: 'mail password-reset', error: { attempts: 0, message: /closed/ } });
});

/** A mailer that keeps what it sends until `release()`, and erases by account. */
function keepingMailer() {
  const kept: MailMessage[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const mailer: Mailer = {
    async send(m) {
      await gate;
      kept.push(m);
    },
    async erase({ accountId }) {
      const before = kept.length;
      kept.splice(0, kept.length, ...kept.filter((m) => m.accountId !== accountId));
      return before - kept.length;
    },
  };
  return { mailer, kept, release };
}

t.test('erase() also erases mail about the account that was still being delivered, whatever its address', async (t) => {
  const { mailer, kept, release } = keepingMailer();
  const { errors, onError } = recorder();
  const queue = mailQueue(mailer, onError, fast);
  queue.send(message('asha@example.com', 'account-1'));
  queue.send(message('asha-new@example.com', 'account-1'));
  queue.send(message('ravi@example.com', 'account-2'));
  t.equal(await queue.erase({ accountId: 'account-1' }), 0, 'nothing kept yet');
  release();
  await queue.idle();
  t.same(kept.map((m) => m.to), ['ravi@example.com'], 'the in-flight copies were erased once written; the other account\'s stays');
  t.same(errors, []);
});

t.test('erase() waits for a deferred job running meanwhile, which may mail about the account', async (t) => {
  const { mailer, kept, release } = keepingMailer();
  release();
  let finishJob: () => void = () => {};
  const jobGate = new Promise<void>((resolve) => (finishJob = resolve));
  const queue = mailQueue(mailer, () => {}, fast);
  queue.defer('password-reset', async () => {
    await jobGate;
    return message('asha@example.com', 'account-1');
  });
  await new Promise((resolve) => setImmediate(resolve));
  t.equal(await queue.erase({ accountId: 'account-1' }), 0);
  finishJob();
  await queue.idle();
  t.same(kept, [], 'the job\'s mail was erased once written');
});

t.test('defer() runs the job after the caller\'s turn and sends what it resolves', async (t) => {
  const { mailer, attempts } = flakyMailer(0);
  const { errors, onError } = recorder();
  const queue = mailQueue(mailer, onError, fast);
  let ran = 0;
  queue.defer('password-reset', async () => {
    ran += 1;
    return message();
  });
  queue.defer('password-reset', async () => {
    ran += 1;
    return null;
  });
  t.equal(ran, 0, 'not within the caller\'s turn');
  await Promise.resolve();
  t.equal(ran, 0, 'nor in its microtasks');
  await queue.idle();
  t.equal(ran, 2);
  t.same(attempts.map((m) => m.to), ['asha@example.com'], 'a null job sends nothing');
  t.same(errors, []);
});

t.test('a failing job is reported like a failed send, without the address', async (t) => {
  const { mailer, attempts } = flakyMailer(0);
  const { errors, onError } = recorder();
  const queue = mailQueue(mailer, onError, fast);
  queue.defer('email-change-confirm', async () => {
    throw new Error('duplicate key: Key (email)=(asha@example.com) already exists');
  });
  await queue.idle();
  t.equal(attempts.length, 0);
  t.equal(errors.length, 1);
  t.match(errors[0], { operation: 'mail email-change-confirm', error: { kind: 'email-change-confirm', message: /<address>/ } });
  t.ok(errors[0]?.error instanceof MailSendError);
  t.notMatch(String((errors[0]?.error as Error).message), /asha@/);
});

t.test('close() lets a job started before it finish and send; a later defer is reported, not run', async (t) => {
  const { mailer, attempts } = flakyMailer(0);
  const { errors, onError } = recorder();
  const queue = mailQueue(mailer, onError, fast);
  queue.defer('password-reset', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    return message();
  });
  await queue.close();
  t.equal(attempts.length, 1, 'the job\'s mail went out before the mailer closed');
  let ran = false;
  queue.defer('password-reset', async () => {
    ran = true;
    return message();
  });
  await queue.idle();
  t.notOk(ran);
  t.match(errors, [{ operation: 'mail password-reset', error: { attempts: 0, message: /closed/ } }]);
});

t.test('a failing erase is reported and counts 0 instead of failing the caller', async (t) => {
  const { errors, onError } = recorder();
  const queue = mailQueue({ send: async () => {}, erase: async () => Promise.reject(new Error('disk gone')) }, onError);
  t.equal(await queue.erase({ accountId: 'account-1' }), 0);
  t.match(errors, [{ operation: 'mail erase' }]);
});

t.test('over real SMTP: delivered through the queue, and reported after retries once the server is gone', async (t) => {
  const catcher = await startMailCatcher();
  const { errors, onError } = recorder();
  const queue = mailQueue(smtpMailer({ url: catcher.url, from: 'Shop <no-reply@shop.example>' }), onError, fast);
  t.teardown(() => queue.close());
  queue.send(message());
  await queue.idle();
  const mail = await catcher.next();
  t.equal(catcher.linkIn(mail, '/reset-password').searchParams.get('token'), 'SECRET-TOKEN-123');
  await catcher.close();
  queue.send(message());
  await queue.idle();
  t.equal(errors.length, 1);
  t.match(errors[0], { operation: 'mail password-reset', error: { attempts: 4, message: /Could not reach the SMTP server at 127\.0\.0\.1:\d+/ } });
  t.notMatch(String((errors[0]?.error as Error).message), /test:test|asha@/, 'neither the credentials nor the address');
});

t.test('close() waits for a hung send only as long as it was told, then closes the mailer', async (t) => {
  let closed = false;
  // A real hung send holds an open socket, which keeps the process alive; this timer stands in for it.
  const socket = setInterval(() => {}, 1000);
  t.teardown(() => clearInterval(socket));
  const mailer: Mailer = {
    send: () => new Promise<void>(() => {}),
    close: async () => {
      closed = true;
    },
  };
  const queue = mailQueue(mailer, () => {}, { closeTimeoutMs: 50 });
  queue.send(message());
  await new Promise((resolve) => setImmediate(resolve));
  const started = Date.now();
  await queue.close();
  t.ok(Date.now() - started < 1000, 'bounded');
  t.ok(closed, 'the mailer was closed anyway');
});
