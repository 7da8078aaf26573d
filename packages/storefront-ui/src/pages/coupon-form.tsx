import type { CouponView } from '@dukaan-kit/core';
import { CheckboxField, ErrorSummary, Field, PostForm, SelectField } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { currencyExponent, moneyInputValue } from '../money.js';
import type { FieldErrors, PageContext } from '../types.js';
import { CouponStatusTag } from './coupons.js';

/** The coupon form's fields as typed: money in major units, dates as the store's local date and time. */
export interface CouponFormValues {
  code: string;
  type: 'percent' | 'flat';
  /** A percent ("10") or, for a flat coupon, major units ("50.00"). */
  value: string;
  minOrderValue: string;
  /** Major units; '' for no cap. */
  maxDiscount: string;
  /** `YYYY-MM-DDTHH:mm` in the store's time zone; '' for none. */
  startsAt: string;
  endsAt: string;
  /** '' for no limit. */
  usageLimit: string;
  perPhoneLimit: string;
  firstOrderOnly: boolean;
  active: boolean;
}

/** Props of the 'coupon-form' page (`/dashboard/coupons/new` and `/dashboard/coupons/{id}`). */
export interface CouponFormPageProps {
  ctx: PageContext;
  currency: string;
  /** null: a new coupon. */
  coupon: CouponView | null;
  /** What was typed, after a failed save; wins over `coupon`. */
  values?: Partial<CouponFormValues>;
  /** Field -> message, by the names above (and `form`). */
  errors?: FieldErrors;
}

/** An instant as a datetime-local value in `timeZone` ("2026-12-03T10:00"); '' for none. */
export function localDateTimeValue(instant: string | null, timeZone: string): string {
  if (instant === null) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

function initialValues(coupon: CouponView | null, currency: string, timeZone: string, typed: Partial<CouponFormValues>): CouponFormValues {
  const money = (minor: number | null) => moneyInputValue(minor, currency);
  const count = (n: number | null) => (n === null ? '' : String(n));
  const stored: CouponFormValues = coupon
    ? {
        code: coupon.code,
        type: coupon.type,
        value: coupon.type === 'percent' ? String(coupon.value) : money(coupon.value),
        minOrderValue: coupon.minOrderValue > 0 ? money(coupon.minOrderValue) : '',
        maxDiscount: money(coupon.maxDiscount),
        startsAt: localDateTimeValue(coupon.startsAt, timeZone),
        endsAt: localDateTimeValue(coupon.endsAt, timeZone),
        usageLimit: count(coupon.usageLimit),
        perPhoneLimit: count(coupon.perPhoneLimit),
        firstOrderOnly: coupon.firstOrderOnly,
        active: coupon.active,
      }
    : { code: '', type: 'percent', value: '', minOrderValue: '', maxDiscount: '', startsAt: '', endsAt: '', usageLimit: '', perPhoneLimit: '', firstOrderOnly: false, active: true };
  return { ...stored, ...typed };
}

const labels: Record<string, string> = {
  code: 'Code',
  type: 'Discount type',
  value: 'Discount',
  minOrderValue: 'Minimum order value',
  maxDiscount: 'Maximum discount',
  startsAt: 'Starts',
  endsAt: 'Ends',
  usageLimit: 'Total uses',
  perPhoneLimit: 'Uses per customer',
};

/** Deleting needs a ticked "Yes, delete" box: a confirmation that works without JavaScript. */
function DeleteCoupon({ ctx, coupon }: { ctx: PageContext; coupon: CouponView }) {
  return (
    <section class="panel danger-zone">
      <h2>Delete coupon</h2>
      <p>Orders placed with it keep their discount. To stop it for now and keep its count, pause it instead (untick Active).</p>
      <PostForm ctx={ctx} action={`/dashboard/coupons/${encodeURIComponent(coupon.id)}/delete`}>
        <CheckboxField form="delete" name="confirm" value="yes" label={`Yes, delete ${coupon.code}`} checked={false} required />
        <button type="submit" class="btn btn-danger">
          Delete coupon
        </button>
      </PostForm>
    </section>
  );
}

/** Create or edit a coupon; a plain form, so it works without JavaScript. */
export function CouponFormPage({ ctx, currency, coupon, values = {}, errors = {} }: CouponFormPageProps) {
  const timeZone = ctx.timeZone ?? 'Asia/Kolkata';
  const v = initialValues(coupon, currency, timeZone, values);
  const f = 'coupon';
  const money = { inputMode: (currencyExponent(currency) === 0 ? 'numeric' : 'decimal') as 'numeric' | 'decimal' };
  const action = coupon ? `/dashboard/coupons/${encodeURIComponent(coupon.id)}` : '/dashboard/coupons';
  return (
    <DashboardLayout ctx={ctx} title={coupon ? `Edit ${coupon.code}` : 'New coupon'} section="coupons">
      {coupon && (
        <p>
          <CouponStatusTag status={coupon.status} /> Used {coupon.usedCount}
          {coupon.usageLimit === null ? '' : ` of ${coupon.usageLimit}`} times.
        </p>
      )}
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action={action} class="panel form-grid">
        <Field
          form={f}
          name="code"
          label="Code"
          value={v.code}
          error={errors['code']}
          required
          minLength={3}
          maxLength={32}
          pattern="[A-Za-z0-9_\-]+"
          autocapitalize="characters"
          spellcheck={false}
          hint="3 to 32 letters, digits, - or _. Customers may type it in any case."
        />
        <SelectField form={f} name="type" label="Discount type" value={v.type} error={errors['type']} options={[['percent', 'Percent of the items'], ['flat', `Fixed amount (${currency})`]]} />
        <Field form={f} name="value" label="Discount" value={v.value} error={errors['value']} required {...money} hint="A percent (1 to 100) or an amount, as the type says." class="field-short" />
        <Field form={f} name="maxDiscount" label="Maximum discount" value={v.maxDiscount} error={errors['maxDiscount']} optional {...money} hint="Percent coupons only: the most it takes off." class="field-short" />
        <Field form={f} name="minOrderValue" label="Minimum order value" value={v.minOrderValue} error={errors['minOrderValue']} optional {...money} hint="What the items must add up to." class="field-short" />
        <Field form={f} name="startsAt" label="Starts" type="datetime-local" value={v.startsAt} error={errors['startsAt']} optional hint={`Your store's time (${timeZone}). Empty: from now.`} />
        <Field form={f} name="endsAt" label="Ends" type="datetime-local" value={v.endsAt} error={errors['endsAt']} optional hint="The moment it stops working. Empty: no end." />
        <Field form={f} name="usageLimit" label="Total uses" type="number" min={1} value={v.usageLimit} error={errors['usageLimit']} optional hint="Orders in all. Empty: no limit." class="field-short" />
        <Field form={f} name="perPhoneLimit" label="Uses per customer" type="number" min={1} value={v.perPhoneLimit} error={errors['perPhoneLimit']} optional hint="Per phone number. Empty: no limit." class="field-short" />
        <CheckboxField form={f} name="firstOrderOnly" label="Only for a customer's first order" checked={v.firstOrderOnly} error={errors['firstOrderOnly']} />
        <CheckboxField form={f} name="active" label="Active" checked={v.active} error={errors['active']} hint="Untick to pause it; a paused code answers like an unknown one." />
        <p>
          <button type="submit" class="btn btn-primary">
            {coupon ? 'Save changes' : 'Add coupon'}
          </button>
        </p>
      </PostForm>
      {coupon && <DeleteCoupon ctx={ctx} coupon={coupon} />}
    </DashboardLayout>
  );
}
