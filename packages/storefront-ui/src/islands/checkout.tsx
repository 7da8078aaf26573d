import { formatMoney, type CouponTerms, type DeliveryMethod, type PricingRules } from '@dukaan-kit/core/pricing';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CartLineView, FieldErrors, PaymentMethod } from '../types.js';
import { islandT } from '../i18n/island-t.js';
import { useCheckoutCart, type CatalogEntry, type QuantityCut } from './checkout-cart.js';
import { DetailsForm, ProblemSummary, type IndiaAddress } from './checkout-form.js';
import { CartSection, CouponField, EmptyCart } from './checkout-parts.js';
import { useOrderSubmit } from './checkout-submit.js';
import { couponRefusal, fieldMessage, lineMessage, outOfStockMessage, type CheckoutMessages, type CheckoutT, type FieldContext } from './checkout-text.js';
import { checkCouponCode, normaliseCouponCode } from './coupon-check.js';
import type { ApiError, ErrorWords } from './order-errors.js';
import type { CheckoutValues } from './place-order.js';

export type { CatalogEntry, QuantityCut } from './checkout-cart.js';
export type { CheckoutMessages } from './checkout-text.js';
export type { IndiaAddress } from './checkout-form.js';
export type { CheckoutValues } from './place-order.js';

/** Props of the cart island on the checkout page. */
export interface CheckoutIslandProps {
  mode: 'checkout';
  /** The page's texts for the island, in its language. */
  m: CheckoutMessages;
  basePath: string;
  slug: string;
  storeName: string;
  csrfToken: string | null;
  /** The no-JS form's key (a fresh one per page view); the island makes its own per request. */
  idempotencyKey: string;
  currency: string;
  /** The methods the store offers (a choice when more than one). */
  paymentMethods: PaymentMethod[];
  /** Delivery, pickup or both (a choice when both); never empty. */
  deliveryMethods: DeliveryMethod[];
  /** Where pickup orders are collected. */
  pickupAddress: string;
  /** The store's pricing rules: delivery, minimum, extra charges, GST. */
  rules: PricingRules;
  /** An Indian address in parts (INR stores); null: one free-form address field. */
  india: IndiaAddress | null;
  isOpen: boolean;
  lines: CartLineView[];
  /** Lines of the cookie cart the server cut to the stock left, by variant. */
  cuts: Record<string, QuantityCut>;
  /** Names of cookie cart lines the server dropped (sold out, gone). */
  dropped: string[];
  /** Current prices of the store's buyable products; null to trust the browser cart's snapshot. */
  catalog: Record<string, CatalogEntry> | null;
  errors: FieldErrors;
  values: Partial<CheckoutValues>;
  formError: string | null;
  /** The coupon the server applied to this page (a no-JS Apply); null for none. */
  coupon: CouponTerms | null;
}

function firstOf<T extends string>(offered: readonly T[], wanted: string | undefined, fallback: T): T {
  return offered.find((m) => m === wanted) ?? offered[0] ?? fallback;
}

/** The coupon code: typed, applied (its terms price the cart), or refused with a reason. `subtotal` is read when Apply is pressed. */
function useCoupon(p: CheckoutIslandProps, t: CheckoutT, subtotal: () => number) {
  const [typed, setTyped] = useState(p.values.couponCode ?? p.coupon?.code ?? '');
  const [applied, setApplied] = useState<CouponTerms | null>(p.coupon);
  const [error, setError] = useState<string | undefined>(p.errors['couponCode']);
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    const code = normaliseCouponCode(typed);
    if (!code) return setError(t('checkout.coupon.typeFirst'));
    setBusy(true);
    const answer = await checkCouponCode(t, p.basePath, p.slug, code, subtotal());
    setBusy(false);
    if (answer.kind === 'applied') {
      setApplied(answer.terms);
      setTyped(answer.terms.code);
      setError(undefined);
    } else {
      setApplied(null);
      setError(answer.message);
    }
  };
  const remove = () => {
    setApplied(null);
    setTyped('');
    setError(undefined);
  };
  /** A refusal at ordering (used up meanwhile): the total drops the discount and the reason shows. */
  const refused = (message: string) => {
    setApplied(null);
    setError(message);
  };
  return { typed, setTyped, applied, error, busy, apply, remove, refused };
}

