import type { Request, ResponseToolkit, Server } from '@hapi/hapi';
import type { CartLineView, StoreProductView } from '@dukaan-kit/storefront-ui';
import { clearCookie, defineCookie, setCookie } from '../cookies.js';
import type { Runtime } from '../runtime.js';

/**
 * The no-JavaScript cart: `{ productId: quantity }` as compact JSON (base64url in the cookie),
 * one cookie per store because its path is the store's (`{prefix}/{slug}`).
 */
export const cartCookie = 'dukaan_cart';
export const maxCartLines = 50;
export const maxLineQuantity = 99;

export type Cart = Record<string, number>;

const idPattern = /^[0-9a-f-]{36}$/i;

export function registerCartCookie(server: Server, runtime: Runtime): void {
  defineCookie(server, runtime, cartCookie, { ttl: 30 * 24 * 3600_000 });
}

/** Keeps only well-formed lines: ids as the core makes them, whole quantities 1..99, at most 50 lines. */
export function sanitizeCart(value: unknown): Cart {
  const cart: Cart = {};
  if (!value || typeof value !== 'object' || Array.isArray(value)) return cart;
  for (const [id, quantity] of Object.entries(value as Record<string, unknown>)) {
    if (Object.keys(cart).length >= maxCartLines) break;
    if (!idPattern.test(id) || typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) continue;
    cart[id.toLowerCase()] = Math.min(quantity, maxLineQuantity);
  }
  return cart;
}

export function encodeCart(cart: Cart): string {
  return Buffer.from(JSON.stringify(cart), 'utf8').toString('base64url');
}

export function decodeCart(raw: unknown): Cart {
  const values = Array.isArray(raw) ? raw : [raw];
  for (const value of values) {
    if (typeof value !== 'string' || value.length === 0 || value.length > 4000) continue;
    try {
      return sanitizeCart(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    } catch {
      // not ours, or tampered with: try the next, else an empty cart
    }
  }
  return {};
}

function cookiePath(runtime: Runtime, slug: string): string {
  return `${runtime.prefix}/${slug}`;
}

export function readCart(request: Request): Cart {
  return decodeCart((request.state as Record<string, unknown> | null)?.[cartCookie]);
}

export function writeCart(runtime: Runtime, request: Request, h: ResponseToolkit, slug: string, cart: Cart): void {
  if (Object.keys(cart).length === 0) clearCookie(runtime, request, h, cartCookie, { path: cookiePath(runtime, slug) });
  else setCookie(runtime, request, h, cartCookie, encodeCart(cart), { path: cookiePath(runtime, slug) });
}

/** Applies one cart form post; quantities are capped by the product's stock when it is tracked. */
export function applyCartAction(cart: Cart, action: string, product: Pick<StoreProductView, 'id' | 'stock'>, quantity: number): Cart {
  const next = { ...cart };
  const cap = Math.min(maxLineQuantity, product.stock ?? maxLineQuantity);
  const current = next[product.id] ?? 0;
  const wanted = action === 'remove' ? 0 : action === 'add' ? current + Math.max(1, quantity) : quantity;
  const bounded = Math.min(Math.max(0, wanted), cap);
  if (bounded <= 0) delete next[product.id];
  else if (product.id in next || Object.keys(next).length < maxCartLines) next[product.id] = bounded;
  return next;
}

/** The cart's lines priced with current products; unknown, hidden and sold-out products drop out. */
export function cartLines(cart: Cart, products: StoreProductView[]): CartLineView[] {
  const byId = new Map(products.map((p) => [p.id, p]));
  const lines: CartLineView[] = [];
  for (const [productId, wanted] of Object.entries(cart)) {
    const p = byId.get(productId);
    if (!p || !p.inStock) continue;
    const quantity = p.stock === null ? wanted : Math.min(wanted, p.stock);
    if (quantity > 0) lines.push({ productId, name: p.name, price: p.price, quantity, image: p.images[0] ?? null, maxQuantity: p.stock });
  }
  return lines;
}
