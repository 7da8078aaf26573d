import type { Locale } from '../i18n/locales.js';
import { mailTranslator } from '../i18n/mail-messages.js';
import { escapeHtml, safeHref } from './html.js';
import type { MailKind, MailMessage } from './mailer.js';

/** What a message says, once: composeMail renders it as plain text and as HTML. */
export interface MailContent {
  /** Paragraphs before the action, plain text. */
  before: string[];
  /** A link to follow: a button in HTML, and in text the URL on a line of its own (so it stays clickable). */
  action?: { intro: string; label: string; url: string };
  /** Paragraphs after the action, plain text. */
  after?: string[];
  /** The closing line; default: an automatic message about the store account (mail to customers says otherwise). */
  footer?: string;
}

/**
 * A subject as one line: CR, LF and other control characters (a store or customer name may hold
 * them) become spaces, so nothing typed can start a header of its own.
 */
export function singleLine(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').replace(/ {2,}/g, ' ').trim();
}

function renderText(content: MailContent, locale: Locale): string {
  const t = mailTranslator(locale);
  const footer = content.footer ?? t('mail.accountFooter');
  const blocks = [t('mail.hello'), ...content.before];
  if (content.action) blocks.push(`${content.action.intro}\n\n${content.action.url}`);
  // '-- ' (with the space) is the signature separator mail programs recognise and fold away.
  blocks.push(...(content.after ?? []), `-- \n${footer}`);
  return `${blocks.join('\n\n')}\n`;
}

const styles = {
  body: "margin:0;padding:24px 12px;background:#f4f4f2;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1f2933",
  card: 'max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px',
  p: 'margin:0 0 16px',
  button: 'display:inline-block;padding:12px 20px;background:#0f766e;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600',
  small: 'margin:0 0 16px;font-size:14px;color:#52606d',
  link: 'color:#0f766e;word-break:break-all',
  footer: 'margin:24px 0 0;font-size:13px;color:#7b8794',
};

// A line break inside a paragraph (order lines, an address) stays a line break in HTML.
const paragraph = (text: string) => `<p style="${styles.p}">${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`;

// Inline styles only: most mail clients drop <style> blocks and external sheets.
function renderHtml(subject: string, content: MailContent, locale: Locale): string {
  const t = mailTranslator(locale);
  const footer = content.footer ?? t('mail.accountFooter');
  const parts = [paragraph(t('mail.hello')), ...content.before.map(paragraph)];
  if (content.action) {
    const href = safeHref(content.action.url);
    parts.push(
      paragraph(content.action.intro),
      `<p style="${styles.p}"><a href="${href}" style="${styles.button}">${escapeHtml(content.action.label)}</a></p>`,
      `<p style="${styles.small}">${escapeHtml(t('mail.buttonFallback'))}<br><a href="${href}" style="${styles.link}">${escapeHtml(content.action.url)}</a></p>`,
    );
  }
  parts.push(...(content.after ?? []).map(paragraph), `<p style="${styles.footer}">${escapeHtml(footer)}</p>`);
  return [
    '<!doctype html>',
    `<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(subject)}</title></head>`,
    `<body style="${styles.body}"><div style="${styles.card}">`,
    ...parts,
    '</div></body></html>',
    '',
  ].join('\n');
}

/**
 * A message in both forms from one content, so text and HTML never say different things;
 * `locale` is the language of the parts every mail shares (greeting, footer, the link's fallback).
 */
export function composeMail(kind: MailKind, to: string, subject: string, content: MailContent, locale: Locale = 'en'): MailMessage {
  const line = singleLine(subject);
  return { kind, to, subject: line, text: renderText(content, locale), html: renderHtml(line, content, locale) };
}
