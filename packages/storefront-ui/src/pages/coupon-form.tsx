import type { CouponView } from '@dukaan-kit/core';
import { CheckboxField, ErrorSummary, Field, PostForm, SelectField } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { currencyExponent, moneyInputValue } from '../money.js';
import { useT, type I18n } from '../i18n/context.js';
import type { FieldErrors, PageContext } from '../types.js';
import { localError } from './localized-errors.js';
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
  /** The delete form's error (its box was not ticked), beside the box: a sentence or a catalogue key. */
  deleteError?: string;
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

function labels(t: I18n['t']): Record<string, string> {
  return {
    code: t('catalog.coupons.code'),
    type: t('catalog.coupon.type'),
    value: t('catalog.coupons.discount'),
    minOrderValue: t('catalog.coupon.minOrder'),
    maxDiscount: t('catalog.coupon.maxDiscount'),
    startsAt: t('catalog.coupon.starts'),
    endsAt: t('catalog.coupon.ends'),
    usageLimit: t('catalog.coupon.usageLimit'),
    perPhoneLimit: t('catalog.coupon.perPhone'),
  };
}

/** Deleting needs a ticked "Yes, delete" box: a confirmation that works without JavaScript. */
function DeleteCoupon({ ctx, coupon, error }: { ctx: PageContext; coupon: CouponView; error: string | undefined }) {
  const t = useT();
  return (
    <section class="panel danger-zone">
      <h2>{t('catalog.coupon.deleteTitle')}</h2>
      <p>{t('catalog.coupon.deleteText')}</p>
      <PostForm ctx={ctx} action={`/dashboard/coupons/${encodeURIComponent(coupon.id)}/delete`}>
        <CheckboxField form="delete" name="confirm" value="yes" label={t('catalog.coupon.deleteConfirm', { code: coupon.code })} checked={false} required error={error} />
        <button type="submit" class="btn btn-danger">
          {t('catalog.coupon.deleteTitle')}
        </button>
      </PostForm>
    </section>
  );
}

/** Create or edit a coupon; a plain form, so it works without JavaScript. */
export function CouponFormPage({ ctx, currency, coupon, values = {}, errors = {}, deleteError }: CouponFormPageProps) {
  const t = useT();
  const timeZone = ctx.timeZone ?? 'Asia/Kolkata';
  const v = initialValues(coupon, currency, timeZone, values);
  const f = 'coupon';
  const money = { inputMode: (currencyExponent(currency) === 0 ? 'numeric' : 'decimal') as 'numeric' | 'decimal' };
  const action = coupon ? `/dashboard/coupons/${encodeURIComponent(coupon.id)}` : '/dashboard/coupons';
  return (
    <DashboardLayout ctx={ctx} title={coupon ? t('catalog.coupon.titleEdit', { code: coupon.code }) : t('catalog.coupons.new')} section="coupons">
      {coupon && (
        <p>
          <CouponStatusTag status={coupon.status} />{' '}
          {coupon.usageLimit === null ? t('catalog.coupon.usedTimes', { used: coupon.usedCount }) : t('catalog.coupon.usedTimesOf', { used: coupon.usedCount, limit: coupon.usageLimit })}
        </p>
      )}
      <ErrorSummary form={f} errors={errors} labels={labels(t)} />
      <PostForm ctx={ctx} action={action} class="panel form-grid">
        <Field
          form={f}
          name="code"
          label={t('catalog.coupons.code')}
          value={v.code}
          error={errors['code']}
          required
          minLength={3}
          maxLength={32}
          pattern="[A-Za-z0-9_\-]+"
          autocapitalize="characters"
          spellcheck={false}
          hint={t('catalog.coupon.codeHint')}
        />
        <SelectField
          form={f}
          name="type"
          label={t('catalog.coupon.type')}
          value={v.type}
          error={errors['type']}
          options={[
            ['percent', t('catalog.coupon.typePercent')],
            ['flat', t('catalog.coupon.typeFlat', { currency })],
          ]}
        />
        <Field form={f} name="value" label={t('catalog.coupons.discount')} value={v.value} error={errors['value']} required {...money} hint={t('catalog.coupon.valueHint')} class="field-short" />
        <Field form={f} name="maxDiscount" label={t('catalog.coupon.maxDiscount')} value={v.maxDiscount} error={errors['maxDiscount']} optional {...money} hint={t('catalog.coupon.maxDiscountHint')} class="field-short" />
        <Field form={f} name="minOrderValue" label={t('catalog.coupon.minOrder')} value={v.minOrderValue} error={errors['minOrderValue']} optional {...money} hint={t('catalog.coupon.minOrderHint')} class="field-short" />
        <Field form={f} name="startsAt" label={t('catalog.coupon.starts')} type="datetime-local" value={v.startsAt} error={errors['startsAt']} optional hint={t('catalog.coupon.startsHint', { timeZone })} />
        <Field form={f} name="endsAt" label={t('catalog.coupon.ends')} type="datetime-local" value={v.endsAt} error={errors['endsAt']} optional hint={t('catalog.coupon.endsHint')} />
        <Field form={f} name="usageLimit" label={t('catalog.coupon.usageLimit')} type="number" min={1} value={v.usageLimit} error={errors['usageLimit']} optional hint={t('catalog.coupon.usageLimitHint')} class="field-short" />
        <Field form={f} name="perPhoneLimit" label={t('catalog.coupon.perPhone')} type="number" min={1} value={v.perPhoneLimit} error={errors['perPhoneLimit']} optional hint={t('catalog.coupon.perPhoneHint')} class="field-short" />
        <CheckboxField form={f} name="firstOrderOnly" label={t('catalog.coupon.firstOrderOnly')} checked={v.firstOrderOnly} error={errors['firstOrderOnly']} />
        <CheckboxField form={f} name="active" label={t('catalog.coupon.active')} checked={v.active} error={errors['active']} hint={t('catalog.coupon.activeHint')} />
        <p>
          <button type="submit" class="btn btn-primary">
            {t(coupon ? 'catalog.product.saveChanges' : 'catalog.coupon.add')}
          </button>
        </p>
      </PostForm>
      {coupon && <DeleteCoupon ctx={ctx} coupon={coupon} error={deleteError === undefined ? undefined : localError(t, deleteError)} />}
    </DashboardLayout>
  );
}
