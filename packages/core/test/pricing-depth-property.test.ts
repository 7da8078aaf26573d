// Property: over random carts, GST rates, charges and coupons, priceCart's figures add up the
// way docs/http.md says, each rounding is the nearest paisa (half up), and the old two-argument
// call prices exactly as before issue 13. Pure: no database, so thousands of carts are cheap.
import t from 'tap';
import { gstRates, priceCart, rateToBasisPoints, type CartChoices, type ChargeRule, type CouponTerms, type DeliveryRules, type PricedLineInput, type PricingRules } from '../src/pricing/index.js';
import { seededRandom } from '../src/testing/seeded-random.js';

const seed = Number(process.env.PRICING_SEED ?? 20261313);
const next = seededRandom(seed);
const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
const chance = (p: number) => next() < p;

function randomLines(): PricedLineInput[] {
  return Array.from({ length: int(0, 8) }, () => ({
    unitPrice: pick([0, int(1, 999), int(1000, 99_999), int(100_000, 10_000_000), 2 ** int(20, 40)]),
    quantity: pick([1, 2, 3, int(1, 1000)]),
    taxRate: pick([undefined, null, pick(gstRates)]),
  }));
}

function randomCharge(): ChargeRule | null {
  if (chance(0.3)) return null;
  // Percent rules with up to two decimals, the most a store may set.
  return chance(0.5) ? { type: 'flat', value: int(1, 20_000) } : { type: 'percent', value: int(1, 10_000) / 100 };
}

function randomDelivery(): DeliveryRules {
  return {
    deliveryFee: pick([0, 2500, 4000, int(1, 100_000)]),
    freeDeliveryAbove: pick([null, 0, 50_000, 100_000, int(1, 10_000_000)]),
    minOrderValue: pick([0, 0, 10_000, int(1, 500_000)]),
  };
}

function randomRules(): PricingRules {
  return {
    ...randomDelivery(),
    packagingFee: randomCharge(),
    codFee: randomCharge(),
    tax: chance(0.25) ? null : { pricesIncludeTax: chance(0.6), defaultTaxRate: pick(gstRates) },
  };
}

function randomCoupon(): CouponTerms | null {
  if (chance(0.3)) return null;
  const percent = chance(0.5);
  return {
    code: 'SAVE',
    type: percent ? 'percent' : 'flat',
    value: percent ? int(1, 100) : int(1, 200_000),
    minOrderValue: pick([0, 0, int(1, 1_000_000)]),
    maxDiscount: percent && chance(0.5) ? int(1, 100_000) : null,
  };
}

function randomChoices(): CartChoices {
  return {
    ...(chance(0.8) ? { deliveryMethod: pick(['delivery', 'pickup'] as const) } : {}),
    ...(chance(0.8) ? { paymentMethod: pick(['cod', 'upi', null] as const) } : {}),
    coupon: randomCoupon(),
  };
}

/** True when r is n/d rounded half up: 2rd − d ≤ 2n < 2rd + d. */
function isHalfUp(r: number, n: bigint, d: bigint): boolean {
  const twice = 2n * BigInt(r) * d;
  return twice - d <= 2n * n && 2n * n < twice + d;
}

/** priceCart as it was before issue 13, the reference for the old call shape. */
function oldPriceCart(lines: ReadonlyArray<PricedLineInput>, rules: DeliveryRules) {
  let subtotal = 0;
  let count = 0;
  for (const line of lines) {
    subtotal += line.unitPrice * line.quantity;
    count += line.quantity;
  }
  const deliveryFee = count === 0 ? 0 : rules.freeDeliveryAbove !== null && subtotal >= rules.freeDeliveryAbove ? 0 : rules.deliveryFee;
  return {
    count,
    subtotal,
    deliveryFee,
    total: subtotal + deliveryFee,
    shortOfMinimum: Math.max(0, rules.minOrderValue - subtotal),
    shortOfFreeDelivery: deliveryFee === 0 || rules.freeDeliveryAbove === null ? 0 : Math.max(0, rules.freeDeliveryAbove - subtotal),
  };
}

const carts = 3000;

