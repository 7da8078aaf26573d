// The server's pricing rules, repeated for the browser so the checkout island
// shows the same totals the order will carry. Shared; no Node APIs.

/** The store settings that decide delivery and the minimum order. */
export interface DeliveryRules {
  deliveryFee: number;
  /** Delivery is free when the subtotal is at least this; null: never free. */
  freeDeliveryAbove: number | null;
  /** Compared with the subtotal; 0: no minimum. */
  minOrderValue: number;
}

/** Totals of a cart, all in minor units. */
export interface CartTotals {
  count: number;
  subtotal: number;
  deliveryFee: number;
  total: number;
  /** How much more is needed to reach the minimum order; 0 when reached. */
  shortOfMinimum: number;
}

/** Applies the store's delivery and minimum-order rules to priced lines. */
export function cartTotals(lines: ReadonlyArray<{ price: number; quantity: number }>, rules: DeliveryRules): CartTotals {
  let subtotal = 0;
  let count = 0;
  for (const l of lines) {
    subtotal += l.price * l.quantity;
    count += l.quantity;
  }
  const free = rules.freeDeliveryAbove !== null && subtotal >= rules.freeDeliveryAbove;
  const deliveryFee = count === 0 || free ? 0 : rules.deliveryFee;
  return {
    count,
    subtotal,
    deliveryFee,
    total: subtotal + deliveryFee,
    shortOfMinimum: Math.max(0, rules.minOrderValue - subtotal),
  };
}
