import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { cartTotals, type DeliveryRules } from '../cart-rules.js';
import { Field, PostForm, TextArea } from '../components/form.js';
import { formatMoney } from '../money.js';
import { withBase } from '../url.js';
import type { CartLineView, FieldErrors } from '../types.js';
import { readCart, setLineQuantity, writeCart, type StoredLine } from './cart-storage.js';
import { CartLineRow, TotalsBox } from './checkout-parts.js';
import { newIdempotencyKey, orderErrors, type ApiError } from './order-errors.js';

/** What the customer typed, kept across a failed no-JS submit. */
export interface CheckoutValues {
  name: string;
  phone: string;
  email: string;
  address: string;
  pincode: string;
  note: string;
}

/** A product as the checkout island may price it; products missing from the catalogue are dropped from the cart. */
export interface CatalogEntry {
  name: string;
  price: number;
  image: string | null;
  maxQuantity: number | null;
}

/** Props of the cart island on the checkout page. */
export interface CheckoutIslandProps {
  mode: 'checkout';
  basePath: string;
  slug: string;
  csrfToken: string | null;
  idempotencyKey: string;
  currency: string;
  rules: DeliveryRules;
  isOpen: boolean;
  lines: CartLineView[];
  /** Current prices of the store's buyable products; null to trust the browser cart's snapshot. */
  catalog: Record<string, CatalogEntry> | null;
  errors: FieldErrors;
  values: Partial<CheckoutValues>;
  formError: string | null;
}

/** Refreshes stored lines with current catalogue prices and drops what can no longer be bought. */
function reconcile(lines: StoredLine[], catalog: Record<string, CatalogEntry> | null): StoredLine[] {
  if (!catalog) return lines;
  return lines.flatMap((l) => {
    const c = catalog[l.productId];
    if (!c) return [];
    const quantity = c.maxQuantity === null ? l.quantity : Math.min(l.quantity, c.maxQuantity);
    return quantity > 0 ? [{ ...l, ...c, quantity }] : [];
  });
}

