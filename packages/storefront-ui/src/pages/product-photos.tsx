import type { PublicImage } from '@dukaan-kit/core';
import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { Picture } from '../components/picture.js';
import { useT } from '../i18n/context.js';
import { photoFormats } from '../islands/photo-picker.js';
import { withBase } from '../url.js';
import type { FieldErrors, PageContext } from '../types.js';

/** One photo of the product: `key` names it in the forms, `picture` shows it. */
export interface PhotoView {
  key: string;
  picture: PublicImage;
}

/** Props of the 'product-photos' page (`/dashboard/products/{id}/photos`). */
export interface ProductPhotosPageProps {
  ctx: PageContext;
  product: { id: string; name: string };
  /** In the product's order; the first is the cover. */
  photos: PhotoView[];
  /** The most photos a product may have. */
  maxPhotos: number;
  /** `files` after a refused upload; `form` for anything else. */
  errors?: FieldErrors;
}

/** One photo's buttons: each a plain form post, so it all works without JavaScript. */
function PhotoActions({ ctx, base, photo, index, count }: { ctx: PageContext; base: string; photo: PhotoView; index: number; count: number }) {
  const t = useT();
  const n = index + 1;
  const moves: Array<[string, string, string, boolean]> = [
    ['cover', t('catalog.photos.makeCover'), t('catalog.photos.makeCoverN', { n }), index > 0],
    ['earlier', t('catalog.photos.earlier'), t('catalog.photos.earlierN', { n }), index > 0],
    ['later', t('catalog.photos.later'), t('catalog.photos.laterN', { n }), index < count - 1],
  ];
  const shown = moves.filter(([, , , show]) => show);
  return (
    <div class="photo-actions">
      {shown.length > 0 && (
        <PostForm ctx={ctx} action={`${base}/arrange`}>
          <input type="hidden" name="key" value={photo.key} />
          {shown.map(([move, text, label]) => (
            <button type="submit" name="move" value={move} class="btn btn-secondary" aria-label={label}>
              {text}
            </button>
          ))}
        </PostForm>
      )}
      <PostForm ctx={ctx} action={`${base}/delete`}>
        <input type="hidden" name="key" value={photo.key} />
        <button type="submit" class="btn btn-danger-outline" aria-label={t('catalog.photos.deleteN', { n })}>
          {t('catalog.categories.delete')}
        </button>
      </PostForm>
    </div>
  );
}

/**
 * A product's photos: upload several at once, choose the cover, put them in order, delete. Every
 * action is a form post answered by a redirect back here, so it works without JavaScript.
 */
export function ProductPhotosPage({ ctx, product, photos, maxPhotos, errors = {} }: ProductPhotosPageProps) {
  const t = useT();
  const base = `/dashboard/products/${encodeURIComponent(product.id)}/photos`;
  const room = maxPhotos - photos.length;
  const f = 'photos';
  const labels = { files: t('catalog.photos.add') };
  return (
    <DashboardLayout ctx={ctx} title={t('catalog.photos.title', { name: product.name })} section="products">
      <p>
        <a href={withBase(ctx.basePath, `/dashboard/products/${encodeURIComponent(product.id)}`)}>{t('catalog.photos.back', { name: product.name })}</a>
      </p>
      <ErrorSummary form={f} errors={errors} labels={labels} />
      {room > 0 ? (
        <PostForm ctx={ctx} action={base} multipart class="panel form-grid">
          <Field
            form={f}
            name="files"
            label={labels.files}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            required
            error={errors['files']}
            hint={t('catalog.photos.hint', { room, formats: photoFormats })}
            class="span-2"
          />
          <div class="form-actions span-2">
            <button type="submit" class="btn btn-primary">
              {t('catalog.photos.upload')}
            </button>
          </div>
        </PostForm>
      ) : (
        <p class="panel">{t('catalog.photos.full', { max: maxPhotos })}</p>
      )}
      <section class="panel" aria-labelledby="photos-title">
        <h2 id="photos-title">{t('catalog.photos.count', { count: photos.length, max: maxPhotos })}</h2>
        {photos.length === 0 ? (
          <p>{t('catalog.photos.none')}</p>
        ) : (
          <ol class="pictures photo-list">
            {photos.map((photo, index) => (
              <li data-key={photo.key}>
                <Picture image={photo.picture} alt={t('catalog.product.pictureAlt', { name: product.name, n: index + 1 })} sizes="120px" fallbackSize={120} eager={index < 4} />
                {index === 0 && <span class="tag">{t('catalog.product.cover')}</span>}
                <PhotoActions ctx={ctx} base={base} photo={photo} index={index} count={photos.length} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </DashboardLayout>
  );
}
