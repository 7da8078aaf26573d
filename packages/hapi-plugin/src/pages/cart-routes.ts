import Boom from '@hapi/boom';
import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import type { Runtime } from '../runtime.js';
import { applyCartAction, readCart, writeCart } from './cart.js';
import { notFound, pageRoute } from './define.js';
import { field, refererPath } from './forms.js';
import { resolveStore, slugOf } from './store-lookup.js';

const actions = ['add', 'set', 'remove'];

/** The quantity typed: digits, else 1 to add and "no change" (-1) to set. */
function typedQuantity(request: Request, action: string): number {
  const typed = field(request.payload, 'quantity').trim();
  if (/^\d{1,4}$/.test(typed)) return Number(typed);
  return action === 'set' ? -1 : 1;
}

/**
 * One no-JavaScript cart form post, then back to the page it came from (or checkout). A line is
 * a variant: `variantId` names it; a form without one (a page from before variants) means the
 * product's only variant, and for a product with options it leads to its page to choose.
 */
async function changeCart(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { view, currentSlug } = await resolveStore(runtime, slugOf(request));
  const action = field(request.payload, 'action') || 'add';
  if (!actions.includes(action)) throw Boom.badRequest('That cart action is not known.');
  const productId = field(request.payload, 'productId').toLowerCase();
  const variantId = field(request.payload, 'variantId').toLowerCase();
  const home = `${runtime.prefix}/${currentSlug}`;
  const back = refererPath(request.headers['referer'] as string | undefined, home, `${home}/checkout`);
  const done = () => h.redirect(back).code(303);
  if (action === 'remove') {
    // Also for a product or variant that has gone since it was added.
    const cart = readCart(request);
    delete cart[variantId || productId];
    writeCart(runtime, request, h, currentSlug, cart);
    return done();
  }
  const product = view.products.find((p) => p.id === productId);
  // A product that is gone or hidden is a 404; a sold-out one is simply not added.
  if (!product) throw notFound(`${view.store.name} does not have this product any more.`);
  const variant = variantId ? product.variants.find((v) => v.id === variantId) : product.options.length === 0 ? product.variants[0] : undefined;
  // No choice made, or one that is no longer sold: the product page shows what can be chosen.
  if (!variant) return h.redirect(`${home}/p/${encodeURIComponent(product.slug)}`).code(303);
  const quantity = typedQuantity(request, action);
  if (!variant.inStock || quantity < 0) return done();
  writeCart(runtime, request, h, currentSlug, applyCartAction(readCart(request), action, variant, quantity));
  return done();
}

/** The no-JavaScript cart. */
export function cartRoutes(runtime: Runtime): ServerRoute[] {
  return [pageRoute(runtime, { method: 'POST', path: '/{slug}/cart', handler: (request, h) => changeCart(runtime, request, h) })];
}
