/** Why a message is sent; adapters and logs name a message by its kind, never by its content. */
export type MailKind =
  | 'password-reset'
  | 'password-changed'
  | 'email-change-confirm'
  | 'email-change-notice'
  | 'email-taken'
  | 'new-device'
  | 'account-closed'
  // Order mail, sent by the outbox dispatcher (notifications/send-event-mail.ts).
  | 'new-order'
  | 'order-confirmation'
  | 'order-status';

/** One message to one person: plain text plus the same content as simple HTML. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: MailKind;
  /**
   * The vendor account the message is about (its id), so that closing the account can erase
   * every copy a mailer keeps, whatever address it went to: an earlier one, a pending new one.
   * Absent for mail about no account.
   */
  accountId?: string;
}

/** The mail port: how core hands a message to the world (SMTP, a file outbox, a test double). */
export interface Mailer {
  /** Delivers one message; rejects when the transport refuses it. */
  send(message: MailMessage): Promise<void>;
  /** Deletes the copies this mailer keeps of messages about the account (a file outbox does); resolves how many. */
  erase?(target: { accountId: string }): Promise<number>;
  close?(): Promise<void>;
}
