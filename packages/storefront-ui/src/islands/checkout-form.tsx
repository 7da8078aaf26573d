import { formatMoney, type DeliveryMethod } from '@dukaan-kit/core/pricing';
import type { RefObject } from 'preact';
import { Field, PostForm, SelectField, TextArea } from '../components/form.js';
import type { FieldErrors, PaymentMethod } from '../types.js';
import type { StoredLine } from './cart-storage.js';
import type { CheckoutKey, CheckoutT } from './checkout-text.js';
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

const methodWords: Record<PaymentMethod, { label: CheckoutKey; hint: CheckoutKey }> = {
  cod: { label: 'checkout.payment.cod', hint: 'checkout.payment.codHint' },
  upi: { label: 'checkout.payment.upi', hint: 'checkout.payment.upiHint' },
};

/**
 * How to pay: a radio per method when the store offers several (plain form controls, so it
 * works without JavaScript), else the one method as a line of text and a hidden field. A refusal
 * (the store stopped offering the method chosen) shows under either. The choice is followed by
 * the island, since cash on delivery may carry a fee.
 */
function PaymentChoice({ t, methods, chosen, error, codFee, onChange }: { t: CheckoutT; methods: PaymentMethod[]; chosen: PaymentMethod; error: string | undefined; codFee: string | null; onChange(m: PaymentMethod): void }) {
  const hint = (m: PaymentMethod) => (m === 'cod' && codFee ? `${t(methodWords.cod.hint)} ${t('checkout.payment.codFee', { fee: codFee })}` : t(methodWords[m].hint));
  const only = methods.length === 1 ? methods[0] : undefined;
  const errorLine = error && (
    <p class="field-error" id="checkout-paymentMethod-error">
      {error}
    </p>
  );
  if (only)
    return (
      <div class="field payment" id="checkout-paymentMethod" tabIndex={error ? -1 : undefined}>
        <input type="hidden" name="paymentMethod" value={only} />
        <p class="pay-only">
          <strong>{t('checkout.payment.label')}</strong> {t(methodWords[only].label)}. {hint(only)}
        </p>
        {errorLine}
      </div>
    );
  return (
    <fieldset class={`field payment${error ? ' has-error' : ''}`} id="checkout-paymentMethod" aria-describedby={error ? 'checkout-paymentMethod-error' : undefined}>
      <legend>{t('checkout.payment.legend')}</legend>
      {methods.map((m) => (
        <label class="radio">
          <input type="radio" name="paymentMethod" value={m} checked={m === chosen} onChange={() => onChange(m)} /> {t(methodWords[m].label)}
          <span class="radio-hint">{hint(m)}</span>
        </label>
      ))}
      {errorLine}
    </fieldset>
  );
}

