// Sending one checkout to the JSON API and sorting the answer into what the island does next.
import { withBase } from '../url.js';
import type { ApiError } from './order-errors.js';
import type { StoredLine } from './cart-storage.js';
import type { PaymentMethod } from '../types.js';
import type { DeliveryMethod } from '@dukaan-kit/core/pricing';

/** What the customer typed, kept across a failed no-JS submit. */
export interface CheckoutValues {
  name: string;
  phone: string;
  email: string;
  /** The one free-form address of a store outside India (and of pages from before the parts). */
  address: string;
  /** An Indian address in parts (INR stores): house or flat, street or area, landmark, city, state. */
  house: string;
  street: string;
  landmark: string;
  city: string;
  state: string;
  pincode: string;
  note: string;
  /** The method chosen ('cod', 'upi'); the only one the store offers when there is no choice. */
  paymentMethod: string;
  /** 'delivery' or 'pickup'; the only one the store offers when there is no choice. */
  deliveryMethod: string;
  /** The coupon code as typed. */
  couponCode: string;
}

/** The address parts of an Indian address, in the order the form shows them. */
export const addressParts = ['house', 'street', 'landmark', 'city', 'state'] as const;

/** The customer on `POST /api/v1/stores/{slug}/orders`: the address in parts (INR) or in one field. */
export interface OrderCustomerRequest {
  name: string;
  phone: string;
  email?: string;
  address?: string;
  house?: string;
  street?: string;
  landmark?: string;
  city?: string;
  state?: string;
  pincode?: string;
}

/** The body of `POST /api/v1/stores/{slug}/orders`. */
export interface OrderRequest {
  customer: OrderCustomerRequest;
  items: Array<{ productId: string; variantId: string; quantity: number }>;
  note?: string;
  /** As chosen on the form; the server refuses a method the store does not offer. */
  paymentMethod: PaymentMethod;
  deliveryMethod: DeliveryMethod;
  /** The coupon whose discount the total includes; absent without one. */
  couponCode?: string;
  /** The total the customer was shown (minor units): the server refuses with PRICE_CHANGED when its own differs. */
  expectedTotal: number;
}

/** How the page asks for the address. */
export interface AddressShape {
  /** True for an INR store: the Indian address in parts; else one free-form field. */
  parts: boolean;
}

/** What the order is for besides the form's fields: the choices the total was computed with. */
export interface OrderChoices {
  deliveryMethod: DeliveryMethod;
  couponCode: string | null;
  address: AddressShape;
}

/**
 * How an attempt ended. `unknown`: the order may or may not exist (no answer, or a 5xx), so a
 * retry of the same request must reuse its key; `refused`: nothing was placed.
 */
export type OrderOutcome = { kind: 'placed'; token: string } | { kind: 'unknown'; why: 'offline' | 'server' } | { kind: 'refused'; error: ApiError };

/**
 * The customer as the form has them. A pickup needs no address: only what was typed is sent.
 * Empty parts of a delivery address are sent empty, so the server names each missing one.
 */
function customerOf(text: (k: keyof CheckoutValues) => string, choices: OrderChoices): OrderCustomerRequest {
  const email = text('email');
  const who = { name: text('name'), phone: text('phone'), ...(email ? { email } : {}) };
  const pickup = choices.deliveryMethod === 'pickup';
  const keep = (k: keyof CheckoutValues, optional: boolean) => {
    const value = text(k);
    return value || !(optional || pickup) ? { [k]: value } : {};
  };
  if (!choices.address.parts) return { ...who, ...keep('address', false), ...keep('pincode', false) };
  return { ...who, ...keep('house', false), ...keep('street', false), ...keep('landmark', true), ...keep('city', false), ...keep('state', false), ...keep('pincode', false) };
}

/** The request for the details in `form`, the cart's lines, the choices and the total on screen. */
export function orderRequest(form: FormData, lines: ReadonlyArray<StoredLine>, expectedTotal: number, choices: OrderChoices): OrderRequest {
  const text = (k: keyof CheckoutValues) => String(form.get(k) ?? '').trim();
  const note = text('note');
  return {
    customer: customerOf(text, choices),
    items: lines.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity })),
    ...(note ? { note } : {}),
    // The form always carries one (a radio choice or a hidden field); the server checks it.
    paymentMethod: (text('paymentMethod') || 'cod') as PaymentMethod,
    deliveryMethod: choices.deliveryMethod,
    ...(choices.couponCode ? { couponCode: choices.couponCode } : {}),
    expectedTotal,
  };
}

/** Posts the order (`body` is the request's JSON) under `key` and classifies the answer. */
export async function sendOrder(basePath: string, slug: string, key: string, body: string): Promise<OrderOutcome> {
  let res: Response;
  try {
    res = await fetch(withBase(basePath, `/api/v1/stores/${encodeURIComponent(slug)}/orders`), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key },
      body,
      credentials: 'same-origin',
    });
  } catch {
    return { kind: 'unknown', why: 'offline' };
  }
  const payload = (await res.json().catch(() => null)) as (ApiError & { token?: unknown }) | null;
  if ((res.status === 201 || res.status === 200) && typeof payload?.token === 'string') return { kind: 'placed', token: payload.token };
  if (res.status >= 500 || !payload) return { kind: 'unknown', why: 'server' };
  return { kind: 'refused', error: payload };
}
