import type { Mailer } from '../../mail/mailer.js';
import { messageOptions, noOutsideAccess } from './message-options.js';
import { parseSmtpUrl } from './smtp-url.js';

export interface SmtpMailerOptions {
  /** `smtp://user:password@host:587` (STARTTLS) or `smtps://user:password@host:465` (TLS). */
  url: string;
  /** The From header, e.g. `Dukaan <no-reply@example.com>`. */
  from: string;
}

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** A transport failure retold so an operator knows what to fix; the code and reply code are kept. */
function explain(error: unknown, where: string): Error {
  const code = field(error, 'code');
  const reason = error instanceof Error ? error.message : String(error);
  const message =
    code === 'EAUTH' || code === 'ENOAUTH'
      ? `The SMTP server at ${where} refused the user name or password in the SMTP URL (${reason})`
      : code === 'ETLS' || code === 'EREQUIRETLS'
        ? `Could not secure the connection to the SMTP server at ${where} (${reason})`
        : code === 'ECONNECTION' || code === 'ETIMEDOUT' || code === 'ESOCKET' || code === 'EDNS'
          ? `Could not reach the SMTP server at ${where} (${reason})`
          : `The SMTP server at ${where} did not take the message (${reason})`;
  return Object.assign(new Error(message, { cause: error }), { code, responseCode: field(error, 'responseCode') });
}

/** Sends through an SMTP server with nodemailer; a connection per message (transactional mail is rare). */
export function smtpMailer({ url, from }: SmtpMailerOptions): Mailer {
  const config = parseSmtpUrl(url);
  // nodemailer is loaded at the first message, not at start (an instance that sends none keeps its few MB).
  const open = () =>
    import('nodemailer').then(({ createTransport }) =>
      createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        requireTLS: config.requireTLS,
        ...(config.auth ? { auth: config.auth } : {}),
        // A stalled server must fail a send in seconds, not hold a retry for minutes (nodemailer waits 2 min by default).
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 10_000,
        ...noOutsideAccess,
      }),
    );
  let transport: ReturnType<typeof open> | null = null;
  return {
    async send(message) {
      try {
        await (await (transport ??= open())).sendMail(messageOptions(from, message));
      } catch (error) {
        throw explain(error, config.where);
      }
    },
    async close() {
      if (transport) (await transport).close();
    },
  };
}
