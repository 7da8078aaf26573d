import { formatMoney, lineTotal, type CartTotals, type CouponTerms, type DeliveryMethod, type PricingRules } from '@dukaan-kit/core/pricing';
import type { ComponentChildren } from 'preact';
import { PostForm } from '../components/form.js';
import { withBase } from '../url.js';
import type { FieldErrors } from '../types.js';
import type { StoredLine } from './cart-storage.js';
import { optionsLabel } from './variant-choice.js';

type FormCtx = { basePath: string; csrfToken: string | null };

/** One cart line: quantity and remove are real forms to `/{slug}/cart`, which the island intercepts. */
export function CartLineRow(p: {
  ctx: FormCtx;
  slug: string;
  currency: string;
  line: StoredLine;
  error?: string | undefined;
  onQuantity?: (variantId: string, quantity: number) => void;
}) {
  const { line, ctx, slug, currency } = p;
  const qid = `qty-${line.variantId}`;
  const errId = `line-${line.variantId}-error`;
  const variant = optionsLabel(line.options);
  const fullName = variant ? `${line.name} (${variant})` : line.name;
  const readQty = (form: HTMLFormElement) => Number((form.elements.namedItem('quantity') as HTMLInputElement).value);
  return (
    <li class={`line${p.error ? ' has-error' : ''}`}>
      {line.image ? <img class="line-img" src={line.image} alt="" width={64} height={64} loading="lazy" /> : <span class="line-img line-img-empty" aria-hidden="true" />}
      <div class="line-info">
        <p class="line-name">{line.name}</p>
        {variant && <p class="line-variant">{variant}</p>}
        <p class="line-unit">{formatMoney(line.price, currency)} each</p>
        {p.error && (
          <p class="field-error" id={errId}>
            {p.error}
          </p>
        )}
      </div>
      <div class="line-actions">
        <PostForm
          ctx={ctx}
          action={`/${slug}/cart`}
          class="line-qty"
          onSubmit={(e) => {
            e.preventDefault();
            p.onQuantity?.(line.variantId, readQty(e.currentTarget));
          }}
        >
          <input type="hidden" name="productId" value={line.productId} />
          <input type="hidden" name="variantId" value={line.variantId} />
          <input type="hidden" name="action" value="set" />
          <label class="sr-only" for={qid}>
            Quantity of {fullName}
          </label>
          <input
            id={qid}
            type="number"
            name="quantity"
            inputMode="numeric"
            min={0}
            max={line.maxQuantity ?? 99}
            value={line.quantity}
            aria-invalid={p.error ? 'true' : undefined}
            aria-describedby={p.error ? errId : undefined}
            onChange={(e) => p.onQuantity?.(line.variantId, Number(e.currentTarget.value))}
          />
          <button type="submit" class="btn btn-small btn-secondary no-js-only">
            Update
          </button>
        </PostForm>
        <PostForm
          ctx={ctx}
          action={`/${slug}/cart`}
          onSubmit={(e) => {
            e.preventDefault();
            p.onQuantity?.(line.variantId, 0);
          }}
        >
          <input type="hidden" name="productId" value={line.productId} />
          <input type="hidden" name="variantId" value={line.variantId} />
          <input type="hidden" name="action" value="remove" />
          <button type="submit" class="btn-link">
            Remove<span class="sr-only"> {fullName}</span>
          </button>
        </PostForm>
      </div>
      <p class="line-total">{formatMoney(lineTotal({ unitPrice: line.price, quantity: line.quantity }), currency)}</p>
    </li>
  );
}

/** One named figure of the totals; `data-<name>` lets tests read the figure shown. */
function Row({ label, name, children, grand }: { label: ComponentChildren; name: string; children: ComponentChildren; grand?: boolean }) {
  return (
    <div class={grand ? 'totals-grand' : undefined}>
      <dt>{label}</dt>
      <dd {...{ [`data-${name}`]: true }}>{children}</dd>
    </div>
  );
}

/** What a coupon gives, in a phrase: "10% off (up to ₹100.00) on ₹500.00 or more". */
export function couponTermsText(terms: CouponTerms, currency: string): string {
  const money = (n: number) => formatMoney(n, currency);
  const off = terms.type === 'percent' ? `${terms.value}% off${terms.maxDiscount !== null ? ` (up to ${money(terms.maxDiscount)})` : ''}` : `${money(terms.value)} off`;
  return terms.minOrderValue > 0 ? `${off} on ${money(terms.minOrderValue)} or more` : off;
}

export interface TotalsBoxProps {
  totals: CartTotals;
  currency: string;
  rules: Pick<PricingRules, 'freeDeliveryAbove' | 'minOrderValue' | 'tax'>;
  /** The coupon the totals were priced with; null for none. */
  coupon?: CouponTerms | null;
  deliveryMethod?: DeliveryMethod;
}

/**
 * Every figure the order will carry, named: subtotal, the coupon's discount, delivery, the extra
 * charges, GST (added on top, or the part of the prices that is tax) and the total, with hints
 * about free delivery, the coupon's minimum and the minimum order.
 */
