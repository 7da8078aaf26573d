import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import type Joi from 'joi';
import {
  ConflictError,
  InvalidTransitionError,
  NotFoundError,
  ValidationFailedError,
  checkImage,
  nextStatuses,
  orderStatuses,
  toVendorOrderView,
  validate,
  productCreateSchema,
  productUpdateSchema,
  storeUpdateSchema,
  type Category,
  type OrderStatus,
  type Product,
  type Store,
} from '@dukaan-kit/core';
import { parseMoney, type FieldErrors, type ProductFormValues, type SettingsValues } from '@dukaan-kit/storefront-ui';
import { baseUrl, type Runtime } from '../runtime.js';
import { storeView, vendorPage } from './context.js';
import { html, notFound, pageRoute, seeOther } from './define.js';
import { checked, field, fieldErrors, fieldLabels, file, optionalInteger, refererPath } from './forms.js';

const pageSize = 20;
/** Valid stand-ins for fields the plugin already refused, so the schema reports only the others. */
const productPlaceholders: Record<string, unknown> = { price: 0, compareAtPrice: null, stock: null, file: undefined };

/** A form's problem that the core reported: field errors (and `form` for the rest), or rethrown. */
function formProblem(error: unknown, labels: Record<string, string> = {}): { status: number; errors: FieldErrors } {
  if (error instanceof ValidationFailedError) {
    const errors = fieldErrors(error.details, undefined, labels);
    return { status: 400, errors: Object.keys(errors).length > 0 ? errors : { form: error.message } };
  }
  if (error instanceof ConflictError) {
    const errors = fieldErrors(error.details, undefined, labels);
    return { status: 409, errors: Object.keys(errors).length > 0 ? errors : { form: error.message } };
  }
  throw error;
}

/**
 * Every bad field at once: the fields the plugin refused (money it could not read) plus whatever
 * the core's schema says about the rest, checked with placeholders where the plugin already failed.
 */
function withSchemaErrors(schema: Joi.Schema, input: Record<string, unknown>, errors: FieldErrors, placeholders: Record<string, unknown>, labels: Record<string, string>): FieldErrors {
  const probe = { ...input };
  for (const name of Object.keys(errors)) if (name in placeholders) probe[name] = placeholders[name];
  try {
    validate(schema, probe);
    return errors;
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return { ...fieldErrors(error.details, undefined, labels), ...errors };
  }
}

/** Another store's (or an unknown) id: the same friendly 404 as a missing page, never a hint that it exists. */
async function orNotFound<T>(promise: Promise<T>, message: string): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotFoundError || (error instanceof ValidationFailedError && error.details.some((d) => d.path === 'id'))) throw notFound(message);
    throw error;
  }
}

const idShape = /^[0-9a-f-]{36}$/i;
function idOf(request: Request, message: string): string {
  const id = request.params['id'] as string;
  if (!idShape.test(id)) throw notFound(message);
  return id;
}

const productGone = 'This product does not exist, or it belongs to another store.';
const orderGone = 'This order does not exist, or it belongs to another store.';
const categoryGone = 'This category does not exist, or it belongs to another store.';

/** What the product form sent, as text for re-rendering. */
function productValues(payload: unknown): ProductFormValues {
  return {
    name: field(payload, 'name'),
    description: field(payload, 'description'),
    price: field(payload, 'price'),
    compareAtPrice: field(payload, 'compareAtPrice'),
    stock: field(payload, 'stock'),
    sku: field(payload, 'sku'),
    categoryId: field(payload, 'categoryId'),
    active: checked(payload, 'active'),
  };
}

