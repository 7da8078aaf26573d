// The browser cart: one localStorage entry per store, lines with a price
// snapshot so the cart bar can show a subtotal without asking the server.
import type { CartLineView } from '../types.js';

/** One line in the browser cart, keyed by its variant: the same shape as the plugin's cookie cart line. */
export type StoredLine = CartLineView;

/** More than this in one line is a typo, not an order. */
export const maxLineQuantity = 99;

/** The localStorage key of a store's cart. */
export function cartKey(slug: string): string {
  return `dukaan-kit:cart:${slug}`;
}

function isLine(x: unknown): x is Omit<StoredLine, 'variantId' | 'options'> & Partial<Pick<StoredLine, 'variantId' | 'options'>> {
  const l = x as StoredLine;
  return !!l && typeof l.productId === 'string' && typeof l.price === 'number' && Number.isInteger(l.quantity) && l.quantity > 0;
}

/**
 * A stored line in today's shape. Lines stored before variants have no variantId: they were
 * products without options, whose default variant has the product's id.
 */
function upgrade(line: Omit<StoredLine, 'variantId' | 'options'> & Partial<Pick<StoredLine, 'variantId' | 'options'>>): StoredLine {
  const options = line.options && typeof line.options === 'object' && !Array.isArray(line.options) ? line.options : {};
  return { ...line, variantId: typeof line.variantId === 'string' ? line.variantId : line.productId, options };
}

/** The stored cart; empty when missing, unreadable or blocked (private mode). */
export function readCart(slug: string): StoredLine[] {
  try {
    const raw = JSON.parse(localStorage.getItem(cartKey(slug)) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter(isLine).map(upgrade) : [];
  } catch {
    return [];
  }
}

/** Stores the cart (removes the entry when empty); storage failures leave the in-page cart working. */
export function writeCart(slug: string, lines: StoredLine[]): void {
  try {
    if (lines.length === 0) localStorage.removeItem(cartKey(slug));
    else localStorage.setItem(cartKey(slug), JSON.stringify(lines));
  } catch {
    /* quota or privacy mode: nothing to do */
  }
}

function clamp(quantity: number, max: number | null): number {
  return Math.min(quantity, max ?? maxLineQuantity, maxLineQuantity);
}

/** Adds `quantity` of a variant, merging with its existing line and capping at the stock. */
export function addLine(lines: StoredLine[], line: Omit<StoredLine, 'quantity'>, quantity: number): StoredLine[] {
  const existing = lines.find((l) => l.variantId === line.variantId);
  if (!existing) return [...lines, { ...line, quantity: clamp(quantity, line.maxQuantity) }];
  return lines.map((l) => (l === existing ? { ...line, quantity: clamp(l.quantity + quantity, line.maxQuantity) } : l));
}

/** Sets the quantity of a variant's line; zero or less removes it. */
export function setLineQuantity(lines: StoredLine[], variantId: string, quantity: number): StoredLine[] {
  if (!(quantity > 0)) return lines.filter((l) => l.variantId !== variantId);
  return lines.map((l) => (l.variantId === variantId ? { ...l, quantity: clamp(Math.floor(quantity), l.maxQuantity) } : l));
}
