import type { Product, ProductOption, ProductVariant } from './product.js';

/** The product-level price, MRP, stock and SKU that simple-product clients read. */
export type VariantSummary = Pick<Product, 'price' | 'compareAtPrice' | 'stock' | 'sku'>;

/**
 * For a product without options, its default variant's fields. With options: the cheapest
 * active variant's price and MRP (what "from ₹X" shows; the cheapest of all when none is
 * active), the stock summed over the active variants (null when any of them does not track
 * stock: the product can always be bought), and no SKU (each variant has its own).
 */
export function summarizeVariants(options: ProductOption[], variants: ProductVariant[]): VariantSummary {
  const only = variants[0];
  if (options.length === 0 && only) return { price: only.price, compareAtPrice: only.compareAtPrice, stock: only.stock, sku: only.sku };
  const active = variants.filter((v) => v.active);
  const pool = active.length > 0 ? active : variants;
  const cheapest = pool.reduce<ProductVariant | undefined>((best, v) => (!best || v.price < best.price ? v : best), undefined);
  const stock = active.some((v) => v.stock === null) ? null : active.reduce((sum, v) => sum + (v.stock ?? 0), 0);
  return { price: cheapest?.price ?? 0, compareAtPrice: cheapest?.compareAtPrice ?? null, stock, sku: null };
}

/** A variant that can be bought: switched on, and in stock or untracked. */
export function isBuyable(variant: ProductVariant): boolean {
  return variant.active && (variant.stock === null || variant.stock > 0);
}

/**
 * The variant an order line or a stock change names. Without an id: the default variant of a
 * product without options (null for a product with options, whose caller must ask for one).
 */
export function findVariant(product: Pick<Product, 'options' | 'variants'>, variantId?: string | null): ProductVariant | null {
  if (variantId === undefined || variantId === null) return product.options.length === 0 ? (product.variants[0] ?? null) : null;
  return product.variants.find((v) => v.id === variantId) ?? null;
}

/** "Weight: 500 g · Colour: Red"; '' for the default variant. */
export function describeOptions(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([name, value]) => `${name}: ${value}`)
    .join(' · ');
}

/** "Laddoo (Weight: 500 g)"; just the name for the default variant. */
export function variantLabel(name: string, options: Record<string, string>): string {
  const chosen = describeOptions(options);
  return chosen === '' ? name : `${name} (${chosen})`;
}
