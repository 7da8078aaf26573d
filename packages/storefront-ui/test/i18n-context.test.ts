import t from 'tap';
import { i18nOf } from '../src/i18n/context.js';

t.test('the page tools format in the page language and zone', async (t) => {
  const en = i18nOf('en', 'Asia/Kolkata');
  const hi = i18nOf('hi', 'Asia/Kolkata');
  t.equal(en.number(1234567), '12,34,567');
  t.equal(hi.number(1234567), '12,34,567', 'Hindi keeps Latin digits');
  const instant = '2026-11-30T04:30:00.000Z';
  t.match(en.dateTime(instant), /30 Nov 2026, 10:00\s?am/i);
  t.match(hi.dateTime(instant), /30 नव॰ 2026, 10:00\s?am/);
  t.equal(i18nOf('en', 'UTC').dateTime(instant, { timeStyle: 'short' }), '4:30 am', 'the zone given is used');
  t.equal(en.t('dashboard.nav.pending', { count: 1 }), '1 order waiting');
  t.equal(hi.t('dashboard.viewStore'), 'स्टोर देखें');
  t.equal(i18nOf().locale, 'en', 'English by default');
});
