import { PostForm } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { NextPageLink } from '../components/order-table.js';
import { Price } from '../components/price.js';
import { useT, type I18n } from '../i18n/context.js';
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
  /** Set when the vendor chose "Delete" for these products: the page asks before deleting them. */
  confirmDelete?: ProductView[];
  /** The list's own address with its filters, where the forms on it come back to. */
  back?: string;
}

function stockText(t: I18n['t'], p: ProductView): string {
  const text = p.stock === null ? t('catalog.products.notTracked') : p.stock === 0 ? t('catalog.products.outOfStock') : t('catalog.products.inStock', { count: p.stock });
  return p.options.length > 0 ? `${text} · ${t('catalog.products.variantCount', { count: p.variants.length })}` : text;
}

/** The id of the bulk form; the rows' checkboxes join it through their `form` attribute (forms cannot nest). */
const bulkForm = 'bulk-products';

/** One change for the ticked products: show, hide, set stock, move to a category, delete (asked first). */
function BulkBar({ ctx, categories, back }: { ctx: PageContext; categories: CategoryView[]; back: string }) {
  const t = useT();
  return (
    <PostForm ctx={ctx} action="/dashboard/products/bulk" id={bulkForm} class="bulk-bar" aria-label={t('catalog.products.bulkLabel')}>
      <input type="hidden" name="back" value={back} />
      <p class="bulk-bar-title">{t('catalog.products.bulkTitle')}</p>
      <fieldset>
        <legend class="sr-only">{t('catalog.products.visibility')}</legend>
        <button type="submit" name="action" value="show" class="btn btn-secondary">
          {t('catalog.product.active')}
        </button>
        <button type="submit" name="action" value="hide" class="btn btn-secondary">
          {t('catalog.products.hide')}
        </button>
      </fieldset>
      <fieldset>
        <legend class="sr-only">{t('catalog.product.stock')}</legend>
        <label for="bulk-stock">{t('catalog.product.stock')}</label>
        <input id="bulk-stock" name="stock" type="number" min={0} step={1} inputMode="numeric" />
        <button type="submit" name="action" value="set-stock" class="btn btn-secondary">
          {t('catalog.products.setStock')}
        </button>
      </fieldset>
      <fieldset>
        <legend class="sr-only">{t('catalog.product.category')}</legend>
        <label for="bulk-category">{t('catalog.product.category')}</label>
        <select id="bulk-category" name="categoryId">
          <option value="">{t('catalog.product.noCategory')}</option>
          {categories.map((c) => (
            <option value={c.id}>{c.name}</option>
          ))}
        </select>
        <button type="submit" name="action" value="move-category" class="btn btn-secondary">
          {t('catalog.products.move')}
        </button>
      </fieldset>
      <button type="submit" name="action" value="delete" class="btn btn-danger-outline">
        {t('catalog.products.deleteEllipsis')}
      </button>
    </PostForm>
  );
}

/** Per row, without JavaScript: show or hide it, and (one-way products) set its stock. */
function RowSwitches({ ctx, product, back }: { ctx: PageContext; product: ProductView; back: string }) {
  const t = useT();
  const base = `/dashboard/products/${encodeURIComponent(product.id)}`;
  const stockId = `stock-${product.id}`;
  return (
    <div class="row-switches">
      {product.options.length === 0 && (
        <PostForm ctx={ctx} action={`${base}/stock`}>
          <input type="hidden" name="back" value={back} />
          <label for={stockId} class="sr-only">
            {t('catalog.products.stockOf', { name: product.name })}
          </label>
          <input id={stockId} name="stock" type="number" min={0} step={1} inputMode="numeric" value={product.stock === null ? '' : String(product.stock)} placeholder={t('catalog.products.notCounted')} />
          <button type="submit" class="btn btn-secondary" aria-label={t('catalog.products.saveStockOf', { name: product.name })}>
            {t('catalog.categories.save')}
          </button>
        </PostForm>
      )}
      <PostForm ctx={ctx} action={`${base}/visibility`}>
        <input type="hidden" name="back" value={back} />
        <input type="hidden" name="active" value={product.active ? 'no' : 'yes'} />
        <button type="submit" class="btn btn-secondary" aria-pressed={product.active ? 'true' : 'false'} aria-label={t(product.active ? 'catalog.products.hideNamed' : 'catalog.products.showNamed', { name: product.name })}>
          {t(product.active ? 'catalog.products.hide' : 'catalog.products.show')}
        </button>
      </PostForm>
    </div>
  );
}

