import { useEffect, useState } from 'preact/hooks';
import { summariseLines } from '../cart-pricing.js';
import { displayMoney } from '../components/display-money.js';
import type { IslandMessages } from '../i18n/context.js';
import { islandT } from '../i18n/island-t.js';
import { withBase } from '../url.js';
import type { CartLineView, CartSummary } from '../types.js';
import { addLine, readCart, writeCart, cartKey, setLineQuantity, type StoredLine } from './cart-storage.js';
import { cardsAddedEvent, syncCart } from './cart-sync.js';

/** The texts of the cart bar and of the buying controls it keeps up to date. */
export const cartBarKeys = ['store.cartItems', 'store.checkout', 'store.inCart', 'store.added', 'store.nowInCart', 'store.removed'] as const;

/** Props of the cart island on the store and product pages. */
export interface CartBarProps {
  mode: 'bar';
  basePath: string;
  slug: string;
  currency: string;
  /** The server-side (cookie) cart, shown until the browser cart is read. */
  initial: CartSummary;
  /** The cookie cart's lines, when it has any: adopted into an empty browser cart (as checkout does). */
  lines?: CartLineView[];
  m: IslandMessages<(typeof cartBarKeys)[number]>;
}

/** The option values a form carries as JSON in data-options; `{}` when none or unreadable. */
function optionsOf(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

/** Reads a variant's line from an add-to-cart form the server rendered (data-* attributes carry the price snapshot). */
function lineFromForm(form: HTMLFormElement): { line: Omit<StoredLine, 'quantity'>; quantity: number } | null {
  const data = new FormData(form);
  const productId = String(data.get('productId') ?? '');
  const variantId = String(data.get('variantId') ?? '') || productId;
  const price = Number(form.dataset.price);
  if (!productId || !Number.isFinite(price)) return null;
  const max = form.dataset.max;
  return {
    line: { productId, variantId, name: form.dataset.name ?? '', options: optionsOf(form.dataset.options), price, image: form.dataset.image || null, maxQuantity: max ? Number(max) : null },
    quantity: Math.max(1, parseInt(String(data.get('quantity') ?? '1'), 10) || 1),
  };
}

/** What one add or stepper press did to the cart, or null when the form is not one of ours. */
function applyForm(form: HTMLFormElement, submitter: HTMLElement | null, lines: StoredLine[]): { next: StoredLine[]; name: string; variantId: string } | null {
  if (form.matches('form[data-cart-add]')) {
    const parsed = lineFromForm(form);
    if (!parsed) return null;
    return { next: addLine(lines, parsed.line, parsed.quantity), name: parsed.line.name, variantId: parsed.line.variantId };
  }
  if (!form.matches('form[data-cart-step]')) return null;
  const variantId = String(new FormData(form).get('variantId') ?? '');
  const step = Number(submitter?.dataset.step);
  const add = form.closest('[data-cart-item]')?.querySelector<HTMLFormElement>('form[data-cart-add]');
  const parsed = add ? lineFromForm(add) : null;
  if (!variantId || (step !== 1 && step !== -1) || !parsed) return null;
  const line = lines.find((l) => l.variantId === variantId);
  // A line the browser cart lacks (the page showed the cookie cart's count) starts from what the page showed.
  const shown = Number(form.closest<HTMLElement>('[data-cart-item]')?.querySelector('[data-cart-count]')?.textContent) || 0;
  const current = line?.quantity ?? shown;
  const next = line ? setLineQuantity(lines, variantId, current + step) : current + step > 0 ? addLine(lines, parsed.line, current + step) : lines;
  return { next, name: parsed.line.name, variantId };
}

/**
 * The sticky cart summary. It takes over the page's "Add to cart" forms and −/+ steppers, so
 * buying needs no page load, and keeps every card's count and "In cart" badge showing the
 * browser cart (also across tabs). Without JavaScript the same forms post to the cookie cart.
 */
export function CartBar({ basePath, slug, currency, initial, lines: cookieLines, m }: CartBarProps) {
  const t = islandT(m);
  const [summary, setSummary] = useState<CartSummary>(initial);
  const [announce, setAnnounce] = useState('');

  useEffect(() => {
    const inCart = (count: number) => t('store.inCart', { count });
    const show = (lines: StoredLine[]) => {
      setSummary(summariseLines(lines));
      syncCart(lines, inCart);
    };
    let stored = readCart(slug);
    // The browser cart wins once JavaScript runs; an empty one takes over the cookie cart's lines.
    if (stored.length === 0 && cookieLines && cookieLines.length > 0) {
      stored = cookieLines;
      writeCart(slug, stored);
    }
    if (stored.length > 0) show(stored);
    const onSubmit = (e: SubmitEvent) => {
      const form = e.target as HTMLFormElement;
      // Re-read: another tab may have changed the cart since.
      const done = applyForm(form, e.submitter as HTMLElement | null, readCart(slug));
      if (!done) return;
      e.preventDefault();
      writeCart(slug, done.next);
      show(done.next);
      const n = done.next.find((l) => l.variantId === done.variantId)?.quantity ?? 0;
      setAnnounce(n === 0 ? t('store.removed', { name: done.name }) : form.matches('[data-cart-add]') ? t('store.added', { name: done.name }) : t('store.nowInCart', { name: done.name, count: n }));
      // The pressed button may have just been hidden (add ↔ stepper): keep the keyboard where it was.
      const item = form.closest('[data-cart-item]');
      const active = document.activeElement;
      if (item && (!active || active === document.body || (active instanceof HTMLElement && active.closest('form[hidden]')))) {
        item.querySelector<HTMLButtonElement>(n === 0 ? 'form[data-cart-add] button' : 'button[data-step="1"]:not([disabled]), button[data-step="-1"]')?.focus();
      }
    };
    const onStorage = (e: StorageEvent) => {
      if (e.key === cartKey(slug)) show(readCart(slug));
    };
    const onCards = () => syncCart(readCart(slug), inCart);
    document.addEventListener('submit', onSubmit);
    document.addEventListener(cardsAddedEvent, onCards);
    window.addEventListener('storage', onStorage);
    return () => {
      document.removeEventListener('submit', onSubmit);
      document.removeEventListener(cardsAddedEvent, onCards);
      window.removeEventListener('storage', onStorage);
    };
  }, [slug]);

  return (
    <div class="cart-bar-wrap">
      <p class="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      <a class="cart-bar" href={withBase(basePath, `/${slug}/checkout`)} hidden={summary.count === 0}>
        <span class="cart-bar-count">
          <span class="cart-count">{summary.count}</span> {t('store.cartItems', { count: summary.count })}
        </span>
        <span class="cart-bar-total">{displayMoney(summary.subtotal, currency)}</span>
        <span class="cart-bar-cta">
          {t('store.checkout')} <span aria-hidden="true">→</span>
        </span>
      </a>
    </div>
  );
}
