import type { CoreContext } from '../context.js';
import { MailUnavailableError } from '../errors.js';

/** The link base, or MailUnavailableError when this core cannot mail (and so cannot send any link). */
export function requireMail(context: Pick<CoreContext, 'publicUrl'>): string {
  if (context.publicUrl === null) throw new MailUnavailableError();
  return context.publicUrl;
}

/**
 * An absolute link to one of the pages, built from the configured public URL only: never from
 * a request's Host header, which an attacker could set to collect reset tokens.
 */
export function pageLink(base: string, path: string, token?: string): string {
  return token === undefined ? `${base}${path}` : `${base}${path}?token=${encodeURIComponent(token)}`;
}