/** Delivery to the customer, or pickup from the shop (which shows where). */
function DeliveryChoice(p: { t: CheckoutT; methods: DeliveryMethod[]; chosen: DeliveryMethod; pickupAddress: string; error: string | undefined; onChange(m: DeliveryMethod): void }) {
  const { t } = p;
  const errorId = 'checkout-deliveryMethod-error';
  const error = p.error && (
    <p class="field-error" id={errorId}>
      {p.error}
    </p>
  );
  const where = p.pickupAddress.trim() ? t('checkout.delivery.collectFrom', { address: p.pickupAddress.trim() }) : t('checkout.delivery.collectShop');
  const only = p.methods.length === 1 ? p.methods[0] : undefined;
  if (only)
    return (
      <div class="field delivery-method" id="checkout-deliveryMethod">
        <input type="hidden" name="deliveryMethod" value={only} />
        {only === 'pickup' && (
          <p class="pickup-only">
            <strong>{t('checkout.delivery.pickupOnly')}</strong> {where}
          </p>
        )}
        {error}
      </div>
    );
  return (
    <fieldset class={`field delivery-method${p.error ? ' has-error' : ''}`} id="checkout-deliveryMethod" aria-describedby={p.error ? errorId : undefined}>
      <legend>{t('checkout.delivery.legend')}</legend>
      <label class="radio">
        <input type="radio" name="deliveryMethod" value="delivery" checked={p.chosen === 'delivery'} onChange={() => p.onChange('delivery')} /> {t('checkout.delivery.delivery')}
        <span class="radio-hint">{t('checkout.delivery.deliveryHint')}</span>
      </label>
      <label class="radio">
        <input type="radio" name="deliveryMethod" value="pickup" checked={p.chosen === 'pickup'} onChange={() => p.onChange('pickup')} /> {t('checkout.delivery.pickup')}
        <span class="radio-hint">{t('checkout.delivery.pickupHint', { where })}</span>
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
 * `hidden` once the island knows pickup is chosen. The form is `novalidate`: every refusal is
 * ours (a person's words, beside the field, listed in the summary), never the browser's bubble.
 */
function AddressFields(p: { t: CheckoutT; values: Partial<CheckoutValues>; errors: FieldErrors; india: IndiaAddress | null; required: boolean; hidden: boolean; pickupOffered: boolean }) {
  const { values: v, errors, t } = p;
  const f = 'checkout';
  const req = p.required || undefined;
  // The words, not `true`: the form parts' own default is English in the browser (they cannot
  // import the catalogue), and the island must render what the server rendered.
  const opt = !p.required && t('checkout.field.optional');
  const pincode = (
    <Field
      form={f}
      name="pincode"
      label={t(p.india ? 'checkout.field.pincode' : 'checkout.field.postcode')}
      defaultValue={v.pincode}
      error={errors['pincode']}
      required={req}
      optional={opt}
      autocomplete="postal-code"
      inputMode="numeric"
      maxLength={6}
      class="field-short"
    />
  );
  return (
    <fieldset class="address" hidden={p.hidden} disabled={p.hidden}>
      <legend>{t('checkout.address.title')}</legend>
      {p.pickupOffered && !p.required && <p class="hint">{t('checkout.address.pickupHint')}</p>}
      {p.india ? (
        <>
          <Field form={f} name="house" label={t('checkout.field.house')} defaultValue={v.house} error={errors['house']} required={req} optional={opt} autocomplete="address-line1" maxLength={100} />
          <Field form={f} name="street" label={t('checkout.field.street')} defaultValue={v.street} error={errors['street']} required={req} optional={opt} autocomplete="address-line2" maxLength={150} />
          <Field form={f} name="landmark" label={t('checkout.field.landmark')} defaultValue={v.landmark} error={errors['landmark']} optional={t('checkout.field.optional')} maxLength={100} hint={t('checkout.field.landmarkHint')} />
          <Field form={f} name="city" label={t('checkout.field.city')} defaultValue={v.city} error={errors['city']} required={req} optional={opt} autocomplete="address-level2" maxLength={60} />
          <SelectField
            form={f}
            name="state"
            label={t('checkout.field.state')}
            value={v.state || p.india.storeState || ''}
            error={errors['state']}
            optional={opt}
            options={[['', t('checkout.field.stateChoose')] as const, ...p.india.states.map((s) => [s, s] as const)]}
          />
          {pincode}
        </>
      ) : (
        <>
          <TextArea form={f} name="address" label={t('checkout.field.address')} value={v.address} error={errors['address']} required={req} optional={opt} rows={3} autocomplete="street-address" />
          {pincode}
        </>
      )}
    </fieldset>
  );
}

/** The label of each field, in the form's order: the summary links to them by these names. */
export const fieldLabels: ReadonlyArray<readonly [string, CheckoutKey]> = [
  ['name', 'checkout.field.name'],
  ['phone', 'checkout.field.phone'],
  ['email', 'checkout.field.email'],
  ['deliveryMethod', 'checkout.delivery.legend'],
  ['house', 'checkout.field.house'],
  ['street', 'checkout.field.street'],
  ['landmark', 'checkout.field.landmark'],
  ['city', 'checkout.field.city'],
  ['state', 'checkout.field.state'],
  ['address', 'checkout.field.address'],
  ['pincode', 'checkout.field.pincode'],
  ['note', 'checkout.field.note'],
  ['paymentMethod', 'checkout.payment.legend'],
  ['couponCode', 'checkout.coupon.label'],
];

/**
 * Everything to fix, at the top, with and without JavaScript: the form's own message (a changed
 * price, a closed shop) and a link to each field and cart line in error by its name. The
 * messages themselves stay beside their fields, said once.
 */
export function ProblemSummary({ t, formError, errors, lineErrors, lines, india }: { t: CheckoutT; formError: string | null; errors: FieldErrors; lineErrors: FieldErrors; lines: ReadonlyArray<StoredLine>; india: boolean }) {
  const label = (field: string, key: CheckoutKey) => (field === 'pincode' && !india ? t('checkout.field.postcode') : t(key));
  const links = [
    ...lines.filter((l) => lineErrors[l.variantId]).map((l) => ({ href: `#qty-${l.variantId}`, text: l.name })),
    ...fieldLabels.filter(([field]) => errors[field]).map(([field, key]) => ({ href: `#checkout-${field}`, text: label(field, key) })),
  ];
  if (!formError && links.length === 0) return null;
  return (
    <div class="alert alert-error error-summary" role="alert" tabIndex={-1}>
      {formError && <p class="error-summary-form">{formError}</p>}
      {links.length > 0 && (
        <>
          <h2>{t('checkout.errors.title', { count: links.length })}</h2>
          <ul>
            {links.map((l) => (
              <li>
                <a href={l.href}>{l.text}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export interface DetailsFormProps {
  t: CheckoutT;
  ctx: { basePath: string; csrfToken: string | null };
  slug: string;
  idempotencyKey: string;
  values: Partial<CheckoutValues>;
  errors: FieldErrors;
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
  canOrder: boolean;
  /** Why Place order is greyed (the shop is closed, the minimum not reached): said right under it. */
  blocked: string | null;
  busy: boolean;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: (e: SubmitEvent) => void;
}

/** The customer's details and the Place order button, which names the total being confirmed. */
export function DetailsForm(p: DetailsFormProps) {
  const { values: v, errors, t } = p;
  const f = 'checkout';
  const pickupOffered = p.deliveryMethods.includes('pickup');
  const pickup = p.deliveryMethod === 'pickup';
  // Without JavaScript a radio change re-prices nothing and shows nothing: the address stays, optional.
  const addressRequired = !pickupOffered || (p.hydrated && !pickup);
  const addressShown = p.deliveryMethods.includes('delivery') && !(p.hydrated && pickup);
  const india = p.currency === 'INR';
  return (
    <section class="checkout-details" aria-labelledby="details-title">
      <h2 id="details-title">{t('checkout.details.title')}</h2>
      <PostForm ctx={p.ctx} action={`/${p.slug}/checkout`} id="checkout-form" ref={p.formRef} onSubmit={p.onSubmit} noValidate>
        <OrderSnapshot lines={p.lines} total={p.total} idempotencyKey={p.idempotencyKey} pricedFor={`${p.deliveryMethod}|${p.paymentMethod}`} />
        <Field form={f} name="name" label={t('checkout.field.name')} defaultValue={v.name} error={errors['name']} required autocomplete="name" maxLength={100} />
        <Field
          form={f}
          name="phone"
          label={t('checkout.field.phone')}
          type="tel"
          defaultValue={v.phone}
          error={errors['phone']}
          required
          autocomplete="tel"
          inputMode="tel"
          hint={t(india ? 'checkout.field.phoneHintIndia' : 'checkout.field.phoneHintOther')}
        />
        <Field form={f} name="email" label={t('checkout.field.email')} type="email" defaultValue={v.email} error={errors['email']} optional={t('checkout.field.optional')} autocomplete="email" />
        <DeliveryChoice t={t} methods={p.deliveryMethods} chosen={p.deliveryMethod} pickupAddress={p.pickupAddress} error={errors['deliveryMethod']} onChange={p.onDeliveryMethod} />
        {p.deliveryMethods.includes('delivery') && (
          <AddressFields t={t} values={v} errors={errors} india={p.india} required={addressRequired} hidden={!addressShown} pickupOffered={pickupOffered} />
        )}
        <TextArea form={f} name="note" label={t('checkout.field.note')} value={v.note} error={errors['note']} optional={t('checkout.field.optional')} rows={2} maxLength={500} />
        <PaymentChoice t={t} methods={p.paymentMethods} chosen={p.paymentMethod} error={errors['paymentMethod']} codFee={p.codFee} onChange={p.onPaymentMethod} />
        <button
          type="submit"
          class="btn btn-primary btn-block place-order"
          disabled={!p.canOrder || p.busy}
          aria-busy={p.busy ? 'true' : undefined}
          aria-describedby={p.blocked ? 'place-order-why' : undefined}
        >
          {p.busy ? t('checkout.placing') : t('checkout.placeOrder', { total: formatMoney(p.total, p.currency) })}
        </button>
        {p.blocked && (
          <p class="notice place-order-why" id="place-order-why">
            {p.blocked}
          </p>
        )}
      </PostForm>
    </section>
  );
}
