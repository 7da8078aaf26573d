// The browser entry: hydrates every island the server rendered. Pages without
// islands never load this file. Each island is its own chunk (esbuild code
// splitting), imported only when the page has it: a store page never
// downloads the dashboard's islands.
import { h, hydrate, type FunctionComponent } from 'preact';
import type { IslandName, IslandProps } from './islands/registry.js';

type Loaders = { [N in IslandName]: () => Promise<FunctionComponent<IslandProps[N]>> };

// Typed against the registry: a missing or unknown island name is a compile error.
const loaders: Loaders = {
  cart: () => import('./islands/cart.js').then((m) => m.CartIsland),
  checkout: () => import('./islands/checkout.js').then((m) => m.Checkout),
  'confirm-stop': () => import('./islands/confirm-stop.js').then((m) => m.ConfirmStop),
  'confirm-delete': () => import('./islands/confirm-delete.js').then((m) => m.ConfirmDelete),
  'photo-picker': () => import('./islands/photo-picker.js').then((m) => m.PhotoPicker),
  'copy-link': () => import('./islands/copy-link.js').then((m) => m.CopyLink),
  'gallery-nav': () => import('./islands/gallery-nav.js').then((m) => m.GalleryNav),
  share: () => import('./islands/share.js').then((m) => m.Share),
  'live-orders': () => import('./islands/live-orders.js').then((m) => m.LiveOrders),
  'load-more': () => import('./islands/load-more.js').then((m) => m.LoadMore),
  'product-import': () => import('./islands/product-import.js').then((m) => m.ProductImport),
  'variant-picker': () => import('./islands/variant-picker.js').then((m) => m.VariantPicker),
};

const isIslandName = (name: string | undefined): name is IslandName => name !== undefined && Object.prototype.hasOwnProperty.call(loaders, name);

/** Loads one island's chunk and hydrates it; failures are logged, never thrown (one broken island must not take the others down). */
async function hydrateIsland(script: HTMLScriptElement): Promise<void> {
  const name = script.dataset.island;
  const root = script.previousElementSibling;
  if (!isIslandName(name) || !(root instanceof HTMLElement) || root.dataset.islandRoot !== name) return;
  try {
    const Component = await loaders[name]();
    hydrate(h(Component as FunctionComponent, JSON.parse(script.textContent ?? '{}')), root);
  } catch (err) {
    // The server HTML still works without this island.
    console.error(`island ${name} failed to hydrate`, err);
  }
}

const scripts = document.querySelectorAll<HTMLScriptElement>('script[type="application/json"][data-island]');
// Every chunk loads in parallel; each island hydrates as soon as its own chunk arrives.
// The `js` class (CSS shows JS-only controls by it; tests wait for it) follows hydration.
void Promise.allSettled(Array.from(scripts, hydrateIsland)).then(() => {
  document.documentElement.classList.add('js');
});
