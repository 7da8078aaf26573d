import t from 'tap';
import { createTranslator, intlLocale, isLocale, localeFromAcceptLanguage, parseMessages, parsedTranslator } from '../src/i18n/index.js';

t.test('Accept-Language: the best of ours by q-value, bounded', async (t) => {
  t.equal(localeFromAcceptLanguage('hi-IN,hi;q=0.9,en-US;q=0.8'), 'hi');
  t.equal(localeFromAcceptLanguage('en-GB,hi;q=0.5'), 'en');
  t.equal(localeFromAcceptLanguage('fr;q=1,hi;q=0.2'), 'hi');
  t.equal(localeFromAcceptLanguage('hi;q=0,en;q=0.1'), 'en', 'q=0 means not acceptable');
  t.equal(localeFromAcceptLanguage('de, fr'), undefined);
  t.equal(localeFromAcceptLanguage(undefined), undefined);
  t.equal(localeFromAcceptLanguage('hi;q=abc'), undefined);
  t.equal(localeFromAcceptLanguage(`${'de,'.repeat(30)}hi`), undefined, 'past the first 20 entries is not read');
});

t.test('locales', async (t) => {
  t.ok(isLocale('en') && isLocale('hi'));
  t.notOk(isLocale('HI') || isLocale('') || isLocale(null) || isLocale('hi-IN'));
  t.equal(intlLocale('hi'), 'hi-IN');
  t.equal(intlLocale('en'), 'en-IN');
});

t.test('ICU plurals per language; Hindi numbers in Latin digits', async (t) => {
  const en = { items: '{count, plural, one {# item} other {# items}}', total: 'Total {n, number}' } as const;
  const hi = { items: '{count, plural, one {# आइटम} other {# आइटम}}', total: 'कुल {n, number}' } as const;
  const te = createTranslator('en', en);
  const th = createTranslator('hi', hi);
  t.equal(te('items', { count: 1 }), '1 item');
  t.equal(te('items', { count: 2 }), '2 items');
  t.equal(th('items', { count: 1234567 }), '12,34,567 आइटम');
  t.equal(th('total', { n: 100000 }), 'कुल 1,00,000');
  t.throws(() => te('nope' as 'items'), /No message "nope"/);
});

t.test('pre-parsed messages format the same as text (what islands receive)', async (t) => {
  const hi = { items: '{count, plural, one {# आइटम} other {# आइटम}} कार्ट में' } as const;
  const parsed = JSON.parse(JSON.stringify(parseMessages('hi', hi, ['items']))) as ReturnType<typeof parseMessages<typeof hi, 'items'>>;
  const browser = parsedTranslator('hi', parsed);
  t.equal(browser('items', { count: 3 }), createTranslator('hi', hi)('items', { count: 3 }));
  t.throws(() => parseMessages('hi', hi, ['missing' as 'items']), /No message/);
});
