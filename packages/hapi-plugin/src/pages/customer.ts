import Boom from '@hapi/boom';
import { randomUUID } from 'node:crypto';
import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import {
  BelowMinimumOrderError,
  OutOfStockError,
  RateLimitedError,
  StoreClosedError,
  ValidationFailedError,
  toCustomerOrderView,
  type StoreView as CoreStoreView,
} from '@dukaan-kit/core';
import { renderPage, type CheckoutValues, type FieldErrors } from '@dukaan-kit/storefront-ui';
import { baseUrl, clientOf, type Runtime } from '../runtime.js';
import { applyCartAction, cartLines, cartSummary, readCart, writeCart } from './cart.js';
import { pageContext, storeView } from './context.js';
import { field, fieldErrors, fieldLabels, refererPath } from './forms.js';
import { html, notFound, pageRoute } from './define.js';
import { cachedStorePage, csrfMarker } from './store-page-cache.js';

const slugShape = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;
const noShop = 'There is no shop at this link. Please check the address you were sent.';
const idempotencyKeyShape = /^[\x21-\x7e]{1,255}$/;

interface ResolvedStore {
  view: CoreStoreView;
  currentSlug: string;
}

/** The public view of the store behind a current or earlier slug; a friendly 404 for anything else. */
async function resolveStore(runtime: Runtime, slug: string): Promise<ResolvedStore> {
  if (!slugShape.test(slug)) throw notFound(noShop);
  try {
    return await runtime.dukaan.storefront.view(slug);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'NOT_FOUND') throw notFound(noShop);
    throw error;
  }
}

/** 301 from an earlier slug to the same page under the current one (query kept). */
function movedTo(runtime: Runtime, request: Request, h: ResponseToolkit, currentSlug: string) {
  const rest = request.url.pathname.slice(`${runtime.prefix}/`.length).split('/').slice(1);
  const path = [currentSlug, ...rest].join('/');
  return h.redirect(`${runtime.prefix}/${path}${request.url.search}`).code(301);
}

const checkoutFields: Array<keyof CheckoutValues> = ['name', 'phone', 'email', 'address', 'pincode', 'note'];

/** `customer.phone` -> `phone`, `note` -> `note`; item and other errors go above the form. */
function checkoutField(path: string): string | null {
  const name = path.startsWith('customer.') ? path.slice('customer.'.length) : path;
  return (checkoutFields as string[]).includes(name) ? name : null;
}