/** Cart lines, totals and the customer form; with JavaScript the order is placed through the JSON API. */
export function Checkout(p: CheckoutIslandProps) {
  const [lines, setLines] = useState<StoredLine[]>(p.lines);
  const [errors, setErrors] = useState<FieldErrors>(p.errors);
  const [lineErrors, setLineErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(p.formError);
  const [busy, setBusy] = useState(false);
  const key = useRef<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstError = useRef(false);
  const totals = useMemo(() => cartTotals(lines, p.rules), [lines, p.rules]);
  const ctx = { basePath: p.basePath, csrfToken: p.csrfToken };

  useEffect(() => {
    const stored = readCart(p.slug);
    const start = stored.length > 0 ? reconcile(stored, p.catalog) : p.lines;
    setLines(start);
    writeCart(p.slug, start);
  }, []);

  useEffect(() => {
    if (!focusFirstError.current) return;
    focusFirstError.current = false;
    const root = form.current?.closest('[data-island-root]');
    (root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? root?.querySelector<HTMLElement>('.alert-error'))?.focus();
  }, [errors, lineErrors, formError]);

  const setQuantity = (productId: string, quantity: number) => {
    const next = setLineQuantity(lines, productId, quantity);
    setLines(next);
    writeCart(p.slug, next);
    setLineErrors((le) => Object.fromEntries(Object.entries(le).filter(([id]) => id !== productId)));
  };

  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (busy || lines.length === 0 || totals.shortOfMinimum > 0 || !p.isOpen) return;
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const text = (k: keyof CheckoutValues) => String(data.get(k) ?? '').trim();
    const email = text('email');
    const note = text('note');
    const body = {
      customer: { name: text('name'), phone: text('phone'), ...(email ? { email } : {}), address: text('address'), pincode: text('pincode') },
      items: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
      ...(note ? { note } : {}),
      paymentMethod: 'cod',
    };
    // One key per attempt; a retry after an unknown outcome reuses it so the server can dedupe.
    key.current ??= newIdempotencyKey();
    setBusy(true);
    setFormError(null);
    let res: Response;
    try {
      res = await fetch(withBase(p.basePath, `/api/v1/stores/${encodeURIComponent(p.slug)}/orders`), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key.current },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      setBusy(false);
      setFormError('Could not reach the shop. Check your connection and try again.');
      return;
    }
    const payload = (await res.json().catch(() => null)) as (ApiError & { token?: string }) | null;
    if ((res.status === 201 || res.status === 200) && payload?.token) {
      writeCart(p.slug, []);
      location.assign(withBase(p.basePath, `/${p.slug}/orders/${encodeURIComponent(payload.token)}?placed=1`));
      return;
    }
    setBusy(false);
    focusFirstError.current = true;
    if (res.status >= 500 || !payload) {
      setFormError('Something went wrong on our side. Please try again.');
      return;
    }
    key.current = null; // a definite refusal: the next submit is a new attempt
    const mapped = orderErrors(payload, lines);
    setErrors(mapped.fields);
    setLineErrors(mapped.lines);
    setFormError(mapped.form);
  };

  const v = p.values;
  const f = 'checkout';
  const canOrder = p.isOpen && lines.length > 0 && totals.shortOfMinimum === 0;
  return (
    <div class="checkout">
      <section class="checkout-cart" aria-labelledby="cart-title">
        <h2 id="cart-title">Your cart</h2>
        {lines.length === 0 ? (
          <p class="empty">
            Your cart is empty. <a href={withBase(p.basePath, `/${p.slug}`)}>Continue shopping</a>
          </p>
        ) : (
          <ul class="lines">
            {lines.map((l) => (
              <CartLineRow ctx={ctx} slug={p.slug} currency={p.currency} line={l} error={lineErrors[l.productId]} onQuantity={setQuantity} />
            ))}
          </ul>
        )}
        <TotalsBox totals={totals} currency={p.currency} freeDeliveryAbove={p.rules.freeDeliveryAbove} />
      </section>
      <section class="checkout-details" aria-labelledby="details-title">
        <h2 id="details-title">Delivery details</h2>
        {formError && (
          <div class="alert alert-error" role="alert" tabIndex={-1}>
            {formError}
          </div>
        )}
        <PostForm ctx={ctx} action={`/${p.slug}/checkout`} id="checkout-form" ref={form} onSubmit={submit}>
          <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
          <Field form={f} name="name" label="Full name" defaultValue={v.name} error={errors['name']} required autocomplete="name" maxLength={100} />
          <Field form={f} name="phone" label="Phone" type="tel" defaultValue={v.phone} error={errors['phone']} required autocomplete="tel" inputMode="tel" hint="10-digit mobile number" />
          <Field form={f} name="email" label="Email" type="email" defaultValue={v.email} error={errors['email']} optional autocomplete="email" />
          <TextArea form={f} name="address" label="Delivery address" value={v.address} error={errors['address']} required rows={3} autocomplete="street-address" />
          <Field form={f} name="pincode" label="Pincode" defaultValue={v.pincode} error={errors['pincode']} required autocomplete="postal-code" inputMode="numeric" pattern="[0-9]{6}" maxLength={6} class="field-short" />
          <TextArea form={f} name="note" label="Note for the shop" value={v.note} error={errors['note']} optional rows={2} maxLength={500} />
          <fieldset class="field payment">
            <legend>Payment</legend>
            <label class="radio">
              <input type="radio" name="paymentMethod" value="cod" checked /> Cash on delivery
            </label>
          </fieldset>
          <button type="submit" class="btn btn-primary btn-block" disabled={!canOrder || busy} aria-busy={busy ? 'true' : undefined}>
            {busy ? 'Placing order…' : `Place order · ${formatMoney(totals.total, p.currency)}`}
          </button>
          {!p.isOpen && <p class="notice">This shop is not taking orders right now.</p>}
        </PostForm>
      </section>
    </div>
  );
}
