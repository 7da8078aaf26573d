import { randomUUID } from 'node:crypto';
import type { Request, ResponseObject, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import {
  BelowMinimumOrderError,
  CouponNotApplicableError,
  DomainError,
  IdempotencyKeyReusedError,
  NotServiceableError,
  indianStates,
  NotFoundError,
  OutOfStockError,
  PriceChangedError,
  RateLimitedError,
  StoreClosedError,
  ValidationFailedError,
  idempotencyKeySchema,
  toCustomerOrderView,
  type OrderStatus,
} from '@dukaan-kit/core';
import type { CouponTerms } from '@dukaan-kit/core/pricing';
import { summariseLines, type CartLineView, type CheckoutValues, type FieldErrors } from '@dukaan-kit/storefront-ui';
import type { Locale } from '@dukaan-kit/core/i18n';
import { baseUrl, clientOf, type Runtime } from '../runtime.js';
import { cartLines, readCart, variantIndex, writeCart, type Cart } from './cart.js';
import { checkoutMessage, couponMessage, outOfStockMessage } from './checkout-messages.js';
import { customerLocale, languageLinks, storeLocale } from './locale.js';
import { checkoutField, checkoutInput, checkoutValues, typedCoupon } from './checkout-form.js';
import { pageContext, storeView } from './context.js';
import { noStore, notFound, pageRoute, presented, privatePage } from './define.js';
import { field, fieldErrors } from './forms.js';
import { isResolved, resolveStore, slugOf, storeForPage, type ResolvedStore } from './store-lookup.js';
import { upiPayForPage } from './upi-qr.js';

interface CheckoutExtra {
  errors?: FieldErrors;
  values?: Partial<CheckoutValues>;
  formError?: string;
  /** Say at the top that the coupon typed was applied (a no-JS Apply), when it was. */
  announceCoupon?: boolean;
}

const stateNames = indianStates.map((s) => s.name);

/**
 * The coupon the page is priced with: the code typed, checked against the lines shown (a no-JS
 * Apply, or kept across a re-render). A code that does not apply gives its reason instead.
 */
async function couponFor(runtime: Runtime, request: Request, slug: string, values: Partial<CheckoutValues> | undefined, lines: CartLineView[], locale: Locale) {
  const code = values ? typedCoupon({ couponCode: values.couponCode ?? '' }) : null;
  if (!code) return { coupon: null, error: null };
  try {
    const { terms } = await runtime.dukaan.coupons.check(slug, code, summariseLines(lines).subtotal, { clientAddress: clientOf(runtime, request) });
    const coupon: CouponTerms = { code: terms.code, type: terms.type, value: terms.value, minOrderValue: terms.minOrderValue, maxDiscount: terms.maxDiscount };
    return { coupon, error: null };
  } catch (error) {
    if (!(error instanceof DomainError) || error instanceof NotFoundError) throw error;
    if (error instanceof CouponNotApplicableError) return { coupon: null, error: couponMessage(locale, error.reason, code, error.message) };
    return { coupon: null, error: error.details.find((d) => d.path === 'couponCode')?.message ?? error.message };
  }
}

/**
 * What the cookie cart asked for that the shop cannot sell as asked: lines cut to the stock left
 * (variant -> quantity asked) and the names of those sold out, so the page says so instead of
 * changing the cart silently. Ids the store no longer knows drop out without a name.
 */
export function cartChanges(cart: Cart, lines: ReadonlyArray<CartLineView>, products: Parameters<typeof variantIndex>[0]) {
  const shown = new Map(lines.map((l) => [l.variantId, l.quantity]));
  const index = variantIndex(products);
  const cuts: Record<string, { asked: number; left: number }> = {};
  const dropped: string[] = [];
  for (const [variantId, asked] of Object.entries(cart)) {
    const left = shown.get(variantId);
    if (left === undefined) {
      const item = index.get(variantId);
      if (item) dropped.push(item.product.name);
    } else if (left < asked) cuts[variantId] = { asked, left };
  }
  return { cuts, dropped };
}

/** The language of a store's customer pages: the customer's choice, else the store's. */
function pageLocale(runtime: Runtime, request: Request, h: ResponseToolkit, store: object): Locale {
  return customerLocale(runtime, request, h, storeLocale(store));
}

/** The checkout page over the current cookie cart, with a fresh idempotency key each time it is shown. */
async function renderCheckout(runtime: Runtime, request: Request, h: ResponseToolkit, { view, currentSlug }: ResolvedStore, status: number, extra: CheckoutExtra = {}) {
  const { announceCoupon, ...rest } = extra;
  const locale = pageLocale(runtime, request, h, view.store);
  const cart = readCart(request);
  const lines = cartLines(cart, view.products);
  const { coupon, error } = await couponFor(runtime, request, currentSlug, rest.values, lines, locale);
  const flash = announceCoupon && coupon ? { flash: checkoutMessage(locale, 'couponApplied', { code: coupon.code }) } : {};
  const ctx = pageContext(runtime, request, h, { locale, languageLinks: languageLinks(request), ...flash });
  const errors = error && !rest.errors?.['couponCode'] ? { ...rest.errors, couponCode: error } : rest.errors;
  const props = {
    ctx,
    store: storeView(view.store),
    lines,
    ...cartChanges(cart, lines, view.products),
    products: view.products,
    idempotencyKey: randomUUID(),
    ...rest,
    ...(errors ? { errors } : {}),
    coupon,
    indianStates: stateNames,
  };
  return privatePage(h, { page: 'checkout', props }, status);
}

/**
 * What the checkout page says about an error core refused the order with, or null for any other
 * error. Field errors go to their fields as core words them: the page words each field's message
 * itself (from the field and what was typed); the rest is said here in the customer's language.
 */
function checkoutProblem(error: unknown, choiceChanged: boolean, locale: Locale, code: string): CheckoutExtra | null {
  const say = (key: Parameters<typeof checkoutMessage>[1]) => checkoutMessage(locale, key);
  if (error instanceof ValidationFailedError) {
    const { form, ...byField } = fieldErrors(error.details, checkoutField);
    const formError = error.details.some((d) => d.path.startsWith('items')) ? say('itemGone') : form;
    return { errors: byField, ...(formError ? { formError } : {}) };
  }
  // Beside the coupon field, or the PIN code: what to change is right there.
  if (error instanceof CouponNotApplicableError) return { errors: { couponCode: couponMessage(locale, error.reason, code, error.message) } };
  if (error instanceof NotServiceableError) {
    const { form, ...byField } = fieldErrors(error.details.length > 0 ? error.details : [{ path: 'form', message: error.message }], checkoutField);
    return { errors: byField, ...(form ? { formError: form } : {}) };
  }
  if (error instanceof PriceChangedError) return { formError: say(choiceChanged ? 'choiceChanged' : 'priceChanged') };
  if (error instanceof IdempotencyKeyReusedError) return { formError: say('keyReused') };
  if (error instanceof RateLimitedError) return { formError: say('tooMany') };
  if (error instanceof BelowMinimumOrderError) return { formError: say('belowMinimum') };
  if (error instanceof OutOfStockError) return { formError: outOfStockMessage(locale, error.message) };
  if (error instanceof StoreClosedError) return { formError: say('closed') };
  return null;
}

/**
 * A checkout that core refused, as the checkout page again with what to fix, under the status and
 * headers of the shared presenter (400, 409, 429 with Retry-After); anything else is rethrown.
 */
async function refused(
  error: unknown,
  problem: (error: unknown) => CheckoutExtra | null,
  again: (status: number, extra: CheckoutExtra) => Promise<ResponseObject>,
): Promise<ResponseObject> {
  const extra = problem(error);
  if (!extra) throw error;
  return presented(await again(200, extra), error);
}

/**
 * The no-JavaScript checkout: the lines and total the page showed go to the same
 * `orders.place` as the API, with the form's idempotency key, so a resubmitted form gets the
 * order it placed the first time (303 to it) and a changed price is shown, not charged.
 * Apply and Remove of the coupon field post the same form with an `intent`: the page comes back
 * priced with (or without) the code, everything typed kept. A code typed but not applied is
 * applied first the same way, since it changes the total the customer confirms.
 */
async function placeOrder(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const resolved = await resolveStore(runtime, slugOf(request));
  const { store } = resolved.view;
  const typed = checkoutValues(request.payload);
  const intent = field(request.payload, 'intent');
  const values = intent === 'remove-coupon' ? { ...typed, couponCode: '' } : typed;
  const again = (status: number, extra: CheckoutExtra) => renderCheckout(runtime, request, h, resolved, status, { values, ...extra });
  const code = typedCoupon(values);
  const applied = typedCoupon({ couponCode: field(request.payload, 'appliedCoupon') });
  if (intent === 'remove-coupon' || intent === 'apply-coupon' || code !== applied) {
    return again(200, { announceCoupon: code !== null });
  }
  const input = checkoutInput(request.payload, values, { paymentMethod: store.paymentMethods[0], deliveryMethod: store.deliveryMethods[0], parts: store.currency === 'INR' });
  const locale = pageLocale(runtime, request, h, store);
  if (input.items.length === 0) return again(400, { formError: checkoutMessage(locale, 'empty') });
  const key = field(request.payload, 'idempotencyKey');
  const idempotencyKey = idempotencyKeySchema.validate(key).error ? undefined : key;
  const pricedFor = field(request.payload, 'pricedFor');
  const choiceChanged = pricedFor !== '' && pricedFor !== `${input.deliveryMethod}|${input.paymentMethod}`;
  try {
    const { order } = await runtime.dukaan.orders.place(resolved.currentSlug, input, { ...(idempotencyKey ? { idempotencyKey } : {}), clientAddress: clientOf(runtime, request) });
    writeCart(runtime, request, h, resolved.currentSlug, {});
    // The Location carries the tracking token (and a cookie is set): no cache may keep it, the replay of a resubmitted form included.
    return noStore(h.redirect(`${runtime.prefix}/${resolved.currentSlug}/orders/${encodeURIComponent(order.token)}?placed=1`).code(303));
  } catch (error) {
    return refused(error, (e) => checkoutProblem(e, choiceChanged, locale, code ?? ''), again);
  }
}

async function checkoutPage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const resolved = await storeForPage(runtime, request, h);
  return isResolved(resolved) ? await renderCheckout(runtime, request, h, resolved, 200) : resolved;
}

