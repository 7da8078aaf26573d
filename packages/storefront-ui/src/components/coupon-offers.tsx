import type { CouponOffer } from '@dukaan-kit/core';
import { formatMoney } from '../money.js';
import { useI18n, type I18n } from '../i18n/context.js';
import { displayMoney } from './display-money.js';

/** The discount in English words (the dashboard's coupon list): "10% off, up to ₹100.00" or "₹50.00 off". */
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

/** The discount in the page's language, paise only when there are some ("10% off, up to ₹100"). */
function shownDiscount(offer: CouponOffer, currency: string, t: I18n['t']): string {
  if (offer.type === 'flat') return t('store.offerFlat', { amount: displayMoney(offer.value, currency) });
  return offer.maxDiscount === null
    ? t('store.offerPercent', { percent: offer.value })
    : t('store.offerPercentUpTo', { percent: offer.value, amount: displayMoney(offer.maxDiscount, currency) });
}

/** The conditions in the page's language: "on items worth ₹500 or more", "first order only", "until 3 Dec". */
function shownConditions(offer: CouponOffer, currency: string, i18n: I18n, timeZone: string | undefined): string[] {
  const { t } = i18n;
  const conditions: string[] = [];
  if (offer.minOrderValue > 0) conditions.push(t('store.offerMinimum', { amount: displayMoney(offer.minOrderValue, currency) }));
  if (offer.firstOrderOnly) conditions.push(t('store.offerFirstOrder'));
  if (offer.endsAt !== null) {
    // An end at midnight means the offer runs through the day before.
    const last = new Date(Date.parse(offer.endsAt) - 1);
    conditions.push(t('store.offerUntil', { date: i18n.dateTime(last, { day: 'numeric', month: 'short', ...(timeZone ? { timeZone } : {}) }) }));
  }
  return conditions;
}

export interface CouponOffersProps {
  /** The store's current offers (core's `currentOffers`), newest first. */
  offers: CouponOffer[];
  currency: string;
  /** The store's IANA zone, for the end dates; default the page's. */
  timeZone?: string;
  /** At most this many are shown (default 6): a strip, not a list. */
  limit?: number;
}

/**
 * The store page's "Offers" strip: each code with its discount and conditions, to type at
 * checkout, in the page's language (end dates in the page's time zone). Nothing when there are none.
 */
export function CouponOffers({ offers, currency, timeZone, limit = 6 }: CouponOffersProps) {
  const i18n = useI18n();
  const { t } = i18n;
  if (offers.length === 0) return null;
  return (
    <section class="offers" aria-labelledby="offers-title">
      <h2 id="offers-title" class="offers-title">
        {t('store.offers')}
      </h2>
      <ul class="offers-list">
        {offers.slice(0, limit).map((offer) => {
          const conditions = shownConditions(offer, currency, i18n, timeZone);
          return (
            <li class="offer">
              <span class="offer-discount">{shownDiscount(offer, currency, t)}</span>{' '}
              <span class="offer-code">
                <span class="sr-only">{t('store.offerWithCode')} </span>
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
