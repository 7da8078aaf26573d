import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { ValidationFailedError, matchProducts, maxQueryLength, type CouponOffer, type StoreView as CoreStoreView } from '@dukaan-kit/core';
import { renderPage, summariseLines, type PincodeAnswer } from '@dukaan-kit/storefront-ui';
import { baseUrl, originOf, type Runtime } from '../runtime.js';
import { cartLines, readCart } from './cart.js';
import { pageContext, storeView } from './context.js';
import { html, notFound, pageRoute } from './define.js';
import { cachedStorePage, csrfMarker, originMarker, peekStorePage } from './store-page-cache.js';
import { csrfTokenFor } from './csrf.js';
import { isResolved, resolveProduct, slugOf, storeForPage, type ResolvedStore } from './store-lookup.js';

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
  const ctx = pageContext(runtime, request, h);
  const cart = summariseLines(cartLines(readCart(request), view.products));
  const pincode = await pincodeAnswer(runtime, request, view.store.slug);
  // The offers are baked into the shared template (replaced with it when a coupon changes); a page
  // rendered for one visitor takes them from the store's cache, so neither costs a query per visit.
  // By the store's id: the view already resolved the slug, and a second lookup is a query uncached.
  const loadOffers = () => runtime.dukaan.coupons.currentOffersOfStore(view.store.id);
  const offersFor = (shared: boolean) => (page > 1 ? Promise.resolve([]) : shared ? loadOffers() : runtime.dukaan.storefront.cached(view.store.id, 'offers:v1', loadOffers));
  const render = (csrfToken: string | null, origin: string, offers: CouponOffer[]) =>
    renderPage({
      page: 'store',
      props: {
        ctx: { ...ctx, csrfToken },
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
      },
    });
  // A visitor with a cookie cart (no JavaScript), a flash message, a search or a pincode check gets a
  // page of their own: a pincode must never become a cache key, nor its answer a shared page.
  if (q || pincode || cart.count > 0 || ctx.flash || !ctx.csrfToken) return h.response(render(ctx.csrfToken, originOf(runtime, request), await offersFor(false))).type('text/html; charset=utf-8');
  const splice = { csrfToken: ctx.csrfToken, origin: originOf(runtime, request) };
  const body = await cachedStorePage(runtime.dukaan, view.store.id, `${categoryId ?? ''}:${page}`, splice, async () => render(csrfMarker, originMarker, await offersFor(true)));
  return h.response(body).type('text/html; charset=utf-8');
}

/**
 * The shared page of this listing when the visit is one every visitor makes alike (no query but
 * `?page=`, no cookie cart) and the page is in process and current: the cached hit without a look
 * at the store's data or a promise. null when the visit needs the full path.
 */
function sharedPageHit(runtime: Runtime, request: Request, h: ResponseToolkit, categoryId: string | null) {
  for (const name in request.query) if (name !== 'page') return null;
  const raw = request.query['page'];
  if (raw !== undefined && (typeof raw !== 'string' || !/^[1-9]\d{0,4}$/.test(raw))) return null;
  if (Object.keys(readCart(request)).length > 0) return null;
  const body = peekStorePage(runtime.dukaan, slugOf(request), `${categoryId ?? ''}:${raw ?? 1}`, () => ({
    csrfToken: csrfTokenFor(runtime, request, h),
    origin: originOf(runtime, request),
  }));
  return body ? h.response(body).type('text/html; charset=utf-8') : null;
}

function categoryOf(view: CoreStoreView, id: unknown): string | null {
  return typeof id === 'string' && view.categories.some((c) => c.id === id) ? id : null;
}

/** The store link; `?category=` (the link before categories had their own) moves to the category's URL. */
async function storePage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const hit = sharedPageHit(runtime, request, h, null);
  if (hit) return hit;
  const resolved = await storeForPage(runtime, request, h);
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
  const hit = sharedPageHit(runtime, request, h, request.params['categoryId'] as string);
  if (hit) return hit;
  const resolved = await storeForPage(runtime, request, h);
  if (!isResolved(resolved)) return resolved;
  const categoryId = categoryOf(resolved.view, request.params['categoryId']);
  if (!categoryId) throw notFound(`${resolved.view.store.name} does not have this category any more.`);
  return listing(runtime, request, h, resolved, categoryId);
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
 * link before slugs) or an earlier store slug answer 301 to the current link, query kept.
 */
async function productPage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const slug = request.params['slug'] as string;
  const ref = request.params['product'] as string;
  const { view, currentSlug, product, movedTo } = await resolveProduct(runtime, slug, ref);
  if (movedTo !== null || currentSlug !== slug) {
    return h.redirect(`${runtime.prefix}/${currentSlug}/p/${encodeURIComponent(movedTo ?? product.slug)}${request.url.search}`).code(301);
  }
  return html(h, {
    page: 'product',
    props: {
      ctx: pageContext(runtime, request, h),
      store: storeView(view.store),
      product,
      category: view.categories.find((c) => c.id === product.categoryId) ?? null,
      canonicalUrl: `${baseUrl(runtime, request)}/${view.store.slug}/p/${encodeURIComponent(product.slug)}`,
      cart: summariseLines(cartLines(readCart(request), view.products)),
      choice: choiceOf(request),
    },
  });
}

/** The store link, its category pages and its product pages. */
export function storePageRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/{slug}', handler: (request, h) => storePage(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/{slug}/c/{categoryId}', handler: (request, h) => categoryPage(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/{slug}/p/{product}', handler: (request, h) => productPage(runtime, request, h) }),
  ];
}
