import type { DeliveryRules } from '@dukaan-kit/core/pricing';
import { useRef } from 'preact/hooks';
import type { CartLineView, FieldErrors, PaymentMethod } from '../types.js';
import { useCheckoutCart, type CatalogEntry } from './checkout-cart.js';
import { DetailsForm } from './checkout-form.js';
import { CartSection } from './checkout-parts.js';
import { useOrderSubmit } from './checkout-submit.js';
import type { CheckoutValues } from './place-order.js';

export type { CatalogEntry } from './checkout-cart.js';
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
  rules: DeliveryRules;
  isOpen: boolean;
  lines: CartLineView[];
  /** Current prices of the store's buyable products; null to trust the browser cart's snapshot. */
  catalog: Record<string, CatalogEntry> | null;
  errors: FieldErrors;
  values: Partial<CheckoutValues>;
  formError: string | null;
}

/** Cart lines, totals and the customer form; with JavaScript the order is placed through the JSON API. */
export function Checkout(p: CheckoutIslandProps) {
  const form = useRef<HTMLFormElement>(null);
  const cart = useCheckoutCart(p);
  const canOrder = p.isOpen && cart.lines.length > 0 && cart.totals.shortOfMinimum === 0;
  const order = useOrderSubmit({
    basePath: p.basePath,
    slug: p.slug,
    form,
    lines: cart.lines,
    total: cart.totals.total,
    canOrder,
    applyQuote: cart.applyQuote,
    initial: { errors: p.errors, formError: p.formError },
  });
  const ctx = { basePath: p.basePath, csrfToken: p.csrfToken };
  const onQuantity = (variantId: string, quantity: number) => {
    cart.setQuantity(variantId, quantity);
    order.clearLineError(variantId);
  };
  return (
    <div class="checkout">
      <CartSection ctx={ctx} slug={p.slug} currency={cart.currency} lines={cart.lines} lineErrors={order.problems.lines} totals={cart.totals} rules={p.rules} onQuantity={onQuantity} />
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
        isOpen={p.isOpen}
        canOrder={canOrder}
        busy={order.busy}
        formRef={form}
        onSubmit={order.submit}
      />
    </div>
  );
}
