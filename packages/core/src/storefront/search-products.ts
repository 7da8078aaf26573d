import { ValidationFailedError } from '../errors.js';
import type { PublicProduct, StoreView } from './store-view.js';

/** What a customer (or a client of the public API) asks the store for. */
export interface ProductSearch {
  /** Words that must all appear in the name, the description or a variant's SKU (any case, any accents). */
  q?: string | undefined;
  categoryId?: string | null | undefined;
  /** From a previous page's `nextCursor`; absent for the first page. */
  cursor?: string | undefined;
  /** Products per page; default `defaultSearchLimit`, at most `maxSearchLimit`. */
  limit?: number | undefined;
}

export interface ProductSearchPage {
  items: PublicProduct[];
  /** Opaque; null on the last page. */
  nextCursor: string | null;
  /** How many products match in all (every page). */
  total: number;
}

export const defaultSearchLimit = 48;
export const maxSearchLimit = 100;
/** Longer queries are cut: nobody types more, and each word is matched against every product. */
export const maxQueryLength = 100;
const maxWords = 8;

// Derived per view object: the store view is rebuilt on every catalogue or stock change and kept
// in process while current, so these are computed once per change, not once per request.
const ordered = new WeakMap<StoreView, PublicProduct[]>();
const haystacks = new WeakMap<StoreView, Map<string, string>>();

/** Lowercase, without Latin accents (`Crème` matches `creme`), whitespace collapsed. */
export function searchText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/** The words of a query: at most `maxWords`, from its first `maxQueryLength` characters. */
export function queryWords(q: string | undefined): string[] {
  if (!q) return [];
  const words = searchText(q.slice(0, maxQueryLength).replace(/\0/g, ' ')).split(' ').filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, maxWords);
}

/**
 * The store's products as the store page lists them: its display order, with the sold-out
 * ones moved to the end (in the same order among themselves).
 */
export function storeOrder(view: StoreView): PublicProduct[] {
  let list = ordered.get(view);
  if (!list) {
    list = [...view.products.filter((p) => p.inStock), ...view.products.filter((p) => !p.inStock)];
    ordered.set(view, list);
  }
  return list;
}

function haystackOf(view: StoreView, product: PublicProduct): string {
  let map = haystacks.get(view);
  if (!map) {
    map = new Map();
    haystacks.set(view, map);
  }
  let text = map.get(product.id);
  if (text === undefined) {
    const skus = product.variants.map((v) => v.sku ?? '').join(' ');
    text = searchText(`${product.name} ${skus} ${product.description}`);
    map.set(product.id, text);
  }
  return text;
}

/** Every product matching the query and category, sold-out last. */
export function matchProducts(view: StoreView, search: Pick<ProductSearch, 'q' | 'categoryId'>): PublicProduct[] {
  const words = queryWords(search.q);
  const categoryId = search.categoryId ?? null;
  const all = storeOrder(view);
  if (words.length === 0 && categoryId === null) return all;
  return all.filter((p) => (categoryId === null || p.categoryId === categoryId) && words.every((w) => haystackOf(view, p).includes(w)));
}

const cursorPattern = /^o(\d{1,6})$/;

/** The cursor of the page starting at `offset`. */
export function encodeSearchCursor(offset: number): string {
  return Buffer.from(`o${offset}`, 'utf8').toString('base64url');
}

/** Where a cursor starts; VALIDATION_FAILED for one this API did not give out. */
export function decodeSearchCursor(cursor: string): number {
  const match = cursorPattern.exec(Buffer.from(cursor.slice(0, 40), 'base64url').toString('utf8'));
  if (!match) throw new ValidationFailedError('Some fields are not valid', [{ path: 'cursor', message: 'Cursor is not one this API gave out' }]);
  return Number(match[1]);
}

/**
 * One page of the store's products matching a search, sold-out last. Pure: it reads the cached
 * view, so a search costs no query. The cursor is a position in the matching list: a product
 * added or sold out between two pages may shift it by one, which a storefront can live with.
 */
export function searchProducts(view: StoreView, search: ProductSearch = {}): ProductSearchPage {
  const limit = Math.min(Math.max(1, Math.floor(search.limit ?? defaultSearchLimit)), maxSearchLimit);
  const offset = search.cursor === undefined ? 0 : decodeSearchCursor(search.cursor);
  const matches = matchProducts(view, search);
  const items = matches.slice(offset, offset + limit);
  const next = offset + limit;
  return { items, nextCursor: next < matches.length ? encodeSearchCursor(next) : null, total: matches.length };
}
