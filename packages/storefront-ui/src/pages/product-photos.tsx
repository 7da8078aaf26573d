import type { PublicImage } from '@dukaan-kit/core';
import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { Picture } from '../components/picture.js';
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

const labels: Record<string, string> = { files: 'Add photos' };

/** One photo's buttons: each a plain form post, so it all works without JavaScript. */
function PhotoActions({ ctx, base, photo, index, count }: { ctx: PageContext; base: string; photo: PhotoView; index: number; count: number }) {
  const n = index + 1;
  const moves: Array<[string, string, boolean]> = [
    ['cover', 'Make cover', index > 0],
    ['earlier', 'Move earlier', index > 0],
    ['later', 'Move later', index < count - 1],
  ];
  const shown = moves.filter(([, , show]) => show);
  return (
    <div class="photo-actions">
      {shown.length > 0 && (
        <PostForm ctx={ctx} action={`${base}/arrange`}>
          <input type="hidden" name="key" value={photo.key} />
          {shown.map(([move, text]) => (
            <button type="submit" name="move" value={move} class="btn btn-small btn-secondary">
              {text}
              <span class="sr-only"> (photo {n})</span>
            </button>
          ))}
        </PostForm>
      )}
      <PostForm ctx={ctx} action={`${base}/delete`}>
        <input type="hidden" name="key" value={photo.key} />
        <button type="submit" class="btn btn-small btn-danger-outline">
          Delete<span class="sr-only"> photo {n}</span>
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
  const base = `/dashboard/products/${encodeURIComponent(product.id)}/photos`;
  const room = maxPhotos - photos.length;
  const f = 'photos';
  return (
    <DashboardLayout ctx={ctx} title={`Photos of ${product.name}`} section="products">
      <p>
        <a href={withBase(ctx.basePath, `/dashboard/products/${encodeURIComponent(product.id)}`)}>← Back to {product.name}</a>
      </p>
      <ErrorSummary form={f} errors={errors} labels={labels} />
      {room > 0 ? (
        <PostForm ctx={ctx} action={base} multipart class="panel form-grid">
          <Field
            form={f}
            name="files"
            label={labels['files'] ?? 'Add photos'}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            required
            error={errors['files']}
            hint={`Choose up to ${room} at once: JPEG, PNG or WebP, up to 5 MB each. Photos are turned upright and resized, and their hidden location data removed.`}
            class="span-2"
          />
          <div class="form-actions span-2">
            <button type="submit" class="btn btn-primary">
              Upload photos
            </button>
          </div>
        </PostForm>
      ) : (
        <p class="panel">This product has {maxPhotos} photos, the most it can have. Delete one to add another.</p>
      )}
      <section class="panel" aria-labelledby="photos-title">
        <h2 id="photos-title">
          Photos ({photos.length} of {maxPhotos})
        </h2>
        {photos.length === 0 ? (
          <p>No photos yet. The first one you add is the cover customers see in the store.</p>
        ) : (
          <ol class="pictures photo-list">
            {photos.map((photo, index) => (
              <li data-key={photo.key}>
                <Picture image={photo.picture} alt={`${product.name}, photo ${index + 1}`} sizes="120px" fallbackSize={120} eager={index < 4} />
                {index === 0 && <span class="tag">Cover</span>}
                <PhotoActions ctx={ctx} base={base} photo={photo} index={index} count={photos.length} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </DashboardLayout>
  );
}
