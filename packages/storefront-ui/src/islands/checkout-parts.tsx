import { formatMoney, lineTotal, type CartTotals, type DeliveryRules } from '@dukaan-kit/core/pricing';
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

/** Subtotal, delivery and total, with hints about free delivery and the minimum order. */
export function TotalsBox({ totals, currency, rules }: { totals: CartTotals; currency: string; rules: Pick<DeliveryRules, 'freeDeliveryAbove' | 'minOrderValue'> }) {
  const money = (n: number) => formatMoney(n, currency);
  return (
    <div class="totals-box">
      <dl class="totals">
        <div>
          <dt>Subtotal</dt>
          <dd data-subtotal>{money(totals.subtotal)}</dd>
        </div>
        <div>
          <dt>Delivery</dt>
          <dd data-delivery>{totals.count > 0 && totals.deliveryFee === 0 ? 'Free' : money(totals.deliveryFee)}</dd>
        </div>
        <div class="totals-grand">
          <dt>Total</dt>
          <dd data-total>{money(totals.total)}</dd>
        </div>
      </dl>
      {totals.shortOfFreeDelivery > 0 && <p class="hint">Add {money(totals.shortOfFreeDelivery)} more for free delivery.</p>}
      {totals.count > 0 && totals.shortOfMinimum > 0 && (
        <p class="notice" role="status">
          The minimum order is {money(rules.minOrderValue)}. Add {money(totals.shortOfMinimum)} more to check out.
        </p>
      )}
    </div>
  );
}

/** The cart column: its lines (each with its own forms) and the totals. */
export function CartSection(p: {
  ctx: FormCtx;
  slug: string;
  currency: string;
  lines: ReadonlyArray<StoredLine>;
  lineErrors: FieldErrors;
  totals: CartTotals;
  rules: Pick<DeliveryRules, 'freeDeliveryAbove' | 'minOrderValue'>;
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
      <TotalsBox totals={p.totals} currency={p.currency} rules={p.rules} />
    </section>
  );
}
