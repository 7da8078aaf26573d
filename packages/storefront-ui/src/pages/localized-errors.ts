import { catalogues, type MessageKey } from '../i18n/catalogue.js';
import type { I18n } from '../i18n/context.js';
import type { FieldErrors } from '../types.js';

/** Whether a text the plugin sent is one of the catalogue's keys rather than a finished sentence. */
export function isMessageKey(text: string): text is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogues.en, text);
}

/** The separator between a variant's name and its message ("Size: S — …"), as the plugin writes it. */
const rowSeparator = ' — ';

/** One error in the page's language: a key is translated, also after a variant's name; a sentence is kept. */
export function localError(t: I18n['t'], text: string): string {
  if (isMessageKey(text)) return t(text);
  const at = text.lastIndexOf(rowSeparator);
  const key = at >= 0 ? text.slice(at + rowSeparator.length) : '';
  return isMessageKey(key) ? `${text.slice(0, at)}${rowSeparator}${t(key)}` : text;
}

/**
 * Field errors in the page's language: the page handlers send their own errors as catalogue keys
 * (`catalog.error.position`); anything else (the core's sentences) is shown as it came.
 */
export function localErrors(t: I18n['t'], errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, text] of Object.entries(errors)) out[field] = localError(t, text);
  return out;
}
