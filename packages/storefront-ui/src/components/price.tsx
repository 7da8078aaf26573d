import { discountPercent, formatMoney } from '@dukaan-kit/core/pricing';

/**
 * The price, and when there is a higher MRP, the MRP struck through with the percent off.
 * `from`: the variants cost different amounts and this is the lowest ("from ₹249").
 */
export function Price({ price, compareAtPrice, currency, from = false }: { price: number; compareAtPrice: number | null; currency: string; from?: boolean }) {
  const off = discountPercent(price, compareAtPrice);
  return (
    <p class="price">
      {from && <span class="price-from">from </span>}
      <span class="price-now">{formatMoney(price, currency)}</span>
      {off > 0 && compareAtPrice !== null && (
        <>
          {' '}
          <s class="price-mrp">
            <span class="sr-only">MRP </span>
            {formatMoney(compareAtPrice, currency)}
          </s>{' '}
          <span class="price-off">{off}% off</span>
        </>
      )}
    </p>
  );
}
