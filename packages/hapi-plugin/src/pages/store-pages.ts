import type { Request, ResponseObject, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { ValidationFailedError, matchProducts, maxQueryLength, type CouponOffer, type StoreView as CoreStoreView } from '@dukaan-kit/core';
import { renderPage, summariseLines, type CartLineView, type PincodeAnswer } from '@dukaan-kit/storefront-ui';
import { locales, type Locale } from '@dukaan-kit/core/i18n';
import { baseUrl, originOf, type Runtime } from '../runtime.js';
import { cartLines, readCart } from './cart.js';
import { pageContext, storeView } from './context.js';
import { html, noStore, notFound, pageRoute } from './define.js';
import { chosenLocale, customerLocale, languageLinks, storeLocale } from './locale.js';
import { cachedStorePage, cachedStorePageIfPresent, csrfMarker, originMarker, peekStorePage } from './store-page-cache.js';
import { csrfTokenFor } from './csrf.js';
import { isResolved, resolveProduct, slugOf, storeForPage, storeIdForPage, viewForPage, type ResolvedStore } from './store-lookup.js';

/** Products per page of the store listing; the UI's "Load more" asks for the next one. */
export const storePageSize = 48;
/** Past this a page number is not one the listing links to (5,000 products are 105 pages). */
const maxPageDigits = 5;

function queryText(request: Request, name: string, max: number): string {
  const value = request.query[name];
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** `?page=`: absent is 1; anything but a page that exists is a friendly 404. */
function pageNumber(request: Request): number {
  const raw = request.query['page'];
  if (raw === undefined || raw === '') return 1;
  const n = typeof raw === 'string' && new RegExp(`^\\d{1,${maxPageDigits}}$`).test(raw) ? Number(raw) : 0;
  if (n < 1) throw notFound('There is no such page of products.');
  return n;
}

/**
 * The store page's pincode check (`?pincode=`, its no-JavaScript form): core's answer, or a
 * malformed pincode's message; null when none was asked.
 */
async function pincodeAnswer(runtime: Runtime, request: Request, slug: string): Promise<PincodeAnswer | null> {
  const raw = request.query['pincode'];
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const typed = raw.trim().slice(0, 12);
  try {
    const { pincode, serviceable, message } = await runtime.dukaan.stores.checkPincode(slug, typed);
    return { pincode, serviceable, message };
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    const message = error.details[0]?.message ?? 'Enter a pincode of six digits.';
    return { pincode: typed, serviceable: null, message: message.charAt(0).toUpperCase() + message.slice(1) };
  }
}

/** The cookie cart's lines priced now, and how many of each variant they hold (the pages' steppers without JavaScript). */
function cookieCart(request: Request, products: CoreStoreView['products']): { lines: CartLineView[]; inCart: Record<string, number> } {
  const lines = cartLines(readCart(request), products);
  return { lines, inCart: Object.fromEntries(lines.map((l) => [l.variantId, l.quantity])) };
}

/**
 * The cached store page's key: the language part is the visitor's own choice (`?lang=`, else the
 * `dukaan_lang` cookie), or '-' for a visitor who chose none and reads the store's default, fixed
 * for a version of the store. So a page is never served in another language than its visitor's,
 * and the fast path can name the key before it knows the store.
 */
export function storePageVariant(chosen: Locale | undefined, categoryId: string | null, page: number | string): string {
  return `${chosen ?? '-'}:${categoryId ?? ''}:${page}`;
}

/**
 * The language chooser's links of a shared (cached) page: its own path with `lang=` set, never the
 * query of whichever visit rendered it first (a tracking parameter must not end up in every copy).
 */
function sharedLanguageLinks(path: string): Record<Locale, string> {
  const url = new URL(path, 'http://localhost');
  const links = {} as Record<Locale, string>;
  for (const locale of locales) {
    const params = new URLSearchParams(url.search);
    params.set('lang', locale);
    links[locale] = `${url.pathname}?${params.toString()}`;
  }
  return links;
}

/** The listing's path under the mount prefix: the store, or one of its categories. */
function listingPath(runtime: Runtime, storeSlug: string, categoryId: string | null): string {
  return `${runtime.prefix}/${storeSlug}${categoryId ? `/c/${encodeURIComponent(categoryId)}` : ''}`;
}

/**
 * One listing page: the store or a category, optionally searched, 48 products a page with the
 * sold-out ones last. Most visitors (no search, no cookie cart, no flash) get the shared cached
 * template of that category and page; a search is rendered for the asker (its words must not
 * become cache keys).
 */
async function listing(runtime: Runtime, request: Request, h: ResponseToolkit, { view }: ResolvedStore, categoryId: string | null) {
  const q = queryText(request, 'q', maxQueryLength).replace(/\0/g, '').trim();
  const page = pageNumber(request);
  const matches = matchProducts(view, { q, categoryId });
  const pages = Math.max(1, Math.ceil(matches.length / storePageSize));
  if (page > pages) throw notFound('There is no such page of products.');
  const products = matches.slice((page - 1) * storePageSize, page * storePageSize);
  const path = `${listingPath(runtime, view.store.slug, categoryId)}${page > 1 ? `?page=${page}` : ''}`;
  const chosen = chosenLocale(runtime, request, h);
  const ctx = pageContext(runtime, request, h, { locale: chosen ?? storeLocale(view.store), languageLinks: languageLinks(request) });
  const { lines, inCart } = cookieCart(request, view.products);
  const cart = summariseLines(lines);
  const pincode = await pincodeAnswer(runtime, request, view.store.slug);
  // The offers are baked into the shared template (replaced with it when a coupon changes); a page
  // rendered for one visitor takes them from the store's cache, so neither costs a query per visit.
  // By the store's id: the view already resolved the slug, and a second lookup is a query uncached.
  const loadOffers = () => runtime.dukaan.coupons.currentOffersOfStore(view.store.id);
  const offersFor = (shared: boolean) => (page > 1 ? Promise.resolve([]) : shared ? loadOffers() : runtime.dukaan.storefront.cached(view.store.id, 'offers:v1', loadOffers));
  const render = (csrfToken: string | null, origin: string, offers: CouponOffer[], shared = false) =>
    renderPage({
      page: 'store',
      props: {
        ctx: { ...ctx, csrfToken, ...(shared ? { languageLinks: sharedLanguageLinks(path) } : {}) },
        store: storeView(view.store),
        categories: view.categories,
        products,
        activeCategoryId: categoryId,
        q,
        page,
        total: matches.length,
        hasMore: page < pages,
        canonicalUrl: `${origin}${path}`,
        cart,
        pincodeAnswer: pincode,
        offers,
        inCart,
        cartLines: lines,
      },
    });
  // A visitor with a cookie cart (no JavaScript), a flash message, a search or a pincode check gets a
  // page of their own: a pincode must never become a cache key, nor its answer a shared page.
  if (q || pincode || cart.count > 0 || ctx.flash || !ctx.csrfToken) return h.response(render(ctx.csrfToken, originOf(runtime, request), await offersFor(false))).type('text/html; charset=utf-8');
  const splice = { csrfToken: ctx.csrfToken, origin: originOf(runtime, request) };
  const body = await cachedStorePage(runtime.dukaan, view.store.id, storePageVariant(chosen, categoryId, page), splice, async () => render(csrfMarker, originMarker, await offersFor(true), true));
  return h.response(body).type('text/html; charset=utf-8');
}

/** The `?page=` of a visit every visitor makes alike (no query but `?page=`, no cookie cart); null for one that is not. */
function sharedVisitPage(request: Request): string | number | null {
  for (const name in request.query) if (name !== 'page') return null;
  const raw = request.query['page'];
  if (raw !== undefined && (typeof raw !== 'string' || !/^[1-9]\d{0,4}$/.test(raw))) return null;
  if (Object.keys(readCart(request)).length > 0) return null;
  return raw ?? 1;
}

/**
 * A listing's shared page when it is cached, else its store and view to render it.
 *
 * A visit every visitor makes alike (see sharedVisitPage) first gets the page in process when
 * this process holds it and trusts it current: no look at the store's data, no promise. Else
 * the store's id from its slug (or the redirect to its current slug, or the 404), then the page
 * from either cache layer, and only then the view. A big store's view (thousands of products
 * with photos) fits neither cache layer, so waiting for it made every such visit a catalogue
 * read from the database whenever this process's trust in the versions lapsed. `?lang=` takes
 * the full path (it may set the cookie); the language cookie picks the cached page of its
 * language. A template only exists for a category and page that existed when it was rendered,
 * so a made-up path finds none; the full path answers it with a 404 and caches nothing.
 */
async function listingStore(runtime: Runtime, request: Request, h: ResponseToolkit, categoryId: string | null): Promise<ResolvedStore | ResponseObject> {
  const page = sharedVisitPage(request);
  const variant = page === null ? null : storePageVariant(chosenLocale(runtime, request, null), categoryId, page);
  const splice = () => ({ csrfToken: csrfTokenFor(runtime, request, h), origin: originOf(runtime, request) });
  const answer = (body: Buffer) => h.response(body).type('text/html; charset=utf-8');
  const held = variant === null ? undefined : peekStorePage(runtime.dukaan, slugOf(request), variant, splice);
  if (held) return answer(held);
  const storeId = await storeIdForPage(runtime, request, h);
  if (typeof storeId !== 'string') return storeId;
  const cached = variant === null ? undefined : await cachedStorePageIfPresent(runtime.dukaan, storeId, variant, splice);
  return cached ? answer(cached) : viewForPage(runtime, request, storeId);
}

function categoryOf(view: CoreStoreView, id: unknown): string | null {
  return typeof id === 'string' && view.categories.some((c) => c.id === id) ? id : null;
}

/** The store link; `?category=` (the link before categories had their own) moves to the category's URL. */
async function storePage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const resolved = await listingStore(runtime, request, h, null);
  if (!isResolved(resolved)) return resolved;
  const moved = categoryOf(resolved.view, request.query['category']);
  if (moved) {
    const rest = new URLSearchParams(request.url.search);
    rest.delete('category');
    const search = rest.toString();
    return h.redirect(`${listingPath(runtime, resolved.currentSlug, moved)}${search ? `?${search}` : ''}`).code(301);
  }
  return listing(runtime, request, h, resolved, null);
}

async function categoryPage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const categoryId = request.params['categoryId'] as string;
  const resolved = await listingStore(runtime, request, h, categoryId);
  if (!isResolved(resolved)) return resolved;
  const known = categoryOf(resolved.view, categoryId);
  if (!known) throw notFound(`${resolved.view.store.name} does not have this category any more.`);
  return listing(runtime, request, h, resolved, known);
}

