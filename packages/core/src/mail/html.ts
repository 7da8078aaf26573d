// Mail HTML is built from strings, so everything that came from a person or a setting goes
// through here: an email address, a store name or a device description must never become markup.

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/**
 * A link target made safe for an href: only absolute http(s) URLs pass (a `javascript:` link in a
 * mail is an attack), and the result is escaped for the attribute.
 */
export function safeHref(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new TypeError('mail links must be absolute http(s) URLs (check the public URL setting)');
  }
  return escapeHtml(parsed.href);
}
