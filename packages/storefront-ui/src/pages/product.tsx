import { Island } from '../components/island.js';
import { StoreLayout } from '../components/layouts.js';
import { Price } from '../components/price.js';
import { Picture } from '../components/picture.js';
import { AddToCartForm, productPath } from '../components/product-card.js';
import { initialChoice, needsChoice, type ChoiceQuery } from '../islands/variant-choice.js';
import { absoluteUrl, withBase } from '../url.js';
import { listingPath } from './store.js';
import type { CartSummary, CategoryView, PageContext, StoreProductView, StoreView } from '../types.js';

/** Props of the 'product' page (`/{slug}/p/{product-slug}`). */
export interface ProductPageProps {
  ctx: PageContext;
  store: StoreView;
  product: StoreProductView;
  category?: CategoryView | null;
  /** Absolute URL of this page, for Open Graph. */
  canonicalUrl: string;
  cart?: CartSummary;
  /** What the link asked for: `?v=<variantId>` or `?o1=…&o2=…` (the no-JavaScript picker's form). */
  choice?: ChoiceQuery;
}

/** Keeps previews short: the first 200 characters of the description. */
function summary(text: string, fallback: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return fallback;
  return t.length > 200 ? `${t.slice(0, 197)}…` : t;
}

const mainSizes = '(min-width: 768px) 50vw, 100vw';

/** The chosen variant's picture first (swapped by the picker island), then the others, lazily. */
function Gallery({ product, main }: { product: StoreProductView; main: number }) {
  const first = product.pictures[main];
  if (!first) return (
      <div class="gallery">
        <span class="img-placeholder img-placeholder-lg">{product.name.slice(0, 1)}</span>
      </div>
    );
  return (
    <div class="gallery">
      <div class="gallery-main" data-variant-picture="" data-url={first.url}>
        <Picture image={first} alt={product.name} sizes={mainSizes} eager fallbackSize={800} />
      </div>
      {product.pictures.map((image, i) =>
        i === main ? null : <Picture image={image} alt={`${product.name}, picture ${i + 1}`} sizes={mainSizes} fallbackSize={800} />,
      )}
    </div>
  );
}

/** One product: its pictures, the option picker (with options), price, stock, an add-to-cart form and the description. */
export function ProductPage({ ctx, store, product, category, canonicalUrl, cart, choice }: ProductPageProps) {
  const home = withBase(ctx.basePath, `/${store.slug}`);
  const chosen = initialChoice(product, choice ?? {});
  const mainImage = chosen.variant?.image ?? 0;
  const image = product.images[mainImage] ?? product.images[0];
  const meta = {
    title: `${product.name} · ${store.name}`,
    description: summary(product.description, `Buy ${product.name} from ${store.name}.`),
    canonicalUrl,
    image: image ? absoluteUrl(image, canonicalUrl) : null,
    ogType: 'product' as const,
    siteName: store.name,
  };
  const only = product.variants[0];
  const lowStock = product.inStock && product.stock !== null && product.stock <= 5;
  return (
    <StoreLayout ctx={ctx} store={store} meta={meta}>
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={home}>{store.name}</a>
        {category && (
          <>
            {' / '}
            <a href={withBase(ctx.basePath, listingPath(store.slug, category.id))}>{category.name}</a>
          </>
        )}
      </nav>
      <article class="product">
        <Gallery product={product} main={product.pictures[mainImage] ? mainImage : 0} />
        <div class="product-info">
          <h1>{product.name}</h1>
          {needsChoice(product) ? (
            <Island
              name="variant-picker"
              props={{
                ctx: { basePath: ctx.basePath, csrfToken: ctx.csrfToken },
                store: { slug: store.slug, currency: store.currency, isOpen: store.isOpen },
                product: {
                  id: product.id,
                  name: product.name,
                  slug: product.slug,
                  options: product.options,
                  variants: product.variants,
                  images: product.images,
                  pictures: product.pictures,
                  price: product.price,
                  compareAtPrice: product.compareAtPrice,
                },
                picks: chosen.picks,
                action: withBase(ctx.basePath, productPath(store.slug, product)),
              }}
            />
          ) : (
            <>
              <Price price={product.price} compareAtPrice={product.compareAtPrice} currency={store.currency} />
              {lowStock && <p class="stock-low">Only {product.stock} left</p>}
              {!product.inStock || !only ? (
                <p class="sold-out">Sold out</p>
              ) : store.isOpen ? (
                <AddToCartForm ctx={ctx} store={store} product={product} variant={only} withQuantity />
              ) : null}
            </>
          )}
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
