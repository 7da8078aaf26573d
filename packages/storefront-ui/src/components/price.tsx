import { formatMoney } from '@dukaan-kit/core/pricing';

/** Whole percent saved against the MRP; 0 when there is no lower price. */
export function discountPercent(price: number, compareAtPrice: number | null): number {
  if (compareAtPrice === null || compareAtPrice <= price || compareAtPrice <= 0) return 0;
  return Math.round(((compareAtPrice - price) / compareAtPrice) * 100);
}

/** The price, and when there is a higher MRP, the MRP struck through with the percent off. */
export function Price({ price, compareAtPrice, currency }: { price: number; compareAtPrice: number | null; currency: string }) {
  const off = discountPercent(price, compareAtPrice);
  return (
    <p class="price">
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
