import { useT, type I18n } from '../i18n/context.js';
import type { StoreView } from '../types.js';
import { displayMoney } from './display-money.js';

/** The answer to "do you deliver to my pincode?": serviceable null when the pincode was not one. */
export interface PincodeAnswer {
  pincode: string;
  serviceable: boolean | null;
  /** Core's own words (English); the page shows its own text in the page's language. */
  message: string;
}

/**
 * The store's delivery terms, one short line each, in the page's language: the fee or free
 * delivery, the free-delivery threshold, the minimum order and pickup. What a shopper wants to
 * know before filling a cart (Dukaan and Shopify stores show it at the top).
 */
export function deliveryTerms(
  store: Pick<StoreView, 'currency' | 'deliveryFee' | 'freeDeliveryAbove' | 'minOrderValue' | 'deliveryMethods' | 'pickupAddress'>,
  t: I18n['t'],
): string[] {
  const money = (n: number) => displayMoney(n, store.currency);
  const terms: string[] = [];
  if (store.deliveryMethods.includes('delivery')) {
    if (store.deliveryFee === 0) terms.push(t('store.freeDelivery'));
    else {
      terms.push(t('store.deliveryFee', { fee: money(store.deliveryFee) }));
      if (store.freeDeliveryAbove !== null) terms.push(t('store.freeDeliveryAbove', { amount: money(store.freeDeliveryAbove) }));
    }
  }
  if (store.minOrderValue > 0) terms.push(t('store.minimumOrder', { amount: money(store.minOrderValue) }));
  if (store.deliveryMethods.includes('pickup')) terms.push(store.pickupAddress.trim() ? t('store.pickupFrom', { address: store.pickupAddress.trim() }) : t('store.pickupShop'));
  return terms;
}

function answerText(answer: PincodeAnswer, t: I18n['t']): string {
  if (answer.serviceable === null) return t('store.pincodeInvalid');
  return t(answer.serviceable ? 'store.pincodeYes' : 'store.pincodeNo', { pincode: answer.pincode });
}

/**
 * The delivery terms and, for a store that delivers in India, a pincode check: a GET form to the
 * store page (`?pincode=`), which comes back with the answer, so it needs no JavaScript.
 */
export function DeliveryCheck({ store, action, answer }: { store: StoreView; action: string; answer: PincodeAnswer | null }) {
  const t = useT();
  const terms = deliveryTerms(store, t);
  const checks = store.currency === 'INR' && store.deliveryMethods.includes('delivery');
  if (terms.length === 0 && !checks) return null;
  const answerId = 'pincode-check-answer';
  return (
    <section class="delivery-check" aria-label={t('store.deliveryLabel')}>
      {terms.length > 0 && (
        <ul class="delivery-terms">
          {terms.map((term) => (
            <li>{term}</li>
          ))}
        </ul>
      )}
      {checks && (
        <form class="pincode-form" method="get" action={action}>
          <label for="pincode-check">{t('store.pincodeLabel')}</label>
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
              {t('store.pincodeCheck')}
            </button>
          </div>
          {answer && (
            <p id={answerId} role="status" class={answer.serviceable ? 'pincode-yes' : answer.serviceable === null ? 'field-error' : 'pincode-no'}>
              {answerText(answer, t)}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
