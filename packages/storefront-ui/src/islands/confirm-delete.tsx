import { useRef } from 'preact/hooks';
import type { IslandMessages } from '../i18n/context.js';
import { islandT } from '../i18n/island-t.js';

type Keys = 'catalog.categories.delete' | 'catalog.categories.deleteNamed' | 'catalog.categories.confirmTitle' | 'catalog.categories.confirmText' | 'catalog.categories.confirmYes' | 'catalog.categories.cancel';

/** Props of the confirm-delete island; `href` and `action` already carry the mount path. */
export interface ConfirmDeleteProps {
  /** The confirmation page (GET): where the link leads without JavaScript. */
  href: string;
  /** Where the confirmed delete is posted. */
  action: string;
  crumb: string | null;
  /** What is deleted, as the vendor named it. */
  name: string;
  /** The dialog's id, unique on the page. */
  id: string;
  m: IslandMessages<Keys>;
}

export const confirmDeleteKeys: readonly Keys[] = ['catalog.categories.delete', 'catalog.categories.deleteNamed', 'catalog.categories.confirmTitle', 'catalog.categories.confirmText', 'catalog.categories.confirmYes', 'catalog.categories.cancel'];

/**
 * A Delete link that asks first: without JavaScript it opens the confirmation page, with it a
 * modal <dialog> holding the same POST form, so one tap never deletes.
 */
export function ConfirmDelete({ href, action, crumb, name, id, m }: ConfirmDeleteProps) {
  const t = islandT(m);
  const dialog = useRef<HTMLDialogElement>(null);
  const open = (event: MouseEvent) => {
    if (!dialog.current || typeof dialog.current.showModal !== 'function') return; // the page still asks
    event.preventDefault();
    dialog.current.showModal();
  };
  return (
    <>
      <a class="btn btn-danger-outline" href={href} onClick={open} aria-label={t('catalog.categories.deleteNamed', { name })}>
        {t('catalog.categories.delete')}
      </a>
      <dialog ref={dialog} class="confirm-dialog" id={id} aria-labelledby={`${id}-title`}>
        <form method="post" action={action}>
          {crumb !== null && <input type="hidden" name="crumb" value={crumb} />}
          <input type="hidden" name="confirm" value="yes" />
          <h2 id={`${id}-title`}>{t('catalog.categories.confirmTitle', { name })}</h2>
          <p>{t('catalog.categories.confirmText')}</p>
          <div class="confirm-actions">
            <button type="submit" class="btn btn-danger">
              {t('catalog.categories.confirmYes')}
            </button>
            <button type="button" class="btn btn-secondary" onClick={() => dialog.current?.close()}>
              {t('catalog.categories.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
