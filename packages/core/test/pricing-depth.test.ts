// Issue 13's pricing: charges, coupons and GST, each rounded once, half up, to the minor unit,
// with BigInt where amount × rate would pass 2^53.
import t from 'tap';
import {
  allocate,
  chargeAmount,
  couponDiscount,
  gstRates,
  priceCart,
  rateToBasisPoints,
  taxOn,
  type CouponTerms,
  type PricingRules,
} from '../src/pricing/index.js';

const max = Number.MAX_SAFE_INTEGER;
const coupon = (terms: Partial<CouponTerms>): CouponTerms => ({ code: 'SAVE', type: 'percent', value: 10, minOrderValue: 0, maxDiscount: null, ...terms });
const delivery = { deliveryFee: 4000, freeDeliveryAbove: 50000, minOrderValue: 0 };

t.test('chargeAmount: flat, or a percent of the items rounded half up', async (t) => {
  t.equal(chargeAmount(null, 10000, 1), 0);
  t.equal(chargeAmount(undefined, 10000, 1), 0);
  t.equal(chargeAmount({ type: 'flat', value: 2000 }, 0, 0), 0, 'an empty cart pays no charge');
  t.equal(chargeAmount({ type: 'percent', value: 5 }, 0, 0), 0);
  t.equal(chargeAmount({ type: 'flat', value: 2000 }, 5000, 1), 2000);
  t.equal(chargeAmount({ type: 'percent', value: 2.5 }, 10001, 1), 250, '250.025 rounds down');
  t.equal(chargeAmount({ type: 'percent', value: 2.5 }, 10020, 1), 251, '250.5 rounds up');
  t.equal(chargeAmount({ type: 'percent', value: 0.01 }, 5000, 1), 1, 'half a paisa rounds up');
  t.equal(chargeAmount({ type: 'percent', value: 0.01 }, 4999, 1), 0);
  t.equal(chargeAmount({ type: 'percent', value: 12.34 }, 10000, 1), 1234);
  t.equal(chargeAmount({ type: 'percent', value: 0.29 }, 100000, 1), 290, 'two decimals are exact (0.29 * 100 is 28.999… as a float)');
  t.equal(chargeAmount({ type: 'percent', value: 100 }, 999, 3), 999);
  t.equal(chargeAmount({ type: 'percent', value: 18 }, 9007199254740986, 1), 1621295865853377, 'exact at the edge (floats say …378)');
});

t.test('couponDiscount: minimum, percent rounding, cap, flat never past the subtotal', async (t) => {
  t.equal(couponDiscount(null, 10000), 0);
  t.equal(couponDiscount(undefined, 10000), 0);
  t.equal(couponDiscount(coupon({ value: 10 }), 12345), 1235, '1234.5 rounds up');
  t.equal(couponDiscount(coupon({ value: 10 }), 12344), 1234);
  t.equal(couponDiscount(coupon({ minOrderValue: 50000 }), 49999), 0, 'below the minimum');
  t.equal(couponDiscount(coupon({ minOrderValue: 50000 }), 50000), 5000, 'exactly at the minimum');
  t.equal(couponDiscount(coupon({ value: 50, maxDiscount: 10000 }), 100000), 10000, 'capped');
  t.equal(couponDiscount(coupon({ value: 50, maxDiscount: 10000 }), 10000), 5000, 'under the cap');
  t.equal(couponDiscount(coupon({ value: 100 }), 999), 999);
  t.equal(couponDiscount(coupon({ type: 'flat', value: 5000 }), 30000), 5000);
  t.equal(couponDiscount(coupon({ type: 'flat', value: 50000 }), 30000), 30000, 'a flat coupon takes the subtotal at most');
  t.equal(couponDiscount(coupon({ type: 'flat', value: 5000 }), 0), 0);
  t.equal(couponDiscount(coupon({ value: 18 }), 9007199254740986), 1621295865853377, 'exact at the edge');
});

t.test('rates: the GST slabs in basis points', async (t) => {
  t.same(
    gstRates.map(rateToBasisPoints),
    [0, 10, 25, 100, 150, 300, 500, 600, 750, 1200, 1400, 1800, 2800, 4000],
  );
});

