import { formatMoney, type CouponTerms, type DeliveryMethod, type PricingRules } from '@dukaan-kit/core/pricing';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CartLineView, FieldErrors, PaymentMethod } from '../types.js';
import { useCheckoutCart, type CatalogEntry } from './checkout-cart.js';
import { DetailsForm, type IndiaAddress } from './checkout-form.js';
import { CartSection, CouponField } from './checkout-parts.js';
import { useOrderSubmit } from './checkout-submit.js';
import { checkCouponCode, normaliseCouponCode } from './coupon-check.js';
import type { CheckoutValues } from './place-order.js';

export type { CatalogEntry } from './checkout-cart.js';
export type { IndiaAddress } from './checkout-form.js';
export type { CheckoutValues } from './place-order.js';

/** Props of the cart island on the checkout page. */
export interface CheckoutIslandProps {
  mode: 'checkout';
  basePath: string;
  slug: string;
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
function useCoupon(p: CheckoutIslandProps, subtotal: () => number) {
  const [typed, setTyped] = useState(p.values.couponCode ?? p.coupon?.code ?? '');
  const [applied, setApplied] = useState<CouponTerms | null>(p.coupon);
  const [error, setError] = useState<string | undefined>(p.errors['couponCode']);
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    const code = normaliseCouponCode(typed);
    if (!code) return setError('Type a coupon code first.');
    setBusy(true);
    const answer = await checkCouponCode(p.basePath, p.slug, code, subtotal());
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

/** Cart lines, totals and the customer form; with JavaScript the order is placed through the JSON API. */
export function Checkout(p: CheckoutIslandProps) {
  const form = useRef<HTMLFormElement>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [deliveryMethod, setDeliveryMethod] = useState<DeliveryMethod>(firstOf(p.deliveryMethods, p.values.deliveryMethod, 'delivery'));
  const [paymentMethod, setPaymentMethod] = useState<PaymentMethod>(firstOf(p.paymentMethods, p.values.paymentMethod, 'cod'));
  // The subtotal is the lines' alone (before any discount), so the coupon is checked against the cart as priced now.
  const subtotal = useRef(0);
  const coupon = useCoupon(p, () => subtotal.current);
  const couponTerms = coupon.applied;
  const cart = useCheckoutCart(p, { deliveryMethod, paymentMethod, coupon: couponTerms });
  subtotal.current = cart.totals.subtotal;
  const canOrder = p.isOpen && cart.lines.length > 0 && cart.totals.shortOfMinimum === 0;
  const order = useOrderSubmit({
    basePath: p.basePath,
    slug: p.slug,
    form,
    lines: cart.lines,
    total: cart.totals.total,
    choices: { deliveryMethod, couponCode: coupon.applied?.code ?? null, address: { parts: p.india !== null } },
    canOrder,
    applyQuote: cart.applyQuote,
    initial: { errors: p.errors, formError: p.formError },
  });
  useEffect(() => {
    const refusal = order.problems.fields['couponCode'];
    if (refusal) coupon.refused(refusal);
  }, [order.problems]);
  const ctx = { basePath: p.basePath, csrfToken: p.csrfToken };
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
  const codFee = fee && fee.value > 0 ? (fee.type === 'flat' ? formatMoney(fee.value, cart.currency) : `${fee.value}% of the items' price`) : null;
  const couponField = canOrder || coupon.applied || coupon.error ? (
    <CouponField
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
        Place order
      </button>
      <CartSection
        ctx={ctx}
        slug={p.slug}
        currency={cart.currency}
        lines={cart.lines}
        lineErrors={order.problems.lines}
        totals={cart.totals}
        rules={p.rules}
        coupon={couponTerms}
        deliveryMethod={deliveryMethod}
        couponField={couponField}
        onQuantity={onQuantity}
      />
      <DetailsForm
        ctx={ctx}
        slug={p.slug}
        idempotencyKey={p.idempotencyKey}
        values={p.values}
        errors={order.problems.fields}
        formError={order.problems.form}
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
        isOpen={p.isOpen}
        canOrder={canOrder}
        busy={order.busy}
        formRef={form}
        onSubmit={onSubmit}
      />
    </div>
  );
}
