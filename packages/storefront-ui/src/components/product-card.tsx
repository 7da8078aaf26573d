import { useT } from '../i18n/context.js';
import { needsChoice } from '../islands/variant-choice.js';
import { withBase } from '../url.js';
import type { PageContext, StoreProductView, StoreView } from '../types.js';
import { BuyButtons } from './buy-buttons.js';
import { NoPhoto } from './no-photo.js';
import { Picture } from './picture.js';
import { Price } from './price.js';

/** How many of each variant the cart holds, by variant id (absent: none). */
export type InCart = Readonly<Record<string, number>>;

/** The product page's path (without the mount prefix): `/{store}/p/{product-slug}`. */
export function productPath(storeSlug: string, product: Pick<StoreProductView, 'slug'>): string {
  return `/${storeSlug}/p/${encodeURIComponent(product.slug)}`;
}

/** How many of a product (all its variants) the cart holds. */
export function productInCart(product: Pick<StoreProductView, 'variants'>, inCart: InCart): number {
  return product.variants.reduce((sum, v) => sum + (inCart[v.id] ?? 0), 0);
}

/**
 * A product tile in the store grid; `eager` for the first row (its picture loads at once). One
 * "Sold out" where the button would be (the picture is dimmed, not labelled again); "In cart (n)"
 * over the picture once the product is in the cart, updated by the cart island in the browser.
 */
export function ProductCard({ ctx, store, product, eager = false, inCart = {} }: { ctx: PageContext; store: StoreView; product: StoreProductView; eager?: boolean; inCart?: InCart }) {
  const t = useT();
  const href = withBase(ctx.basePath, productPath(store.slug, product));
  const picture = product.pictures[0];
  const only = product.variants[0];
  const count = productInCart(product, inCart);
  return (
    <article class={product.inStock ? 'card' : 'card is-soldout'}>
      <a class="card-media" href={href} tabIndex={-1} aria-hidden="true">
        {picture ? <Picture image={picture} alt="" sizes="(min-width: 1024px) 240px, (min-width: 640px) 30vw, 45vw" eager={eager} fallbackSize={400} /> : <NoPhoto />}
      </a>
      <div class="card-body">
        <h2 class="card-title">
          <a href={href}>{product.name}</a>
        </h2>
        <span class="tag tag-incart" data-cart-badge={product.id} hidden={count === 0}>
          {t('store.inCart', { count })}
        </span>
        <Price price={product.price} compareAtPrice={product.compareAtPrice} currency={store.currency} from={product.priceVaries} short t={t} />
        {!product.inStock ? (
          <p class="sold-out">{t('store.soldOut')}</p>
        ) : !store.isOpen ? null : needsChoice(product) || !only ? (
          // Which variant is the customer's choice: the product page asks (it works without JavaScript).
          <a class="btn btn-secondary btn-add" href={href}>
            {t('store.chooseOptions')}
            <span class="sr-only">: {product.name}</span>
          </a>
        ) : (
          <BuyButtons ctx={ctx} store={store} product={product} variant={only} inCart={inCart[only.id] ?? 0} t={t} />
        )}
      </div>
    </article>
  );
}