/** The choice a product page link carries: `?v=<variantId>`, or `?o1=…&o2=…&o3=…` from the picker's form. */
function choiceOf(request: Request) {
  return {
    variantId: queryText(request, 'v', 64) || null,
    picks: ['o1', 'o2', 'o3'].map((name) => queryText(request, name, 40) || null),
  };
}

/**
 * A product page at `/{store}/p/{product-slug}`. An earlier slug of the product, its id (the
 * link before slugs) or an earlier store slug answer 301 to the current link, query kept. A link
 * to no product of the store is a 404 inside the store's own page (its header, the way back).
 */
async function productPage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const slug = request.params['slug'] as string;
  const ref = request.params['product'] as string;
  const lookup = await resolveProduct(runtime, slug, ref);
  const store = lookup.view.store;
  const ctx = pageContext(runtime, request, h, { locale: customerLocale(runtime, request, h, storeLocale(store)), languageLinks: languageLinks(request) });
  if (!lookup.found) {
    if (lookup.currentSlug !== slug) return h.redirect(`${runtime.prefix}/${lookup.currentSlug}/p/${encodeURIComponent(ref)}${request.url.search}`).code(301);
    return html(h, { page: 'product', props: { ctx, store: storeView(store), product: null, canonicalUrl: `${baseUrl(runtime, request)}/${store.slug}` } }, 404).header('cache-control', 'no-store');
  }
  const { view, currentSlug, product, movedTo } = lookup;
  if (movedTo !== null || currentSlug !== slug) {
    return h.redirect(`${runtime.prefix}/${currentSlug}/p/${encodeURIComponent(movedTo ?? product.slug)}${request.url.search}`).code(301);
  }
  const { lines, inCart } = cookieCart(request, view.products);
  return html(h, {
    page: 'product',
    props: {
      ctx,
      store: storeView(view.store),
      product,
      category: view.categories.find((c) => c.id === product.categoryId) ?? null,
      canonicalUrl: `${baseUrl(runtime, request)}/${view.store.slug}/p/${encodeURIComponent(product.slug)}`,
      cart: summariseLines(lines),
      choice: choiceOf(request),
      inCart,
      cartLines: lines,
    },
  });
}

