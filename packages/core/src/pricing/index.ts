// The one pricing module: the server's order totals, the pages' cart totals and the browser
// islands all come from here. It has no dependencies (not even on the rest of core) and uses
// nothing but the language and Intl, so esbuild can bundle it into the islands as it is.
export { lineTotal, priceCart, deliveryFeeFor, shortOfFreeDeliveryFor, discountPercent, isSafeAmount, maxAmount } from './totals.js';
export type {
  DeliveryRules,
  PricedLineInput,
  CartTotals,
  PricingRules,
  DeliveryMethod,
  CartChoices,
  PricedLineTotals,
  ChargeKind,
  ChargeLine,
} from './totals.js';
export { chargeAmount } from './charges.js';
export { storePricingRules } from './store-rules.js';
export type { StorePricingSettings } from './store-rules.js';
export type { ChargeRule } from './charges.js';
export { couponDiscount, couponApplies } from './coupon-discount.js';
export type { CouponTerms } from './coupon-discount.js';
export { taxOn } from './tax.js';
export { gstRates, rateToBasisPoints } from './tax-rate.js';
export { allocate } from './exact.js';
export { currencyExponent, formatMoney, parseMoney, moneyInputValue } from './format.js';
