import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { renderPage, summariseLines } from '@dukaan-kit/storefront-ui';
import { baseUrl, originOf, type Runtime } from '../runtime.js';
import { cartLines, readCart } from './cart.js';
import { pageContext, storeView } from './context.js';
import { html, notFound, pageRoute } from './define.js';
import { cachedStorePage, csrfMarker, originMarker } from './store-page-cache.js';
import { isResolved, storeForPage, type ResolvedStore } from './store-lookup.js';

function activeCategory(request: Request, { view }: ResolvedStore): string | null {
  const category = request.query['category'];
  return typeof category === 'string' && view.categories.some((c) => c.id === category) ? category : null;
}

/** The store link: from the shared cached template for most visitors, rendered for one with a cookie cart or a flash. */
async function storePage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const resolved = await storeForPage(runtime, request, h);
  if (!isResolved(resolved)) return resolved;
  const { view } = resolved;
  const activeCategoryId = activeCategory(request, resolved);
  const path = `${runtime.prefix}/${view.store.slug}${activeCategoryId ? `?category=${encodeURIComponent(activeCategoryId)}` : ''}`;
  const ctx = pageContext(runtime, request, h);
  const cart = summariseLines(cartLines(readCart(request), view.products));
  const page = (csrfToken: string | null, origin: string) =>
    renderPage({
      page: 'store',
      props: { ctx: { ...ctx, csrfToken }, store: storeView(view.store), categories: view.categories, products: view.products, activeCategoryId, canonicalUrl: `${origin}${path}`, cart },
    });
  // A visitor with a cookie cart (no JavaScript) or a flash message gets a page of their own.
  if (cart.count > 0 || ctx.flash || !ctx.csrfToken) return h.response(page(ctx.csrfToken, originOf(runtime, request))).type('text/html; charset=utf-8');
  const splice = { csrfToken: ctx.csrfToken, origin: originOf(runtime, request) };
  const body = await cachedStorePage(runtime.dukaan, view.store.id, activeCategoryId ?? '', splice, () => page(csrfMarker, originMarker));
  return h.response(body).type('text/html; charset=utf-8');
}

async function productPage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const resolved = await storeForPage(runtime, request, h);
  if (!isResolved(resolved)) return resolved;
  const { view } = resolved;
  const product = view.products.find((p) => p.id === request.params['productId']);
  if (!product) throw notFound(`${view.store.name} does not have this product any more.`);
  return html(h, {
    page: 'product',
    props: {
      ctx: pageContext(runtime, request, h),
      store: storeView(view.store),
      product,
      category: view.categories.find((c) => c.id === product.categoryId) ?? null,
      canonicalUrl: `${baseUrl(runtime, request)}/${view.store.slug}/p/${encodeURIComponent(product.id)}`,
      cart: summariseLines(cartLines(readCart(request), view.products)),
    },
  });
}

/** The store link and its product pages. */
export function storePageRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/{slug}', handler: (request, h) => storePage(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/{slug}/p/{productId}', handler: (request, h) => productPage(runtime, request, h) }),
  ];
}
