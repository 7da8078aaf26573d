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

/** The no-JavaScript cart's cookie (the plugin's pages/cart.ts): same name, format and limits. */
export const cartCookieName = 'dukaan_cart';
const cookieLines = 50;
const cookieMaxAge = 30 * 24 * 3600;

/**
 * The cookie value of a cart: base64url of the JSON `{ variantId: quantity }`, at most 50 lines,
 * quantities 1..99, as the server's no-JS cart writes it (the server sanitizes it again on read).
 */
export function encodeCartCookie(lines: ReadonlyArray<Pick<StoredLine, 'variantId' | 'quantity'>>): string {
  const cart: Record<string, number> = {};
  for (const l of lines) {
    if (Object.keys(cart).length >= cookieLines && !(l.variantId in cart)) break;
    const quantity = Math.min(maxLineQuantity, Math.max(1, Math.floor(l.quantity)));
    if (Number.isFinite(quantity)) cart[l.variantId] = quantity;
  }
  // Ids are hex and dashes, quantities digits: the JSON is ASCII, so btoa takes it as it is.
  return btoa(JSON.stringify(cart)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The store's cookie path, `{prefix}/{slug}`, from the page's own path: every store page lies
 * under it, and the slug is the first path segment equal to it (callers that know the mount
 * path pass `basePath` instead).
 */
export function cartCookiePath(slug: string, basePath?: string, pathname = typeof location === 'undefined' ? '' : location.pathname): string {
  if (basePath !== undefined) return `${basePath}/${slug}`;
  const segments = pathname.split('/');
  const at = segments.indexOf(slug, 1);
  return at > 0 ? segments.slice(0, at + 1).join('/') : `/${slug}`;
}

/**
 * Keeps the server's cart cookie in step with the browser cart, so a page the server renders
 * (checkout with or without JavaScript, the cart bar's first paint) shows the same lines. The
 * cookie is the plugin's no-JS cart cookie, which is defined without HttpOnly for this: it holds
 * only variant ids and quantities, no secret.
 */
function writeCartCookie(slug: string, lines: ReadonlyArray<StoredLine>, basePath?: string): void {
  if (typeof document === 'undefined') return;
  const path = cartCookiePath(slug, basePath);
  const secure = location.protocol === 'https:' ? '; Secure' : '';
  document.cookie =
    lines.length === 0
      ? `${cartCookieName}=; Path=${path}; Max-Age=0; SameSite=Lax${secure}`
      : `${cartCookieName}=${encodeCartCookie(lines)}; Path=${path}; Max-Age=${cookieMaxAge}; SameSite=Lax${secure}`;
}

/**
 * Stores the cart (removes the entry when empty) and its cookie; storage failures leave the
 * in-page cart working. `basePath`: the app's mount path, when the caller knows it.
 */
export function writeCart(slug: string, lines: StoredLine[], basePath?: string): void {
  try {
    if (lines.length === 0) localStorage.removeItem(cartKey(slug));
    else localStorage.setItem(cartKey(slug), JSON.stringify(lines));
  } catch {
    /* quota or privacy mode: nothing to do */
  }
  try {
    writeCartCookie(slug, lines, basePath);
  } catch {
    /* cookies blocked: the browser cart still works with JavaScript */
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
