import { useIslandMessages } from '../i18n/context.js';
import { cartBarKeys, type CartBarProps } from '../islands/cart-bar.js';
import type { CartLineView, CartSummary, PageContext, StoreView } from '../types.js';

/** The cart island's props on a store or product page: the cookie cart, its lines and the bar's texts. */
export function useCartIslandProps(ctx: Pick<PageContext, 'basePath'>, store: Pick<StoreView, 'slug' | 'currency'>, cart: CartSummary | undefined, lines: CartLineView[]): CartBarProps {
  const m = useIslandMessages(cartBarKeys);
  return { mode: 'bar', basePath: ctx.basePath, slug: store.slug, currency: store.currency, initial: cart ?? { count: 0, subtotal: 0 }, ...(lines.length > 0 ? { lines } : {}), m };
}
