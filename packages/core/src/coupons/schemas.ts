import Joi from 'joi';
import { ValidationFailedError, type FieldError } from '../errors.js';
import { maxAmount } from '../pricing/totals.js';
import { textField } from '../shared/fields.js';
import { couponTypes, type CouponType } from './coupon.js';

/** A coupon as the vendor sends it; left-out fields take their defaults (no minimum, no limits, no dates, active). */
export interface CouponInput {
  code: string;
  type: CouponType;
  value: number;
  minOrderValue?: number;
  maxDiscount?: number | null;
  startsAt?: string | null;
  endsAt?: string | null;
  usageLimit?: number | null;
  perPhoneLimit?: number | null;
  firstOrderOnly?: boolean;
  active?: boolean;
}

/** The public check: the items' subtotal is optional (without it the minimum is not checked). */
export interface CouponCheckInput {
  subtotal?: number;
}

/** The largest count the int4 usage columns hold. */
const maxCount = 2_147_483_647;

const code = textField
  .trim()
  .uppercase()
  .min(3)
  .max(32)
  .pattern(/^[A-Z0-9_-]+$/, 'code')
  .label('Code')
  .messages({
    'string.pattern.name': '{#label} may use only letters, digits, - and _ (no spaces)',
    'string.min': '{#label} must be at least 3 characters long',
    'string.max': '{#label} must be at most 32 characters long',
  });

const type = Joi.string()
  .valid(...couponTypes)
  .label('Type')
  .messages({ 'any.only': '{#label} must be "percent" or "flat"' });

const value = Joi.number().strict().integer().min(1).max(maxAmount).label('Value').messages({
  'number.base': '{#label} must be a number: a percent, or an amount in minor units (paise)',
  'number.integer': '{#label} must be a whole number (a percent, or minor units such as paise)',
  'number.min': '{#label} must be at least 1',
});

const money = (label: string) =>
  Joi.number().strict().integer().min(0).max(maxAmount).label(label).messages({
    'number.base': '{#label} must be an amount in minor units (paise)',
    'number.integer': '{#label} must be a whole amount in minor units (paise)',
    'number.min': '{#label} cannot be negative',
  });

const count = (label: string) =>
  Joi.number().strict().integer().min(1).max(maxCount).allow(null).label(label).messages({
    'number.base': '{#label} must be a whole number, or null for no limit',
    'number.integer': '{#label} must be a whole number, or null for no limit',
    'number.min': '{#label} must be at least 1, or null for no limit',
  });

/**
 * An instant with its offset ("2026-12-03T00:00:00+05:30" or "…Z"), stored as UTC ISO text of
 * fixed width so the databases compare instants as text. Without an offset the time would be
 * read in the server's zone, which is nobody's choice.
 */
const instant = (label: string) =>
  textField
    .trim()
    .max(40)
    .custom((text: string, helpers) => {
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return helpers.error('instant.format');
      const time = Date.parse(text);
      if (Number.isNaN(time)) return helpers.error('instant.format');
      const year = new Date(time).getUTCFullYear();
      if (year < 2000 || year > 9999) return helpers.error('instant.range');
      return new Date(time).toISOString();
    })
    .allow(null)
    .label(label)
    .messages({
      'instant.format': '{#label} must be a date and time with its time zone, such as 2026-12-03T00:00:00+05:30',
      'instant.range': '{#label} must be between the years 2000 and 9999',
    });

const fields = {
  code,
  type,
  value,
  minOrderValue: money('Minimum order value'),
  maxDiscount: money('Maximum discount').min(1).allow(null).messages({ 'number.min': '{#label} must be at least 1, or null for no cap' }),
  startsAt: instant('Start'),
  endsAt: instant('End'),
  usageLimit: count('Usage limit'),
  perPhoneLimit: count('Limit per customer'),
  firstOrderOnly: Joi.boolean().strict().label('First order only'),
  active: Joi.boolean().strict().label('Active'),
};

export const couponCreateSchema = Joi.object<CouponInput>({
  ...fields,
  code: fields.code.required(),
  type: fields.type.required(),
  value: fields.value.required(),
});

export const couponUpdateSchema = Joi.object<Partial<CouponInput>>(fields)
  .min(1)
  .messages({ 'object.min': 'Send at least one field to change' });

export const couponCheckSchema = Joi.object<CouponCheckInput>({
  subtotal: Joi.number().integer().min(0).max(maxAmount).label('subtotal').messages({
    'number.base': '{#label} must be the items\' subtotal in minor units (paise)',
    'number.integer': '{#label} must be a whole amount in minor units (paise)',
  }),
});

/** The fields whose rules depend on each other, as they will be stored (the patch over the coupon). */
export type CouponRuleFields = Pick<CouponInput, 'type' | 'value'> & { maxDiscount: number | null; startsAt: string | null; endsAt: string | null };

/**
 * The rules between fields, checked on the coupon as it will be, so a change of one field is
 * judged with the others as stored: a percent is 1-100, a flat coupon has no cap, the end follows the start.
 */
export function assertCouponRules(coupon: CouponRuleFields): void {
  const details: FieldError[] = [];
  if (coupon.type === 'percent' && coupon.value > 100) details.push({ path: 'value', message: 'A percent discount must be from 1 to 100' });
  if (coupon.type === 'flat' && coupon.maxDiscount !== null) {
    details.push({ path: 'maxDiscount', message: 'A flat discount cannot have a maximum discount; leave it empty (null)' });
  }
  if (coupon.startsAt !== null && coupon.endsAt !== null && coupon.endsAt <= coupon.startsAt) {
    details.push({ path: 'endsAt', message: 'End must be later than the start' });
  }
  if (details.length > 0) throw new ValidationFailedError('Some fields are not valid', details);
}
