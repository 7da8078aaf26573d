import { mulDivHalfUp } from './exact.js';

/** A store's extra charge: flat (minor units) or a percent (0 < value <= 100, at most 2 decimals) of the items' subtotal. */
export interface ChargeRule {
  type: 'flat' | 'percent';
  value: number;
}

/** Percent charges round half up to the minor unit; null rule -> 0; empty cart (subtotal 0, count 0) -> 0. */
export function chargeAmount(rule: ChargeRule | null | undefined, itemsSubtotal: number, count: number): number {
  // An empty cart ships nothing, so there is nothing to pack and no cash to collect.
  if (!rule || count === 0) return 0;
  if (rule.type === 'flat') return rule.value;
  // Percent in hundredths (12.5 -> 1250) keeps the rule's two decimals exact.
  return mulDivHalfUp(itemsSubtotal, Math.round(rule.value * 100), 10_000);
}
