import { discountPercent, formatMoney } from '@dukaan-kit/core/pricing';

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
