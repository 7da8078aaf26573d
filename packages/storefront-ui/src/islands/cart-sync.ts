// Keeps the server-rendered buying controls (components/buy-buttons.tsx) and the cards' "In cart"
// badges showing the browser cart. They are static HTML, not islands (a store page has up to 48
// cards; 48 islands would ship their props twice), so the cart island sets them by data-*.
import type { StoredLine } from './cart-storage.js';

/** Formats "In cart ({count})" in the page's language (the island's own translator). */
export type InCartText = (count: number) => string;

function counts(lines: ReadonlyArray<StoredLine>) {
  const byVariant = new Map<string, number>();
  const byProduct = new Map<string, number>();
  for (const l of lines) {
    byVariant.set(l.variantId, (byVariant.get(l.variantId) ?? 0) + l.quantity);
    byProduct.set(l.productId, (byProduct.get(l.productId) ?? 0) + l.quantity);
  }
  return { byVariant, byProduct };
}

/** Shows one variant's controls for `n` in the cart: "Add to cart" at 0, else the stepper with the count. */
export function showCount(item: HTMLElement, n: number, text: InCartText): void {
  const max = Number(item.dataset.max) || 99;
  const add = item.querySelector<HTMLFormElement>('form[data-cart-add]');
  const step = item.querySelector<HTMLFormElement>('form[data-cart-step]');
  if (add) add.hidden = n > 0;
  if (step) step.hidden = n === 0;
  const label = item.querySelector('[data-cart-label]');
  if (label) label.textContent = text(n);
  const count = item.querySelector('[data-cart-count]');
  if (count) count.textContent = String(n);
  const minus = item.querySelector<HTMLButtonElement>('button[data-step="-1"]');
  const plus = item.querySelector<HTMLButtonElement>('button[data-step="1"]');
  if (minus) minus.value = String(Math.max(0, n - 1));
  if (plus) {
    plus.value = String(Math.min(max, n + 1));
    plus.disabled = n >= max;
  }
}

/** Every buying control and badge in `root` (default: the page), set to the cart's counts. */
export function syncCart(lines: ReadonlyArray<StoredLine>, text: InCartText, root: ParentNode = document): void {
  const { byVariant, byProduct } = counts(lines);
  for (const item of root.querySelectorAll<HTMLElement>('[data-cart-item]')) showCount(item, byVariant.get(item.dataset.cartItem ?? '') ?? 0, text);
  for (const badge of root.querySelectorAll<HTMLElement>('[data-cart-badge]')) {
    const n = byProduct.get(badge.dataset.cartBadge ?? '') ?? 0;
    badge.hidden = n === 0;
    badge.textContent = text(n);
  }
}

/** Fired on the document when new cards arrive ("Load more") or a picker shows another variant. */
export const cardsAddedEvent = 'dukaan:cards';