t.test('taxOn: two equal halves, each rounded half up to the paisa', async (t) => {
  t.same(taxOn(11800, 1800, true), { taxable: 10000, tax: 1800 });
  t.same(taxOn(10000, 1800, false), { taxable: 10000, tax: 1800 });
  t.same(taxOn(10000, 0, true), { taxable: 10000, tax: 0 });
  t.same(taxOn(0, 1800, false), { taxable: 0, tax: 0 });
  // Exclusive, half exactly .5 paise: 50 × 9% = 4.5 -> 5 per half (not the even 4).
  t.same(taxOn(50, 1800, false), { taxable: 50, tax: 10 });
  t.same(taxOn(20, 500, false), { taxable: 20, tax: 2 }, '20 × 2.5% = 0.5 -> 1');
  t.same(taxOn(60, 500, false), { taxable: 60, tax: 4 }, '1.5 -> 2');
  // Inclusive, half exactly .5: 59 × 9/118 = 4.5 -> 5; 21 × 500/21000 = 0.5 -> 1.
  t.same(taxOn(59, 1800, true), { taxable: 49, tax: 10 });
  t.same(taxOn(21, 500, true), { taxable: 19, tax: 2 });
  t.same(taxOn(1, 4000, true), { taxable: 1, tax: 0 }, 'a paisa bears no tax');
  t.same(taxOn(4000, 1800, true), { taxable: 3390, tax: 610 }, '305.08 per half');
});

t.test('taxOn is exact near Number.MAX_SAFE_INTEGER', async (t) => {
  // Hand-checked with exact fractions; float arithmetic gives one paisa more per half in each.
  t.same(taxOn(9007199254740983, 1800, false), { taxable: 9007199254740983, tax: 2 * 810647932926688 }, '…688.47 per half');
  t.same(taxOn(9007199254740987, 1800, true), { taxable: 9007199254740987 - 2 * 686989773666685, tax: 2 * 686989773666685 }, '…685.449 per half');
  t.same(taxOn(max, 1800, true), { taxable: 7633219707407619, tax: 1373979547333372 });
  t.ok(Number.isSafeInteger(taxOn(max, 4000, true).taxable));
});

t.test('allocate: largest remainder, ties to the earlier line, sums exactly', async (t) => {
  t.same(allocate(100, [10000, 20000, 30000]), [17, 33, 50]);
  t.same(allocate(100, [100, 100, 100]), [34, 33, 33], 'a tie goes to the earlier line');
  t.same(allocate(2, [100, 100, 100]), [1, 1, 0]);
  t.same(allocate(100, [0, 100]), [0, 100], 'a free line takes no share');
  t.same(allocate(0, [5, 5]), [0, 0]);
  t.same(allocate(5, [0, 0]), [0, 0]);
  t.same(allocate(7, []), []);
  const big = allocate(max - 1, [max - 2, 1]);
  t.equal(big.reduce((s, n) => s + n, 0), max - 1, 'exact at the edge');
});

t.test('priceCart: the old two-argument call prices as before, with the new fields at rest', async (t) => {
  const totals = priceCart([{ unitPrice: 14900, quantity: 2 }], delivery);
  t.same(totals, {
    count: 2,
    subtotal: 29800,
    discount: 0,
    couponApplied: false,
    deliveryFee: 4000,
    packagingFee: 0,
    codFee: 0,
    taxTotal: 0,
    total: 33800,
    shortOfMinimum: 0,
    shortOfFreeDelivery: 20200,
    lines: [{ lineTotal: 29800, discount: 0, taxRate: 0, taxableValue: 29800, tax: 0 }],
    charges: [{ kind: 'delivery', amount: 4000, taxRate: 0, taxableValue: 4000, tax: 0 }],
  });
  t.same(priceCart([], delivery).charges, [], 'an empty cart has no charges');
  t.equal(priceCart([], { ...delivery, packagingFee: { type: 'flat', value: 500 } }).total, 0);
});

t.test('priceCart: pickup pays no delivery fee and is never short of free delivery', async (t) => {
  const totals = priceCart([{ unitPrice: 10000, quantity: 1 }], delivery, { deliveryMethod: 'pickup' });
  t.equal(totals.deliveryFee, 0);
  t.equal(totals.shortOfFreeDelivery, 0);
  t.equal(totals.total, 10000);
  t.same(totals.charges, []);
  t.equal(priceCart([{ unitPrice: 10000, quantity: 1 }], delivery, { deliveryMethod: 'delivery' }).deliveryFee, 4000);
});

