import { composeMail } from '../compose.js';
import { mailTime } from '../format-time.js';
import type { MailMessage } from '../mailer.js';

/** A sign-in from a device not seen before, with where to end it. */
export function newDeviceMail({ to, device, at, address, sessionsLink }: { to: string; device: string; at: string; address: string | null; sessionsLink: string }): MailMessage {
  const where = address ? ` from the network address ${address}` : '';
  return composeMail('new-device', to, 'New sign-in to your store account', {
    before: [`Someone signed in to your store account on ${mailTime(at)}, using ${device}${where}.`, 'If that was you, there is nothing more to do.'],
    action: {
      intro: "If it wasn't you, end that session and change your password:",
      label: 'Review your sessions',
      url: sessionsLink,
    },
  });
}
