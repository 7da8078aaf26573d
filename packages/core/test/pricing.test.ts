// The pricing module's own rules (issue 9): free-delivery distance, discount percent, typed
// money in and out, and formatting exact at the 2^53 edge (issue 8, item 11).
import t from 'tap';
import {
  discountPercent,
  formatMoney,
  moneyInputValue,
  parseMoney,
  priceCart,
  shortOfFreeDeliveryFor,
} from '../src/pricing/index.js';

t.test('formatMoney is exact up to MAX_SAFE_INTEGER: whole part and fraction digits apart', async (t) => {
  t.equal(formatMoney(9007199254740991, 'INR'), '₹9,00,71,99,25,47,409.91');
  t.match(formatMoney(9007199254740991, 'INR'), /47,409\.91$/, 'not …409.90');
  t.match(formatMoney(9007199254740991, 'USD'), /^\$90,071,992,547,409\.91$/);
  t.equal(formatMoney(9007199254740991, 'JPY'), '¥9,007,199,254,740,991');
  t.match(formatMoney(9007199254740991, 'KWD'), /9,007,199,254,740\.991$/u);
  t.equal(formatMoney(5, 'INR'), '₹0.05');
  t.equal(formatMoney(-50, 'INR'), '-₹0.50', 'a negative amount under one unit keeps its sign');
  t.equal(formatMoney(-129900, 'INR'), '-₹1,299.00');
  t.equal(formatMoney(129900, 'INR'), '₹1,299.00');
  t.equal(formatMoney(10000000, 'INR'), '₹1,00,000.00');
  t.match(formatMoney(1234, 'KWD'), /^KWD\s1\.234$/u);
});

t.test('priceCart: shortOfFreeDelivery is 0 when free or never free', async (t) => {
  const rules = { deliveryFee: 4000, freeDeliveryAbove: 50000, minOrderValue: 0 };
  t.equal(priceCart([{ unitPrice: 14900, quantity: 2 }], rules).shortOfFreeDelivery, 50000 - 29800);
  t.equal(priceCart([{ unitPrice: 25000, quantity: 2 }], rules).shortOfFreeDelivery, 0, 'exactly at the threshold: free');
  t.equal(priceCart([{ unitPrice: 60000, quantity: 1 }], rules).shortOfFreeDelivery, 0, 'above it: free');
  t.equal(priceCart([{ unitPrice: 100, quantity: 1 }], { ...rules, freeDeliveryAbove: null }).shortOfFreeDelivery, 0, 'never free');
  t.equal(priceCart([{ unitPrice: 100, quantity: 1 }], { ...rules, deliveryFee: 0 }).shortOfFreeDelivery, 0, 'no fee to save');
  t.equal(priceCart([], rules).shortOfFreeDelivery, 0, 'an empty cart pays no delivery');
  t.equal(shortOfFreeDeliveryFor(rules, 10000, 4000), 40000);
  t.equal(shortOfFreeDeliveryFor(rules, 10000, 0), 0);
});

t.test('discountPercent', async (t) => {
  t.equal(discountPercent(7500, 10000), 25);
  t.equal(discountPercent(6667, 10000), 33, 'rounded to a whole percent');
  t.equal(discountPercent(10000, 10000), 0, 'no lower price');
  t.equal(discountPercent(12000, 10000), 0, 'MRP below the price');
  t.equal(discountPercent(100, null), 0, 'no MRP');
  t.equal(discountPercent(0, 0), 0);
});

t.test('parseMoney: typed major units to minor units in the exponent, exact near 2^53', async (t) => {
  t.equal(parseMoney('499', 'INR'), 49900);
  t.equal(parseMoney('₹1,299.50', 'INR'), 129950);
  t.equal(parseMoney('Rs. 10', 'INR'), 1000);
  t.equal(parseMoney('500', 'JPY'), 500);
  t.equal(parseMoney('1.234', 'KWD'), 1234);
  t.equal(parseMoney('499.505', 'INR'), null, 'more decimals than the currency');
  t.equal(parseMoney('499.500', 'INR'), 49950, 'trailing zeros are fine');
  t.equal(parseMoney('-5', 'INR'), null);
  t.equal(parseMoney('abc', 'INR'), null);
  t.equal(parseMoney('90071992547409.91', 'INR'), 9007199254740991, 'the largest safe amount, exactly');
  t.equal(parseMoney('90071992547409.92', 'INR'), null, 'one paisa past it is refused');
  t.equal(parseMoney(formatMoney(9007199254740991, 'INR'), 'INR'), 9007199254740991, 'round trip at the edge');
});

t.test('moneyInputValue: minor units as the text of a form field', async (t) => {
  t.equal(moneyInputValue(49950, 'INR'), '499.50');
  t.equal(moneyInputValue(5, 'INR'), '0.05');
  t.equal(moneyInputValue(0, 'INR'), '0.00');
  t.equal(moneyInputValue(500, 'JPY'), '500');
  t.equal(moneyInputValue(1234, 'KWD'), '1.234');
  t.equal(moneyInputValue(null, 'INR'), '');
  t.equal(moneyInputValue(undefined, 'INR'), '');
  t.equal(moneyInputValue(9007199254740991, 'INR'), '90071992547409.91', 'exact at the edge');
  for (const minor of [0, 1, 99, 49950, 129900, 9007199254740991]) t.equal(parseMoney(moneyInputValue(minor, 'INR'), 'INR'), minor, `round trip ${minor}`);
});
