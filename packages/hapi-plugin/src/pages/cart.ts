import type { Request, ResponseToolkit, Server } from '@hapi/hapi';
import type { CartLineView, StoreProductView } from '@dukaan-kit/storefront-ui';
import { clearCookie, defineCookie, setCookie } from '../cookies.js';
import type { Runtime } from '../runtime.js';

/**
 * The no-JavaScript cart: `{ variantId: quantity }` as compact JSON (base64url in the cookie),
 * one cookie per store because its path is the store's (`{prefix}/{slug}`). Variant ids are
 * unique across products, so they key a line alone and 50 lines stay well under the 4 KB a
 * cookie may hold; a product without options has one variant with the product's own id, so
 * carts written before variants (keyed by product id) still name the same thing.
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

type Product = StoreProductView;
type Variant = StoreProductView['variants'][number];

/** What a cart line names: a variant and its product. */
export interface CartItem {
  product: Product;
  variant: Variant;
}

// Built once per product list (the cached store view's, kept in process while current).
const variantIndexes = new WeakMap<ReadonlyArray<Product>, Map<string, CartItem>>();

/** Every variant of the store's products by id. */
export function variantIndex(products: ReadonlyArray<Product>): Map<string, CartItem> {
  let index = variantIndexes.get(products);
  if (!index) {
    index = new Map();
    for (const product of products) for (const variant of product.variants) index.set(variant.id, { product, variant });
    variantIndexes.set(products, index);
  }
  return index;
}

/** Applies one cart form post; quantities are capped by the variant's stock when it is tracked. */
export function applyCartAction(cart: Cart, action: string, variant: Pick<Variant, 'id' | 'stock'>, quantity: number): Cart {
  const next = { ...cart };
  const cap = Math.min(maxLineQuantity, variant.stock ?? maxLineQuantity);
  const current = next[variant.id] ?? 0;
  const wanted = action === 'remove' ? 0 : action === 'add' ? current + Math.max(1, quantity) : quantity;
  const bounded = Math.min(Math.max(0, wanted), cap);
  if (bounded <= 0) delete next[variant.id];
  else if (variant.id in next || Object.keys(next).length < maxCartLines) next[variant.id] = bounded;
  return next;
}

/** The picture of a variant: its own, else the product's cover. */
function imageOf({ product, variant }: CartItem): string | null {
  return (variant.image !== null ? product.images[variant.image] : undefined) ?? product.images[0] ?? null;
}

/** The cart's lines priced with current variants; unknown, hidden, switched-off and sold-out ones drop out. */
export function cartLines(cart: Cart, products: ReadonlyArray<Product>): CartLineView[] {
  const index = variantIndex(products);
  const lines: CartLineView[] = [];
  for (const [variantId, wanted] of Object.entries(cart)) {
    const item = index.get(variantId);
    if (!item || !item.variant.inStock) continue;
    const { product, variant } = item;
    const quantity = variant.stock === null ? wanted : Math.min(wanted, variant.stock);
    if (quantity > 0) {
      lines.push({ productId: product.id, variantId, name: product.name, options: variant.options, price: variant.price, quantity, image: imageOf(item), maxQuantity: variant.stock, taxRate: product.taxRate });
    }
  }
  return lines;
}
