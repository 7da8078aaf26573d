import type { CouponOffer } from '@dukaan-kit/core';
import { CouponOffers } from '../components/coupon-offers.js';
import { DeliveryCheck, type PincodeAnswer } from '../components/delivery-check.js';
import { Island } from '../components/island.js';
import { StoreLayout } from '../components/layouts.js';
import { ProductCard, type InCart } from '../components/product-card.js';
import { useCartIslandProps } from '../components/cart-island-props.js';
import { loadMoreKeys } from '../islands/load-more.js';
import { useIslandMessages, useT, type I18n } from '../i18n/context.js';
import { absoluteUrl, queryString, withBase } from '../url.js';
import type { CartLineView, CartSummary, CategoryView, PageContext, StoreProductView, StoreView } from '../types.js';

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
  /** How many of each variant the server-side (cookie) cart holds, by variant id: the cards' steppers without JavaScript. */
  inCart?: InCart;
  /** The cookie cart's lines: the cart island adopts them into the browser cart when that is empty. */
  cartLines?: CartLineView[];
}

/** Products per page of the store listing (and of each "Load more"). */
export const storePageSize = 48;

/** Cards in the first rows: their pictures load at once, the rest lazily. */
const eagerCards = 4;

/** A one-sentence summary for link previews when the vendor wrote no description. */
export function storeDescription(store: StoreView, t: I18n['t']): string {
  return store.description.trim() || t('store.descriptionFallback', { store: store.name });
}

/**
 * Sold-out products after the others, each group in the order given. The plugin's listing already
 * orders the whole store this way before paging (core's storeOrder); doing it here too keeps any
 * other host's page right, and costs nothing on a list that is already in order.
 */
export function soldOutLast<P extends Pick<StoreProductView, 'inStock'>>(products: readonly P[]): P[] {
  return [...products.filter((p) => p.inStock), ...products.filter((p) => !p.inStock)];
}

/** The listing's path without the mount prefix: the store, or one of its categories. */
export function listingPath(storeSlug: string, categoryId: string | null | undefined): string {
  return categoryId ? `/${storeSlug}/c/${encodeURIComponent(categoryId)}` : `/${storeSlug}`;
}

/** The search box: a GET form to the listing, so it needs no JavaScript. */
function SearchForm({ action, q, scope }: { action: string; q: string; scope: string }) {
  const t = useT();
  const label = t('store.searchLabel', { scope });
  return (
    <form class="search" method="get" action={action} role="search">
      <label class="sr-only" for="store-search">
        {label}
      </label>
      <input id="store-search" type="search" name="q" value={q} placeholder={label} maxLength={100} autocomplete="off" enterkeyhint="search" />
      <button type="submit" class="btn btn-secondary">
        {t('store.searchButton')}
      </button>
    </form>
  );
}

function EmptyState({ q, active, home }: { q: string; active: CategoryView | undefined; home: string }) {
  const t = useT();
  if (q)
    return (
      <p class="empty">
        {active ? t('store.noMatchIn', { q, category: active.name }) : t('store.noMatch', { q })} <a href={home}>{t('store.seeEverything')}</a>
      </p>
    );
  return <p class="empty">{active ? t('store.emptyCategory', { category: active.name }) : t('store.emptyStore')}</p>;
}

/**
 * The page's heading. The store's name is already in the header above, so on the store's own
 * page it is only read out (screen readers, search engines), never shown twice; a category or a
 * search names what is listed.
 */
function Heading({ store, active, q }: { store: StoreView; active: CategoryView | undefined; q: string }) {
  const t = useT();
  if (q) return <h1 class="listing-title">{t('store.searchResultsTitle', { q })}</h1>;
  if (active) return <h1 class="listing-title">{active.name}</h1>;
  return <h1 class="sr-only">{store.name}</h1>;
}

/** The store front: header, delivery terms, search, category links, one page of products, "Load more" and the cart bar. */
export function StorePage(props: StorePageProps) {
  const { ctx, store, categories, activeCategoryId, canonicalUrl, cart, pincodeAnswer = null, offers = [], inCart = {}, cartLines = [] } = props;
  const t = useT();
  const cartProps = useCartIslandProps(ctx, store, cart, cartLines);
  const loadMoreMessages = useIslandMessages(loadMoreKeys);
  const products = soldOutLast(props.products);
  const q = (props.q ?? '').trim();
  const page = props.page ?? 1;
  const total = props.total ?? products.length;
  const home = withBase(ctx.basePath, `/${store.slug}`);
  const active = activeCategoryId ? categories.find((c) => c.id === activeCategoryId) : undefined;
  const listing = withBase(ctx.basePath, listingPath(store.slug, active?.id));
  const image = store.logoUrl ?? products.find((p) => p.images.length > 0)?.images[0] ?? null;
  const titled = [q ? `“${q}”` : '', active?.name ?? '', page > 1 ? t('store.pageNumber', { page }) : '', store.name].filter(Boolean);
  const meta = {
    title: titled.join(' · '),
    description: storeDescription(store, t),
    canonicalUrl,
    image: image ? absoluteUrl(image, canonicalUrl) : null,
    siteName: store.name,
    ...(q || pincodeAnswer ? { robots: 'noindex' } : {}),
  };
  const nextHref = props.hasMore ? `${listing}${queryString({ q, page: page + 1 })}` : null;
  return (
    <StoreLayout ctx={ctx} store={store} meta={meta}>
      <section class="store-hero">
        <Heading store={store} active={active} q={q} />
        {!active && !q && store.description && <p class="store-desc">{store.description}</p>}
      </section>
      {page === 1 && <CouponOffers offers={offers} currency={store.currency} timeZone={ctx.timeZone} />}
      <DeliveryCheck store={store} action={home} answer={pincodeAnswer} />
      <SearchForm action={listing} q={q} scope={active ? active.name : store.name} />
      {categories.length > 0 && (
        <nav class="chips" aria-label={t('store.categories')}>
          <a class="chip" href={home} aria-current={active ? undefined : 'page'}>
            {t('store.categoryAll')}
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
          {t('store.resultCount', { count: total, q })}
        </p>
      )}
      {products.length === 0 ? (
        <EmptyState q={q} active={active} home={listing} />
      ) : (
        <div class="grid" data-product-grid="">
          {products.map((p, i) => (
            <ProductCard ctx={ctx} store={store} product={p} eager={page === 1 && i < eagerCards} inCart={inCart} />
          ))}
        </div>
      )}
      {(nextHref || page > 1) && (
        <nav class="pager" aria-label={t('store.moreProducts')}>
          {nextHref && <Island name="load-more" props={{ href: nextHref, m: loadMoreMessages }} />}
          {page > 1 && (
            <a class="pager-first" href={`${listing}${queryString({ q })}`}>
              {t('store.firstPage')}
            </a>
          )}
        </nav>
      )}
      {store.isOpen && <Island name="cart" props={cartProps} />}
    </StoreLayout>
  );
}
