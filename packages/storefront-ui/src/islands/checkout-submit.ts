// Placing the order from the checkout island: one Idempotency-Key per distinct request, the
// answer's errors placed beside fields and lines, and a PRICE_CHANGED quote shown for confirmation.
import type { RefObject } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { withBase } from '../url.js';
import type { FieldErrors } from '../types.js';
import { writeCart, type StoredLine } from './cart-storage.js';
import { newIdempotencyKey, orderErrors, type ApiError, type ErrorWords } from './order-errors.js';
import type { CheckoutT } from './checkout-text.js';
import { orderRequest, sendOrder, type OrderChoices } from './place-order.js';
import { readQuote, type PriceQuote } from './price-quote.js';

/** What the island shows after a refused or failed attempt. */
interface Problems {
  fields: FieldErrors;
  lines: FieldErrors;
  form: string | null;
}

/** The English of `checkout.error.priceChanged` and `checkout.error.keyReused`, for tests that look for them. */
export const priceChangedMessage = 'Prices have changed since you opened this page. Check your order and its new total, then place it again.';
export const keyReusedMessage = 'Your order changed while it was being sent. Check it and place it again.';

/**
 * One key per distinct request. The server binds a key to the request it first saw, so the
 * same body (a retry after an unknown outcome) keeps its key and gets the first order, while a
 * change of cart, details or total gets a new one instead of a 409 IDEMPOTENCY_KEY_REUSED.
 */
export function useIdempotencyKey(): { keyFor(body: string): string; forget(): void } {
  const last = useRef<{ body: string; key: string } | null>(null);
  return useMemo(
    () => ({
      keyFor(body: string) {
        if (last.current?.body !== body) last.current = { body, key: newIdempotencyKey() };
        return last.current.key;
      },
      forget() {
        last.current = null;
      },
    }),
    [],
  );
}

/** Where a refusal is shown; a PRICE_CHANGED quote re-prices the cart first. */
function refusalProblems(error: ApiError, d: SubmitInput, form: HTMLFormElement): Problems {
  const none = { fields: {}, lines: {} };
  if (error.code === 'PRICE_CHANGED') {
    const quote = readQuote(error.details);
    if (quote) {
      d.applyQuote(quote);
      return { ...none, form: d.t('checkout.error.priceChanged') };
    }
  }
  if (error.code === 'IDEMPOTENCY_KEY_REUSED') return { ...none, form: d.t('checkout.error.keyReused') };
  return orderErrors(error, d.lines, d.words(error, form));
}

/** Moves focus to the first field in error (or the form's alert) after errors are shown. */
function useFocusOnProblems(form: RefObject<HTMLFormElement | null>, problems: unknown): () => void {
  const armed = useRef(false);
  useEffect(() => {
    if (!armed.current) return;
    armed.current = false;
    const root = form.current?.closest('[data-island-root]');
    (root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root?.querySelector<HTMLElement>('.alert-error'))?.focus();
  }, [problems]);
  return () => {
    armed.current = true;
  };
}

/** What the submit hook needs from the page and the cart. */
export interface SubmitInput {
  basePath: string;
  slug: string;
  form: RefObject<HTMLFormElement | null>;
  lines: StoredLine[];
  /** The total on screen: sent as `expectedTotal`. */
  total: number;
  /** The delivery method, coupon and address shape that total was priced with. */
  choices: OrderChoices;
  canOrder: boolean;
  applyQuote(quote: PriceQuote): void;
  initial: { errors: FieldErrors; lines?: FieldErrors; formError: string | null };
  t: CheckoutT;
  /** How this refusal is worded in the page's language (a coupon's reason comes with the error). */
  words(error: ApiError, form: HTMLFormElement): ErrorWords;
}

export function useOrderSubmit(d: SubmitInput) {
  const [problems, setProblems] = useState<Problems>({ fields: d.initial.errors, lines: d.initial.lines ?? {}, form: d.initial.formError });
  const [busy, setBusy] = useState(false);
  const keys = useIdempotencyKey();
  const armFocus = useFocusOnProblems(d.form, problems);

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy || !d.canOrder) return;
    const formEl = e.currentTarget as HTMLFormElement;
    // The form's own element (PostForm takes no ref): where focus goes after a refusal.
    (d.form as { current: HTMLFormElement | null }).current = formEl;
    const body = JSON.stringify(orderRequest(new FormData(formEl), d.lines, d.total, d.choices));
    const key = keys.keyFor(body);
    setBusy(true);
    setProblems((p) => ({ ...p, form: null }));
    const outcome = await sendOrder(d.basePath, d.slug, key, body);
    if (outcome.kind === 'placed') {
      writeCart(d.slug, [], d.basePath);
      location.assign(withBase(d.basePath, `/${d.slug}/orders/${encodeURIComponent(outcome.token)}?placed=1`));
      return;
    }
    setBusy(false);
    armFocus();
    if (outcome.kind === 'unknown') return setProblems((p) => ({ ...p, form: d.t(outcome.why === 'offline' ? 'checkout.error.offline' : 'checkout.error.server') }));
    keys.forget(); // a definite refusal placed nothing: the next submit is a new request
    setProblems(refusalProblems(outcome.error, d, formEl));
  };

  const clearLineError = (variantId: string) =>
    setProblems((p) => ({ ...p, lines: Object.fromEntries(Object.entries(p.lines).filter(([id]) => id !== variantId)) }));

  return { problems, busy, submit, clearLineError };
}