t.test(`priceCart's figures add up over random carts (seed ${seed})`, async (t) => {
  const problems: string[] = [];
  const fail = (i: number, what: string) => {
    if (problems.length < 20) problems.push(`cart ${i}: ${what}`);
  };
  let couponsApplied = 0;
  let taxed = 0;
  for (let i = 0; i < carts; i++) {
    const lines = randomLines();
    const rules = randomRules();
    const choices = randomChoices();
    const p = priceCart(lines, rules, choices);
    const goods = p.subtotal - p.discount;
    const tax = rules.tax ?? null;
    const exclusive = tax !== null && !tax.pricesIncludeTax;
    if (p.couponApplied) couponsApplied += 1;
    if (p.taxTotal > 0) taxed += 1;

    if (p.total !== goods + p.deliveryFee + p.packagingFee + p.codFee + (exclusive ? p.taxTotal : 0)) fail(i, 'total');
    if (p.lines.reduce((s, l) => s + l.discount, 0) !== p.discount) fail(i, 'line discounts do not sum to the discount');
    if (p.discount < 0 || p.discount > p.subtotal) fail(i, `discount ${p.discount} outside [0, ${p.subtotal}]`);
    if (!p.couponApplied && p.discount !== 0) fail(i, 'a discount without an applied coupon');
    if (p.couponApplied !== (!!choices.coupon && p.subtotal >= choices.coupon.minOrderValue)) fail(i, 'couponApplied');
    if (p.subtotal !== p.lines.reduce((s, l) => s + l.lineTotal, 0)) fail(i, 'subtotal');
    if (p.lines.length !== lines.length) fail(i, 'lines lost');
    const subtotal = BigInt(p.subtotal);
    for (const [j, line] of p.lines.entries()) {
      const input = lines[j] as PricedLineInput;
      if (line.lineTotal !== input.unitPrice * input.quantity) fail(i, `line ${j} total`);
      if (line.discount < 0 || line.discount > line.lineTotal) fail(i, `line ${j} discount ${line.discount}`);
      // Largest remainder: each share is its exact proportion rounded down or up.
      if (subtotal > 0n) {
        const exact = BigInt(p.discount) * BigInt(line.lineTotal);
        const mine = BigInt(line.discount) * subtotal;
        if (mine > exact + subtotal - 1n || mine < exact - subtotal + 1n) fail(i, `line ${j} share off by a paisa or more`);
      }
    }
    if (choices.deliveryMethod === 'pickup' && p.deliveryFee !== 0) fail(i, 'pickup pays delivery');
    if (choices.paymentMethod !== 'cod' && p.codFee !== 0) fail(i, 'COD fee without COD');
    if (p.count === 0 && p.total !== 0) fail(i, 'an empty cart costs something');
    const free = rules.freeDeliveryAbove;
    if ((choices.deliveryMethod ?? 'delivery') === 'delivery' && p.count > 0 && p.deliveryFee !== (free !== null && goods >= free ? 0 : rules.deliveryFee)) fail(i, 'delivery fee not decided on the goods');
    if (p.shortOfMinimum !== Math.max(0, rules.minOrderValue - goods)) fail(i, 'minimum not compared with the goods');

    const expectedKinds = (['delivery', 'packaging', 'cod'] as const).filter((kind) => ({ delivery: p.deliveryFee, packaging: p.packagingFee, cod: p.codFee })[kind] > 0);
    if (p.charges.map((c) => c.kind).join() !== expectedKinds.join()) fail(i, 'charge lines');

    const taxedItems = [
      ...p.lines.map((l) => ({ amount: l.lineTotal - l.discount, rate: l.taxRate, taxable: l.taxableValue, tax: l.tax, own: (lines[p.lines.indexOf(l)] as PricedLineInput).taxRate })),
      ...p.charges.map((c) => ({ amount: c.amount, rate: c.taxRate, taxable: c.taxableValue, tax: c.tax, own: null })),
    ];
    let taxSum = 0;
    for (const item of taxedItems) {
      taxSum += item.tax;
      if (item.tax % 2 !== 0) fail(i, `odd tax ${item.tax}: CGST and SGST would differ`);
      if (!tax) {
        if (item.tax !== 0 || item.rate !== 0 || item.taxable !== item.amount) fail(i, 'tax without GST');
        continue;
      }
      if (item.rate !== (item.own ?? tax.defaultTaxRate)) fail(i, `rate ${item.rate}`);
      const bp = BigInt(rateToBasisPoints(item.rate));
      const half = item.tax / 2;
      if (tax.pricesIncludeTax) {
        if (item.taxable + item.tax !== item.amount) fail(i, 'inclusive: taxable + tax is not the amount');
        if (!isHalfUp(half, BigInt(item.amount) * bp, 2n * (10_000n + bp))) fail(i, `inclusive half ${half} of ${item.amount} at ${item.rate}%`);
      } else {
        if (item.taxable !== item.amount) fail(i, 'exclusive: taxable is not the amount');
        if (!isHalfUp(half, BigInt(item.amount) * bp, 20_000n)) fail(i, `exclusive half ${half} of ${item.amount} at ${item.rate}%`);
      }
    }
    if (p.taxTotal !== taxSum) fail(i, 'taxTotal is not the sum of the lines and charges');

    // The old call shape: no coupon, no charges, no tax, and the same figures as before.
    const delivery: DeliveryRules = { deliveryFee: rules.deliveryFee, freeDeliveryAbove: rules.freeDeliveryAbove, minOrderValue: rules.minOrderValue };
    const old = priceCart(lines, delivery);
    const reference = oldPriceCart(lines, delivery);
    const same = (Object.keys(reference) as Array<keyof typeof reference>).every((key) => old[key] === reference[key]);
    if (!same || old.discount !== 0 || old.taxTotal !== 0 || old.packagingFee !== 0 || old.codFee !== 0) fail(i, 'the two-argument call changed');
  }
  t.same(problems, [], `${carts} carts`);
  // The generator must reach the interesting cases, or the invariants prove little.
  t.ok(couponsApplied > carts / 10, `coupons applied in ${couponsApplied} carts`);
  t.ok(taxed > carts / 3, `tax in ${taxed} carts`);
});
