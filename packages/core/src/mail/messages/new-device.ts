import type { Locale } from '../../i18n/locales.js';
import { mailTranslator } from '../../i18n/mail-messages.js';
import { composeMail } from '../compose.js';
import { mailTime } from '../format-time.js';
import type { MailMessage } from '../mailer.js';

/** A sign-in from a device not seen before, with where to end it. */
export function newDeviceMail({
  to,
  device,
  at,
  address,
  sessionsLink,
  locale = 'en',
}: {
  to: string;
  device: string;
  at: string;
  address: string | null;
  sessionsLink: string;
  locale?: Locale;
}): MailMessage {
  const t = mailTranslator(locale);
  const when = mailTime(at, locale);
  const signedIn = address ? t('mail.newDevice.signedInFrom', { at: when, device, address }) : t('mail.newDevice.signedIn', { at: when, device });
  return composeMail(
    'new-device',
    to,
    t('mail.newDevice.subject'),
    {
      before: [signedIn, t('mail.nothingToDo')],
      action: { intro: t('mail.newDevice.intro'), label: t('mail.newDevice.label'), url: sessionsLink },
    },
    locale,
  );
}
