import { useRef, useState } from 'preact/hooks';
import type { IslandMessages } from '../i18n/context.js';
import { islandT } from '../i18n/island-t.js';

export type PhotoPickerKeys =
  | 'catalog.photos.pick'
  | 'catalog.photos.pickMore'
  | 'catalog.photos.pickAgain'
  | 'catalog.photos.drop'
  | 'catalog.photos.chosen'
  | 'catalog.photos.tooLarge'
  | 'catalog.photos.notPicture'
  | 'catalog.photos.previewAlt'
  | 'catalog.optional';

export const photoPickerKeys: readonly PhotoPickerKeys[] = [
  'catalog.photos.pick',
  'catalog.photos.pickMore',
  'catalog.photos.pickAgain',
  'catalog.photos.drop',
  'catalog.photos.chosen',
  'catalog.photos.tooLarge',
  'catalog.photos.notPicture',
  'catalog.photos.previewAlt',
  'catalog.optional',
];

/** Props of the photo-picker island: a file field styled as a drop area, with previews once JavaScript runs. */
export interface PhotoPickerProps {
  /** The input's id (its form's prefix and name, like `product-images`). */
  id: string;
  name: string;
  label: string;
  hint: string;
  error?: string;
  accept: string;
  /** The largest file the server takes, in bytes (a larger one is flagged before posting). */
  maxBytes: number;
  /** Pictures already kept from an earlier post, so the call to action says "Add more". */
  hasKept?: boolean;
  m: IslandMessages<PhotoPickerKeys>;
}

interface Preview {
  url: string;
  name: string;
  size: string;
  problem: string | null;
}

/** The formats core takes, as vendors know them (named in messages as they are). */
export const photoFormats = 'JPEG, PNG, WebP';

const types = new Set(['image/jpeg', 'image/png', 'image/webp']);

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * The pictures field of the product form. The real file input covers the whole area (invisible),
 * so a tap opens the picker and a dropped file lands in it even without JavaScript; with it, the
 * chosen files show as thumbnails with their size, and a
 * file the server would refuse is flagged before the post.
 */
export function PhotoPicker({ id, name, label, hint, error, accept, maxBytes, hasKept = false, m }: PhotoPickerProps) {
  const t = islandT(m);
  const [previews, setPreviews] = useState<Preview[]>([]);
  const [over, setOver] = useState(false);
  // Which choice the previews belong to: a slow read of an earlier choice must not overwrite a newer one.
  const choice = useRef(0);
  const show = (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    const mine = ++choice.current;
    setPreviews(files.map((file) => ({ url: '', name: file.name, size: sizeText(file.size), problem: !types.has(file.type) ? t('catalog.photos.notPicture', { formats: photoFormats }) : file.size > maxBytes ? t('catalog.photos.tooLarge') : null })));
    // Data URLs, not object URLs: the pages' CSP allows `data:` images and no `blob:` ones.
    files.forEach((file, i) => {
      if (!types.has(file.type) || file.size > maxBytes) return;
      const reader = new FileReader();
      reader.onload = () => {
        if (choice.current !== mine || typeof reader.result !== 'string') return;
        const url = reader.result;
        setPreviews((list) => list.map((p, j) => (j === i ? { ...p, url } : p)));
      };
      reader.readAsDataURL(file);
    });
  };
  const described = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field photo-field${error ? ' has-error' : ''}${over ? ' is-over' : ''}`}>
      <label for={id}>
        {label}
        <span class="optional"> {t('catalog.optional')}</span>
      </label>
      <div class="drop-area">
        <svg class="drop-icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
          <path d="M4 7h3l2-2.5h6L17 7h3a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
          <circle cx="12" cy="13" r="3.6" fill="none" stroke="currentColor" stroke-width="1.6" />
        </svg>
        <span class="drop-call btn btn-secondary" aria-hidden="true">
          {/* A new choice replaces the files chosen so far (a file input holds one choice); kept pictures stay. */}
          {t(previews.length > 0 ? 'catalog.photos.pickAgain' : hasKept ? 'catalog.photos.pickMore' : 'catalog.photos.pick')}
        </span>
        <span class="drop-text" aria-hidden="true">
          {t('catalog.photos.drop')}
        </span>
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
        <input
          type="file"
          id={id}
          name={name}
          multiple
          accept={accept}
          class="drop-input"
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={described}
          onChange={(e) => show(e.currentTarget)}
          onDragEnter={() => setOver(true)}
          onDragLeave={() => setOver(false)}
          onDrop={() => setOver(false)}
        />
      </div>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <div role="status" aria-live="polite" class="photo-previews-status">
        {previews.length > 0 && t('catalog.photos.chosen', { count: previews.length })}
      </div>
      {previews.length > 0 && (
        <ul class="photo-previews">
          {previews.map((p, i) => (
            <li class={p.problem ? 'has-error' : undefined}>
              {p.url ? <img src={p.url} alt={t('catalog.photos.previewAlt', { n: i + 1, name: p.name })} width={96} height={96} /> : <span class="photo-blank" aria-hidden="true" />}
              <span class="photo-name">{p.name}</span>
              <span class="photo-size">{p.size}</span>
              {p.problem && <span class="field-error">{p.problem}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
