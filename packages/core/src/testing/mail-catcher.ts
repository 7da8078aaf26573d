import type { AddressInfo } from 'node:net';
import type { AddressObject } from 'mailparser';
import type { SMTPServerOptions } from 'smtp-server';

/** A message the catcher received, parsed the way a mail program would. */
export interface CaughtMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailCatcher {
  /** `smtp://test:test@127.0.0.1:<port>`: hand it to smtpMailer or the app's SMTP_URL. */
  url: string;
  /** Every message received so far, oldest first. */
  messages: CaughtMail[];
  /** The next message (not returned by next() before) matching `predicate`; rejects after `timeoutMs` (default 5 s). */
  next(predicate?: (mail: CaughtMail) => boolean, timeoutMs?: number): Promise<CaughtMail>;
  /** The first link in the text whose path ends with `path`, e.g. linkIn(mail, '/reset-password'); throws when there is none. */
  linkIn(mail: CaughtMail, path: string): URL;
  close(): Promise<void>;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((object) => object.value.map((entry) => entry.address ?? '')).filter(Boolean);
}

/**
 * A real SMTP server on 127.0.0.1 and a random port, for tests: plain text (no TLS), AUTH PLAIN or
 * LOGIN with user `test` and password `test` (other credentials get 535, so a wrong SMTP_URL can be
 * tested); every message is parsed with mailparser. smtp-server and mailparser are optional peer
 * dependencies, loaded only here.
 */
export async function startMailCatcher(): Promise<MailCatcher> {
  const [{ SMTPServer }, { simpleParser }] = await Promise.all([import('smtp-server'), import('mailparser')]);
  const messages: CaughtMail[] = [];
  const returned = new Set<CaughtMail>();
  const waiters = new Set<() => void>();

  const options: SMTPServerOptions = {
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    authMethods: ['PLAIN', 'LOGIN'],
    closeTimeout: 1000,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'test' && auth.password === 'test') callback(null, { user: 'test' });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: addresses(parsed.to),
            from: parsed.from?.text ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: parsed.html || '',
          });
          for (const wake of [...waiters]) wake();
          callback();
        })
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  const take = (predicate: (mail: CaughtMail) => boolean) => {
    const found = messages.find((mail) => !returned.has(mail) && predicate(mail));
    if (found) returned.add(found);
    return found;
  };

  return {
    url: `smtp://test:test@127.0.0.1:${port}`,
    messages,
    next(predicate = () => true, timeoutMs = 5000) {
      const found = take(predicate);
      if (found) return Promise.resolve(found);
      return new Promise<CaughtMail>((resolve, reject) => {
        const check = () => {
          const mail = take(predicate);
          if (!mail) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const seen = messages.map((m) => `"${m.subject}" to ${m.to.join(', ')}`).join('; ') || 'none';
          reject(new Error(`no matching mail arrived within ${timeoutMs} ms (received: ${seen})`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    linkIn(mail, path) {
      for (const [candidate] of mail.text.matchAll(/https?:\/\/[^\s<>"']+/g)) {
        const url = new URL(candidate);
        if (url.pathname.endsWith(path)) return url;
      }
      throw new Error(`no link ending in ${path} in the mail "${mail.subject}"`);
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
