import { formatMoney } from '@dukaan-kit/core/pricing';
import { useEffect, useState } from 'preact/hooks';
import { summariseLines } from '../cart-pricing.js';
import { withBase } from '../url.js';
import type { CartSummary } from '../types.js';
import { addLine, readCart, writeCart, cartKey, type StoredLine } from './cart-storage.js';

/** Props of the cart island on the store and product pages. */
export interface CartBarProps {
  mode: 'bar';
  basePath: string;
  slug: string;
  currency: string;
  /** The server-side (cookie) cart, shown until the browser cart is read. */
  initial: CartSummary;
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

/** Sticky cart summary; takes over the page's "Add to cart" forms so adding needs no page load. */
export function CartBar({ basePath, slug, currency, initial }: CartBarProps) {
  const [summary, setSummary] = useState<CartSummary>(initial);
  const [announce, setAnnounce] = useState('');

  useEffect(() => {
    const stored = readCart(slug);
    if (stored.length > 0) setSummary(summariseLines(stored));
    const onSubmit = (e: SubmitEvent) => {
      const form = e.target as HTMLFormElement;
      if (!form.matches('form[data-cart-add]')) return;
      const parsed = lineFromForm(form);
      if (!parsed) return;
      e.preventDefault();
      // Re-read: another tab may have changed the cart since.
      const next = addLine(readCart(slug), parsed.line, parsed.quantity);
      writeCart(slug, next);
      setSummary(summariseLines(next));
      setAnnounce(`Added ${parsed.line.name} to your cart`);
      const button = form.querySelector('button');
      if (button) {
        button.classList.add('is-added');
        setTimeout(() => button.classList.remove('is-added'), 1500);
      }
    };
    const onStorage = (e: StorageEvent) => {
      if (e.key === cartKey(slug)) setSummary(summariseLines(readCart(slug)));
    };
    document.addEventListener('submit', onSubmit);
    window.addEventListener('storage', onStorage);
    return () => {
      document.removeEventListener('submit', onSubmit);
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
          <span class="cart-count">{summary.count}</span> {summary.count === 1 ? 'item' : 'items'}
        </span>
        <span class="cart-bar-total">{formatMoney(summary.subtotal, currency)}</span>
        <span class="cart-bar-cta">Checkout →</span>
      </a>
    </div>
  );
}
