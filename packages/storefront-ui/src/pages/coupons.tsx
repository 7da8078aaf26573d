import type { CouponStatus, CouponView } from '@dukaan-kit/core';
import { PostForm } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { discountText } from '../components/coupon-offers.js';
import { formatMoney } from '../money.js';
import { useI18n, useT, type I18n } from '../i18n/context.js';
import type { MessageKey } from '../i18n/catalogue.js';
import { withBase } from '../url.js';
import type { PageContext } from '../types.js';

/** Props of the 'coupons' page (`/dashboard/coupons`). */
export interface CouponsPageProps {
  ctx: PageContext;
  currency: string;
  /** Newest first. */
  coupons: CouponView[];
}

const statusLabels: Record<CouponStatus, MessageKey> = {
  active: 'catalog.coupons.status.active',
  scheduled: 'catalog.coupons.status.scheduled',
  expired: 'catalog.coupons.status.expired',
  used_up: 'catalog.coupons.status.usedUp',
  inactive: 'catalog.coupons.status.inactive',
};

/** A coupon's status as a coloured tag. */
export function CouponStatusTag({ status }: { status: CouponStatus }) {
  const t = useT();
  return <span class={`tag tag-coupon-${status}`}>{t(statusLabels[status])}</span>;
}

const dayFormat: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' };

/** "From 1 Nov 2026, 12:00 am to 15 Nov 2026, 12:00 am", or "Always". */
function period({ t, dateTime }: I18n, coupon: CouponView): string {
  const { startsAt, endsAt } = coupon;
  const day = (instant: string) => dateTime(instant, dayFormat);
  if (startsAt === null && endsAt === null) return t('catalog.coupons.always');
  if (startsAt === null) return t('catalog.coupons.until', { end: day(endsAt ?? '') });
  if (endsAt === null) return t('catalog.coupons.from', { start: day(startsAt) });
  return t('catalog.coupons.between', { start: day(startsAt), end: day(endsAt) });
}

function uses(t: I18n['t'], coupon: CouponView): string {
  const used = coupon.usageLimit === null ? t('catalog.coupons.used', { used: coupon.usedCount }) : t('catalog.coupons.usedOf', { used: coupon.usedCount, limit: coupon.usageLimit });
  return coupon.perPhoneLimit === null ? used : `${used}, ${t('catalog.coupons.perCustomer', { count: coupon.perPhoneLimit })}`;
}

/** Coupons: each code with its discount, period, uses and status; pause or resume in place, edit, add. */
export function CouponsPage({ ctx, currency, coupons }: CouponsPageProps) {
  const i18n = useI18n();
  const { t } = i18n;
  const href = (path: string) => withBase(ctx.basePath, path);
  return (
    <DashboardLayout ctx={ctx} title={t('catalog.coupons.title')} section="coupons">
      <p class="lead">{t('catalog.coupons.lead')}</p>
      <p>
        <a class="btn btn-primary" href={href('/dashboard/coupons/new')}>
          {t('catalog.coupons.new')}
        </a>
      </p>
      {coupons.length === 0 ? (
        <p class="empty">{t('catalog.coupons.empty')}</p>
      ) : (
        <table class="table table-labelled coupons-table">
          <thead>
            <tr>
              <th scope="col">{t('catalog.coupons.code')}</th>
              <th scope="col">{t('catalog.coupons.discount')}</th>
              <th scope="col">{t('catalog.coupons.when')}</th>
              <th scope="col">{t('catalog.coupons.usedHead')}</th>
              <th scope="col">{t('catalog.coupons.status')}</th>
              <th scope="col">
                <span class="sr-only">{t('catalog.coupons.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {coupons.map((c) => (
              <tr>
                <td data-label={t('catalog.coupons.code')}>
                  <a href={href(`/dashboard/coupons/${encodeURIComponent(c.id)}`)}>
                    <code>{c.code}</code>
                  </a>
                </td>
                <td data-label={t('catalog.coupons.discount')}>
                  {discountText(c, currency)}
                  {c.minOrderValue > 0 && <span class="hint"> {t('catalog.coupons.onOrMore', { amount: formatMoney(c.minOrderValue, currency) })}</span>}
                  {c.firstOrderOnly && <span class="hint"> · {t('catalog.coupons.firstOnly')}</span>}
                </td>
                <td data-label={t('catalog.coupons.when')}>{period(i18n, c)}</td>
                <td data-label={t('catalog.coupons.usedHead')}>{uses(t, c)}</td>
                <td data-label={t('catalog.coupons.status')}>
                  <CouponStatusTag status={c.status} />
                </td>
                <td>
                  <PostForm ctx={ctx} action={`/dashboard/coupons/${encodeURIComponent(c.id)}/active`} class="inline-form">
                    <input type="hidden" name="active" value={c.active ? 'no' : 'yes'} />
                    <button type="submit" class="btn btn-secondary" aria-label={t(c.active ? 'catalog.coupons.pauseNamed' : 'catalog.coupons.resumeNamed', { code: c.code })}>
                      {t(c.active ? 'catalog.coupons.pause' : 'catalog.coupons.resume')}
                    </button>
                  </PostForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DashboardLayout>
  );
}
