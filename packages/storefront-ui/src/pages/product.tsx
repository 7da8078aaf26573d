import { Island } from '../components/island.js';
import { StoreLayout } from '../components/layouts.js';
import { Price } from '../components/price.js';
import { AddToCartForm } from '../components/product-card.js';
import { absoluteUrl, withBase } from '../url.js';
import type { CartSummary, CategoryView, PageContext, StoreProductView, StoreView } from '../types.js';

/** Props of the 'product' page (`/{slug}/p/{productId}`). */
export interface ProductPageProps {
  ctx: PageContext;
  store: StoreView;
  product: StoreProductView;
  category?: CategoryView | null;
  /** Absolute URL of this page, for Open Graph. */
  canonicalUrl: string;
  cart?: CartSummary;
}

/** Keeps previews short: the first 200 characters of the description. */
function summary(text: string, fallback: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return fallback;
  return t.length > 200 ? `${t.slice(0, 197)}…` : t;
}

/** One product: every image, the description, price and an add-to-cart form with a quantity. */
export function ProductPage({ ctx, store, product, category, canonicalUrl, cart }: ProductPageProps) {
  const home = withBase(ctx.basePath, `/${store.slug}`);
  const image = product.images[0];
  const meta = {
    title: `${product.name} · ${store.name}`,
    description: summary(product.description, `Buy ${product.name} from ${store.name}.`),
    canonicalUrl,
    image: image ? absoluteUrl(image, canonicalUrl) : null,
    ogType: 'product' as const,
    siteName: store.name,
  };
  const lowStock = product.inStock && product.stock !== null && product.stock <= 5;
  return (
    <StoreLayout ctx={ctx} store={store} meta={meta}>
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={home}>{store.name}</a>
        {category && (
          <>
            {' / '}
            <a href={`${home}?category=${encodeURIComponent(category.id)}`}>{category.name}</a>
          </>
        )}
      </nav>
      <article class="product">
        <div class="gallery">
          {product.images.length === 0 && <span class="img-placeholder img-placeholder-lg">{product.name.slice(0, 1)}</span>}
          {product.images.map((src, i) => (
            <img src={src} alt={i === 0 ? product.name : `${product.name}, picture ${i + 1}`} width={800} height={800} loading={i === 0 ? 'eager' : 'lazy'} decoding="async" />
          ))}
        </div>
        <div class="product-info">
          <h1>{product.name}</h1>
          <Price price={product.price} compareAtPrice={product.compareAtPrice} currency={store.currency} />
          {lowStock && <p class="stock-low">Only {product.stock} left</p>}
          {!product.inStock ? (
            <p class="sold-out">Sold out</p>
          ) : store.isOpen ? (
            <AddToCartForm ctx={ctx} store={store} product={product} withQuantity />
          ) : null}
          {product.description && (
            <div class="product-desc">
              {product.description.split(/\n{2,}/).map((para) => (
                <p>{para}</p>
              ))}
            </div>
          )}
        </div>
      </article>
      {store.isOpen && (
        <Island name="cart" props={{ mode: 'bar', basePath: ctx.basePath, slug: store.slug, currency: store.currency, initial: cart ?? { count: 0, subtotal: 0 } }} />
      )}
    </StoreLayout>
  );
}
