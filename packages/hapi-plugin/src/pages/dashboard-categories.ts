import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import type { Category } from '@dukaan-kit/core';
import type { CategoryView, FieldErrors } from '@dukaan-kit/storefront-ui';
import type { Runtime } from '../runtime.js';
import { vendorPage } from './context.js';
import { formProblem, formProps } from './dashboard-forms.js';
import { flashContext, idOf, orNotFound, privateHtml, storeIdOf } from './dashboard-page.js';
import { notFound, pageRoute, seeOther } from './define.js';
import { field, optionalInteger } from './forms.js';

const categoryGone = 'This category does not exist, or it belongs to another store.';

interface CategoriesPageExtra {
  values?: { name: string; position: string };
  errors?: FieldErrors;
  flash?: string;
  confirmDelete?: CategoryView;
}

/** The store's categories with the form to add one (and, when asked, the confirmation of a delete). */
async function categoriesPage(runtime: Runtime, request: Request, h: ResponseToolkit, status = 200, extra: CategoriesPageExtra = {}) {
  const { ctx, store } = await vendorPage(runtime, request, h, flashContext(extra.flash));
  const categories = await runtime.dukaan.catalog.listCategories(store.id);
  const props = { ctx, categories, ...formProps(extra), ...(extra.confirmDelete ? { confirmDelete: extra.confirmDelete } : {}) };
  return privateHtml(h, { page: 'categories', props }, status);
}

/** The `{id}` category of the vendor's store, from its list (categories have no single read), or the 404 page. */
async function ownCategory(runtime: Runtime, request: Request): Promise<{ category: Category; all: Category[] }> {
  const id = idOf(request, categoryGone);
  const all = await runtime.dukaan.catalog.listCategories(storeIdOf(request));
  const category = all.find((c) => c.id === id);
  if (!category) throw notFound(categoryGone);
  return { category, all };
}

async function createCategory(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const storeId = storeIdOf(request);
  const values = { name: field(request.payload, 'name'), position: field(request.payload, 'position') };
  const position = optionalInteger(values.position);
  if (position === undefined) return categoriesPage(runtime, request, h, 400, { values, errors: { position: 'catalog.error.position' } });
  if (values.name.trim() === '') return categoriesPage(runtime, request, h, 400, { values, errors: { name: 'catalog.error.categoryName' } });
  // Without a position (the page sends none) a new category goes last, where the vendor can see it and move it.
  const last = position === null ? Math.max(-1, ...(await runtime.dukaan.catalog.listCategories(storeId)).map((c) => c.position)) : -1;
  try {
    await runtime.dukaan.catalog.createCategory(storeId, { name: values.name, position: position ?? last + 1 });
  } catch (error) {
    const problem = formProblem(error);
    return categoriesPage(runtime, request, h, problem.status, { values, errors: problem.errors });
  }
  return seeOther(runtime, h, '/dashboard/categories?done=created');
}

/** Renames a category (and moves it when a position is posted, as older pages did); its problems show as the page's flash. */
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

/**
 * The positions that put `all` in `order`: a swap of the two neighbours' positions when they
 * differ, else (equal positions, as the API allows) every category numbered 0, 1, 2… in the new
 * order. Only the categories whose position changes are returned.
 */
export function movedPositions(all: ReadonlyArray<Pick<Category, 'id' | 'position'>>, id: string, direction: 'up' | 'down'): Map<string, number> {
  const changes = new Map<string, number>();
  const at = all.findIndex((c) => c.id === id);
  const other = direction === 'up' ? at - 1 : at + 1;
  const self = all[at];
  const neighbour = all[other];
  if (!self || !neighbour) return changes;
  if (self.position !== neighbour.position) {
    changes.set(self.id, neighbour.position);
    changes.set(neighbour.id, self.position);
    return changes;
  }
  const order = [...all];
  order[at] = neighbour;
  order[other] = self;
  order.forEach((c, i) => {
    if (c.position !== i) changes.set(c.id, i);
  });
  return changes;
}

/** Moves a category one place up or down; back to its row (the fragment), so a long list keeps its place. */
async function moveCategory(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { category, all } = await ownCategory(runtime, request);
  const direction = field(request.payload, 'direction');
  if (direction === 'up' || direction === 'down') {
    const storeId = storeIdOf(request);
    for (const [id, position] of movedPositions(all, category.id, direction)) {
      await orNotFound(runtime.dukaan.catalog.updateCategory(storeId, id, { position }), categoryGone);
    }
  }
  return seeOther(runtime, h, `/dashboard/categories#cat-${category.id}`);
}

/** The confirmation step (what the Delete link opens without JavaScript). */
async function confirmDeletePage(runtime: Runtime, request: Request, h: ResponseToolkit, status = 200) {
  const { category } = await ownCategory(runtime, request);
  return categoriesPage(runtime, request, h, status, { confirmDelete: { id: category.id, name: category.name, position: category.position } });
}

/** Deletes only when the confirmation was given; a bare post (an old page, a stray tap) gets the question instead. */
async function deleteCategory(runtime: Runtime, request: Request, h: ResponseToolkit) {
  if (field(request.payload, 'confirm') !== 'yes') return confirmDeletePage(runtime, request, h);
  await orNotFound(runtime.dukaan.catalog.deleteCategory(storeIdOf(request), idOf(request, categoryGone)), categoryGone);
  return seeOther(runtime, h, '/dashboard/categories?done=deleted');
}

/** The dashboard's categories: the list, adding, renaming, moving up or down, deleting after a confirmation. */
export function dashboardCategoryRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/dashboard/categories', auth: 'vendor', handler: (request, h) => categoriesPage(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/categories', auth: 'vendor', handler: (request, h) => createCategory(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/categories/{id}', auth: 'vendor', handler: (request, h) => updateCategory(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/categories/{id}/move', auth: 'vendor', handler: (request, h) => moveCategory(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/dashboard/categories/{id}/delete', auth: 'vendor', handler: (request, h) => confirmDeletePage(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/categories/{id}/delete', auth: 'vendor', handler: (request, h) => deleteCategory(runtime, request, h) }),
  ];
}
