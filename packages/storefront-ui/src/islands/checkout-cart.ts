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

/** A quantity the shop cut to the stock left: what was asked, and what is left. */
export interface QuantityCut {
  asked: number;
  left: number;
}

/** The lines re-priced, the quantities cut to the stock left, and the names of what dropped out. */
export interface Reconciled {
  lines: StoredLine[];
  cuts: Record<string, QuantityCut>;
  dropped: string[];
}

/**
 * Refreshes stored lines with current catalogue prices and drops what can no longer be bought;
 * a quantity above the stock left is cut to it, and both are reported so the page can say so.
 */
export function reconcileReport(lines: StoredLine[], catalog: Record<string, CatalogEntry> | null): Reconciled {
  if (!catalog) return { lines, cuts: {}, dropped: [] };
  const cuts: Record<string, QuantityCut> = {};
  const dropped: string[] = [];
  const kept = lines.flatMap((l) => {
    const c = catalog[l.variantId];
    const quantity = !c ? 0 : c.maxQuantity === null ? l.quantity : Math.min(l.quantity, c.maxQuantity);
    if (quantity <= 0) {
      dropped.push(l.name);
      return [];
    }
    if (quantity < l.quantity) cuts[l.variantId] = { asked: l.quantity, left: quantity };
    return [{ ...l, ...c, quantity }];
  });
  return { lines: kept, cuts, dropped };
}

/** Refreshes stored lines with current catalogue prices and drops what can no longer be bought. */
export function reconcile(lines: StoredLine[], catalog: Record<string, CatalogEntry> | null): StoredLine[] {
  return reconcileReport(lines, catalog).lines;
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
  /** Lines whose quantity was cut to the stock left (by the server, on loading, or as typed). */
  cuts: Record<string, QuantityCut>;
  /** Names of lines that dropped out as sold out or gone. */
  dropped: string[];
  setQuantity(variantId: string, quantity: number): void;
  applyQuote(quote: PriceQuote): void;
}

export interface CheckoutCartInput {
  basePath: string;
  slug: string;
  lines: CartLineView[];
  catalog: Record<string, CatalogEntry> | null;
  rules: PricingRules;
  currency: string;
  /** What the server already cut or dropped from the cookie cart. */
  cuts: Record<string, QuantityCut>;
  dropped: string[];
}

export function useCheckoutCart(p: CheckoutCartInput, choices: CartChoices): CheckoutCart {
  const [lines, setLines] = useState<StoredLine[]>(p.lines);
  const [quote, setQuote] = useState<PriceQuote | null>(null);
  const [currency, setCurrency] = useState(p.currency);
  const [cuts, setCuts] = useState<Record<string, QuantityCut>>(p.cuts);
  const [dropped, setDropped] = useState<string[]>(p.dropped);
  const keep = (next: StoredLine[]) => {
    setLines(next);
    writeCart(p.slug, next, p.basePath);
  };

  // The browser cart wins over the cookie cart once JavaScript runs: it is what the bar showed.
  // Writing it back keeps the cookie in step, so the next server render shows the same.
  useEffect(() => {
    const stored = readCart(p.slug);
    if (stored.length === 0) return keep(p.lines);
    const report = reconcileReport(stored, p.catalog);
    keep(report.lines);
    setCuts((c) => ({ ...c, ...report.cuts }));
    setDropped((d) => [...new Set([...d, ...report.dropped])]);
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
    cuts,
    dropped,
    setQuantity(variantId, quantity) {
      setQuote(null); // a changed cart is priced here again; the server checks it at the next submit
      const next = setLineQuantity(lines, variantId, quantity);
      const now = next.find((l) => l.variantId === variantId);
      // More than is left is cut to what is left, and the line says so instead of changing silently.
      setCuts(({ [variantId]: _old, ...rest }) => (now && Math.floor(quantity) > now.quantity && now.maxQuantity !== null ? { ...rest, [variantId]: { asked: Math.floor(quantity), left: now.quantity } } : rest));
      keep(next);
    },
    applyQuote(next) {
      setQuote(next);
      setCurrency(next.currency);
      keep(linesFromQuote(next, lines));
    },
  };
}
