import { formatMoney } from '@dukaan-kit/core/pricing';
import type { RefObject } from 'preact';
import { Field, PostForm, TextArea } from '../components/form.js';
import type { FieldErrors, PaymentMethod } from '../types.js';
import type { StoredLine } from './cart-storage.js';
import type { CheckoutValues } from './place-order.js';

/**
 * What the no-JS form posts besides the customer's details: exactly the lines shown and the
 * total shown, so the server places that order at that total or answers PRICE_CHANGED; and the
 * page's key, so a resubmitted form is the same request and gets the first order.
 */
function OrderSnapshot({ lines, total, idempotencyKey }: { lines: ReadonlyArray<StoredLine>; total: number; idempotencyKey: string }) {
  return (
    <>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {lines.map((l) => (
        <input type="hidden" name="item" value={`${l.productId}:${l.variantId}:${l.quantity}`} />
      ))}
      <input type="hidden" name="expectedTotal" value={String(total)} />
    </>
  );
}

const methodLabels: Record<PaymentMethod, { label: string; hint: string }> = {
  cod: { label: 'Cash on delivery', hint: 'Pay when the order arrives.' },
  upi: { label: 'UPI', hint: 'Pay now with any UPI app: the next page shows a QR code and a button.' },
};

/**
 * How to pay: a radio per method when the store offers several (plain form controls, so it
 * works without JavaScript), else the one method as a line of text and a hidden field. A refusal
 * (the store stopped offering the method chosen) shows under either.
 */
function PaymentChoice({ methods, chosen, error }: { methods: PaymentMethod[]; chosen: string | undefined; error: string | undefined }) {
  const only = methods.length === 1 ? methods[0] : undefined;
  if (only)
    return (
      <div class="field payment">
        <input type="hidden" name="paymentMethod" value={only} />
        <p class="pay-only">
          <strong>Payment:</strong> {methodLabels[only].label}. {methodLabels[only].hint}
        </p>
        {error && (
          <p class="field-error" id="checkout-paymentMethod-error">
            {error}
          </p>
        )}
      </div>
    );
  const current = methods.find((m) => m === chosen) ?? methods[0];
  return (
    <fieldset class={`field payment${error ? ' has-error' : ''}`} aria-describedby={error ? 'checkout-paymentMethod-error' : undefined}>
      <legend>Payment</legend>
      {methods.map((m) => (
        <label class="radio">
          <input type="radio" name="paymentMethod" value={m} defaultChecked={m === current} /> {methodLabels[m].label}
          <span class="radio-hint">{methodLabels[m].hint}</span>
        </label>
      ))}
      {error && (
        <p class="field-error" id="checkout-paymentMethod-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

export interface DetailsFormProps {
  ctx: { basePath: string; csrfToken: string | null };
  slug: string;
  idempotencyKey: string;
  values: Partial<CheckoutValues>;
  errors: FieldErrors;
  formError: string | null;
  lines: ReadonlyArray<StoredLine>;
  total: number;
  currency: string;
  /** What the store offers, in its order; never empty. */
  paymentMethods: PaymentMethod[];
  isOpen: boolean;
  canOrder: boolean;
  busy: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (e: SubmitEvent) => void;
}

/** The customer's details and the Place order button, which names the total being confirmed. */
export function DetailsForm(p: DetailsFormProps) {
  const { values: v, errors } = p;
  const f = 'checkout';
  return (
    <section class="checkout-details" aria-labelledby="details-title">
      <h2 id="details-title">Delivery details</h2>
      {p.formError && (
        <div class="alert alert-error" role="alert" tabIndex={-1}>
          {p.formError}
        </div>
      )}
      <PostForm ctx={p.ctx} action={`/${p.slug}/checkout`} id="checkout-form" ref={p.formRef} onSubmit={p.onSubmit}>
        <OrderSnapshot lines={p.lines} total={p.total} idempotencyKey={p.idempotencyKey} />
        <Field form={f} name="name" label="Full name" defaultValue={v.name} error={errors['name']} required autocomplete="name" maxLength={100} />
        <Field form={f} name="phone" label="Phone" type="tel" defaultValue={v.phone} error={errors['phone']} required autocomplete="tel" inputMode="tel" hint="10-digit mobile number" />
        <Field form={f} name="email" label="Email" type="email" defaultValue={v.email} error={errors['email']} optional autocomplete="email" />
        <TextArea form={f} name="address" label="Delivery address" value={v.address} error={errors['address']} required rows={3} autocomplete="street-address" />
        <Field form={f} name="pincode" label="Pincode" defaultValue={v.pincode} error={errors['pincode']} required autocomplete="postal-code" inputMode="numeric" pattern="[0-9]{6}" maxLength={6} class="field-short" />
        <TextArea form={f} name="note" label="Note for the shop" value={v.note} error={errors['note']} optional rows={2} maxLength={500} />
        <PaymentChoice methods={p.paymentMethods} chosen={v.paymentMethod} error={errors['paymentMethod']} />
        <button type="submit" class="btn btn-primary btn-block" disabled={!p.canOrder || p.busy} aria-busy={p.busy ? 'true' : undefined}>
          {p.busy ? 'Placing order…' : `Place order · ${formatMoney(p.total, p.currency)}`}
        </button>
        {!p.isOpen && <p class="notice">This shop is not taking orders right now.</p>}
      </PostForm>
    </section>
  );
}
