import { formatMoney, lineTotal, type CartTotals, type CouponTerms, type DeliveryMethod, type PricingRules } from '@dukaan-kit/core/pricing';
import type { ComponentChildren } from 'preact';
import { PostForm } from '../components/form.js';
import { withBase } from '../url.js';
import type { FieldErrors } from '../types.js';
import type { StoredLine } from './cart-storage.js';
import type { QuantityCut } from './checkout-cart.js';
import { couponTermsText, type CheckoutT } from './checkout-text.js';
import { optionsLabel } from './variant-choice.js';

type FormCtx = { basePath: string; csrfToken: string | null };

/** One cart line: quantity and remove are real forms to `/{slug}/cart`, which the island intercepts. */
export function CartLineRow(p: {
  t: CheckoutT;
  ctx: FormCtx;
  slug: string;
  currency: string;
  line: StoredLine;
  error?: string | undefined;
  /** The quantity was cut to the stock left: said under the line, once. */
  cut?: QuantityCut | undefined;
  onQuantity?: (variantId: string, quantity: number) => void;
}) {
  const { line, ctx, slug, currency, t } = p;
  const qid = `qty-${line.variantId}`;
  const errId = `line-${line.variantId}-error`;
  const cutId = `line-${line.variantId}-cut`;
  const described = [p.error ? errId : '', p.cut && !p.error ? cutId : ''].filter(Boolean).join(' ');
  const variant = optionsLabel(line.options);
  const fullName = variant ? `${line.name} (${variant})` : line.name;
  const readQty = (form: HTMLFormElement) => Number((form.elements.namedItem('quantity') as HTMLInputElement).value);
  return (
    <li class={`line${p.error ? ' has-error' : ''}`}>
      {line.image ? (
        <img class="line-img" src={line.image} alt="" width={64} height={64} loading="lazy" />
      ) : (
        // No photo: the name's first letter on the brand's tint, not an empty grey box.
        <span class="line-img line-img-empty" aria-hidden="true">
          {Array.from(line.name.trim())[0] ?? ''}
        </span>
      )}
      <div class="line-info">
        <p class="line-name">{line.name}</p>
        {variant && <p class="line-variant">{variant}</p>}
        <p class="line-unit">{t('checkout.line.each', { price: formatMoney(line.price, currency) })}</p>
        {p.error ? (
          <p class="field-error" id={errId}>
            {p.error}
          </p>
        ) : (
          p.cut && (
            <p class="line-note" id={cutId} role="status">
              {t('checkout.line.cut', { left: p.cut.left, asked: p.cut.asked })}
            </p>
          )
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
            {t('checkout.line.quantityOf', { name: fullName })}
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
            aria-describedby={described || undefined}
            onChange={(e) => p.onQuantity?.(line.variantId, Number(e.currentTarget.value))}
          />
          <button type="submit" class="btn btn-small btn-secondary no-js-only">
            {t('checkout.line.update')}
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
          <button type="submit" class="btn-link line-remove" aria-label={t('checkout.line.removeName', { name: fullName })}>
            {t('checkout.line.remove')}
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

export interface TotalsBoxProps {
  t: CheckoutT;
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
 * about free delivery and the coupon's minimum (the minimum order is said beside Place order).
 */
export function TotalsBox({ t, totals, currency, rules, coupon = null, deliveryMethod = 'delivery' }: TotalsBoxProps) {
  const money = (n: number) => formatMoney(n, currency);
  const tax = rules.tax ?? null;
  const pickup = deliveryMethod === 'pickup';
  const shortOfCoupon = coupon && !totals.couponApplied && totals.count > 0 ? Math.max(0, coupon.minOrderValue - totals.subtotal) : 0;
  return (
    <div class="totals-box">
      <dl class="totals">
        <Row label={t('checkout.totals.subtotal')} name="subtotal">
          {money(totals.subtotal)}
        </Row>
        {totals.discount > 0 && coupon && (
          <Row label={t('checkout.totals.discount', { code: coupon.code })} name="discount">
            −{money(totals.discount)}
          </Row>
        )}
        <Row label={t(pickup ? 'checkout.totals.pickup' : 'checkout.totals.delivery')} name="delivery">
          {totals.count > 0 && totals.deliveryFee === 0 ? t('checkout.totals.free') : money(totals.deliveryFee)}
        </Row>
        {totals.packagingFee > 0 && (
          <Row label={t('checkout.totals.packaging')} name="packaging">
            {money(totals.packagingFee)}
          </Row>
        )}
        {totals.codFee > 0 && (
          <Row label={t('checkout.totals.codFee')} name="cod">
            {money(totals.codFee)}
          </Row>
        )}
        {tax && !tax.pricesIncludeTax && (
          <Row label={t('checkout.totals.gst')} name="tax">
            {money(totals.taxTotal)}
          </Row>
        )}
        <Row label={t('checkout.totals.total')} name="total" grand>
          {money(totals.total)}
        </Row>
      </dl>
      {tax && tax.pricesIncludeTax && totals.taxTotal > 0 && (
        <p class="hint tax-included" data-tax-included="">
          {t('checkout.totals.gstIncluded', { amount: money(totals.taxTotal) })}
        </p>
      )}
      {!pickup && totals.shortOfFreeDelivery > 0 && <p class="hint">{t('checkout.totals.freeDeliveryShort', { amount: money(totals.shortOfFreeDelivery) })}</p>}
      {coupon && shortOfCoupon > 0 && (
        <p class="hint">{t('checkout.totals.couponShort', { amount: money(shortOfCoupon), code: coupon.code })}</p>
      )}
    </div>
  );
}

export interface CouponFieldProps {
  t: CheckoutT;
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
  const { t } = p;
  const id = 'checkout-couponCode';
  const described = [p.applied ? `${id}-applied` : '', p.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field coupon${p.error ? ' has-error' : ''}`}>
      <label for={id}>
        {t('checkout.coupon.label')}
        <span class="optional"> {t('checkout.optional')}</span>
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
          {p.busy ? t('checkout.coupon.checking') : t('checkout.coupon.apply')}
        </button>
      </div>
      <input type="hidden" form="checkout-form" name="appliedCoupon" value={p.applied?.code ?? ''} />
      {p.applied && (
        <p class="coupon-applied" id={`${id}-applied`} role="status">
          {t('checkout.coupon.applied', { code: p.applied.code, terms: couponTermsText(t, p.applied, p.currency) })}{' '}
          <button
            type="submit"
            form="checkout-form"
            name="intent"
            value="remove-coupon"
            formNoValidate
            class="btn-link"
            aria-label={t('checkout.coupon.removeName', { code: p.applied.code })}
            onClick={(e) => {
              e.preventDefault();
              p.onRemove();
            }}
          >
            {t('checkout.coupon.remove')}
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
  t: CheckoutT;
  ctx: FormCtx;
  slug: string;
  currency: string;
  lines: ReadonlyArray<StoredLine>;
  lineErrors: FieldErrors;
  cuts: Record<string, QuantityCut>;
  dropped: ReadonlyArray<string>;
  totals: CartTotals;
  rules: TotalsBoxProps['rules'];
  coupon: CouponTerms | null;
  deliveryMethod: DeliveryMethod;
  /** The coupon field; absent on a cart that cannot order. */
  couponField?: ComponentChildren;
  onQuantity: (variantId: string, quantity: number) => void;
}) {
  const { t } = p;
  return (
    <section class="checkout-cart" aria-labelledby="cart-title">
      <h2 id="cart-title">{t('checkout.cart.title')}</h2>
      {p.dropped.length > 0 && <DroppedNotice t={t} dropped={p.dropped} />}
      <ul class="lines">
        {p.lines.map((l) => (
          <CartLineRow t={t} ctx={p.ctx} slug={p.slug} currency={p.currency} line={l} error={p.lineErrors[l.variantId]} cut={p.cuts[l.variantId]} onQuantity={p.onQuantity} />
        ))}
      </ul>
      {p.couponField}
      <TotalsBox t={t} totals={p.totals} currency={p.currency} rules={p.rules} coupon={p.coupon} deliveryMethod={p.deliveryMethod} />
    </section>
  );
}

/**
 * An empty cart: what to do next and nothing else (no form, no totals, no "Place order · ₹0.00"),
 * as Shopify and Dukaan show it; `dropped` names what just sold out, so the cart did not empty silently.
 */
export function EmptyCart({ t, basePath, slug, storeName, dropped }: { t: CheckoutT; basePath: string; slug: string; storeName: string; dropped: ReadonlyArray<string> }) {
  return (
    <section class="checkout-cart checkout-empty" aria-labelledby="cart-title">
      <h2 id="cart-title">{t('checkout.cart.empty')}</h2>
      {dropped.length > 0 && <DroppedNotice t={t} dropped={dropped} />}
      <p>{t('checkout.cart.emptyHint', { store: storeName })}</p>
      <p>
        <a class="btn btn-primary" href={withBase(basePath, `/${slug}`)}>
          {t('checkout.cart.continue')}
        </a>
      </p>
    </section>
  );
}

/** What dropped out of the cart as sold out, in one sentence. */
export function DroppedNotice({ t, dropped }: { t: CheckoutT; dropped: ReadonlyArray<string> }) {
  return (
    <p class="notice cart-dropped" role="status">
      {t('checkout.cart.dropped', { count: dropped.length, names: dropped.join(', ') })}
    </p>
  );
}
