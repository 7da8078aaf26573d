import type { MailKind } from './mailer.js';

/** Email addresses inside transport messages ("550 <asha@example.com> unknown"): personal data, kept out of logs. */
const addresses = /<?[^\s<>@"']+@[^\s<>@"']+>?/g;

function field(error: unknown, name: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/**
 * What the mail queue reports when a message could not be delivered. It keeps what helps an
 * operator (the kind, the transport's code and reply code, its message with addresses blanked)
 * and deliberately drops the original error: transports attach the envelope, and the message
 * body holds single-use links.
 */
export class MailSendError extends Error {
  readonly kind: MailKind;
  readonly attempts: number;
  /** The transport's error code, e.g. nodemailer's EAUTH or ECONNECTION. */
  readonly code: string | undefined;
  /** The SMTP reply code, when the server answered. */
  readonly responseCode: number | undefined;

  constructor(kind: MailKind, attempts: number, error: unknown) {
    const reason = (error instanceof Error ? error.message : String(error)).replace(addresses, '<address>');
    super(`could not send the ${kind} mail after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${reason}`);
    this.name = 'MailSendError';
    this.kind = kind;
    this.attempts = attempts;
    const code = field(error, 'code');
    const responseCode = field(error, 'responseCode');
    this.code = typeof code === 'string' ? code : undefined;
    this.responseCode = typeof responseCode === 'number' ? responseCode : undefined;
  }
}