/** The product form as the core's input, or the fields the plugin itself can already refuse. */
function productInput(values: ProductFormValues, currency: string): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const price = parseMoney(values.price, currency);
  if (price === null) errors['price'] = values.price.trim() ? 'Enter the price as a number, like 499 or 499.50' : 'Enter a price';
  const mrp = values.compareAtPrice.trim() === '' ? null : parseMoney(values.compareAtPrice, currency);
  if (mrp === null && values.compareAtPrice.trim() !== '') errors['compareAtPrice'] = 'Enter the MRP as a number, like 599, or leave it empty';
  const stock = optionalInteger(values.stock);
  if (stock === undefined) errors['stock'] = 'Enter the stock as a whole number, or leave it empty';
  const input = {
    name: values.name,
    description: values.description,
    price,
    compareAtPrice: mrp,
    stock: stock ?? null,
    sku: values.sku.trim() === '' ? null : values.sku,
    categoryId: values.categoryId === '' ? null : values.categoryId,
    active: values.active,
  };
  return { input, errors };
}

/** What the settings form sent, as text for re-rendering. */
function settingsValues(payload: unknown): SettingsValues {
  return {
    name: field(payload, 'name'),
    slug: field(payload, 'slug'),
    description: field(payload, 'description'),
    phone: field(payload, 'phone'),
    pickupAddress: field(payload, 'pickupAddress'),
    currency: field(payload, 'currency'),
    deliveryFee: field(payload, 'deliveryFee'),
    freeDeliveryAbove: field(payload, 'freeDeliveryAbove'),
    minOrderValue: field(payload, 'minOrderValue'),
    isOpen: checked(payload, 'isOpen'),
    autoAcceptOrders: checked(payload, 'autoAcceptOrders'),
  };
}

function settingsInput(values: SettingsValues): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const currency = values.currency.trim().toUpperCase() || 'INR';
  const money = (name: 'deliveryFee' | 'freeDeliveryAbove' | 'minOrderValue', empty: number | null) => {
    const text = values[name].trim();
    if (text === '') return empty;
    let amount: number | null = null;
    try {
      amount = parseMoney(text, currency);
    } catch {
      amount = null; // an unknown currency: the core names that field
    }
    if (amount === null) errors[name] = 'Enter an amount like 40 or 40.50';
    return amount;
  };
  const input = {
    name: values.name,
    slug: values.slug,
    description: values.description,
    phone: values.phone.trim() === '' ? null : values.phone,
    pickupAddress: values.pickupAddress,
    currency,
    deliveryFee: money('deliveryFee', 0),
    freeDeliveryAbove: money('freeDeliveryAbove', null),
    minOrderValue: money('minOrderValue', 0),
    isOpen: values.isOpen,
    autoAcceptOrders: values.autoAcceptOrders,
  };
  return { input, errors };
}