/** When the order last reached each status: the order page shows the time beside each step. */
export function statusTimes(history: ReadonlyArray<{ status: OrderStatus; at: string }>): Partial<Record<OrderStatus, string>> {
  const times: Partial<Record<OrderStatus, string>> = {};
  for (const change of history) times[change.status] = change.at;
  return times;
}

/**
 * The customer's order page (the link they keep): personal data, so never cached. A UPI order
 * still to be paid shows the QR code and the pay link, or a notice when the provider failed.
 */
async function orderPage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const resolved = await storeForPage(runtime, request, h);
  if (!isResolved(resolved)) return resolved;
  const locale = pageLocale(runtime, request, h, resolved.view.store);
  const gone = (error: unknown) => {
    // In English on purpose: the error page recognises its own explanations by their English text
    // and says them in the visitor's language.
    if (error instanceof NotFoundError || error instanceof ValidationFailedError) throw notFound(checkoutMessage('en', 'orderNotFound'));
    throw error;
  };
  const token = request.params['token'] as string;
  const order = await runtime.dukaan.orders.getByToken(resolved.currentSlug, token).catch(gone);
  // A provider that cannot give a link now leaves the page up, with a notice (and a log line).
  const { upi, notice } = await upiPayForPage(runtime, request, resolved.currentSlug, order).catch(gone);
  const ctx = pageContext(runtime, request, h, { locale, languageLinks: languageLinks(request), ...(notice ? { flash: notice } : {}) });
  const props = {
    ctx,
    store: storeView(resolved.view.store),
    order: toCustomerOrderView(order),
    justPlaced: request.query['placed'] === '1',
    upi,
    timeline: statusTimes(order.history),
    orderUrl: `${baseUrl(runtime, request)}/${resolved.currentSlug}/orders/${encodeURIComponent(token)}`,
  };
  return privatePage(h, { page: 'order', props });
}

/** Checkout and the order it placed. */
export function checkoutRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/{slug}/checkout', handler: (request, h) => checkoutPage(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/{slug}/checkout', handler: (request, h) => placeOrder(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/{slug}/orders/{token}', handler: (request, h) => orderPage(runtime, request, h) }),
  ];
}
