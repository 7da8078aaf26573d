import type { CouponOffer } from '@dukaan-kit/core';
import { formatMoney } from '../money.js';

/** The discount in words: "10% off, up to ₹100.00" or "₹50.00 off". */
export function discountText(offer: Pick<CouponOffer, 'type' | 'value' | 'maxDiscount'>, currency: string): string {
  if (offer.type === 'flat') return `${formatMoney(offer.value, currency)} off`;
  return offer.maxDiscount === null ? `${offer.value}% off` : `${offer.value}% off, up to ${formatMoney(offer.maxDiscount, currency)}`;
}

/** The conditions in words: "on items worth ₹500.00 or more · first order only · until 3 Dec". */
export function offerConditions(offer: CouponOffer, currency: string, timeZone: string): string[] {
  const conditions: string[] = [];
  if (offer.minOrderValue > 0) conditions.push(`on items worth ${formatMoney(offer.minOrderValue, currency)} or more`);
  if (offer.firstOrderOnly) conditions.push('first order only');
  if (offer.endsAt !== null) {
    // An end at midnight means the offer runs through the day before.
    const last = new Date(Date.parse(offer.endsAt) - 1);
    conditions.push(`until ${new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', timeZone }).format(last)}`);
  }
  return conditions;
}

export interface CouponOffersProps {
  /** The store's current offers (core's `currentOffers`), newest first. */
  offers: CouponOffer[];
  currency: string;
  /** The store's IANA zone, for the end dates; default Asia/Kolkata. */
  timeZone?: string;
  /** At most this many are shown (default 6): a strip, not a list. */
  limit?: number;
}

/** The store page's "Offers" strip: each code with its discount and conditions, to type at checkout. Nothing when there are none. */
export function CouponOffers({ offers, currency, timeZone = 'Asia/Kolkata', limit = 6 }: CouponOffersProps) {
  if (offers.length === 0) return null;
  return (
    <section class="offers" aria-labelledby="offers-title">
      <h2 id="offers-title" class="offers-title">
        Offers
      </h2>
      <ul class="offers-list">
        {offers.slice(0, limit).map((offer) => {
          const conditions = offerConditions(offer, currency, timeZone);
          return (
            <li class="offer">
              <span class="offer-discount">{discountText(offer, currency)}</span>{' '}
              <span class="offer-code">
                <span class="sr-only">with code </span>
                <code>{offer.code}</code>
              </span>
              {conditions.length > 0 && <span class="offer-conditions">{conditions.join(' · ')}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
