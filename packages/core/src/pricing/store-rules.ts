import type { ChargeRule } from './charges.js';
import type { PricingRules } from './totals.js';

/** The store settings that price a cart: the server's store and the public store view both have them. */
export interface StorePricingSettings {
  deliveryFee: number;
  freeDeliveryAbove: number | null;
  minOrderValue: number;
  packagingFee?: ChargeRule | null;
  codFee?: ChargeRule | null;
  gstin: string | null;
  pricesIncludeTax: boolean;
  defaultTaxRate: number;
}

/**
 * A store's settings as pricing rules, for the checkout and the browser alike. A store without a
 * GSTIN is not registered for GST and charges none, whatever rates its products carry.
 */
export function storePricingRules(store: StorePricingSettings): PricingRules {
  return {
    deliveryFee: store.deliveryFee,
    freeDeliveryAbove: store.freeDeliveryAbove,
    minOrderValue: store.minOrderValue,
    packagingFee: store.packagingFee ?? null,
    codFee: store.codFee ?? null,
    tax: store.gstin ? { pricesIncludeTax: store.pricesIncludeTax, defaultTaxRate: store.defaultTaxRate } : null,
  };
}