t.test('priceCart: the COD fee only when paying cash on delivery', async (t) => {
  const rules: PricingRules = { ...delivery, codFee: { type: 'flat', value: 2500 } };
  const lines = [{ unitPrice: 10000, quantity: 1 }];
  t.equal(priceCart(lines, rules).codFee, 0, 'no payment method yet');
  t.equal(priceCart(lines, rules, { paymentMethod: null }).codFee, 0);
  t.equal(priceCart(lines, rules, { paymentMethod: 'upi' }).codFee, 0);
  const cod = priceCart(lines, rules, { paymentMethod: 'cod' });
  t.equal(cod.codFee, 2500);
  t.equal(cod.total, 10000 + 4000 + 2500);
  t.same(cod.charges.map((c) => c.kind), ['delivery', 'cod']);
});

t.test('priceCart: minimum order and free delivery compare the goods after the discount', async (t) => {
  const rules = { deliveryFee: 4000, freeDeliveryAbove: 50000, minOrderValue: 50000 };
  const lines = [{ unitPrice: 25000, quantity: 2 }];
  const full = priceCart(lines, rules);
  t.equal(full.deliveryFee, 0, 'at the threshold without a coupon: free');
  t.equal(full.shortOfMinimum, 0);
  const discounted = priceCart(lines, rules, { coupon: coupon({ type: 'flat', value: 100 }) });
  t.equal(discounted.discount, 100);
  t.ok(discounted.couponApplied);
  t.equal(discounted.deliveryFee, 4000, 'the coupon takes the goods under the threshold');
  t.equal(discounted.shortOfFreeDelivery, 100);
  t.equal(discounted.shortOfMinimum, 100);
  t.equal(discounted.total, 49900 + 4000);
});

t.test('priceCart: a coupon below its minimum is not applied', async (t) => {
  const totals = priceCart([{ unitPrice: 10000, quantity: 1 }], delivery, { coupon: coupon({ minOrderValue: 20000 }) });
  t.equal(totals.couponApplied, false);
  t.equal(totals.discount, 0);
  t.equal(totals.total, 14000);
  t.equal(priceCart([{ unitPrice: 10000, quantity: 1 }], delivery, { coupon: null }).couponApplied, false);
});

t.test('priceCart: the discount is spread over the lines and sums exactly', async (t) => {
  const lines = [
    { unitPrice: 10000, quantity: 1 },
    { unitPrice: 10000, quantity: 2 },
    { unitPrice: 30000, quantity: 1 },
  ];
  const totals = priceCart(lines, { ...delivery, freeDeliveryAbove: null }, { coupon: coupon({ type: 'flat', value: 100 }) });
  t.same(totals.lines.map((l) => l.discount), [17, 33, 50]);
  t.same(totals.lines.map((l) => l.lineTotal), [10000, 20000, 30000]);
  t.equal(totals.total, 60000 - 100 + 4000);
});

t.test('priceCart: a percent charge is a percent of the subtotal before the discount', async (t) => {
  const totals = priceCart([{ unitPrice: 10000, quantity: 1 }], { ...delivery, packagingFee: { type: 'percent', value: 10 } }, { coupon: coupon({ value: 50 }), deliveryMethod: 'pickup' });
  t.equal(totals.discount, 5000);
  t.equal(totals.packagingFee, 1000);
  t.equal(totals.total, 5000 + 1000);
});

t.test('priceCart: prices including tax leave the total alone; excluding adds it', async (t) => {
  const lines = [{ unitPrice: 11800, quantity: 1 }];
  const inclusive = priceCart(lines, { ...delivery, freeDeliveryAbove: 0, tax: { pricesIncludeTax: true, defaultTaxRate: 18 } });
  t.equal(inclusive.taxTotal, 1800);
  t.same(inclusive.lines, [{ lineTotal: 11800, discount: 0, taxRate: 18, taxableValue: 10000, tax: 1800 }]);
  t.equal(inclusive.total, 11800);
  const exclusive = priceCart([{ unitPrice: 10000, quantity: 1 }], { ...delivery, freeDeliveryAbove: 0, tax: { pricesIncludeTax: false, defaultTaxRate: 18 } });
  t.equal(exclusive.taxTotal, 1800);
  t.same(exclusive.lines, [{ lineTotal: 10000, discount: 0, taxRate: 18, taxableValue: 10000, tax: 1800 }]);
  t.equal(exclusive.total, 11800);
});

