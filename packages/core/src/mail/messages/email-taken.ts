import type { Locale } from '../../i18n/locales.js';
import { mailTranslator } from '../../i18n/mail-messages.js';
import { composeMail } from '../compose.js';
import type { MailMessage } from '../mailer.js';

/**
 * Sent instead of a confirmation when the new address already has an account. The person who
 * asked gets the same answer either way, so only the mailbox owner learns the address is taken.
 * In the language of the account that owns the address (the mailbox's owner reads it).
 */
export function emailTakenMail({ to, locale = 'en' }: { to: string; locale?: Locale }): MailMessage {
  const t = mailTranslator(locale);
  return composeMail(
    'email-taken',
    to,
    t('mail.emailTaken.subject'),
    { before: [t('mail.emailTaken.refused'), t('mail.emailTaken.ifYou'), t('mail.emailTaken.ifNot')] },
    locale,
  );
}