/** The store link, product pages, the no-JS cart, checkout and the customer's order page. */
export function customerRoutes(runtime: Runtime): ServerRoute[] {
  const { dukaan } = runtime;
  const slugOf = (request: Request) => request.params['slug'] as string;

  const renderCheckout = (
    request: Request,
    h: ResponseToolkit,
    { view }: ResolvedStore,
    status: number,
    extra: { errors?: FieldErrors; values?: Partial<CheckoutValues>; formError?: string | null } = {},
  ) => {
    const ctx = pageContext(runtime, request, h);
    const lines = cartLines(readCart(request), view.products);
    return html(
      h,
      {
        page: 'checkout',
        props: { ctx, store: storeView(view.store), lines, products: view.products, idempotencyKey: randomUUID(), ...extra },
      },
      status,
    ).header('cache-control', 'no-store');
  };

  return [
    pageRoute(runtime, {
      method: 'GET',
      path: '/{slug}',
      handler: async (request, h) => {
        const resolved = await resolveStore(runtime, slugOf(request));
        if (resolved.currentSlug !== slugOf(request)) return movedTo(runtime, request, h, resolved.currentSlug);
        const { view } = resolved;
        const category = typeof request.query['category'] === 'string' ? request.query['category'] : null;
        const activeCategoryId = category && view.categories.some((c) => c.id === category) ? category : null;
        const canonicalUrl = `${baseUrl(runtime, request)}/${view.store.slug}${activeCategoryId ? `?category=${encodeURIComponent(activeCategoryId)}` : ''}`;
        const ctx = pageContext(runtime, request, h);
        const cart = cartSummary(cartLines(readCart(request), view.products));
        const page = (csrfToken: string | null) =>
          renderPage({
            page: 'store',
            props: { ctx: { ...ctx, csrfToken }, store: storeView(view.store), categories: view.categories, products: view.products, activeCategoryId, canonicalUrl, cart },
          });
        // A visitor with a cookie cart (no JavaScript) or a flash message gets a page of their own.
        if (cart.count > 0 || ctx.flash || !ctx.csrfToken) return h.response(page(ctx.csrfToken)).type('text/html; charset=utf-8');
        const body = await cachedStorePage(dukaan, view.store.id, `${activeCategoryId ?? ''}|${canonicalUrl}`, ctx.csrfToken, () => page(csrfMarker));
        return h.response(body).type('text/html; charset=utf-8');
      },
    }),
    pageRoute(runtime, {
      method: 'GET',
      path: '/{slug}/p/{productId}',
      handler: async (request, h) => {
        const resolved = await resolveStore(runtime, slugOf(request));
        if (resolved.currentSlug !== slugOf(request)) return movedTo(runtime, request, h, resolved.currentSlug);
        const { view } = resolved;
        const product = view.products.find((p) => p.id === request.params['productId']);
        if (!product) throw notFound(`${view.store.name} does not have this product any more.`);
        const ctx = pageContext(runtime, request, h);
        return html(h, {
          page: 'product',
          props: {
            ctx,
            store: storeView(view.store),
            product,
            category: view.categories.find((c) => c.id === product.categoryId) ?? null,
            canonicalUrl: `${baseUrl(runtime, request)}/${view.store.slug}/p/${encodeURIComponent(product.id)}`,
            cart: cartSummary(cartLines(readCart(request), view.products)),
          },
        });
      },
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/{slug}/cart',
      handler: async (request, h) => {
        const { view, currentSlug } = await resolveStore(runtime, slugOf(request));
        const action = field(request.payload, 'action') || 'add';
        if (!['add', 'set', 'remove'].includes(action)) throw Boom.badRequest('That cart action is not known.');
        const productId = field(request.payload, 'productId');
        const product = view.products.find((p) => p.id === productId);
        const checkout = `${runtime.prefix}/${currentSlug}/checkout`;
        const back = refererPath(request.headers['referer'] as string | undefined, `${runtime.prefix}/${currentSlug}`, checkout);
        if (action === 'remove') {
          // Also for a product that has gone since it was added.
          const cart = readCart(request);
          delete cart[productId.toLowerCase()];
          writeCart(runtime, h, currentSlug, cart);
          return h.redirect(back).code(303);
        }
        // A product that is gone or hidden is a 404; a sold-out one is simply not added.
        if (!product) throw notFound(`${view.store.name} does not have this product any more.`);
        if (!product.inStock) return h.redirect(back).code(303);
        const typed = field(request.payload, 'quantity').trim();
        const quantity = /^\d{1,4}$/.test(typed) ? Number(typed) : action === 'set' ? -1 : 1;
        if (quantity < 0) return h.redirect(back).code(303);
        writeCart(runtime, h, currentSlug, applyCartAction(readCart(request), action, product, quantity));
        return h.redirect(back).code(303);
      },
    }),
    pageRoute(runtime, {
      method: 'GET',
      path: '/{slug}/checkout',
      handler: async (request, h) => {
        const resolved = await resolveStore(runtime, slugOf(request));
        if (resolved.currentSlug !== slugOf(request)) return movedTo(runtime, request, h, resolved.currentSlug);
        return renderCheckout(request, h, resolved, 200);
      },
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/{slug}/checkout',
      handler: async (request, h) => {
        const resolved = await resolveStore(runtime, slugOf(request));
        const { view, currentSlug } = resolved;
        const values = Object.fromEntries(checkoutFields.map((k) => [k, field(request.payload, k)])) as unknown as CheckoutValues;
        const again = (status: number, extra: { errors?: FieldErrors; formError?: string }) => renderCheckout(request, h, resolved, status, { values, ...extra });
        const key = field(request.payload, 'idempotencyKey');
        const validKey = idempotencyKeyShape.test(key) ? key : undefined;
        const placedTo = (token: string) => {
          writeCart(runtime, h, currentSlug, {});
          return h.redirect(`${runtime.prefix}/${currentSlug}/orders/${encodeURIComponent(token)}?placed=1`).code(303);
        };
        // A resubmitted form (double click, back and submit) is answered first: it spends no checkout budget.
        const earlier = validKey ? await dukaan.orders.findPlaced(currentSlug, validKey) : null;
        if (earlier) return placedTo(earlier.token);
        try {
          await dukaan.rateLimiter.hit(`checkout:addr:${clientOf(runtime, request)}`, runtime.options.rateLimits.checkout);
        } catch (error) {
          if (!(error instanceof RateLimitedError)) throw error;
          return again(429, { formError: 'Too many attempts. Please wait a minute and try again.' }).header('retry-after', String(error.retryAfterSeconds));
        }
        const lines = cartLines(readCart(request), view.products);
        if (lines.length === 0) return again(400, { formError: 'Your cart is empty. Add something from the shop first.' });
        const input = {
          customer: { name: values.name, phone: values.phone, email: values.email.trim() || null, address: values.address, pincode: values.pincode },
          items: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
          note: values.note.trim() || null,
          paymentMethod: 'cod',
        };
        try {
          const { order } = await dukaan.orders.place(currentSlug, input, validKey ? { idempotencyKey: validKey } : {});
          return placedTo(order.token);
        } catch (error) {
          if (error instanceof ValidationFailedError) {
            const errors = fieldErrors(error.details, checkoutField, fieldLabels.checkout);
            const { form, ...byField } = errors;
            const itemProblem = error.details.some((d) => d.path.startsWith('items'));
            const formError = itemProblem ? 'Something in your cart is no longer available. Please check your cart.' : form;
            return again(400, { errors: byField, ...(formError ? { formError } : {}) });
          }
          if (error instanceof OutOfStockError || error instanceof StoreClosedError || error instanceof BelowMinimumOrderError) {
            return again(error instanceof BelowMinimumOrderError ? 400 : 409, { formError: error.message });
          }
          throw error;
        }
      },
    }),
    pageRoute(runtime, {
      method: 'GET',
      path: '/{slug}/orders/{token}',
      handler: async (request, h) => {
        const resolved = await resolveStore(runtime, slugOf(request));
        if (resolved.currentSlug !== slugOf(request)) return movedTo(runtime, request, h, resolved.currentSlug);
        let order;
        try {
          order = await dukaan.orders.getByToken(resolved.currentSlug, request.params['token'] as string);
        } catch (error) {
          if (error instanceof Error && 'code' in error && error.code === 'NOT_FOUND') throw notFound('We could not find this order. Please check the link you were given.');
          throw error;
        }
        const ctx = pageContext(runtime, request, h);
        return html(h, {
          page: 'order',
          props: { ctx, store: storeView(resolved.view.store), order: toCustomerOrderView(order), justPlaced: request.query['placed'] === '1' },
        }).header('cache-control', 'no-store');
      },
    }),
  ];
}
