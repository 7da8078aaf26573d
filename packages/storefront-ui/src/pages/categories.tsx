import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import type { CategoryView, FieldErrors, PageContext } from '../types.js';

/** Props of the 'categories' page (`/dashboard/categories`). */
export interface CategoriesPageProps {
  ctx: PageContext;
  /** In position order. */
  categories: CategoryView[];
  /** Errors of the add form (name, position). */
  errors?: FieldErrors;
  values?: { name?: string; position?: string };
}

/** Categories: rename, reorder, delete each; add a new one. */
export function CategoriesPage({ ctx, categories, errors = {}, values = {} }: CategoriesPageProps) {
  return (
    <DashboardLayout ctx={ctx} title="Categories" section="categories">
      <p class="lead">Customers filter your store by these. Deleting one keeps its products, without a category.</p>
      {categories.length === 0 ? (
        <p class="empty">No categories yet.</p>
      ) : (
        <ul class="category-rows">
          {categories.map((c) => {
            const id = `cat-${c.id}`;
            return (
              <li class="category-row">
                <PostForm ctx={ctx} action={`/dashboard/categories/${encodeURIComponent(c.id)}`} class="inline-form">
                  <label for={`${id}-name`} class="sr-only">
                    Name of {c.name}
                  </label>
                  <input id={`${id}-name`} name="name" value={c.name} required maxLength={60} />
                  <label for={`${id}-position`} class="sr-only">
                    Position of {c.name}
                  </label>
                  <input id={`${id}-position`} name="position" type="number" min={0} value={String(c.position)} class="input-narrow" />
                  <button type="submit" class="btn btn-small btn-secondary">
                    Save<span class="sr-only"> {c.name}</span>
                  </button>
                </PostForm>
                <PostForm ctx={ctx} action={`/dashboard/categories/${encodeURIComponent(c.id)}/delete`}>
                  <button type="submit" class="btn btn-small btn-danger-outline">
                    Delete<span class="sr-only"> {c.name}</span>
                  </button>
                </PostForm>
              </li>
            );
          })}
        </ul>
      )}
      <section class="panel">
        <h2>Add a category</h2>
        <ErrorSummary form="category" errors={errors} labels={{ name: 'Name', position: 'Position' }} />
        <PostForm ctx={ctx} action="/dashboard/categories" class="inline-form">
          <Field form="category" name="name" label="Name" value={values.name} error={errors['name']} required maxLength={60} />
          <Field form="category" name="position" label="Position" type="number" min={0} value={values.position} error={errors['position']} optional class="field-short" />
          <button type="submit" class="btn btn-primary">
            Add
          </button>
        </PostForm>
      </section>
    </DashboardLayout>
  );
}
