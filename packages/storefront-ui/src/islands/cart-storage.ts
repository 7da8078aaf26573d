// The browser cart: one localStorage entry per store, lines with a price
// snapshot so the cart bar can show a subtotal without asking the server.
import type { CartLineView } from '../types.js';

/** One line in the browser cart: the same shape as the plugin's cookie cart line. */
export type StoredLine = CartLineView;

/** More than this in one line is a typo, not an order. */
export const maxLineQuantity = 99;

/** The localStorage key of a store's cart. */
export function cartKey(slug: string): string {
  return `dukaan-kit:cart:${slug}`;
}

function isLine(x: unknown): x is StoredLine {
  const l = x as StoredLine;
  return !!l && typeof l.productId === 'string' && typeof l.price === 'number' && Number.isInteger(l.quantity) && l.quantity > 0;
}

/** The stored cart; empty when missing, unreadable or blocked (private mode). */
export function readCart(slug: string): StoredLine[] {
  try {
    const raw = JSON.parse(localStorage.getItem(cartKey(slug)) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter(isLine) : [];
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

/** Adds `quantity` of a product, merging with an existing line and capping at the stock. */
export function addLine(lines: StoredLine[], line: Omit<StoredLine, 'quantity'>, quantity: number): StoredLine[] {
  const existing = lines.find((l) => l.productId === line.productId);
  if (!existing) return [...lines, { ...line, quantity: clamp(quantity, line.maxQuantity) }];
  return lines.map((l) => (l === existing ? { ...line, quantity: clamp(l.quantity + quantity, line.maxQuantity) } : l));
}

/** Sets a line's quantity; zero or less removes it. */
export function setLineQuantity(lines: StoredLine[], productId: string, quantity: number): StoredLine[] {
  if (!(quantity > 0)) return lines.filter((l) => l.productId !== productId);
  return lines.map((l) => (l.productId === productId ? { ...l, quantity: clamp(Math.floor(quantity), l.maxQuantity) } : l));
}