/** The vendor's dashboard: home, orders, products, categories, settings. */
export function dashboardRoutes(runtime: Runtime): ServerRoute[] {
  const { dukaan } = runtime;
  const { catalog, orders } = dukaan;
  const noStore = 'private, no-store';

  const productPage = async (request: Request, h: ResponseToolkit, product: Product | null, status = 200, extra: { values?: ProductFormValues; errors?: FieldErrors; flash?: string } = {}) => {
    const { ctx, store } = await vendorPage(runtime, request, h, extra.flash ? { flash: extra.flash } : {});
    const categories = await catalog.listCategories(store.id);
    return html(
      h,
      {
        page: 'product-form',
        props: {
          ctx,
          currency: store.currency,
          product,
          categories,
          ...(extra.values ? { values: extra.values } : {}),
          ...(extra.errors ? { errors: extra.errors } : {}),
        },
      },
      status,
    ).header('cache-control', noStore);
  };

  const categoriesPage = async (request: Request, h: ResponseToolkit, status = 200, extra: { values?: { name: string; position: string }; errors?: FieldErrors; flash?: string } = {}) => {
    const { ctx, store } = await vendorPage(runtime, request, h, extra.flash ? { flash: extra.flash } : {});
    const categories: Category[] = await catalog.listCategories(store.id);
    return html(h, { page: 'categories', props: { ctx, categories, ...(extra.values ? { values: extra.values } : {}), ...(extra.errors ? { errors: extra.errors } : {}) } }, status).header(
      'cache-control',
      noStore,
    );
  };

  const settingsPage = async (request: Request, h: ResponseToolkit, status = 200, extra: { values?: SettingsValues; errors?: FieldErrors } = {}) => {
    const { ctx, store } = await vendorPage(runtime, request, h);
    return html(h, { page: 'settings', props: { ctx, store: storeView(store), publicUrl: baseUrl(runtime, request), ...extra } }, status).header('cache-control', noStore);
  };

  const orderPage = async (request: Request, h: ResponseToolkit, id: string, status = 200, flash?: string) => {
    const { ctx, store } = await vendorPage(runtime, request, h, flash ? { flash } : {});
    const order = await orNotFound(orders.get(store.id, id), orderGone);
    return html(h, { page: 'order-detail', props: { ctx, order: toVendorOrderView(order), nextStatuses: [...nextStatuses(order.status)] } }, status).header('cache-control', noStore);
  };

  const storeIdOf = (request: Request) => (request.auth.credentials as unknown as { storeId: string }).storeId;

  return [
    pageRoute(runtime, {
      method: 'GET',
      path: '/dashboard',
      auth: 'vendor',
      handler: async (request, h) => {
        const { ctx, store, summary } = await vendorPage(runtime, request, h);
        const pending = await orders.list(store.id, { status: 'pending', limit: pageSize });
        return html(h, {
          page: 'dashboard',
          props: { ctx, store: storeView(store), summary, pendingOrders: pending.items.map(toVendorOrderView), storeUrl: `${baseUrl(runtime, request)}/${store.slug}` },
        }).header('cache-control', noStore);
      },
    }),

    // Orders
    pageRoute(runtime, {
      method: 'GET',
      path: '/dashboard/orders',
      auth: 'vendor',
      handler: async (request, h) => {
        const { ctx, store } = await vendorPage(runtime, request, h);
        const wanted = request.query['status'];
        const status = (orderStatuses as readonly string[]).includes(wanted as string) ? (wanted as OrderStatus) : null;
        const cursor = typeof request.query['cursor'] === 'string' && request.query['cursor'] !== '' ? request.query['cursor'] : undefined;
        const page = await orders.list(store.id, { limit: pageSize, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) });
        return html(h, { page: 'orders', props: { ctx, orders: page.items.map(toVendorOrderView), status, nextCursor: page.nextCursor } }).header('cache-control', noStore);
      },
    }),
    pageRoute(runtime, {
      method: 'GET',
      path: '/dashboard/orders/{id}',
      auth: 'vendor',
      handler: (request, h) => orderPage(request, h, idOf(request, orderGone)),
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/dashboard/orders/{id}/status',
      auth: 'vendor',
      handler: async (request, h) => {
        const id = idOf(request, orderGone);
        try {
          await orNotFound(orders.changeStatus(storeIdOf(request), id, { status: field(request.payload, 'status') }), orderGone);
        } catch (error) {
          if (error instanceof InvalidTransitionError || error instanceof ValidationFailedError) return orderPage(request, h, id, 409, error.message);
          throw error;
        }
        const back = refererPath(request.headers['referer'] as string | undefined, `${runtime.prefix}/dashboard`, `${runtime.prefix}/dashboard/orders/${id}`);
        const url = new URL(back, 'http://local.invalid');
        url.searchParams.set('done', 'status');
        return h.redirect(`${url.pathname}${url.search}`).code(303);
      },
    }),

    // Products
    pageRoute(runtime, {
      method: 'GET',
      path: '/dashboard/products',
      auth: 'vendor',
      handler: async (request, h) => {
        const { ctx, store } = await vendorPage(runtime, request, h);
        const text = (name: string) => (typeof request.query[name] === 'string' ? (request.query[name] as string) : '');
        const q = text('q').trim().slice(0, 100);
        const categoryId = idShape.test(text('categoryId')) ? text('categoryId') : null;
        const cursor = text('cursor') || null;
        const [page, categories] = await Promise.all([
          catalog.listProducts(store.id, { limit: pageSize, ...(q ? { q } : {}), ...(categoryId ? { categoryId } : {}), ...(cursor ? { cursor } : {}) }),
          catalog.listCategories(store.id),
        ]);
        return html(h, {
          page: 'products',
          props: { ctx, currency: store.currency, products: page.items, categories, q, categoryId, cursor, nextCursor: page.nextCursor },
        }).header('cache-control', noStore);
      },
    }),
    pageRoute(runtime, {
      method: 'GET',
      path: '/dashboard/products/new',
      auth: 'vendor',
      handler: (request, h) => productPage(request, h, null),
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/dashboard/products',
      auth: 'vendor',
      body: 'upload',
      handler: async (request, h) => {
        const storeId = storeIdOf(request);
        const values = productValues(request.payload);
        const store: Store = await dukaan.vendors.getStore(storeId);
        const { input, errors } = productInput(values, store.currency);
        const image = file(request.payload, 'file');
        try {
          if (image) checkImage(image, 'file');
        } catch (error) {
          Object.assign(errors, formProblem(error, fieldLabels.product).errors);
        }
        if (Object.keys(errors).length > 0) {
          const all = withSchemaErrors(productCreateSchema, input, errors, productPlaceholders, fieldLabels.product);
          return productPage(request, h, null, 400, { values, errors: all });
        }
        let product: Product;
        try {
          product = await catalog.createProduct(storeId, input);
        } catch (error) {
          const problem = formProblem(error, fieldLabels.product);
          return productPage(request, h, null, problem.status, { values, errors: problem.errors });
        }
        if (image) await catalog.addProductImage(storeId, product.id, image);
        return seeOther(runtime, h, `/dashboard/products/${product.id}?done=created`);
      },
    }),
    pageRoute(runtime, {
      method: 'GET',
      path: '/dashboard/products/{id}',
      auth: 'vendor',
      handler: async (request, h) => productPage(request, h, await orNotFound(catalog.getProduct(storeIdOf(request), idOf(request, productGone)), productGone)),
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/dashboard/products/{id}',
      auth: 'vendor',
      body: 'upload',
      handler: async (request, h) => {
        const storeId = storeIdOf(request);
        const before = await orNotFound(catalog.getProduct(storeId, idOf(request, productGone)), productGone);
        const store = await dukaan.vendors.getStore(storeId);
        const values = productValues(request.payload);
        const { input, errors } = productInput(values, store.currency);
        const image = file(request.payload, 'file');
        try {
          if (image) checkImage(image, 'file');
        } catch (error) {
          Object.assign(errors, formProblem(error, fieldLabels.product).errors);
        }
        if (Object.keys(errors).length > 0) {
          const all = withSchemaErrors(productUpdateSchema, input, errors, productPlaceholders, fieldLabels.product);
          return productPage(request, h, before, 400, { values, errors: all });
        }
        try {
          await catalog.updateProduct(storeId, before.id, input);
          if (image) await catalog.addProductImage(storeId, before.id, image);
        } catch (error) {
          if (error instanceof NotFoundError) throw notFound(productGone);
          const problem = formProblem(error, fieldLabels.product);
          return productPage(request, h, await catalog.getProduct(storeId, before.id), problem.status, { values, errors: problem.errors });
        }
        return seeOther(runtime, h, `/dashboard/products/${before.id}?done=saved`);
      },
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/dashboard/products/{id}/delete',
      auth: 'vendor',
      handler: async (request, h) => {
        const storeId = storeIdOf(request);
        const product = await orNotFound(catalog.getProduct(storeId, idOf(request, productGone)), productGone);
        if (field(request.payload, 'confirm') !== 'yes') {
          return productPage(request, h, product, 400, { flash: `Tick “Yes, delete” to delete ${product.name}.` });
        }
        await orNotFound(catalog.deleteProduct(storeId, product.id), productGone);
        return seeOther(runtime, h, '/dashboard/products?done=deleted');
      },
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/dashboard/products/{id}/images/delete',
      auth: 'vendor',
      handler: async (request, h) => {
        const storeId = storeIdOf(request);
        const id = idOf(request, productGone);
        await orNotFound(catalog.removeProductImage(storeId, id, field(request.payload, 'key')), 'This picture is already gone, or it belongs to another store.');
        return seeOther(runtime, h, `/dashboard/products/${id}?done=saved`);
      },
    }),

    // Categories
    pageRoute(runtime, {
      method: 'GET',
      path: '/dashboard/categories',
      auth: 'vendor',
      handler: (request, h) => categoriesPage(request, h),
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/dashboard/categories',
      auth: 'vendor',
      handler: async (request, h) => {
        const values = { name: field(request.payload, 'name'), position: field(request.payload, 'position') };
        const position = optionalInteger(values.position);
        if (position === undefined) return categoriesPage(request, h, 400, { values, errors: { position: 'Enter the position as a whole number, or leave it empty' } });
        try {
          await catalog.createCategory(storeIdOf(request), { name: values.name, ...(position === null ? {} : { position }) });
        } catch (error) {
          const problem = formProblem(error, fieldLabels.category);
          return categoriesPage(request, h, problem.status, { values, errors: problem.errors });
        }
        return seeOther(runtime, h, '/dashboard/categories?done=created');
      },
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/dashboard/categories/{id}',
      auth: 'vendor',
      handler: async (request, h) => {
        const id = idOf(request, categoryGone);
        const position = optionalInteger(field(request.payload, 'position'));
        if (position === undefined) return categoriesPage(request, h, 400, { flash: 'Enter the position as a whole number.' });
        try {
          await orNotFound(catalog.updateCategory(storeIdOf(request), id, { name: field(request.payload, 'name'), ...(position === null ? {} : { position }) }), categoryGone);
        } catch (error) {
          if (error instanceof ValidationFailedError || error instanceof ConflictError) {
            const problem = formProblem(error, fieldLabels.category);
            return categoriesPage(request, h, problem.status, { flash: Object.values(problem.errors).join(' ') });
          }
          throw error;
        }
        return seeOther(runtime, h, '/dashboard/categories?done=saved');
      },
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/dashboard/categories/{id}/delete',
      auth: 'vendor',
      handler: async (request, h) => {
        await orNotFound(catalog.deleteCategory(storeIdOf(request), idOf(request, categoryGone)), categoryGone);
        return seeOther(runtime, h, '/dashboard/categories?done=deleted');
      },
    }),

    // Settings
    pageRoute(runtime, {
      method: 'GET',
      path: '/dashboard/settings',
      auth: 'vendor',
      handler: (request, h) => settingsPage(request, h),
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/dashboard/settings',
      auth: 'vendor',
      body: 'upload',
      handler: async (request, h) => {
        const storeId = storeIdOf(request);
        const values = settingsValues(request.payload);
        const { input, errors } = settingsInput(values);
        const logo = file(request.payload, 'logo');
        try {
          if (logo) checkImage(logo, 'logo');
        } catch (error) {
          Object.assign(errors, formProblem(error, fieldLabels.settings).errors);
        }
        if (Object.keys(errors).length > 0) {
          const all = withSchemaErrors(storeUpdateSchema, input, errors, { deliveryFee: 0, freeDeliveryAbove: null, minOrderValue: 0, logo: undefined }, fieldLabels.settings);
          return settingsPage(request, h, 400, { values, errors: all });
        }
        try {
          const logoUrl = logo ? await dukaan.vendors.saveStoreLogo(storeId, logo) : undefined;
          await dukaan.vendors.updateStore(storeId, { ...input, ...(logoUrl ? { logoUrl } : {}) });
        } catch (error) {
          const problem = formProblem(error, fieldLabels.settings);
          return settingsPage(request, h, problem.status, { values, errors: problem.errors });
        }
        return seeOther(runtime, h, '/dashboard/settings?done=saved');
      },
    }),
  ];
}