/** True when the client asked for JSON (and not for HTML first): an API client, not a browser. */
function wantsJson(request: Request): boolean {
  const accept = String(request.headers['accept'] ?? '');
  return /\bapplication\/json\b/i.test(accept) && !/\btext\/html\b/i.test(accept);
}

/**
 * `GET /{slug}/cart`. A browser (any Accept but JSON alone) is sent on to the checkout page, which
 * is the store's cart page: the lines with their −/+ steppers, the totals and the order form.
 * A client that asks for `Accept: application/json` gets the cookie cart as JSON:
 * `{ currency, count, subtotal, lines: [{ productId, variantId, name, options, price, quantity, image, maxQuantity, taxRate }] }`.
 */
async function cartPage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const resolved = await storeForPage(runtime, request, h);
  if (!isResolved(resolved)) return resolved;
  const { view } = resolved;
  if (!wantsJson(request)) return noStore(h.redirect(`${runtime.prefix}/${view.store.slug}/checkout`).code(303)).header('vary', 'accept');
  const { lines } = cookieCart(request, view.products);
  return noStore(h.response({ currency: view.store.currency, ...summariseLines(lines), lines }).type('application/json; charset=utf-8')).header('vary', 'accept');
}

/** The store link, its category pages, its product pages and its cart link. */
export function storePageRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/{slug}', handler: (request, h) => storePage(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/{slug}/c/{categoryId}', handler: (request, h) => categoryPage(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/{slug}/p/{product}', handler: (request, h) => productPage(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/{slug}/cart', handler: (request, h) => cartPage(runtime, request, h) }),
  ];
}