/**
 * How a refusal reads on this page: each field's message ours, decided by what was typed (read
 * from the form when it was sent), a coupon's by its reason, a line's by the stock left.
 */
function refusalWords(t: CheckoutT, c: FieldContext, typed: (field: string) => string, couponCode: string, error?: ApiError & { reason?: string }): ErrorWords {
  return {
    field: (field, raw) => (field === 'couponCode' && error ? couponRefusal(t, error.reason, couponCode, raw) : fieldMessage(t, field, typed(field), raw, c)),
    line: (raw) => lineMessage(t, raw),
    form: (code, raw) => {
      if (code === 'OUT_OF_STOCK') return outOfStockMessage(t, raw);
      if (code === 'BELOW_MINIMUM_ORDER') return t('checkout.error.belowMinimum');
      if (code === 'STORE_CLOSED') return t('checkout.error.closed');
      if (code === 'RATE_LIMITED') return t('checkout.error.tooMany');
      return t('checkout.error.notPlaced');
    },
  };
}

/** The server's field errors (a no-JS submit), worded as the island words them. */
function initialErrors(t: CheckoutT, c: FieldContext, p: CheckoutIslandProps): FieldErrors {
  const typed = (field: string) => String((p.values as Record<string, unknown>)[field] ?? '');
  const say = refusalWords(t, c, typed, '');
  return Object.fromEntries(Object.entries(p.errors).map(([field, raw]) => [field, say.field(field, raw)]));
}

