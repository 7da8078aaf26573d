import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { NotFoundError, productCreateSchema, productUpdateSchema, type Product, type Store } from '@dukaan-kit/core';
import type { FieldErrors, KeptImage, ProductFormValues } from '@dukaan-kit/storefront-ui';
import type { Runtime } from '../runtime.js';
import { vendorPage } from './context.js';
import { formProblem, formProps } from './dashboard-forms.js';
import { flashContext, idOf, idShape, orNotFound, pageSize, privateHtml, storeIdOf } from './dashboard-page.js';
import { notFound, pageRoute, seeOther } from './define.js';
import { field } from './forms.js';
import { keptProps, readProductForm, withRowNames } from './product-form.js';
import { dashboardProductBulkRoutes } from './dashboard-product-bulk.js';

const productGone = 'This product does not exist, or it belongs to another store.';

interface ProductPageExtra {
  values?: ProductFormValues;
  errors?: FieldErrors;
  flash?: string;
  notice?: string;
  /** Pictures of a failed post, carried back into the form. */
  keptImages?: KeptImage[];
  deleteError?: string;
}

/** The product form, empty (`product` null) or for one product, with the store's categories. */
async function productPage(runtime: Runtime, request: Request, h: ResponseToolkit, product: Product | null, status = 200, extra: ProductPageExtra = {}) {
  const done = request.query['done'];
  const saved: 'created' | 'saved' | false = product !== null && status === 200 && (done === 'created' || done === 'saved') ? done : false;
  // After a save the form says so itself, with its links; the generic "Added." would say it twice.
  const { ctx, store } = await vendorPage(runtime, request, h, saved ? { flash: '' } : flashContext(extra.flash));
  const categories = await runtime.dukaan.catalog.listCategories(store.id);
  const props = {
    ctx,
    currency: store.currency,
    defaultTaxRate: store.defaultTaxRate,
    product,
    categories,
    saved,
    ...formProps(extra),
    ...(extra.notice ? { notice: extra.notice } : {}),
    ...(extra.keptImages && extra.keptImages.length > 0 ? { keptImages: extra.keptImages } : {}),
    ...(extra.deleteError ? { deleteError: extra.deleteError } : {}),
  };
  return privateHtml(h, { page: 'product-form', props }, status);
}

/** A core refusal of the form, its row errors named by their combination. */
function coreProblem(error: unknown, values: ProductFormValues): { status: number; errors: FieldErrors } {
  const problem = formProblem(error);
  return { status: problem.status, errors: withRowNames(problem.errors, values) };
}

/** The `{id}` product of the signed-in vendor's store, or the 404 page. */
function ownProduct(runtime: Runtime, request: Request): Promise<Product> {
  return orNotFound(runtime.dukaan.catalog.getProduct(storeIdOf(request), idOf(request, productGone)), productGone);
}

async function listProducts(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { ctx, store } = await vendorPage(runtime, request, h);
  const text = (name: string) => (typeof request.query[name] === 'string' ? (request.query[name] as string) : '');
  const q = text('q').trim().slice(0, 100);
  const categoryId = idShape.test(text('categoryId')) ? text('categoryId') : null;
  const cursor = text('cursor') || null;
  const { catalog } = runtime.dukaan;
  const [page, categories] = await Promise.all([
    catalog.listProducts(store.id, { limit: pageSize, ...(q ? { q } : {}), ...(categoryId ? { categoryId } : {}), ...(cursor ? { cursor } : {}) }),
    catalog.listCategories(store.id),
  ]);
  return privateHtml(h, {
    page: 'products',
    props: { ctx, currency: store.currency, products: page.items, categories, q, categoryId, cursor, nextCursor: page.nextCursor },
  });
}

