import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import type { FieldErrors } from '@dukaan-kit/storefront-ui';
import type { Runtime } from '../runtime.js';
import { vendorPage } from './context.js';
import { formProblem, formProps } from './dashboard-forms.js';
import { flashContext, idOf, orNotFound, privateHtml, storeIdOf } from './dashboard-page.js';
import { pageRoute, seeOther } from './define.js';
import { field, optionalInteger } from './forms.js';

const categoryGone = 'This category does not exist, or it belongs to another store.';

interface CategoriesPageExtra {
  values?: { name: string; position: string };
  errors?: FieldErrors;
  flash?: string;
}

/** The store's categories with the form to add one. */
async function categoriesPage(runtime: Runtime, request: Request, h: ResponseToolkit, status = 200, extra: CategoriesPageExtra = {}) {
  const { ctx, store } = await vendorPage(runtime, request, h, flashContext(extra.flash));
  const categories = await runtime.dukaan.catalog.listCategories(store.id);
  return privateHtml(h, { page: 'categories', props: { ctx, categories, ...formProps(extra) } }, status);
}

async function createCategory(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const values = { name: field(request.payload, 'name'), position: field(request.payload, 'position') };
  const position = optionalInteger(values.position);
  if (position === undefined) return categoriesPage(runtime, request, h, 400, { values, errors: { position: 'Enter the position as a whole number, or leave it empty' } });
  try {
    await runtime.dukaan.catalog.createCategory(storeIdOf(request), { name: values.name, ...(position === null ? {} : { position }) });
  } catch (error) {
    const problem = formProblem(error);
    return categoriesPage(runtime, request, h, problem.status, { values, errors: problem.errors });
  }
  return seeOther(runtime, h, '/dashboard/categories?done=created');
}

/** Renames or moves a category; its row's problems show as the page's flash. */
async function updateCategory(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const id = idOf(request, categoryGone);
  const position = optionalInteger(field(request.payload, 'position'));
  if (position === undefined) return categoriesPage(runtime, request, h, 400, { flash: 'Enter the position as a whole number.' });
  const change = { name: field(request.payload, 'name'), ...(position === null ? {} : { position }) };
  try {
    await orNotFound(runtime.dukaan.catalog.updateCategory(storeIdOf(request), id, change), categoryGone);
  } catch (error) {
    const problem = formProblem(error); // rethrows anything but a validation or conflict error
    return categoriesPage(runtime, request, h, problem.status, { flash: Object.values(problem.errors).join(' ') });
  }
  return seeOther(runtime, h, '/dashboard/categories?done=saved');
}

async function deleteCategory(runtime: Runtime, request: Request, h: ResponseToolkit) {
  await orNotFound(runtime.dukaan.catalog.deleteCategory(storeIdOf(request), idOf(request, categoryGone)), categoryGone);
  return seeOther(runtime, h, '/dashboard/categories?done=deleted');
}

/** The dashboard's categories: the list, adding, renaming or moving, deleting. */
export function dashboardCategoryRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/dashboard/categories', auth: 'vendor', handler: (request, h) => categoriesPage(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/categories', auth: 'vendor', handler: (request, h) => createCategory(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/categories/{id}', auth: 'vendor', handler: (request, h) => updateCategory(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/categories/{id}/delete', auth: 'vendor', handler: (request, h) => deleteCategory(runtime, request, h) }),
  ];
}