/** Cart lines, totals and the customer form; with JavaScript the order is placed through the JSON API. */
export function Checkout(p: CheckoutIslandProps) {
  const t = islandT(p.m);
  const form = useRef<HTMLFormElement>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [deliveryMethod, setDeliveryMethod] = useState<DeliveryMethod>(firstOf(p.deliveryMethods, p.values.deliveryMethod, 'delivery'));
  const [paymentMethod, setPaymentMethod] = useState<PaymentMethod>(firstOf(p.paymentMethods, p.values.paymentMethod, 'cod'));
  // The subtotal is the lines' alone (before any discount), so the coupon is checked against the cart as priced now.
  const subtotal = useRef(0);
  const coupon = useCoupon(p, t, () => subtotal.current);
  const couponTerms = coupon.applied;
  const cart = useCheckoutCart(p, { deliveryMethod, paymentMethod, coupon: couponTerms });
  subtotal.current = cart.totals.subtotal;
  const canOrder = p.isOpen && cart.lines.length > 0 && cart.totals.shortOfMinimum === 0;
  const money = (n: number) => formatMoney(n, cart.currency);
  const blocked = !p.isOpen
    ? t('checkout.closed')
    : cart.totals.shortOfMinimum > 0
      ? t('checkout.belowMinimum', { amount: money(cart.totals.shortOfMinimum), minimum: money(p.rules.minOrderValue) })
      : null;
  const fieldContext: FieldContext = { india: p.currency === 'INR', storeName: p.storeName, pickupOffered: p.deliveryMethods.includes('pickup') };
  const order = useOrderSubmit({
    basePath: p.basePath,
    slug: p.slug,
    form,
    lines: cart.lines,
    total: cart.totals.total,
    choices: { deliveryMethod, couponCode: coupon.applied?.code ?? null, address: { parts: p.india !== null } },
    canOrder,
    applyQuote: cart.applyQuote,
    initial: { errors: initialErrors(t, fieldContext, p), formError: p.formError },
    t,
    words: (error, sent) => {
      const typedIn = (field: string) => String((sent.elements.namedItem(field) as HTMLInputElement | null)?.value ?? '');
      return refusalWords(t, fieldContext, typedIn, coupon.applied?.code ?? normaliseCouponCode(coupon.typed), error);
    },
  });
  useEffect(() => {
    const refusal = order.problems.fields['couponCode'];
    if (refusal) coupon.refused(refusal);
  }, [order.problems]);
  const ctx = { basePath: p.basePath, csrfToken: p.csrfToken };
  if (cart.lines.length === 0) {
    return (
      <div class="checkout checkout-is-empty">
        <EmptyCart t={t} basePath={p.basePath} slug={p.slug} storeName={p.storeName} dropped={cart.dropped} />
      </div>
    );
  }
  const onQuantity = (variantId: string, quantity: number) => {
    cart.setQuantity(variantId, quantity);
    order.clearLineError(variantId);
  };
  // A code typed but not applied (or cleared) would change the total on the button: it is applied first, and the customer confirms.
  const onSubmit = (e: SubmitEvent) => {
    const typed = normaliseCouponCode(coupon.typed);
    if (typed !== (coupon.applied?.code ?? '')) {
      e.preventDefault();
      if (typed) void coupon.apply();
      else coupon.remove();
      return;
    }
    void order.submit(e);
  };
  const fee = p.rules.codFee;
  const codFee = fee && fee.value > 0 ? (fee.type === 'flat' ? money(fee.value) : t('checkout.payment.codFeePercent', { percent: fee.value })) : null;
  const couponField = canOrder || coupon.applied || coupon.error ? (
    <CouponField
      t={t}
      typed={coupon.typed}
      applied={coupon.applied}
      error={coupon.error}
      currency={cart.currency}
      busy={coupon.busy}
      onInput={coupon.setTyped}
      onApply={() => void coupon.apply()}
      onRemove={coupon.remove}
    />
  ) : undefined;
  return (
    <div class="checkout">
      {/* Enter in any field places the order: the form's first submit button in document order is this one, not the coupon's Apply above the form. */}
      <button type="submit" form="checkout-form" class="sr-only" tabIndex={-1} aria-hidden="true" disabled={!canOrder || order.busy}>
        {t('checkout.placeOrder', { total: money(cart.totals.total) })}
      </button>
      {/* A refused submit's problems; a code refused by Apply is said beside the coupon field alone. */}
      <ProblemSummary t={t} formError={order.problems.form} errors={order.problems.fields} lineErrors={order.problems.lines} lines={cart.lines} india={fieldContext.india} />
      <CartSection
        t={t}
        ctx={ctx}
        slug={p.slug}
        currency={cart.currency}
        lines={cart.lines}
        lineErrors={order.problems.lines}
        cuts={cart.cuts}
        dropped={cart.dropped}
        totals={cart.totals}
        rules={p.rules}
        coupon={couponTerms}
        deliveryMethod={deliveryMethod}
        couponField={couponField}
        onQuantity={onQuantity}
      />
      <DetailsForm
        t={t}
        ctx={ctx}
        slug={p.slug}
        idempotencyKey={p.idempotencyKey}
        values={p.values}
        errors={order.problems.fields}
        lines={cart.lines}
        total={cart.totals.total}
        currency={cart.currency}
        paymentMethods={p.paymentMethods}
        paymentMethod={paymentMethod}
        codFee={codFee}
        onPaymentMethod={setPaymentMethod}
        deliveryMethods={p.deliveryMethods}
        deliveryMethod={deliveryMethod}
        pickupAddress={p.pickupAddress}
        onDeliveryMethod={setDeliveryMethod}
        india={p.india}
        hydrated={hydrated}
        canOrder={canOrder}
        blocked={blocked}
        busy={order.busy}
        formRef={form}
        onSubmit={onSubmit}
      />
    </div>
  );
}
