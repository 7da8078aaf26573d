import type { CouponStatus, CouponView } from '@dukaan-kit/core';
import { PostForm } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { discountText } from '../components/coupon-offers.js';
import { formatMoney } from '../money.js';
import { withBase } from '../url.js';
import type { PageContext } from '../types.js';

/** Props of the 'coupons' page (`/dashboard/coupons`). */
export interface CouponsPageProps {
  ctx: PageContext;
  currency: string;
  /** Newest first. */
  coupons: CouponView[];
}

const statusLabels: Record<CouponStatus, string> = {
  active: 'Live',
  scheduled: 'Scheduled',
  expired: 'Ended',
  used_up: 'Used up',
  inactive: 'Paused',
};

/** A coupon's status as a coloured tag. */
export function CouponStatusTag({ status }: { status: CouponStatus }) {
  return <span class={`tag tag-coupon-${status}`}>{statusLabels[status]}</span>;
}

function day(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-IN', { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(instant));
}

/** "From 1 Nov 2026, 12:00 am to 15 Nov 2026, 12:00 am", or "Always". */
function period(coupon: CouponView, timeZone: string): string {
  const { startsAt, endsAt } = coupon;
  if (startsAt === null && endsAt === null) return 'Always';
  if (startsAt === null) return `Until ${day(endsAt ?? '', timeZone)}`;
  if (endsAt === null) return `From ${day(startsAt, timeZone)}`;
  return `${day(startsAt, timeZone)} to ${day(endsAt, timeZone)}`;
}

function uses(coupon: CouponView): string {
  const limit = coupon.usageLimit === null ? '' : ` of ${coupon.usageLimit}`;
  const perPhone = coupon.perPhoneLimit === null ? '' : `, ${coupon.perPhoneLimit} per customer`;
  return `${coupon.usedCount}${limit}${perPhone}`;
}

/** Coupons: each code with its discount, period, uses and status; pause or resume in place, edit, add. */
export function CouponsPage({ ctx, currency, coupons }: CouponsPageProps) {
  const timeZone = ctx.timeZone ?? 'Asia/Kolkata';
  const href = (path: string) => withBase(ctx.basePath, path);
  return (
    <DashboardLayout ctx={ctx} title="Coupons" section="coupons">
      <p class="lead">
        Customers type a code at checkout for a discount on the items. Live coupons show as offers on your store page. A cancelled or rejected
        order gives its use back.
      </p>
      <p>
        <a class="btn btn-primary" href={href('/dashboard/coupons/new')}>
          New coupon
        </a>
      </p>
      {coupons.length === 0 ? (
        <p class="empty">No coupons yet.</p>
      ) : (
        <table class="table table-labelled coupons-table">
          <thead>
            <tr>
              <th scope="col">Code</th>
              <th scope="col">Discount</th>
              <th scope="col">When</th>
              <th scope="col">Used</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {coupons.map((c) => (
              <tr>
                <td data-label="Code">
                  <a href={href(`/dashboard/coupons/${encodeURIComponent(c.id)}`)}>
                    <code>{c.code}</code>
                  </a>
                </td>
                <td data-label="Discount">
                  {discountText(c, currency)}
                  {c.minOrderValue > 0 && <span class="hint"> on {formatMoney(c.minOrderValue, currency)} or more</span>}
                  {c.firstOrderOnly && <span class="hint"> · first order only</span>}
                </td>
                <td data-label="When">{period(c, timeZone)}</td>
                <td data-label="Used">{uses(c)}</td>
                <td data-label="Status">
                  <CouponStatusTag status={c.status} />
                </td>
                <td>
                  <PostForm ctx={ctx} action={`/dashboard/coupons/${encodeURIComponent(c.id)}/active`} class="inline-form">
                    <input type="hidden" name="active" value={c.active ? 'no' : 'yes'} />
                    <button type="submit" class="btn btn-small btn-secondary">
                      {c.active ? 'Pause' : 'Resume'}
                      <span class="sr-only"> {c.code}</span>
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