t.test('priceCart: a line\'s own rate wins, 0 included; charges take the store\'s default', async (t) => {
  const totals = priceCart(
    [
      { unitPrice: 10000, quantity: 1, taxRate: 5 },
      { unitPrice: 10000, quantity: 1, taxRate: 0 },
      { unitPrice: 10000, quantity: 1, taxRate: null },
    ],
    { deliveryFee: 4000, freeDeliveryAbove: null, minOrderValue: 0, tax: { pricesIncludeTax: false, defaultTaxRate: 18 } },
  );
  t.same(totals.lines.map((l) => [l.taxRate, l.tax]), [[5, 500], [0, 0], [18, 1800]]);
  t.same(totals.charges, [{ kind: 'delivery', amount: 4000, taxRate: 18, taxableValue: 4000, tax: 720 }]);
  t.equal(totals.taxTotal, 500 + 1800 + 720);
  t.equal(totals.total, 30000 + 4000 + 3020);
});

t.test('priceCart: without GST every tax figure is 0, even with line rates', async (t) => {
  const totals = priceCart([{ unitPrice: 10000, quantity: 1, taxRate: 18 }], { ...delivery, tax: null });
  t.equal(totals.taxTotal, 0);
  t.same(totals.lines, [{ lineTotal: 10000, discount: 0, taxRate: 0, taxableValue: 10000, tax: 0 }]);
});

t.test('priceCart: the worked example of the docs', async (t) => {
  const totals = priceCart(
    [
      { unitPrice: 49900, quantity: 2 },
      { unitPrice: 9900, quantity: 1, taxRate: 5 },
    ],
    {
      deliveryFee: 4000,
      freeDeliveryAbove: 150000,
      minOrderValue: 0,
      packagingFee: { type: 'flat', value: 1000 },
      codFee: { type: 'percent', value: 2 },
      tax: { pricesIncludeTax: true, defaultTaxRate: 18 },
    },
    { paymentMethod: 'cod', coupon: coupon({ value: 10, maxDiscount: 5000 }) },
  );
  t.same(totals, {
    count: 3,
    subtotal: 109700,
    discount: 5000,
    couponApplied: true,
    deliveryFee: 4000,
    packagingFee: 1000,
    codFee: 2194,
    taxTotal: 14530 + 450 + 610 + 152 + 334,
    total: 104700 + 4000 + 1000 + 2194,
    shortOfMinimum: 0,
    shortOfFreeDelivery: 150000 - 104700,
    lines: [
      { lineTotal: 99800, discount: 4549, taxRate: 18, taxableValue: 80721, tax: 14530 },
      { lineTotal: 9900, discount: 451, taxRate: 5, taxableValue: 8999, tax: 450 },
    ],
    charges: [
      { kind: 'delivery', amount: 4000, taxRate: 18, taxableValue: 3390, tax: 610 },
      { kind: 'packaging', amount: 1000, taxRate: 18, taxableValue: 848, tax: 152 },
      { kind: 'cod', amount: 2194, taxRate: 18, taxableValue: 1860, tax: 334 },
    ],
  });
});

t.test('priceCart: line tax is exact at the edge; totals past it come back unclamped', async (t) => {
  const totals = priceCart([{ unitPrice: max, quantity: 1 }], { deliveryFee: 0, freeDeliveryAbove: null, minOrderValue: 0, tax: { pricesIncludeTax: true, defaultTaxRate: 18 } });
  t.equal(totals.taxTotal, 1373979547333372);
  t.equal(totals.total, max);
  const over = priceCart([{ unitPrice: max, quantity: 1 }], { deliveryFee: 4000, freeDeliveryAbove: null, minOrderValue: 0 });
  t.ok(over.total > max, 'not clamped: the caller refuses it');
});
