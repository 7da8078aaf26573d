// The new prices a 409 PRICE_CHANGED carries in `details`: the island shows them and stores
// them in the browser cart, so the customer confirms a total they have seen.
import { isSafeAmount } from '@dukaan-kit/core/pricing';
import type { Quote, QuoteLine } from '@dukaan-kit/core';
import type { StoredLine } from './cart-storage.js';

/** `details` of a PRICE_CHANGED answer: the cart at today's prices (core's Quote, minor units). */
export type PriceQuote = Quote;

function isQuoteLine(x: unknown): x is QuoteLine {
  const l = x as QuoteLine;
  return (
    !!l &&
    typeof l.productId === 'string' &&
    typeof l.name === 'string' &&
    isSafeAmount(l.unitPrice) &&
    Number.isInteger(l.quantity) &&
    l.quantity > 0 &&
    isSafeAmount(l.lineTotal)
  );
}

/** The quote in an API error's `details`; null when it is not one (the island then shows the message alone). */
export function readQuote(details: unknown): PriceQuote | null {
  const q = details as PriceQuote;
  if (!q || typeof q !== 'object' || !Array.isArray(q.items) || !q.items.every(isQuoteLine)) return null;
  if (![q.subtotal, q.deliveryFee, q.total].every(isSafeAmount) || typeof q.currency !== 'string') return null;
  return q;
}

/** A quote line as checkout now sends it: the variant sold and its option values beside the product. */
type VariantQuoteLine = QuoteLine & { variantId?: unknown; options?: unknown; taxRate?: unknown };

function optionsOf(value: unknown): Record<string, string> | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/**
 * The browser cart re-priced by a quote: the quote's lines, keeping each one's picture and stock
 * cap. A quote line without a variant (an older server) is the product's default variant.
 */
export function linesFromQuote(quote: PriceQuote, previous: ReadonlyArray<StoredLine>): StoredLine[] {
  const before = new Map(previous.map((l) => [l.variantId, l]));
  return quote.items.map((item: VariantQuoteLine) => {
    const variantId = typeof item.variantId === 'string' ? item.variantId : item.productId;
    const old = before.get(variantId);
    const options = optionsOf(item.options) ?? old?.options ?? {};
    // The quote's rate is the one the server priced with (the store's default already resolved).
    const taxRate = typeof item.taxRate === 'number' ? item.taxRate : old?.taxRate;
    const line = { productId: item.productId, variantId, name: item.name, options, price: item.unitPrice, quantity: item.quantity, image: old?.image ?? null, maxQuantity: old?.maxQuantity ?? null };
    return taxRate === undefined ? line : { ...line, taxRate };
  });
}
