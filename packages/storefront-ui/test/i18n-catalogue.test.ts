import t from 'tap';
import { createTranslator } from '@dukaan-kit/core/i18n';
import { areas, catalogues, en, hi } from '../src/i18n/catalogue.js';

// Words a Hindi page may keep in Latin letters: names and terms Indian shoppers read as they are.
const latinAllowed = new Set(['dukaan-kit', 'upi', 'gstin', 'gst', 'pin', 'cod', 'whatsapp', 'otp', 'sku', 'mrp', 'csv', 'api', 'url', 'hsn', 'pdf', 'id', 'qr', 'email', 'https', 'webhook', 'webhooks', 'json', 'pwa', 'jpeg', 'png', 'webp', 'inr', 'post']);

/** Latin words of a message outside its {placeholders} and ICU keywords, allowlisted ones removed. */
function englishWords(message: string): string[] {
  // Drop ICU syntax: argument names, plural/select keywords and their selectors.
  const text = message
    .replace(/\{\s*[\w.]+\s*(?:,\s*(?:plural|select|selectordinal|number|date|time)\s*(?:,[^{}]*)?)?\}/g, ' ')
    .replace(/\b(?:plural|select|selectordinal|one|other|few|many|zero|two|offset:\d+|=\d+)\s*\{/g, '{')
    .replace(/\{\s*[\w.]+\s*,\s*(?:plural|select|selectordinal)\s*,/g, ' ');
  return (text.match(/[A-Za-z][A-Za-z'-]{2,}/g) ?? []).filter((w) => !latinAllowed.has(w.toLowerCase()));
}

t.test('no key is defined by two areas (the merge would let one win silently)', async (t) => {
  const seen = new Map<string, string>();
  for (const [area, messages] of Object.entries(areas)) {
    for (const key of Object.keys(messages.en)) {
      t.notOk(seen.has(key), `${key} is in ${area} and ${seen.get(key) ?? ''}`);
      seen.set(key, area);
    }
    t.same(Object.keys(messages.hi).sort(), Object.keys(messages.en).sort(), `${area}: Hindi has exactly English's keys`);
  }
});

t.test('Hindi has every key, each translated (no English left but allowed terms)', async (t) => {
  t.same(Object.keys(hi).sort(), Object.keys(en).sort());
  const untranslated = Object.entries(hi).filter(([, text]) => englishWords(text).length > 0);
  t.same(untranslated, [], 'Hindi texts with English words in them');
});

t.test('every message of both languages parses and formats with plural counts', async (t) => {
  for (const [locale, catalogue] of Object.entries(catalogues) as [keyof typeof catalogues, (typeof catalogues)['en']][]) {
    const tr = createTranslator(locale, catalogue);
    for (const key of Object.keys(catalogue) as (keyof typeof catalogue)[]) {
      const values = new Proxy({}, { get: (_, name) => (name === 'count' || name === 'n' ? 2 : 'x'), has: () => true, ownKeys: () => [], getOwnPropertyDescriptor: () => undefined });
      t.doesNotThrow(() => tr(key, values), `${locale} ${key}`);
    }
  }
});

t.test('the English check itself catches English', async (t) => {
  t.same(englishWords('{count, plural, one {# आइटम} other {# आइटम}}'), []);
  t.same(englishWords('Add to cart'), ['Add', 'cart']);
  t.same(englishWords('{store} अभी बंद है'), []);
});
