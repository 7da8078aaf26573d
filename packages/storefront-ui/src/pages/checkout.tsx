import { Island } from '../components/island.js';
import { StoreLayout } from '../components/layouts.js';
import type { CouponTerms } from '@dukaan-kit/core/pricing';
import { storePricingRules } from '../cart-pricing.js';
import type { CatalogEntry, CheckoutValues, QuantityCut } from '../islands/checkout.js';
import type { CheckoutKey } from '../islands/checkout-text.js';
import { en as checkoutTexts } from '../i18n/messages/checkout.js';
import { useIslandMessages, useT } from '../i18n/context.js';
import type { CartLineView, FieldErrors, PageContext, StoreProductView, StoreView } from '../types.js';

/** Props of the 'checkout' page (`/{slug}/checkout`). */
export interface CheckoutPageProps {
  ctx: PageContext;
  store: StoreView;
  /** The server-side (cookie) cart, priced with current products. */
  lines: CartLineView[];
  /** Cookie cart lines whose quantity was cut to the stock left, by variant id: said on the line. */
  cuts?: Record<string, QuantityCut>;
  /** Names of cookie cart lines dropped as sold out: said above the cart. */
  dropped?: string[];
  /** The store's products, so the browser cart is re-priced and sold-out items dropped; omit to trust the browser's snapshot. */
  products?: StoreProductView[];
  /**
   * Sent as a hidden field by the no-JS form; a fresh value per page view. The form also sends
   * `item` (`<productId>:<variantId>:<quantity>`, one per line shown) and `expectedTotal` (the total shown).
   */
  idempotencyKey: string;
  /**
   * Field -> message (name, phone, email, address, house, street, landmark, city, state, pincode,
   * note, paymentMethod, deliveryMethod, couponCode) after a failed no-JS submit.
   */
  errors?: FieldErrors;
  values?: Partial<CheckoutValues>;
  /** A message for the whole form, e.g. an out-of-stock 409. */
  formError?: string | null;
  /** The coupon applied to this page (a no-JS Apply, or kept across a re-render); null or absent for none. */
  coupon?: CouponTerms | null;
  /**
   * The names of India's 36 states and union territories (core's `indianStates`), for the state
   * list of an INR store's address; absent or empty: one free-form address field.
   */
  indianStates?: string[];
}

/** Variants that can be bought now, keyed by variant id, as compact as the island needs. */
function catalogOf(products: StoreProductView[]): Record<string, CatalogEntry> {
  const out: Record<string, CatalogEntry> = {};
  for (const p of products) {
    for (const v of p.variants) {
      if (!v.inStock) continue;
      const image = (v.image !== null ? p.images[v.image] : undefined) ?? p.images[0] ?? null;
      out[v.id] = { productId: p.id, name: p.name, options: v.options, price: v.price, image, maxQuantity: v.stock, taxRate: p.taxRate };
    }
  }
  return out;
}

/**
 * The cart and the order form; works as plain forms, and the cart island places the order
 * through the API. Without JavaScript a quantity changes only through its Update form, which
 * re-renders this page, so Place order always posts the lines and total on screen.
 */
/** The island's texts: every checkout key but the page's own. */
const islandKeys = (Object.keys(checkoutTexts) as Array<keyof typeof checkoutTexts>).filter((k): k is CheckoutKey => !k.startsWith('checkout.page.'));

export function CheckoutPage({ ctx, store, lines, cuts, dropped, products, idempotencyKey, errors, values, formError, coupon, indianStates }: CheckoutPageProps) {
  const t = useT();
  const m = useIslandMessages(islandKeys);
  // Indian addresses are asked in parts in rupee stores, as core validates them there.
  const india = store.currency === 'INR' && indianStates && indianStates.length > 0 ? { states: indianStates, storeState: store.state } : null;
  return (
    <StoreLayout ctx={ctx} store={store} meta={{ title: t('checkout.page.metaTitle', { store: store.name }), robots: 'noindex' }}>
      <h1>{t('checkout.page.title')}</h1>
      <Island
        name="checkout"
        props={{
          mode: 'checkout',
          m,
          basePath: ctx.basePath,
          slug: store.slug,
          storeName: store.name,
          csrfToken: ctx.csrfToken,
          idempotencyKey,
          currency: store.currency,
          paymentMethods: store.paymentMethods.length > 0 ? store.paymentMethods : ['cod'],
          deliveryMethods: store.deliveryMethods.length > 0 ? store.deliveryMethods : ['delivery'],
          pickupAddress: store.pickupAddress,
          rules: storePricingRules(store),
          india,
          coupon: coupon ?? null,
          isOpen: store.isOpen,
          lines,
          cuts: cuts ?? {},
          dropped: dropped ?? [],
          catalog: products ? catalogOf(products) : null,
          errors: errors ?? {},
          values: values ?? {},
          formError: formError ?? null,
        }}
      />
    </StoreLayout>
  );
}
