import { optionsLabel, needsChoice } from '../islands/variant-choice.js';
import { withBase } from '../url.js';
import type { PageContext, StoreProductView, StoreView } from '../types.js';
import { PostForm } from './form.js';
import { Picture } from './picture.js';
import { Price } from './price.js';

type Variant = StoreProductView['variants'][number];

/** The product page's path (without the mount prefix): `/{store}/p/{product-slug}`. */
export function productPath(storeSlug: string, product: Pick<StoreProductView, 'slug'>): string {
  return `/${storeSlug}/p/${encodeURIComponent(product.slug)}`;
}

/**
 * The "Add to cart" form for one variant: a plain POST to `/{slug}/cart`; data-* attributes let
 * the cart island add it without a reload.
 */
export function AddToCartForm({
  ctx,
  store,
  product,
  variant,
  withQuantity = false,
}: {
  ctx: Pick<PageContext, 'basePath' | 'csrfToken'>;
  store: Pick<StoreView, 'slug'>;
  product: Pick<StoreProductView, 'id' | 'name' | 'images'>;
  variant: Variant;
  withQuantity?: boolean;
}) {
  const qid = `qty-${product.id}`;
  const image = variant.image !== null ? product.images[variant.image] : product.images[0];
  const label = optionsLabel(variant.options);
  return (
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
    >
      <input type="hidden" name="productId" value={product.id} />
      <input type="hidden" name="variantId" value={variant.id} />
      <input type="hidden" name="action" value="add" />
      {withQuantity ? (
        <div class="field field-qty">
          <label for={qid}>Quantity</label>
          <input id={qid} type="number" name="quantity" value="1" min={1} max={variant.stock ?? 99} inputMode="numeric" required />
        </div>
      ) : (
        <input type="hidden" name="quantity" value="1" />
      )}
      <button type="submit" class="btn btn-primary btn-add">
        Add to cart
        <span class="sr-only">
          : {product.name}
          {label ? ` (${label})` : ''}
        </span>
      </button>
    </PostForm>
  );
}

/** A product tile in the store grid; `eager` for the first row (its picture loads at once). */
export function ProductCard({ ctx, store, product, eager = false }: { ctx: PageContext; store: StoreView; product: StoreProductView; eager?: boolean }) {
  const href = withBase(ctx.basePath, productPath(store.slug, product));
  const picture = product.pictures[0];
  const only = product.variants[0];
  return (
    <article class="card">
      <a class="card-media" href={href} tabIndex={-1} aria-hidden="true">
        {picture ? (
          <Picture image={picture} alt="" sizes="(min-width: 1024px) 240px, (min-width: 640px) 30vw, 45vw" eager={eager} fallbackSize={400} />
        ) : (
          <span class="img-placeholder">{product.name.slice(0, 1)}</span>
        )}
        {!product.inStock && <span class="tag tag-soldout">Sold out</span>}
      </a>
      <div class="card-body">
        <h2 class="card-title">
          <a href={href}>{product.name}</a>
        </h2>
        <Price price={product.price} compareAtPrice={product.compareAtPrice} currency={store.currency} from={product.priceVaries} />
        {!product.inStock ? (
          <p class="sold-out">Sold out</p>
        ) : !store.isOpen ? null : needsChoice(product) || !only ? (
          // Which variant is the customer's choice: the product page asks (it works without JavaScript).
          <a class="btn btn-secondary btn-add" href={href}>
            Choose options<span class="sr-only">: {product.name}</span>
          </a>
        ) : (
          <AddToCartForm ctx={ctx} store={store} product={product} variant={only} />
        )}
      </div>
    </article>
  );
}
