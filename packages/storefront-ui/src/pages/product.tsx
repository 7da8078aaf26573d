import { BuyButtons } from '../components/buy-buttons.js';
import { useCartIslandProps } from '../components/cart-island-props.js';
import { Island } from '../components/island.js';
import { StoreLayout } from '../components/layouts.js';
import { NoPhoto } from '../components/no-photo.js';
import { Picture } from '../components/picture.js';
import { Price } from '../components/price.js';
import { productPath, type InCart } from '../components/product-card.js';
import { useIslandMessages, useT } from '../i18n/context.js';
import { galleryNavKeys } from '../islands/gallery-nav.js';
import { shareKeys } from '../islands/share.js';
import { initialChoice, needsChoice, type ChoiceQuery } from '../islands/variant-choice.js';
import { variantPickerKeys } from '../islands/variant-picker.js';
import { absoluteUrl, withBase } from '../url.js';
import { listingPath } from './store.js';
import type { CartLineView, CartSummary, CategoryView, PageContext, StoreProductView, StoreView } from '../types.js';

/** Props of the 'product' page (`/{slug}/p/{product-slug}`). */
export interface ProductPageProps {
  ctx: PageContext;
  store: StoreView;
  /** null: the link names no product of this store (any more); the page is the store's own 404. */
  product: StoreProductView | null;
  category?: CategoryView | null;
  /** Absolute URL of this page, for Open Graph and sharing. */
  canonicalUrl: string;
  cart?: CartSummary;
  /** What the link asked for: `?v=<variantId>` or `?o1=…&o2=…` (the no-JavaScript picker's form). */
  choice?: ChoiceQuery;
  /** How many of each variant the cookie cart holds, by variant id: the stepper without JavaScript. */
  inCart?: InCart;
  /** The cookie cart's lines: the cart island adopts them into the browser cart when that is empty. */
  cartLines?: CartLineView[];
}

/** Keeps previews short: the first 200 characters of the description. */
function summary(text: string, fallback: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return fallback;
  return t.length > 200 ? `${t.slice(0, 197)}…` : t;
}

const mainSizes = '(min-width: 768px) 50vw, 100vw';

/**
 * The pictures in a swipeable row, the chosen variant's first, with dots (phones) or thumbnails
 * (wider) under them: links to each picture that work without JavaScript, marked as the row is
 * swiped with it. A product without photos gets a small neutral sign, not a page-wide letter.
 */
function Gallery({ product, main }: { product: StoreProductView; main: number }) {
  const t = useT();
  const m = useIslandMessages(galleryNavKeys);
  const first = product.pictures[main];
  if (!first) return <div class="gallery gallery-empty">{<NoPhoto />}</div>;
  const order = [main, ...product.pictures.map((_, i) => i).filter((i) => i !== main)];
  const thumbs = order.map((index, position) => {
    const image = product.pictures[index]!;
    return { id: `photo-${position + 1}`, src: image.url, srcset: image.srcsetJpeg };
  });
  return (
    <div class="gallery">
      {/* Focusable: a keyboard can scroll the row with the arrow keys (it holds nothing else to focus). */}
      <div class="gallery-track" data-gallery-track="" tabIndex={0} role="region" aria-label={t('product.picturesOf', { name: product.name })}>
        {order.map((index, position) => (
          <div class="gallery-slide" id={`photo-${position + 1}`} data-picture-index={String(index)}>
            <Picture
              image={product.pictures[index]!}
              alt={position === 0 ? product.name : t('product.pictureAlt', { name: product.name, index: position + 1 })}
              sizes={mainSizes}
              eager={position === 0}
              fallbackSize={800}
            />
          </div>
        ))}
      </div>
      {thumbs.length > 1 && <Island name="gallery-nav" props={{ thumbs, m }} />}
    </div>
  );
}

/** The store's own "not found" for a product link that leads nowhere: its header, and the way back to its products. */
function MissingProduct({ ctx, store }: { ctx: PageContext; store: StoreView }) {
  const t = useT();
  const home = withBase(ctx.basePath, `/${store.slug}`);
  return (
    <StoreLayout ctx={ctx} store={store} meta={{ title: `${t('store.notFoundTitle')} · ${store.name}`, robots: 'noindex' }}>
      <section class="store-missing">
        <h1>{t('store.notFoundHeading')}</h1>
        <p>{t('store.notFoundText', { store: store.name })}</p>
        <p>
          <a class="btn btn-primary" href={home}>
            {t('store.continueShopping')}
          </a>
        </p>
      </section>
    </StoreLayout>
  );
}

/** One product: its pictures, the option picker (with options), price, stock, buying controls, sharing and the description. */
export function ProductPage(props: ProductPageProps) {
  const { ctx, store, product } = props;
  if (!product) return <MissingProduct ctx={ctx} store={store} />;
  return <FoundProduct {...props} product={product} />;
}

function FoundProduct({ ctx, store, product, category, canonicalUrl, cart, choice, inCart = {}, cartLines = [] }: ProductPageProps & { product: StoreProductView }) {
  const t = useT();
  const cartProps = useCartIslandProps(ctx, store, cart, cartLines);
  const pickerMessages = useIslandMessages(variantPickerKeys);
  const shareMessages = useIslandMessages(shareKeys);
  const home = withBase(ctx.basePath, `/${store.slug}`);
  const chosen = initialChoice(product, choice ?? {});
  const mainImage = chosen.variant?.image ?? 0;
  const image = product.images[mainImage] ?? product.images[0];
  const meta = {
    title: `${product.name} · ${store.name}`,
    description: summary(product.description, t('product.descriptionFallback', { name: product.name, store: store.name })),
    canonicalUrl,
    image: image ? absoluteUrl(image, canonicalUrl) : null,
    ogType: 'product' as const,
    siteName: store.name,
  };
  const only = product.variants[0];
  const lowStock = product.inStock && product.stock !== null && product.stock <= 5;
  return (
    <StoreLayout ctx={ctx} store={store} meta={meta}>
      <nav class="crumbs" aria-label={t('product.breadcrumb')}>
        <a href={home}>{t('store.allProducts')}</a>
        {category && (
          <>
            <span aria-hidden="true"> / </span>
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
                  price: product.price,
                  compareAtPrice: product.compareAtPrice,
                },
                picks: chosen.picks,
                action: withBase(ctx.basePath, productPath(store.slug, product)),
                inCart: Object.fromEntries(product.variants.filter((v) => inCart[v.id]).map((v) => [v.id, inCart[v.id]!])),
                m: pickerMessages,
              }}
            />
          ) : (
            <>
              <Price price={product.price} compareAtPrice={product.compareAtPrice} currency={store.currency} short t={t} />
              {lowStock && <p class="stock-low">{t('product.onlyLeft', { count: product.stock ?? 0 })}</p>}
              {!product.inStock || !only ? (
                <p class="sold-out">{t('store.soldOut')}</p>
              ) : store.isOpen ? (
                <BuyButtons ctx={ctx} store={store} product={product} variant={only} inCart={inCart[only.id] ?? 0} t={t} />
              ) : null}
            </>
          )}
          <Island name="share" props={{ url: canonicalUrl, title: product.name, text: t('product.shareText', { name: product.name, store: store.name }), m: shareMessages }} />
          {product.description && (
            <div class="product-desc">
              {product.description.split(/\n{2,}/).map((para) => (
                <p>{para}</p>
              ))}
            </div>
          )}
        </div>
      </article>
      {store.isOpen && <Island name="cart" props={cartProps} />}
    </StoreLayout>
  );
}
