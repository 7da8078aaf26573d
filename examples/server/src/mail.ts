// Which mailer the reference app hands core: SMTP when SMTP_URL is set, otherwise the file
// outbox, so a laptop (or a first deploy) needs no mail server. The outbox's log line names the
// file and the kind of mail only: the file holds a reset link, which is as good as a password
// for 30 minutes and must never reach a log.
import { resolve } from 'node:path';
import type { Mailer, MailKind } from '@dukaan-kit/core';
import { fileOutbox, smtpMailer } from '@dukaan-kit/core/mail';
import type { AppConfig } from './config.js';

export interface OutboxWritten {
  file: string;
  kind: MailKind;
}

/** The mailer for `config`; `onWritten` hears of each file the outbox writes (file and kind only). */
export function mailerFor(config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'mailOutboxDir'>, onWritten: (info: OutboxWritten) => void): Mailer {
  if (config.smtpUrl) return smtpMailer({ url: config.smtpUrl, from: config.mailFrom });
  // Resolved once, so the logged path says where the file is whatever the process's cwd becomes.
  return fileOutbox({ directory: resolve(config.mailOutboxDir), from: config.mailFrom, onWritten: ({ file, kind }) => onWritten({ file, kind }) });
}

/** What the start-up log says about mail (no credentials: the SMTP URL is reduced to its host). */
export function describeMail(config: Pick<AppConfig, 'smtpUrl' | 'mailOutboxDir' | 'mailLinkBase'>): { transport: string; links: string } {
  if (!config.smtpUrl) return { transport: `file outbox ${resolve(config.mailOutboxDir)}`, links: config.mailLinkBase };
  const url = new URL(config.smtpUrl);
  return { transport: `${url.protocol}//${url.host}`, links: config.mailLinkBase };
}
