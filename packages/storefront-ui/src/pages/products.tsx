import { DashboardLayout } from '../components/layouts.js';
import { NextPageLink } from '../components/order-table.js';
import { Price } from '../components/price.js';
import { queryString, withBase } from '../url.js';
import type { CategoryView, PageContext, ProductView } from '../types.js';

/** Props of the 'products' page (`/dashboard/products?q=&categoryId=&cursor=`). */
export interface ProductsPageProps {
  ctx: PageContext;
  currency: string;
  products: ProductView[];
  categories: CategoryView[];
  q?: string;
  categoryId?: string | null;
  /** Set when this is not the first page, to offer a way back. */
  cursor?: string | null;
  nextCursor: string | null;
}

function stockText(stock: number | null): string {
  if (stock === null) return 'Not tracked';
  return stock === 0 ? 'Out of stock' : `${stock} in stock`;
}

/** The catalogue: search, category filter, one row per product, next page. */
export function ProductsPage({ ctx, currency, products, categories, q = '', categoryId = null, cursor, nextCursor }: ProductsPageProps) {
  const base = withBase(ctx.basePath, '/dashboard/products');
  const filtered = q !== '' || categoryId !== null;
  return (
    <DashboardLayout ctx={ctx} title="Products" section="products">
      <div class="toolbar">
        <form method="get" action={base} class="search" role="search">
          <label for="products-q" class="sr-only">
            Search products
          </label>
          <input id="products-q" type="search" name="q" value={q} placeholder="Search name or SKU" />
          <label for="products-category" class="sr-only">
            Category
          </label>
          <select id="products-category" name="categoryId">
            <option value="">All categories</option>
            {categories.map((c) => (
              <option value={c.id} selected={c.id === categoryId}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" class="btn btn-secondary">
            Search
          </button>
        </form>
        <a class="btn btn-primary" href={`${base}/new`}>
          Add product
        </a>
      </div>
      {products.length === 0 ? (
        <p class="empty">{filtered ? 'No products match.' : 'No products yet. Add your first one — it takes a minute.'}</p>
      ) : (
        <ul class="product-rows">
          {products.map((p) => (
            <li class="product-row">
              {p.images[0] ? <img class="thumb" src={p.images[0].url} alt="" width={56} height={56} loading="lazy" /> : <span class="thumb img-placeholder">{p.name.slice(0, 1)}</span>}
              <div class="product-row-main">
                <a class="product-row-name" href={`${base}/${encodeURIComponent(p.id)}`}>
                  {p.name}
                </a>
                <Price price={p.price} compareAtPrice={p.compareAtPrice} currency={currency} />
              </div>
              <p class={`product-row-stock${p.stock === 0 ? ' is-out' : ''}`}>{stockText(p.stock)}</p>
              <span class={`tag ${p.active ? 'tag-active' : 'tag-hidden'}`}>{p.active ? 'Active' : 'Hidden'}</span>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <p>
          <a href={`${base}${queryString({ q, categoryId })}`}>← First page</a>
        </p>
      )}
      <NextPageLink href={nextCursor ? `${base}${queryString({ q, categoryId, cursor: nextCursor })}` : null} />
    </DashboardLayout>
  );
}
