import { formatMoney, type DeliveryMethod } from '@dukaan-kit/core/pricing';
import type { RefObject } from 'preact';
import { Field, PostForm, SelectField, TextArea } from '../components/form.js';
import type { FieldErrors, PaymentMethod } from '../types.js';
import type { StoredLine } from './cart-storage.js';
import type { CheckoutValues } from './place-order.js';

/**
 * What the no-JS form posts besides the customer's details: exactly the lines shown and the
 * total shown, so the server places that order at that total or answers PRICE_CHANGED; the
 * choices that total was priced for; and the page's key, so a resubmitted form is the same
 * request and gets the first order.
 */
function OrderSnapshot({ lines, total, idempotencyKey, pricedFor }: { lines: ReadonlyArray<StoredLine>; total: number; idempotencyKey: string; pricedFor: string }) {
  return (
    <>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {/* The delivery and payment the total was priced for: a changed choice is a changed total, not a changed price. */}
      <input type="hidden" name="pricedFor" value={pricedFor} />
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
 * (the store stopped offering the method chosen) shows under either. The choice is followed by
 * the island, since cash on delivery may carry a fee.
 */
function PaymentChoice({ methods, chosen, error, codFee, onChange }: { methods: PaymentMethod[]; chosen: PaymentMethod; error: string | undefined; codFee: string | null; onChange(m: PaymentMethod): void }) {
  const hint = (m: PaymentMethod) => (m === 'cod' && codFee ? `${methodLabels.cod.hint} A fee of ${codFee} applies.` : methodLabels[m].hint);
  const only = methods.length === 1 ? methods[0] : undefined;
  if (only)
    return (
      <div class="field payment">
        <input type="hidden" name="paymentMethod" value={only} />
        <p class="pay-only">
          <strong>Payment:</strong> {methodLabels[only].label}. {hint(only)}
        </p>
        {error && (
          <p class="field-error" id="checkout-paymentMethod-error">
            {error}
          </p>
        )}
      </div>
    );
  return (
    <fieldset class={`field payment${error ? ' has-error' : ''}`} aria-describedby={error ? 'checkout-paymentMethod-error' : undefined}>
      <legend>Payment</legend>
      {methods.map((m) => (
        <label class="radio">
          <input type="radio" name="paymentMethod" value={m} checked={m === chosen} onChange={() => onChange(m)} /> {methodLabels[m].label}
          <span class="radio-hint">{hint(m)}</span>
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

/** Delivery to the customer, or pickup from the shop (which shows where). */
function DeliveryChoice(p: { methods: DeliveryMethod[]; chosen: DeliveryMethod; pickupAddress: string; error: string | undefined; onChange(m: DeliveryMethod): void }) {
  const errorId = 'checkout-deliveryMethod-error';
  const error = p.error && (
    <p class="field-error" id={errorId}>
      {p.error}
    </p>
  );
  const where = p.pickupAddress.trim() ? `Collect your order from ${p.pickupAddress.trim()}.` : 'Collect your order from the shop.';
  const only = p.methods.length === 1 ? p.methods[0] : undefined;
  if (only)
    return (
      <div class="field delivery-method">
        <input type="hidden" name="deliveryMethod" value={only} />
        {only === 'pickup' && (
          <p class="pickup-only">
            <strong>Pickup only:</strong> {where}
          </p>
        )}
        {error}
      </div>
    );
  return (
    <fieldset class={`field delivery-method${p.error ? ' has-error' : ''}`} aria-describedby={p.error ? errorId : undefined}>
      <legend>Delivery or pickup</legend>
      <label class="radio">
        <input type="radio" name="deliveryMethod" value="delivery" checked={p.chosen === 'delivery'} onChange={() => p.onChange('delivery')} /> Delivery
        <span class="radio-hint">We deliver to your address.</span>
      </label>
      <label class="radio">
        <input type="radio" name="deliveryMethod" value="pickup" checked={p.chosen === 'pickup'} onChange={() => p.onChange('pickup')} /> Pickup
        <span class="radio-hint">{where} No delivery fee.</span>
      </label>
      {error}
    </fieldset>
  );
}

/** The Indian address parts of an INR store: the states for the list, and the store's own chosen first. */
export interface IndiaAddress {
  states: string[];
  storeState: string | null;
}

/**
 * Where the order goes: an Indian address in parts (INR stores), else one free-form address.
 * `required` is false while pickup may be chosen without JavaScript (the fields stay, optional);
 * `hidden` once the island knows pickup is chosen.
 */
function AddressFields(p: { values: Partial<CheckoutValues>; errors: FieldErrors; india: IndiaAddress | null; required: boolean; hidden: boolean; pickupOffered: boolean }) {
  const { values: v, errors } = p;
  const f = 'checkout';
  const req = p.required || undefined;
  const opt = !p.required;
  const pincode = (
    <Field form={f} name="pincode" label="Pincode" defaultValue={v.pincode} error={errors['pincode']} required={req} optional={opt} autocomplete="postal-code" inputMode="numeric" pattern="[1-9][0-9]{5}" maxLength={6} class="field-short" />
  );
  return (
    <fieldset class="address" hidden={p.hidden} disabled={p.hidden}>
      <legend>Delivery address</legend>
      {p.pickupOffered && !p.required && <p class="hint">Needed for delivery; leave it empty for pickup.</p>}
      {p.india ? (
        <>
          <Field form={f} name="house" label="House or flat" defaultValue={v.house} error={errors['house']} required={req} optional={opt} autocomplete="address-line1" maxLength={100} />
          <Field form={f} name="street" label="Street or area" defaultValue={v.street} error={errors['street']} required={req} optional={opt} autocomplete="address-line2" maxLength={150} />
          <Field form={f} name="landmark" label="Landmark" defaultValue={v.landmark} error={errors['landmark']} optional maxLength={100} hint="Near a temple, school or shop, to help the delivery find you." />
          <Field form={f} name="city" label="City or town" defaultValue={v.city} error={errors['city']} required={req} optional={opt} autocomplete="address-level2" maxLength={60} />
          <SelectField
            form={f}
            name="state"
            label="State or union territory"
            value={v.state || p.india.storeState || ''}
            error={errors['state']}
            optional={opt}
            options={[['', 'Choose…'] as const, ...p.india.states.map((s) => [s, s] as const)]}
          />
          {pincode}
        </>
      ) : (
        <>
          <TextArea form={f} name="address" label="Address" value={v.address} error={errors['address']} required={req} optional={opt} rows={3} autocomplete="street-address" />
          {pincode}
        </>
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
  paymentMethod: PaymentMethod;
  /** The cash-on-delivery fee as the customer reads it; null without one. */
  codFee: string | null;
  onPaymentMethod(m: PaymentMethod): void;
  deliveryMethods: DeliveryMethod[];
  deliveryMethod: DeliveryMethod;
  pickupAddress: string;
  onDeliveryMethod(m: DeliveryMethod): void;
  india: IndiaAddress | null;
  /** True once the island runs: pickup can then hide the address instead of leaving it optional. */
  hydrated: boolean;
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
  const pickupOffered = p.deliveryMethods.includes('pickup');
  const pickup = p.deliveryMethod === 'pickup';
  // Without JavaScript a radio change re-prices nothing and shows nothing: the address stays, optional.
  const addressRequired = !pickupOffered || (p.hydrated && !pickup);
  const addressShown = p.deliveryMethods.includes('delivery') && !(p.hydrated && pickup);
  return (
    <section class="checkout-details" aria-labelledby="details-title">
      <h2 id="details-title">Your details</h2>
      {p.formError && (
        <div class="alert alert-error" role="alert" tabIndex={-1}>
          {p.formError}
        </div>
      )}
      <PostForm ctx={p.ctx} action={`/${p.slug}/checkout`} id="checkout-form" ref={p.formRef} onSubmit={p.onSubmit}>
        <OrderSnapshot lines={p.lines} total={p.total} idempotencyKey={p.idempotencyKey} pricedFor={`${p.deliveryMethod}|${p.paymentMethod}`} />
        <Field form={f} name="name" label="Full name" defaultValue={v.name} error={errors['name']} required autocomplete="name" maxLength={100} />
        <Field form={f} name="phone" label="Phone" type="tel" defaultValue={v.phone} error={errors['phone']} required autocomplete="tel" inputMode="tel" hint={p.currency === 'INR' ? '10-digit mobile number' : 'With the country code, e.g. +44 20 7946 0000'} />
        <Field form={f} name="email" label="Email" type="email" defaultValue={v.email} error={errors['email']} optional autocomplete="email" />
        <DeliveryChoice methods={p.deliveryMethods} chosen={p.deliveryMethod} pickupAddress={p.pickupAddress} error={errors['deliveryMethod']} onChange={p.onDeliveryMethod} />
        {p.deliveryMethods.includes('delivery') && (
          <AddressFields values={v} errors={errors} india={p.india} required={addressRequired} hidden={!addressShown} pickupOffered={pickupOffered} />
        )}
        <TextArea form={f} name="note" label="Note for the shop" value={v.note} error={errors['note']} optional rows={2} maxLength={500} />
        <PaymentChoice methods={p.paymentMethods} chosen={p.paymentMethod} error={errors['paymentMethod']} codFee={p.codFee} onChange={p.onPaymentMethod} />
        <button type="submit" class="btn btn-primary btn-block" disabled={!p.canOrder || p.busy} aria-busy={p.busy ? 'true' : undefined}>
          {p.busy ? 'Placing order…' : `Place order · ${formatMoney(p.total, p.currency)}`}
        </button>
        {!p.isOpen && <p class="notice">This shop is not taking orders right now.</p>}
      </PostForm>
    </section>
  );
}
