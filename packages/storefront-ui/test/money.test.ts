import t from 'tap';
import { currencyExponent, formatMoney, parseMoney } from '../src/index.js';

t.test('formatMoney uses the currency exponent and en-IN grouping for INR', async (t) => {
  t.equal(formatMoney(129900, 'INR'), '₹1,299.00');
  t.equal(formatMoney(49950, 'INR'), '₹499.50');
  t.equal(formatMoney(10000000, 'INR'), '₹1,00,000.00', 'lakh grouping');
  t.equal(formatMoney(0, 'INR'), '₹0.00');
  t.equal(formatMoney(123456, 'USD'), '$1,234.56');
  t.equal(formatMoney(500, 'JPY'), '¥500', 'JPY has no minor unit');
  t.match(formatMoney(1234, 'KWD'), /^KWD\s1\.234$/u, 'KWD has three');
  t.equal(formatMoney(100, 'inr'), '₹1.00', 'lower-case code accepted');
});

t.test('currencyExponent', async (t) => {
  t.equal(currencyExponent('INR'), 2);
  t.equal(currencyExponent('JPY'), 0);
  t.equal(currencyExponent('BHD'), 3);
});

t.test('parseMoney turns typed major units into minor units', async (t) => {
  const cases: Array<[string, string, number | null]> = [
    ['499', 'INR', 49900],
    ['499.50', 'INR', 49950],
    ['499.5', 'INR', 49950],
    ['₹1,299.00', 'INR', 129900],
    ['₹ 1,00,000', 'INR', 10000000],
    ['Rs. 250', 'INR', 25000],
    ['INR 99.99', 'INR', 9999],
    ['  12  ', 'INR', 1200],
    ['.50', 'INR', 50],
    ['0', 'INR', 0],
    ['1299 ₹', 'INR', 129900],
    ['500', 'JPY', 500],
    ['500.00', 'JPY', 500],
    ['500.5', 'JPY', null],
    ['1.234', 'KWD', 1234],
    ['$19.99', 'USD', 1999],
    ['499.505', 'INR', null],
    ['499.500', 'INR', 49950],
    ['', 'INR', null],
    ['   ', 'INR', null],
    ['.', 'INR', null],
    ['abc', 'INR', null],
    ['-5', 'INR', null],
    ['1e3', 'INR', null],
    ['4 99', 'INR', 49900],
    ['12.3.4', 'INR', null],
    ['99999999999999999999', 'INR', null],
  ];
  for (const [text, currency, want] of cases) t.equal(parseMoney(text, currency), want, `${JSON.stringify(text)} ${currency}`);
});

t.test('parseMoney and formatMoney round-trip', async (t) => {
  for (const minor of [0, 1, 99, 49950, 129900, 10000000]) t.equal(parseMoney(formatMoney(minor, 'INR'), 'INR'), minor);
});