export function TotalsBox({ totals, currency, rules, coupon = null, deliveryMethod = 'delivery' }: TotalsBoxProps) {
  const money = (n: number) => formatMoney(n, currency);
  const tax = rules.tax ?? null;
  const pickup = deliveryMethod === 'pickup';
  const shortOfCoupon = coupon && !totals.couponApplied && totals.count > 0 ? Math.max(0, coupon.minOrderValue - totals.subtotal) : 0;
  return (
    <div class="totals-box">
      <dl class="totals">
        <Row label="Subtotal" name="subtotal">
          {money(totals.subtotal)}
        </Row>
        {totals.discount > 0 && coupon && (
          <Row label={`Discount (${coupon.code})`} name="discount">
            −{money(totals.discount)}
          </Row>
        )}
        <Row label={pickup ? 'Pickup' : 'Delivery'} name="delivery">
          {totals.count > 0 && totals.deliveryFee === 0 ? 'Free' : money(totals.deliveryFee)}
        </Row>
        {totals.packagingFee > 0 && (
          <Row label="Packaging" name="packaging">
            {money(totals.packagingFee)}
          </Row>
        )}
        {totals.codFee > 0 && (
          <Row label="Cash on delivery fee" name="cod">
            {money(totals.codFee)}
          </Row>
        )}
        {tax && !tax.pricesIncludeTax && (
          <Row label="GST" name="tax">
            {money(totals.taxTotal)}
          </Row>
        )}
        <Row label="Total" name="total" grand>
          {money(totals.total)}
        </Row>
      </dl>
      {tax && tax.pricesIncludeTax && totals.taxTotal > 0 && (
        <p class="hint tax-included" data-tax-included="">
          Includes GST {money(totals.taxTotal)}
        </p>
      )}
      {!pickup && totals.shortOfFreeDelivery > 0 && <p class="hint">Add {money(totals.shortOfFreeDelivery)} more for free delivery.</p>}
      {coupon && shortOfCoupon > 0 && (
        <p class="hint">
          Add {money(shortOfCoupon)} more to use {coupon.code}.
        </p>
      )}
      {totals.count > 0 && totals.shortOfMinimum > 0 && (
        <p class="notice" role="status">
          The minimum order is {money(rules.minOrderValue)}. Add {money(totals.shortOfMinimum)} more to check out.
        </p>
      )}
    </div>
  );
}

export interface CouponFieldProps {
  /** The code as typed. */
  typed: string;
  applied: CouponTerms | null;
  error: string | undefined;
  currency: string;
  busy: boolean;
  onInput(typed: string): void;
  onApply(): void;
  onRemove(): void;
}

/**
 * The coupon code, part of the checkout form wherever it sits (`form=`): without JavaScript Apply
 * and Remove submit the whole form with an `intent`, so the page comes back priced with the code
 * and with everything typed; with JavaScript the island checks the code itself.
 */
export function CouponField(p: CouponFieldProps) {
  const id = 'checkout-couponCode';
  const described = [p.applied ? `${id}-applied` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field coupon${p.error ? ' has-error' : ''}`}>
      <label for={id}>
        Coupon code<span class="optional"> (optional)</span>
      </label>
      <div class="coupon-row">
        <input
          id={id}
          form="checkout-form"
          name="couponCode"
          value={p.typed}
          maxLength={32}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={described || undefined}
          onInput={(e) => p.onInput(e.currentTarget.value)}
        />
        <button
          type="submit"
          form="checkout-form"
          name="intent"
          value="apply-coupon"
          formNoValidate
          class="btn btn-secondary"
          disabled={p.busy}
          aria-busy={p.busy ? 'true' : undefined}
          onClick={(e) => {
            e.preventDefault();
            p.onApply();
          }}
        >
          {p.busy ? 'Checking…' : 'Apply'}
        </button>
      </div>
      <input type="hidden" form="checkout-form" name="appliedCoupon" value={p.applied?.code ?? ''} />
      {p.applied && (
        <p class="coupon-applied" id={`${id}-applied`} role="status">
          <strong>{p.applied.code}</strong> applied: {couponTermsText(p.applied, p.currency)}.{' '}
          <button
            type="submit"
            form="checkout-form"
            name="intent"
            value="remove-coupon"
            formNoValidate
            class="btn-link"
            onClick={(e) => {
              e.preventDefault();
              p.onRemove();
            }}
          >
            Remove<span class="sr-only"> coupon {p.applied.code}</span>
          </button>
        </p>
      )}
      {p.error && (
        <p class="field-error" id={`${id}-error`}>
          {p.error}
        </p>
      )}
    </div>
  );
}

/** The cart column: its lines (each with its own forms), the coupon and the totals. */
export function CartSection(p: {
  ctx: FormCtx;
  slug: string;
  currency: string;
  lines: ReadonlyArray<StoredLine>;
  lineErrors: FieldErrors;
  totals: CartTotals;
  rules: TotalsBoxProps['rules'];
  coupon: CouponTerms | null;
  deliveryMethod: DeliveryMethod;
  /** The coupon field; absent on a cart that cannot order. */
  couponField?: ComponentChildren;
  onQuantity: (variantId: string, quantity: number) => void;
}) {
  return (
    <section class="checkout-cart" aria-labelledby="cart-title">
      <h2 id="cart-title">Your cart</h2>
      {p.lines.length === 0 ? (
        <p class="empty">
          Your cart is empty. <a href={withBase(p.ctx.basePath, `/${p.slug}`)}>Continue shopping</a>
        </p>
      ) : (
        <ul class="lines">
          {p.lines.map((l) => (
            <CartLineRow ctx={p.ctx} slug={p.slug} currency={p.currency} line={l} error={p.lineErrors[l.variantId]} onQuantity={p.onQuantity} />
          ))}
        </ul>
      )}
      {p.couponField}
      <TotalsBox totals={p.totals} currency={p.currency} rules={p.rules} coupon={p.coupon} deliveryMethod={p.deliveryMethod} />
    </section>
  );
}