/** "Delete these N products?" with the list, and a form that deletes them only when ticked. */
function ConfirmDelete({ ctx, products, back }: { ctx: PageContext; products: ProductView[]; back: string }) {
  const t = useT();
  const count = products.length;
  return (
    <section class="panel danger-zone" aria-labelledby="confirm-delete-title">
      <h2 id="confirm-delete-title">{t('catalog.products.confirmTitle', { count })}</h2>
      <p>{t('catalog.products.confirmText')}</p>
      <ul>
        {products.map((p) => (
          <li>{p.name}</li>
        ))}
      </ul>
      <PostForm ctx={ctx} action="/dashboard/products/bulk">
        <input type="hidden" name="action" value="delete" />
        <input type="hidden" name="back" value={back} />
        {products.map((p) => (
          <input type="hidden" name="ids" value={p.id} />
        ))}
        <div class="field field-check">
          <input type="checkbox" id="confirm-delete-yes" name="confirm" value="yes" required />
          <label for="confirm-delete-yes">{t('catalog.products.confirmYes', { count })}</label>
        </div>
        <button type="submit" class="btn btn-danger">
          {t('catalog.products.confirmButton', { count })}
        </button>{' '}
        <a class="btn btn-secondary" href={back}>
          {t('catalog.categories.cancel')}
        </a>
      </PostForm>
    </section>
  );
}

/** The catalogue: search, category filter, one row per product with its switches, bulk changes, next page. */
export function ProductsPage({ ctx, currency, products, categories, q = '', categoryId = null, cursor, nextCursor, confirmDelete, back }: ProductsPageProps) {
  const t = useT();
  const base = withBase(ctx.basePath, '/dashboard/products');
  const here = back ?? `${base}${queryString({ q, categoryId, cursor })}`;
  const filtered = q !== '' || categoryId !== null;
  if (confirmDelete && confirmDelete.length > 0) {
    return (
      <DashboardLayout ctx={ctx} title={t('catalog.products.deleteTitle')} section="products">
        <ConfirmDelete ctx={ctx} products={confirmDelete} back={here} />
      </DashboardLayout>
    );
  }
  return (
    <DashboardLayout ctx={ctx} title={t('catalog.products.title')} section="products">
      <div class="toolbar">
        <form method="get" action={base} class="search" role="search">
          <label for="products-q" class="sr-only">
            {t('catalog.products.searchLabel')}
          </label>
          <input id="products-q" type="search" name="q" value={q} placeholder={t('catalog.products.searchPlaceholder')} />
          <label for="products-category" class="sr-only">
            {t('catalog.product.category')}
          </label>
          <select id="products-category" name="categoryId">
            <option value="">{t('catalog.products.allCategories')}</option>
            {categories.map((c) => (
              <option value={c.id} selected={c.id === categoryId}>
                {c.name}
              </option>
            ))}
          </select>
          <button type="submit" class="btn btn-secondary">
            {t('catalog.products.search')}
          </button>
        </form>
        <a class="btn btn-secondary" href={`${base}/import`}>
          {t('catalog.products.importExport')}
        </a>
        <a class="btn btn-primary" href={`${base}/new`}>
          {t('catalog.product.add')}
        </a>
      </div>
      {products.length === 0 ? (
        <p class="empty">{t(filtered ? 'catalog.products.noMatch' : 'catalog.products.empty')}</p>
      ) : (
        <>
          <BulkBar ctx={ctx} categories={categories} back={here} />
          <ul class="product-rows">
            {products.map((p) => (
              <li class="product-row is-selectable">
                <span class="row-select">
                  <input type="checkbox" name="ids" value={p.id} form={bulkForm} id={`select-${p.id}`} />
                  <label for={`select-${p.id}`} class="sr-only">
                    {t('catalog.products.tick', { name: p.name })}
                  </label>
                </span>
                {p.images[0] ? <img class="thumb" src={p.images[0].url} alt="" width={56} height={56} loading="lazy" /> : <span class="thumb img-placeholder">{p.name.slice(0, 1)}</span>}
                <div class="product-row-main">
                  <a class="product-row-name" href={`${base}/${encodeURIComponent(p.id)}`}>
                    {p.name}
                  </a>
                  <Price price={p.price} compareAtPrice={p.compareAtPrice} currency={currency} from={p.variants.some((v) => v.active && v.price !== p.price)} />
                  <p class={`product-row-stock${p.stock === 0 ? ' is-out' : ''}`}>{stockText(t, p)}</p>
                </div>
                <span class={`tag ${p.active ? 'tag-active' : 'tag-hidden'}`}>{t(p.active ? 'catalog.products.active' : 'catalog.products.hidden')}</span>
                <RowSwitches ctx={ctx} product={p} back={here} />
              </li>
            ))}
          </ul>
        </>
      )}
      {cursor && (
        <p>
          <a href={`${base}${queryString({ q, categoryId })}`}>{t('catalog.products.firstPage')}</a>
        </p>
      )}
      <NextPageLink href={nextCursor ? `${base}${queryString({ q, categoryId, cursor: nextCursor })}` : null} />
    </DashboardLayout>
  );
}
