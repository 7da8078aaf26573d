import { withBase } from '../url.js';
import type { PageContext, StoreProductView, StoreView } from '../types.js';
import { PostForm } from './form.js';
import { Price } from './price.js';

/** The "Add to cart" form: a plain POST to `/{slug}/cart`; data-* attributes let the cart island add without a reload. */
export function AddToCartForm({ ctx, store, product, withQuantity = false }: { ctx: PageContext; store: StoreView; product: StoreProductView; withQuantity?: boolean }) {
  const qid = `qty-${product.id}`;
  return (
    <PostForm
      ctx={ctx}
      action={`/${store.slug}/cart`}
      class="add-form"
      data-cart-add=""
      data-name={product.name}
      data-price={String(product.price)}
      data-image={product.images[0] ?? ''}
      data-max={product.stock === null ? undefined : String(product.stock)}
    >
      <input type="hidden" name="productId" value={product.id} />
      <input type="hidden" name="action" value="add" />
      {withQuantity ? (
        <div class="field field-qty">
          <label for={qid}>Quantity</label>
          <input id={qid} type="number" name="quantity" value="1" min={1} max={product.stock ?? 99} inputMode="numeric" required />
        </div>
      ) : (
        <input type="hidden" name="quantity" value="1" />
      )}
      <button type="submit" class="btn btn-primary btn-add">
        Add to cart<span class="sr-only">: {product.name}</span>
      </button>
    </PostForm>
  );
}

/** A product tile in the store grid. */
export function ProductCard({ ctx, store, product }: { ctx: PageContext; store: StoreView; product: StoreProductView }) {
  const href = withBase(ctx.basePath, `/${store.slug}/p/${encodeURIComponent(product.id)}`);
  const image = product.images[0];
  return (
    <article class="card">
      <a class="card-media" href={href} tabIndex={-1} aria-hidden="true">
        {image ? <img src={image} alt="" width={400} height={400} loading="lazy" decoding="async" /> : <span class="img-placeholder">{product.name.slice(0, 1)}</span>}
        {!product.inStock && <span class="tag tag-soldout">Sold out</span>}
      </a>
      <div class="card-body">
        <h2 class="card-title">
          <a href={href}>{product.name}</a>
        </h2>
        <Price price={product.price} compareAtPrice={product.compareAtPrice} currency={store.currency} />
        {!product.inStock ? (
          <p class="sold-out">Sold out</p>
        ) : (
          store.isOpen && <AddToCartForm ctx={ctx} store={store} product={product} />
        )}
      </div>
    </article>
  );
}
