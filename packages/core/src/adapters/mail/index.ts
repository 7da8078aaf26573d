// `@dukaan-kit/core/mail`: the bundled mailers (nodemailer over SMTP, and an .eml file outbox).
export { smtpMailer } from './smtp-mailer.js';
export type { SmtpMailerOptions } from './smtp-mailer.js';
export { fileOutbox } from './file-outbox.js';
export type { FileOutboxOptions } from './file-outbox.js';
export type { Mailer, MailKind, MailMessage } from '../../mail/mailer.js';
