// Sending one checkout to the JSON API and sorting the answer into what the island does next.
import { withBase } from '../url.js';
import type { ApiError } from './order-errors.js';
import type { StoredLine } from './cart-storage.js';
import type { PaymentMethod } from '../types.js';

/** What the customer typed, kept across a failed no-JS submit. */
export interface CheckoutValues {
  name: string;
  phone: string;
  email: string;
  address: string;
  pincode: string;
  note: string;
  /** The method chosen ('cod', 'upi'); the only one the store offers when there is no choice. */
  paymentMethod: string;
}

/** The body of `POST /api/v1/stores/{slug}/orders`. */
export interface OrderRequest {
  customer: { name: string; phone: string; email?: string; address: string; pincode: string };
  items: Array<{ productId: string; variantId: string; quantity: number }>;
  note?: string;
  /** As chosen on the form; the server refuses a method the store does not offer. */
  paymentMethod: PaymentMethod;
  /** The total the customer was shown (minor units): the server refuses with PRICE_CHANGED when its own differs. */
  expectedTotal: number;
}

/**
 * How an attempt ended. `unknown`: the order may or may not exist (no answer, or a 5xx), so a
 * retry of the same request must reuse its key; `refused`: nothing was placed.
 */
export type OrderOutcome = { kind: 'placed'; token: string } | { kind: 'unknown'; message: string } | { kind: 'refused'; error: ApiError };

/** The request for the details in `form`, the cart's lines and the total on screen. */
export function orderRequest(form: FormData, lines: ReadonlyArray<StoredLine>, expectedTotal: number): OrderRequest {
  const text = (k: keyof CheckoutValues) => String(form.get(k) ?? '').trim();
  const email = text('email');
  const note = text('note');
  return {
    customer: { name: text('name'), phone: text('phone'), ...(email ? { email } : {}), address: text('address'), pincode: text('pincode') },
    items: lines.map((l) => ({ productId: l.productId, variantId: l.variantId, quantity: l.quantity })),
    ...(note ? { note } : {}),
    // The form always carries one (a radio choice or a hidden field); the server checks it.
    paymentMethod: (text('paymentMethod') || 'cod') as PaymentMethod,
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
    return { kind: 'unknown', message: 'Could not reach the shop. Check your connection and try again.' };
  }
  const payload = (await res.json().catch(() => null)) as (ApiError & { token?: unknown }) | null;
  if ((res.status === 201 || res.status === 200) && typeof payload?.token === 'string') return { kind: 'placed', token: payload.token };
  if (res.status >= 500 || !payload) return { kind: 'unknown', message: 'Something went wrong on our side. Please try again.' };
  return { kind: 'refused', error: payload };
}
