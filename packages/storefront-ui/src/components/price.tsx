import { discountPercent, formatMoney } from '@dukaan-kit/core/pricing';
import type { MessageValues } from '@dukaan-kit/core/i18n';
import { displayMoney } from './display-money.js';

/** The texts a price needs: the page's `useT()` or an island's `islandT(m)` (this component runs in both). */
export type PriceT = (key: 'store.priceFrom' | 'store.mrp' | 'store.percentOff', values?: MessageValues) => string;

/** English, for a page that passes no translator (the dashboard's product list until it does). */
const english: PriceT = (key, values) => (key === 'store.priceFrom' ? 'from' : key === 'store.mrp' ? 'MRP' : `${String(values?.['percent'])}% off`);

/** The keys an island passes in its messages for a price. */
export const priceKeys = ['store.priceFrom', 'store.mrp', 'store.percentOff'] as const;

/**
 * The price, and when there is a higher MRP, the MRP struck through with the percent off.
 * `from`: the variants cost different amounts and this is the lowest ("from ₹249").
 * `short`: paise only when there are some ("₹199", "₹199.50"), as the store and product pages show.
 */
export function Price({
  price,
  compareAtPrice,
  currency,
  from = false,
  short = false,
  t = english,
}: {
  price: number;
  compareAtPrice: number | null;
  currency: string;
  from?: boolean;
  short?: boolean;
  t?: PriceT;
}) {
  const off = discountPercent(price, compareAtPrice);
  const money = short ? displayMoney : formatMoney;
  return (
    <p class="price">
      {from && <span class="price-from">{t('store.priceFrom')} </span>}
      <span class="price-now">{money(price, currency)}</span>
      {off > 0 && compareAtPrice !== null && (
        <>
          {' '}
          <s class="price-mrp">
            <span class="sr-only">{t('store.mrp')} </span>
            {money(compareAtPrice, currency)}
          </s>{' '}
          <span class="price-off">{t('store.percentOff', { percent: off })}</span>
        </>
      )}
    </p>
  );
}
