import { formatMoney } from '@dukaan-kit/core/pricing';
import type { StoreView } from '../types.js';

/** The answer to "do you deliver to my pincode?": serviceable null when the pincode was not one. */
export interface PincodeAnswer {
  pincode: string;
  serviceable: boolean | null;
  message: string;
}

/** The store's delivery terms in one line: fee, free-delivery threshold, minimum order, pickup. */
export function deliveryTerms(store: Pick<StoreView, 'currency' | 'deliveryFee' | 'freeDeliveryAbove' | 'minOrderValue' | 'deliveryMethods' | 'pickupAddress'>): string {
  const money = (n: number) => formatMoney(n, store.currency);
  const parts: string[] = [];
  if (store.deliveryMethods.includes('delivery')) {
    if (store.deliveryFee === 0) parts.push('Free delivery.');
    else if (store.freeDeliveryAbove !== null) parts.push(`Delivery ${money(store.deliveryFee)}, free on orders of ${money(store.freeDeliveryAbove)} or more.`);
    else parts.push(`Delivery ${money(store.deliveryFee)}.`);
  }
  if (store.deliveryMethods.includes('pickup')) parts.push(store.pickupAddress.trim() ? `Pickup from ${store.pickupAddress.trim()}.` : 'Pickup from the shop.');
  if (store.minOrderValue > 0) parts.push(`Minimum order ${money(store.minOrderValue)}.`);
  return parts.join(' ');
}

/**
 * The delivery terms and, for a store that delivers in India, a pincode check: a GET form to the
 * store page (`?pincode=`), which comes back with the answer, so it needs no JavaScript.
 */
export function DeliveryCheck({ store, action, answer }: { store: StoreView; action: string; answer: PincodeAnswer | null }) {
  const terms = deliveryTerms(store);
  const checks = store.currency === 'INR' && store.deliveryMethods.includes('delivery');
  if (!terms && !checks) return null;
  const answerId = 'pincode-check-answer';
  return (
    <section class="delivery-check" aria-label="Delivery">
      {terms && <p class="delivery-terms">{terms}</p>}
      {checks && (
        <form class="pincode-form" method="get" action={action}>
          <label for="pincode-check">Check delivery to your pincode</label>
          <div class="pincode-row">
            <input
              id="pincode-check"
              name="pincode"
              value={answer?.pincode ?? ''}
              inputMode="numeric"
              pattern="[1-9][0-9]{5}"
              maxLength={6}
              autocomplete="postal-code"
              required
              aria-invalid={answer?.serviceable === null ? 'true' : undefined}
              aria-describedby={answer ? answerId : undefined}
            />
            <button type="submit" class="btn btn-secondary">
              Check
            </button>
          </div>
          {answer && (
            <p id={answerId} role="status" class={answer.serviceable ? 'pincode-yes' : answer.serviceable === null ? 'field-error' : 'pincode-no'}>
              {answer.message}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
