// The UI's one door to the pricing module. Only the `/pricing` subpath is imported, so the
// island bundle (esbuild) takes nothing else from core. Lines as the UI holds them call the
// unit price `price` (the browser cart in localStorage is stored that way); they are renamed
// here, and every total the pages and islands show comes out of `priceCart`.
import { priceCart, storePricingRules, type CartChoices, type CartTotals, type DeliveryRules, type PricingRules } from '@dukaan-kit/core/pricing';
import type { CartSummary } from './types.js';

/** A cart line as the pages and islands hold it: `price` is the unit price, minor units. */
export interface UiPricedLine {
  price: number;
  quantity: number;
  /** The product's own GST rate (percent); null or absent: the store's default. */
  taxRate?: number | null;
}

/** Totals of UI lines under the store's rules and the customer's choices (delivery or pickup, payment, coupon). */
export function priceLines(lines: ReadonlyArray<UiPricedLine>, rules: PricingRules, choices?: CartChoices): CartTotals {
  return priceCart(
    lines.map((l) => ({ unitPrice: l.price, quantity: l.quantity, taxRate: l.taxRate ?? null })),
    rules,
    choices,
  );
}

// The checkout prices with the same rules (`storePricingRules`, from the pricing module), so the
// total shown is the total charged.
export { storePricingRules };

// The cart bar shows the goods alone: delivery and the minimum are the checkout's business.
const goodsOnly: DeliveryRules = { deliveryFee: 0, freeDeliveryAbove: null, minOrderValue: 0 };

/** Count and subtotal for the cart bar. */
export function summariseLines(lines: ReadonlyArray<UiPricedLine>): CartSummary {
  const { count, subtotal } = priceLines(lines, goodsOnly);
  return { count, subtotal };
}
