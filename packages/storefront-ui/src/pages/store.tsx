import { Island } from '../components/island.js';
import { StoreLayout } from '../components/layouts.js';
import { ProductCard } from '../components/product-card.js';
import { absoluteUrl, withBase } from '../url.js';
import type { CartSummary, CategoryView, PageContext, StoreProductView, StoreView } from '../types.js';

/** Props of the 'store' page (`/{slug}`). */
export interface StorePageProps {
  ctx: PageContext;
  store: StoreView;
  categories: CategoryView[];
  /** Active products in display order; the page filters them by `activeCategoryId`. */
  products: StoreProductView[];
  /** The `?category=` being shown; null or absent for all. */
  activeCategoryId?: string | null;
  /** Absolute URL of the store link, for Open Graph. */
  canonicalUrl: string;
  /** The server-side (cookie) cart, for the cart bar without JavaScript. */
  cart?: CartSummary;
}

/** A one-sentence summary for link previews when the vendor wrote no description. */
export function storeDescription(store: StoreView): string {
  return store.description.trim() || `Order from ${store.name} online. Cash on delivery.`;
}

/** The store front: header, category filters, the product grid and the cart bar. */
export function StorePage({ ctx, store, categories, products, activeCategoryId, canonicalUrl, cart }: StorePageProps) {
  const home = withBase(ctx.basePath, `/${store.slug}`);
  const active = activeCategoryId ? categories.find((c) => c.id === activeCategoryId) : undefined;
  const shown = active ? products.filter((p) => p.categoryId === active.id) : products;
  const image = store.logoUrl ?? products.find((p) => p.images.length > 0)?.images[0] ?? null;
  const meta = {
    title: active ? `${active.name} · ${store.name}` : store.name,
    description: storeDescription(store),
    canonicalUrl,
    image: image ? absoluteUrl(image, canonicalUrl) : null,
    siteName: store.name,
  };
  return (
    <StoreLayout ctx={ctx} store={store} meta={meta}>
      <section class="store-hero">
        <h1>{store.name}</h1>
        {store.description && <p class="store-desc">{store.description}</p>}
      </section>
      {categories.length > 0 && (
        <nav class="chips" aria-label="Categories">
          <a class="chip" href={home} aria-current={active ? undefined : 'page'}>
            All
          </a>
          {categories.map((c) => (
            <a class="chip" href={`${home}?category=${encodeURIComponent(c.id)}`} aria-current={c.id === active?.id ? 'page' : undefined}>
              {c.name}
            </a>
          ))}
        </nav>
      )}
      {shown.length === 0 ? (
        <p class="empty">{active ? `Nothing in ${active.name} yet.` : 'No products yet. Please check back soon.'}</p>
      ) : (
        <div class="grid">
          {shown.map((p) => (
            <ProductCard ctx={ctx} store={store} product={p} />
          ))}
        </div>
      )}
      {store.isOpen && (
        <Island name="cart" props={{ mode: 'bar', basePath: ctx.basePath, slug: store.slug, currency: store.currency, initial: cart ?? { count: 0, subtotal: 0 } }} />
      )}
    </StoreLayout>
  );
}
