// The UI's one door to the pricing module. Only the `/pricing` subpath is imported, so the
// island bundle (esbuild) takes nothing else from core. Lines as the UI holds them call the
// unit price `price` (the browser cart in localStorage is stored that way); they are renamed
// here, and every total the pages and islands show comes out of `priceCart`.
import { priceCart, type CartTotals, type DeliveryRules } from '@dukaan-kit/core/pricing';
import type { CartSummary } from './types.js';

/** A cart line as the pages and islands hold it: `price` is the unit price, minor units. */
export interface UiPricedLine {
  price: number;
  quantity: number;
}

/** Totals of UI lines under the store's delivery and minimum-order rules. */
export function priceLines(lines: ReadonlyArray<UiPricedLine>, rules: DeliveryRules): CartTotals {
  return priceCart(
    lines.map((l) => ({ unitPrice: l.price, quantity: l.quantity })),
    rules,
  );
}

// The cart bar shows the goods alone: delivery and the minimum are the checkout's business.
const goodsOnly: DeliveryRules = { deliveryFee: 0, freeDeliveryAbove: null, minOrderValue: 0 };

/** Count and subtotal for the cart bar. */
export function summariseLines(lines: ReadonlyArray<UiPricedLine>): CartSummary {
  const { count, subtotal } = priceLines(lines, goodsOnly);
  return { count, subtotal };
}
