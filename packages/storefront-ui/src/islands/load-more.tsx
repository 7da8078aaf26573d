import { useState } from 'preact/hooks';
import type { IslandMessages } from '../i18n/context.js';
import { islandT } from '../i18n/island-t.js';
import { cardsAddedEvent } from './cart-sync.js';

/** The texts the 'load-more' island shows. */
export const loadMoreKeys = ['store.loadMore', 'store.loading', 'store.allShown', 'store.loadFailed'] as const;

/** Props of the 'load-more' island under the store grid. */
export interface LoadMoreProps {
  /** The next page (`?page=N`): a plain link without JavaScript. */
  href: string;
  m: IslandMessages<(typeof loadMoreKeys)[number]>;
}

type State = { kind: 'idle' | 'loading' | 'error'; href: string } | { kind: 'done' };

/**
 * With JavaScript, the next page's cards are fetched (the same server-rendered page the link
 * opens) and appended to the grid, and the link moves on to the page after; without, the
 * link opens that page.
 */
export function LoadMore({ href, m }: LoadMoreProps) {
  const t = islandT(m);
  const [state, setState] = useState<State>({ kind: 'idle', href });

  const load = async (e: MouseEvent) => {
    if (state.kind === 'done' || state.kind === 'loading' || e.ctrlKey || e.metaKey || e.shiftKey) return;
    e.preventDefault();
    const from = state.href;
    setState({ kind: 'loading', href: from });
    try {
      const res = await fetch(from, { headers: { accept: 'text/html' }, credentials: 'same-origin' });
      if (!res.ok) throw new Error(String(res.status));
      const next = new DOMParser().parseFromString(await res.text(), 'text/html');
      const grid = document.querySelector('[data-product-grid]');
      const cards = next.querySelectorAll('[data-product-grid] > *');
      if (!grid) throw new Error('no grid');
      for (const card of cards) grid.appendChild(document.importNode(card, true));
      // The new cards were rendered without the browser cart: the cart island sets their counts.
      document.dispatchEvent(new Event(cardsAddedEvent));
      const after = next.querySelector<HTMLAnchorElement>('[data-island-root="load-more"] a[href]')?.getAttribute('href');
      setState(after ? { kind: 'idle', href: after } : { kind: 'done' });
      (grid.children[grid.children.length - cards.length] as HTMLElement | undefined)?.querySelector<HTMLElement>('a[href]')?.focus({ preventScroll: true });
    } catch {
      setState({ kind: 'error', href: from });
    }
  };

  if (state.kind === 'done') return <p class="pager-end">{t('store.allShown')}</p>;
  return (
    <>
      <a class="btn btn-secondary load-more" href={state.href} onClick={load} aria-busy={state.kind === 'loading' ? 'true' : undefined}>
        {state.kind === 'loading' ? t('store.loading') : t('store.loadMore')}
      </a>
      {state.kind === 'error' && (
        <p class="field-error" role="alert">
          {t('store.loadFailed')}
        </p>
      )}
    </>
  );
}
