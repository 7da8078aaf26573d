import type { CouponOffer } from '@dukaan-kit/core';
import { CouponOffers } from '../components/coupon-offers.js';
import { DeliveryCheck, type PincodeAnswer } from '../components/delivery-check.js';
import { Island } from '../components/island.js';
import { StoreLayout } from '../components/layouts.js';
import { ProductCard } from '../components/product-card.js';
import { absoluteUrl, queryString, withBase } from '../url.js';
import type { CartSummary, CategoryView, PageContext, StoreProductView, StoreView } from '../types.js';

/** Props of the 'store' page (`/{slug}`, `/{slug}/c/{categoryId}`, with `?q=` and `?page=`). */
export interface StorePageProps {
  ctx: PageContext;
  store: StoreView;
  categories: CategoryView[];
  /** This page's products, in the order shown (the caller searches, filters and pages). */
  products: StoreProductView[];
  /** The category being shown; null or absent for all. */
  activeCategoryId?: string | null;
  /** The search typed (`?q=`); '' or absent for none. */
  q?: string;
  /** 1-based page number; default 1. */
  page?: number;
  /** How many products match in all pages; default `products.length`. */
  total?: number;
  /** Whether a next page exists (its link is `?page=<page + 1>`). */
  hasMore?: boolean;
  /** Absolute URL of this listing, for Open Graph. */
  canonicalUrl: string;
  /** The server-side (cookie) cart, for the cart bar without JavaScript. */
  cart?: CartSummary;
  /** The answer to the pincode check (`?pincode=`); null or absent when none was asked. */
  pincodeAnswer?: PincodeAnswer | null;
  /** The store's current coupon offers (core's `currentOffers`), shown on the first page; absent or empty: none. */
  offers?: CouponOffer[];
}

/** Products per page of the store listing (and of each "Load more"). */
export const storePageSize = 48;

/** Cards in the first rows: their pictures load at once, the rest lazily. */
const eagerCards = 4;

/** A one-sentence summary for link previews when the vendor wrote no description. */
export function storeDescription(store: StoreView): string {
  return store.description.trim() || `Order from ${store.name} online. Cash on delivery.`;
}

/** The listing's path without the mount prefix: the store, or one of its categories. */
export function listingPath(storeSlug: string, categoryId: string | null | undefined): string {
  return categoryId ? `/${storeSlug}/c/${encodeURIComponent(categoryId)}` : `/${storeSlug}`;
}

/** The search box: a GET form to the listing, so it needs no JavaScript. */
function SearchForm({ action, q, scope }: { action: string; q: string; scope: string }) {
  return (
    <form class="search" method="get" action={action} role="search">
      <label class="sr-only" for="store-search">
        Search {scope}
      </label>
      <input id="store-search" type="search" name="q" value={q} placeholder={`Search ${scope}`} maxLength={100} autocomplete="off" enterkeyhint="search" />
      <button type="submit" class="btn btn-secondary">
        Search
      </button>
    </form>
  );
}

function EmptyState({ q, active, home }: { q: string; active: CategoryView | undefined; home: string }) {
  if (q)
    return (
      <p class="empty">
        Nothing matches “{q}”{active ? ` in ${active.name}` : ''}. <a href={home}>See everything</a>
      </p>
    );
  return <p class="empty">{active ? `Nothing in ${active.name} yet.` : 'No products yet. Please check back soon.'}</p>;
}

/** The store front: header, search, category links, one page of products, "Load more" and the cart bar. */
export function StorePage(props: StorePageProps) {
  const { ctx, store, categories, products, activeCategoryId, canonicalUrl, cart, pincodeAnswer = null, offers = [] } = props;
  const q = (props.q ?? '').trim();
  const page = props.page ?? 1;
  const total = props.total ?? products.length;
  const home = withBase(ctx.basePath, `/${store.slug}`);
  const active = activeCategoryId ? categories.find((c) => c.id === activeCategoryId) : undefined;
  const listing = withBase(ctx.basePath, listingPath(store.slug, active?.id));
  const image = store.logoUrl ?? products.find((p) => p.images.length > 0)?.images[0] ?? null;
  const titled = [q ? `“${q}”` : '', active?.name ?? '', page > 1 ? `page ${page}` : '', store.name].filter(Boolean);
  const meta = {
    title: titled.join(' · '),
    description: storeDescription(store),
    canonicalUrl,
    image: image ? absoluteUrl(image, canonicalUrl) : null,
    siteName: store.name,
    ...(q || pincodeAnswer ? { robots: 'noindex' } : {}),
  };
  const nextHref = props.hasMore ? `${listing}${queryString({ q, page: page + 1 })}` : null;
  return (
    <StoreLayout ctx={ctx} store={store} meta={meta}>
      <section class="store-hero">
        <h1>{store.name}</h1>
        {store.description && <p class="store-desc">{store.description}</p>}
      </section>
      {page === 1 && <CouponOffers offers={offers} currency={store.currency} timeZone={ctx.timeZone} />}
      <DeliveryCheck store={store} action={home} answer={pincodeAnswer} />
      <SearchForm action={listing} q={q} scope={active ? active.name : store.name} />
      {categories.length > 0 && (
        <nav class="chips" aria-label="Categories">
          <a class="chip" href={home} aria-current={active ? undefined : 'page'}>
            All
          </a>
          {categories.map((c) => (
            <a class="chip" href={withBase(ctx.basePath, listingPath(store.slug, c.id))} aria-current={c.id === active?.id ? 'page' : undefined}>
              {c.name}
            </a>
          ))}
        </nav>
      )}
      {q && total > 0 && (
        <p class="result-count" role="status">
          {total === 1 ? '1 product' : `${total} products`} for “{q}”
        </p>
      )}
      {products.length === 0 ? (
        <EmptyState q={q} active={active} home={listing} />
      ) : (
        <div class="grid" data-product-grid="">
          {products.map((p, i) => (
            <ProductCard ctx={ctx} store={store} product={p} eager={page === 1 && i < eagerCards} />
          ))}
        </div>
      )}
      {(nextHref || page > 1) && (
        <nav class="pager" aria-label="More products">
          {nextHref && <Island name="load-more" props={{ href: nextHref }} />}
          {page > 1 && (
            <a class="pager-first" href={`${listing}${queryString({ q })}`}>
              Back to the first page
            </a>
          )}
        </nav>
      )}
      {store.isOpen && (
        <Island name="cart" props={{ mode: 'bar', basePath: ctx.basePath, slug: store.slug, currency: store.currency, initial: cart ?? { count: 0, subtotal: 0 } }} />
      )}
    </StoreLayout>
  );
}
