import type { MessageValues } from '@dukaan-kit/core/i18n';
import { optionsLabel } from '../islands/variant-choice.js';
import type { PageContext, StoreProductView, StoreView } from '../types.js';
import { PostForm } from './form.js';

type Variant = StoreProductView['variants'][number];

/** The keys the buying controls format (an island passes them in its messages). */
export const buyKeys = ['store.addToCart', 'store.inCart', 'store.oneLess', 'store.oneMore'] as const;

/** The texts of the buying controls: the page's `useT()` or an island's `islandT(m)`. */
export type BuyT = (key: (typeof buyKeys)[number], values?: MessageValues) => string;

/** More than this in one line is a typo, not an order (the cookie cart's and the browser cart's cap). */
const maxLine = 99;

/** The most of a variant one cart line may hold: its stock when counted, else 99. */
export function lineCap(variant: Pick<Variant, 'stock'>): number {
  return Math.min(maxLine, variant.stock ?? maxLine);
}

export interface BuyButtonsProps {
  ctx: Pick<PageContext, 'basePath' | 'csrfToken'>;
  store: Pick<StoreView, 'slug'>;
  product: Pick<StoreProductView, 'id' | 'name' | 'images'>;
  variant: Variant;
  /** How many of this variant the cart holds (the cookie cart's; the cart island updates it in the browser). */
  inCart: number;
  t: BuyT;
}

/**
 * "Add to cart", and once the variant is in the cart a −/+ stepper with the count, in the same
 * place and at the same height (nothing below moves). Both are plain POSTs to `/{slug}/cart`, so
 * they work without JavaScript: the add form adds one, each stepper button sets the quantity it
 * names (0 removes the line). With JavaScript the cart island takes both over (data-cart-add,
 * data-cart-step) and keeps every `[data-cart-item]` of a variant showing the browser cart's count.
 */
export function BuyButtons({ ctx, store, product, variant, inCart, t }: BuyButtonsProps) {
  const image = variant.image !== null ? product.images[variant.image] : product.images[0];
  const label = optionsLabel(variant.options);
  const named = label ? `${product.name} (${label})` : product.name;
  const cap = lineCap(variant);
  const hidden = (
    <>
      <input type="hidden" name="productId" value={product.id} />
      <input type="hidden" name="variantId" value={variant.id} />
    </>
  );
  return (
    <div class="buy" data-cart-item={variant.id} data-max={String(cap)}>
      <PostForm
        ctx={ctx}
        action={`/${store.slug}/cart`}
        class="add-form"
        data-cart-add=""
        data-name={product.name}
        data-price={String(variant.price)}
        data-image={image ?? ''}
        data-max={variant.stock === null ? undefined : String(variant.stock)}
        data-options={label ? JSON.stringify(variant.options) : undefined}
        hidden={inCart > 0}
      >
        {hidden}
        <input type="hidden" name="action" value="add" />
        <input type="hidden" name="quantity" value="1" />
        <button type="submit" class="btn btn-primary btn-add">
          {t('store.addToCart')}
          <span class="sr-only">: {named}</span>
        </button>
      </PostForm>
      <PostForm ctx={ctx} action={`/${store.slug}/cart`} class="step-form" data-cart-step="" hidden={inCart === 0}>
        {hidden}
        <input type="hidden" name="action" value="set" />
        <button type="submit" class="btn step-btn" name="quantity" value={String(Math.max(0, inCart - 1))} data-step="-1" aria-label={t('store.oneLess', { name: named })}>
          <span aria-hidden="true">−</span>
        </button>
        <span class="step-count">
          <span class="step-long" data-cart-label="">
            {t('store.inCart', { count: inCart })}
          </span>
          <span class="step-short" aria-hidden="true" data-cart-count="">
            {inCart}
          </span>
        </span>
        <button type="submit" class="btn step-btn" name="quantity" value={String(Math.min(cap, inCart + 1))} data-step="1" disabled={inCart >= cap} aria-label={t('store.oneMore', { name: named })}>
          <span aria-hidden="true">+</span>
        </button>
      </PostForm>
    </div>
  );
}