async function createProduct(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { catalog, stores } = runtime.dukaan;
  const storeId = storeIdOf(request);
  const store: Store = await stores.get(storeId);
  const form = readProductForm(request.payload, store.currency, productCreateSchema, null);
  const { values, input, images, errors } = form;
  if (form.makeVariants) return productPage(runtime, request, h, null, Object.keys(errors).length > 0 ? 400 : 200, { values, ...keptProps(images, errors), ...(form.notice ? { notice: form.notice } : {}) });
  if (Object.keys(errors).length > 0) return productPage(runtime, request, h, null, 400, { values, ...keptProps(images, errors) });
  let product: Product;
  try {
    product = await catalog.createProduct(storeId, input);
  } catch (error) {
    const problem = coreProblem(error, values);
    return productPage(runtime, request, h, null, problem.status, { values, ...keptProps(images, problem.errors) });
  }
  if (images.length > 0) {
    try {
      await catalog.addProductImages(storeId, product.id, images, 'images');
    } catch (error) {
      // The product is saved; only its pictures were refused: show it with the reason beside the picture field.
      const problem = formProblem(error);
      return productPage(runtime, request, h, product, problem.status, { errors: problem.errors, flash: 'Added, without its pictures.' });
    }
  }
  return seeOther(runtime, h, `/dashboard/products/${product.id}?done=created`);
}

async function updateProduct(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { catalog, stores } = runtime.dukaan;
  const storeId = storeIdOf(request);
  const before = await ownProduct(runtime, request);
  const store = await stores.get(storeId);
  const form = readProductForm(request.payload, store.currency, productUpdateSchema, before);
  const { values, input, images, errors } = form;
  if (form.makeVariants) return productPage(runtime, request, h, before, Object.keys(errors).length > 0 ? 400 : 200, { values, ...keptProps(images, errors), ...(form.notice ? { notice: form.notice } : {}) });
  if (Object.keys(errors).length > 0) return productPage(runtime, request, h, before, 400, { values, ...keptProps(images, errors) });
  try {
    await catalog.updateProduct(storeId, before.id, input);
    if (images.length > 0) await catalog.addProductImages(storeId, before.id, images, 'images');
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(productGone);
    const problem = coreProblem(error, values);
    return productPage(runtime, request, h, await catalog.getProduct(storeId, before.id), problem.status, { values, ...keptProps(images, problem.errors) });
  }
  return seeOther(runtime, h, `/dashboard/products/${before.id}?done=saved`);
}

async function deleteProduct(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const product = await ownProduct(runtime, request);
  if (field(request.payload, 'confirm') !== 'yes') {
    return productPage(runtime, request, h, product, 400, { deleteError: 'catalog.error.tickToDelete' });
  }
  await orNotFound(runtime.dukaan.catalog.deleteProduct(storeIdOf(request), product.id), productGone);
  return seeOther(runtime, h, '/dashboard/products?done=deleted');
}

async function deleteProductImage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const storeId = storeIdOf(request);
  const id = idOf(request, productGone);
  await orNotFound(runtime.dukaan.catalog.removeProductImage(storeId, id, field(request.payload, 'key')), 'This picture is already gone, or it belongs to another store.');
  return seeOther(runtime, h, `/dashboard/products/${id}?done=saved`);
}

/** The dashboard's products: the list (with its bulk changes and row switches), the form to add one, editing, deleting, removing a picture. */
export function dashboardProductRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/dashboard/products', auth: 'vendor', handler: (request, h) => listProducts(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/dashboard/products/new', auth: 'vendor', handler: (request, h) => productPage(runtime, request, h, null) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/products', auth: 'vendor', body: 'photos', handler: (request, h) => createProduct(runtime, request, h) }),
    pageRoute(runtime, {
      method: 'GET',
      path: '/dashboard/products/{id}',
      auth: 'vendor',
      handler: async (request, h) => productPage(runtime, request, h, await ownProduct(runtime, request)),
    }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/products/{id}', auth: 'vendor', body: 'photos', handler: (request, h) => updateProduct(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/products/{id}/delete', auth: 'vendor', handler: (request, h) => deleteProduct(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/products/{id}/images/delete', auth: 'vendor', handler: (request, h) => deleteProductImage(runtime, request, h) }),
    ...dashboardProductBulkRoutes(runtime),
  ];
}
