// The checkout island's cart: lines from the browser cart re-priced with the catalogue, their
// totals from the pricing module, and the new prices of a PRICE_CHANGED answer.
import { shortOfFreeDeliveryFor, type CartChoices, type CartTotals, type PricingRules } from '@dukaan-kit/core/pricing';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { priceLines } from '../cart-pricing.js';
import type { CartLineView } from '../types.js';
import { readCart, setLineQuantity, writeCart, type StoredLine } from './cart-storage.js';
import { linesFromQuote, type PriceQuote } from './price-quote.js';

/**
 * A variant as the checkout island may price it, keyed by variant id in the catalogue; variants
 * missing from the catalogue (gone, hidden, switched off, sold out) are dropped from the cart.
 */
export interface CatalogEntry {
  productId: string;
  name: string;
  options: Record<string, string>;
  price: number;
  image: string | null;
  maxQuantity: number | null;
  /** The product's GST rate (percent); null: the store's default. */
  taxRate: number | null;
}

/** Refreshes stored lines with current catalogue prices and drops what can no longer be bought. */
export function reconcile(lines: StoredLine[], catalog: Record<string, CatalogEntry> | null): StoredLine[] {
  if (!catalog) return lines;
  return lines.flatMap((l) => {
    const c = catalog[l.variantId];
    if (!c) return [];
    const quantity = c.maxQuantity === null ? l.quantity : Math.min(l.quantity, c.maxQuantity);
    return quantity > 0 ? [{ ...l, ...c, quantity }] : [];
  });
}

/**
 * Totals to show: the pricing module's over the lines and the customer's choices, except that
 * right after a PRICE_CHANGED the server's quote decides delivery and total (the store's rules
 * may have changed since this page was rendered, and the customer must confirm exactly what the
 * server charges).
 */
export function shownTotals(lines: ReadonlyArray<StoredLine>, rules: PricingRules, quote: PriceQuote | null, choices?: CartChoices): CartTotals {
  const totals = priceLines(lines, rules, choices);
  if (!quote) return totals;
  const shortOfFreeDelivery = shortOfFreeDeliveryFor(rules, quote.subtotal, quote.deliveryFee);
  return { ...totals, subtotal: quote.subtotal, deliveryFee: quote.deliveryFee, total: quote.total, shortOfFreeDelivery };
}

/** What the checkout island keeps about the cart, and the two ways it changes. */
export interface CheckoutCart {
  lines: StoredLine[];
  totals: CartTotals;
  currency: string;
  setQuantity(variantId: string, quantity: number): void;
  applyQuote(quote: PriceQuote): void;
}

export function useCheckoutCart(p: { slug: string; lines: CartLineView[]; catalog: Record<string, CatalogEntry> | null; rules: PricingRules; currency: string }, choices: CartChoices): CheckoutCart {
  const [lines, setLines] = useState<StoredLine[]>(p.lines);
  const [quote, setQuote] = useState<PriceQuote | null>(null);
  const [currency, setCurrency] = useState(p.currency);
  const keep = (next: StoredLine[]) => {
    setLines(next);
    writeCart(p.slug, next);
  };

  // The browser cart wins over the cookie cart once JavaScript runs: it is what the bar showed.
  useEffect(() => {
    const stored = readCart(p.slug);
    keep(stored.length > 0 ? reconcile(stored, p.catalog) : p.lines);
  }, []);

  const { deliveryMethod, paymentMethod, coupon } = choices;
  // A quote priced the choices it was given; another choice is priced here again.
  const firstChoices = useRef(true);
  useEffect(() => {
    if (firstChoices.current) firstChoices.current = false;
    else setQuote(null);
  }, [deliveryMethod, paymentMethod, coupon]);
  const totals = useMemo(() => shownTotals(lines, p.rules, quote, { deliveryMethod, paymentMethod, coupon }), [lines, p.rules, quote, deliveryMethod, paymentMethod, coupon]);
  return {
    lines,
    totals,
    currency,
    setQuantity(variantId, quantity) {
      setQuote(null); // a changed cart is priced here again; the server checks it at the next submit
      keep(setLineQuantity(lines, variantId, quantity));
    },
    applyQuote(next) {
      setQuote(next);
      setCurrency(next.currency);
      keep(linesFromQuote(next, lines));
    },
  };
}
