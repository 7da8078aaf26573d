import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { Island } from '../components/island.js';
import { DashboardLayout } from '../components/layouts.js';
import { useIslandMessages, useT } from '../i18n/context.js';
import { confirmDeleteKeys } from '../islands/confirm-delete.js';
import { withBase } from '../url.js';
import type { CategoryView, FieldErrors, PageContext } from '../types.js';
import { localErrors } from './localized-errors.js';

/** Props of the 'categories' page (`/dashboard/categories`). */
export interface CategoriesPageProps {
  ctx: PageContext;
  /** In position order. */
  categories: CategoryView[];
  /** Errors of the add form (name, position): sentences, or keys of the catalogue. */
  errors?: FieldErrors;
  values?: { name?: string; position?: string };
  /** The category whose delete is being confirmed (the no-JavaScript confirmation step). */
  confirmDelete?: CategoryView;
}

const categoryPath = (c: CategoryView) => `/dashboard/categories/${encodeURIComponent(c.id)}`;

/** Up and down, each a POST form of its own, so reordering needs no JavaScript. */
function MoveButtons({ ctx, category, first, last }: { ctx: PageContext; category: CategoryView; first: boolean; last: boolean }) {
  const t = useT();
  const move = (direction: 'up' | 'down', disabled: boolean) => (
    <PostForm ctx={ctx} action={`${categoryPath(category)}/move`} class="move-form">
      <input type="hidden" name="direction" value={direction} />
      <button
        type="submit"
        class="btn btn-secondary btn-icon"
        disabled={disabled}
        aria-label={t(direction === 'up' ? 'catalog.categories.upNamed' : 'catalog.categories.downNamed', { name: category.name })}
        title={t(direction === 'up' ? 'catalog.categories.up' : 'catalog.categories.down')}
      >
        <span aria-hidden="true">{direction === 'up' ? '↑' : '↓'}</span>
      </button>
    </PostForm>
  );
  return (
    <div class="move-buttons">
      {move('up', first)}
      {move('down', last)}
    </div>
  );
}

/** The confirmation step of a delete, for browsers without JavaScript (and any link to it). */
function ConfirmDeletePanel({ ctx, category }: { ctx: PageContext; category: CategoryView }) {
  const t = useT();
  return (
    <section class="panel danger-zone confirm-panel" aria-labelledby="confirm-delete-title">
      <h2 id="confirm-delete-title">{t('catalog.categories.confirmTitle', { name: category.name })}</h2>
      <p>{t('catalog.categories.confirmText')}</p>
      <PostForm ctx={ctx} action={`${categoryPath(category)}/delete`} class="confirm-actions">
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" class="btn btn-danger">
          {t('catalog.categories.confirmYes')}
        </button>
        <a class="btn btn-secondary" href={withBase(ctx.basePath, '/dashboard/categories')}>
          {t('catalog.categories.cancel')}
        </a>
      </PostForm>
    </section>
  );
}

/** Categories: rename, move up or down, delete (after a confirmation) each; add a new one. */
export function CategoriesPage({ ctx, categories, errors = {}, values = {}, confirmDelete }: CategoriesPageProps) {
  const t = useT();
  const m = useIslandMessages(confirmDeleteKeys);
  const shown = localErrors(t, errors);
  return (
    <DashboardLayout ctx={ctx} title={t('catalog.categories.title')} section="categories">
      {confirmDelete && <ConfirmDeletePanel ctx={ctx} category={confirmDelete} />}
      <p class="lead">{t('catalog.categories.lead')}</p>
      {categories.length === 0 ? (
        <p class="empty">{t('catalog.categories.empty')}</p>
      ) : (
        <ol class="category-rows">
          {categories.map((c, i) => {
            const id = `cat-${c.id}`;
            return (
              <li class="category-row" id={id}>
                <MoveButtons ctx={ctx} category={c} first={i === 0} last={i === categories.length - 1} />
                <PostForm ctx={ctx} action={categoryPath(c)} class="inline-form">
                  <label for={`${id}-name`} class="sr-only">
                    {t('catalog.categories.nameOf', { name: c.name })}
                  </label>
                  <input id={`${id}-name`} name="name" value={c.name} required maxLength={60} />
                  <button type="submit" class="btn btn-secondary" aria-label={t('catalog.categories.saveNamed', { name: c.name })}>
                    {t('catalog.categories.save')}
                  </button>
                </PostForm>
                <Island
                  name="confirm-delete"
                  props={{
                    href: withBase(ctx.basePath, `${categoryPath(c)}/delete`),
                    action: withBase(ctx.basePath, `${categoryPath(c)}/delete`),
                    crumb: ctx.csrfToken,
                    name: c.name,
                    id: `${id}-confirm`,
                    m,
                  }}
                />
              </li>
            );
          })}
        </ol>
      )}
      <section class="panel">
        <h2>{t('catalog.categories.add')}</h2>
        <ErrorSummary form="category" errors={shown} labels={{ name: t('catalog.categories.name') }} />
        <PostForm ctx={ctx} action="/dashboard/categories" class="inline-form category-add">
          <Field form="category" name="name" label={t('catalog.categories.name')} value={values.name} error={shown['name']} required maxLength={60} hint={t('catalog.categories.addHint')} />
          <button type="submit" class="btn btn-primary">
            {t('catalog.categories.addButton')}
          </button>
        </PostForm>
      </section>
    </DashboardLayout>
  );
}
