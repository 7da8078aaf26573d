// The mail catalogue (core/src/i18n/mail-messages): each area's Hindi has exactly its English
// keys, is Hindi (Latin only for allowed terms), keeps every placeholder, and every message of
// both languages parses and formats.
import t from 'tap';
import { createTranslator } from '../src/i18n/index.js';
import { en, hi, mailAreas, mailCatalogues } from '../src/i18n/mail-messages.js';
import { englishWords } from './support/english-words.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

t.test('no key is defined by two areas, and each area\'s Hindi has exactly its English keys', async (t) => {
  const seen = new Map<string, string>();
  for (const [area, messages] of Object.entries(mailAreas)) {
    for (const key of Object.keys(messages.en)) {
      t.notOk(seen.has(key), `${key} is in ${area} and ${seen.get(key) ?? ''}`);
      t.ok(key.startsWith('mail.'), `${key} starts with the area`);
      seen.set(key, area);
    }
    t.same(Object.keys(messages.hi).sort(), Object.keys(messages.en).sort(), `${area}: Hindi has exactly English's keys`);
  }
  t.same(Object.keys(hi).sort(), Object.keys(en).sort());
});

t.test('Hindi is translated (no English but allowed terms) and keeps every placeholder', async (t) => {
  const untranslated = Object.entries(hi).filter(([, text]) => englishWords(text).length > 0);
  t.same(untranslated, [], 'Hindi texts with English words in them');
  for (const [key, text] of Object.entries(en)) {
    t.same(placeholders(hi[key as keyof typeof hi]), placeholders(text), `${key}: the same placeholders`);
  }
});

t.test('every message of both languages parses and formats', async (t) => {
  for (const [locale, catalogue] of Object.entries(mailCatalogues) as [keyof typeof mailCatalogues, (typeof mailCatalogues)['en']][]) {
    const tr = createTranslator(locale, catalogue);
    for (const key of Object.keys(catalogue) as (keyof typeof catalogue)[]) {
      const values = Object.fromEntries(placeholders(catalogue[key]).map((name) => [name, 'x']));
      t.doesNotThrow(() => tr(key, values), `${locale} ${key}`);
    }
  }
});

t.test('the English check itself catches English', async (t) => {
  t.same(englishWords('{storeName} को {total} का नया ऑर्डर #{number} मिला है।'), []);
  t.same(englishWords('GST शामिल: {amount}, 14:05 UTC'), []);
  t.same(englishWords('Track your order'), ['Track', 'your', 'order']);
});
