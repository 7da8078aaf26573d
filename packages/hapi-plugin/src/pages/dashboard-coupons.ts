import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { ValidationFailedError, assertCouponRules, couponCreateSchema, toCouponView, validate, type Coupon } from '@dukaan-kit/core';
import { parseMoney, type CouponFormValues, type FieldErrors } from '@dukaan-kit/storefront-ui';
import type { Runtime } from '../runtime.js';
import { vendorPage } from './context.js';
import { formProblem, formProps } from './dashboard-forms.js';
import { flashContext, idOf, orNotFound, privateHtml, storeIdOf } from './dashboard-page.js';
import { pageRoute, seeOther } from './define.js';
import { field, fieldErrors, formValues } from './forms.js';

const couponGone = 'This coupon does not exist, or it belongs to another store.';

const texts = ['code', 'type', 'value', 'minOrderValue', 'maxDiscount', 'startsAt', 'endsAt', 'usageLimit', 'perPhoneLimit'] as const;
const boxes = ['firstOrderOnly', 'active'] as const;

/** The UTC offset of `timeZone` at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  }).formatToParts(new Date(ms));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - Math.floor(ms / 1000) * 1000;
}

/**
 * A local date and time as typed (datetime-local "2026-12-03T10:00", "2026-12-03 10:00", or a
 * bare date for its midnight) in the store's zone, as an ISO instant; null when unreadable.
 */
export function localToInstant(text: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const [year, month, dayOfMonth, hour, minute] = [m[1], m[2], m[3], m[4] ?? '00', m[5] ?? '00'].map(Number) as [number, number, number, number, number];
  const local = Date.UTC(year, month - 1, dayOfMonth, hour, minute);
  if (Number.isNaN(local) || new Date(local).getUTCDate() !== dayOfMonth) return null;
  // Twice: the offset at the guess may differ from the one at the answer across a DST change.
  const guess = local - offsetAt(local, timeZone);
  return new Date(local - offsetAt(guess, timeZone)).toISOString();
}

/** What the plugin can read of the form (money in minor units, dates as instants), and what it could not. */
function couponInput(values: CouponFormValues, currency: string, timeZone: string): { input: Record<string, unknown>; refused: FieldErrors } {
  const refused: FieldErrors = {};
  const money = (name: 'value' | 'minOrderValue' | 'maxDiscount', empty: number | null) => {
    const text = values[name].trim();
    if (text === '') return empty;
    const amount = parseMoney(text, currency);
    if (amount === null) refused[name] = 'Enter an amount like 50 or 50.50';
    return amount;
  };
  const whole = (name: 'value' | 'usageLimit' | 'perPhoneLimit') => {
    const text = values[name].trim();
    if (text === '') return null;
    if (!/^\d{1,10}$/.test(text)) refused[name] = 'Enter a whole number';
    return /^\d{1,10}$/.test(text) ? Number(text) : null;
  };
  const instant = (name: 'startsAt' | 'endsAt') => {
    const text = values[name].trim();
    if (text === '') return null;
    const at = localToInstant(text, timeZone);
    if (at === null) refused[name] = 'Enter a date and time like 2026-12-03 10:00';
    return at;
  };
  const type = values.type === 'flat' ? 'flat' : 'percent';
  const value = type === 'percent' ? whole('value') : money('value', null);
  if (values.value.trim() === '') refused['value'] = type === 'percent' ? 'Enter the percent off, from 1 to 100' : 'Enter the amount off';
  const input = {
    code: values.code,
    type,
    value: value ?? 0,
    minOrderValue: money('minOrderValue', 0) ?? 0,
    maxDiscount: money('maxDiscount', null),
    startsAt: instant('startsAt'),
    endsAt: instant('endsAt'),
    usageLimit: whole('usageLimit'),
    perPhoneLimit: whole('perPhoneLimit'),
    firstOrderOnly: values.firstOrderOnly,
    active: values.active,
  };
  return { input, refused };
}

/** The core's refusal of `check`, as field errors (none when it passes). */
function refusalOf(check: () => void): FieldErrors {
  try {
    check();
    return {};
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return fieldErrors(error.details);
  }
}

/**
 * Every bad field at once, before asking the core (which stops at its schema before the rules
 * between fields): what the plugin refused, the schema's word on the rest (checked with
 * stand-ins where the plugin failed), and the rules between fields.
 */
function allErrors(input: Record<string, unknown>, refused: FieldErrors): FieldErrors {
  const probe: Record<string, unknown> = { ...input };
  const standIns: Record<string, unknown> = { value: 1, minOrderValue: 0, maxDiscount: null, startsAt: null, endsAt: null, usageLimit: null, perPhoneLimit: null };
  for (const name of Object.keys(refused)) if (name in standIns) probe[name] = standIns[name];
  const rules = { type: probe['type'], value: probe['value'], maxDiscount: probe['maxDiscount'], startsAt: probe['startsAt'], endsAt: probe['endsAt'] } as Parameters<typeof assertCouponRules>[0];
  return { ...refusalOf(() => assertCouponRules(rules)), ...refusalOf(() => validate(couponCreateSchema, probe)), ...refused };
}

/** The store's coupons, newest first. */
async function couponsPage(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { ctx, store } = await vendorPage(runtime, request, h);
  const at = new Date().toISOString();
  const coupons = (await runtime.dukaan.coupons.list(store.id)).map((c) => toCouponView(c, at));
  return privateHtml(h, { page: 'coupons', props: { ctx, currency: store.currency, coupons } });
}

interface FormExtra {
  values?: CouponFormValues;
  errors?: FieldErrors;
  flash?: string;
  /** Beside the delete form's box (a catalogue key). */
  deleteError?: string;
}

/** The coupon form, empty (`coupon` null) or for one coupon. */
async function couponForm(runtime: Runtime, request: Request, h: ResponseToolkit, coupon: Coupon | null, status = 200, extra: FormExtra = {}) {
  const { ctx, store } = await vendorPage(runtime, request, h, flashContext(extra.flash));
  const view = coupon ? toCouponView(coupon, new Date().toISOString()) : null;
  return privateHtml(h, { page: 'coupon-form', props: { ctx, currency: store.currency, coupon: view, ...formProps(extra), ...(extra.deleteError ? { deleteError: extra.deleteError } : {}) } }, status);
}

function ownCoupon(runtime: Runtime, request: Request): Promise<Coupon> {
  return orNotFound(runtime.dukaan.coupons.get(storeIdOf(request), idOf(request, couponGone)), couponGone);
}

/** Creates (`before` null) or saves a coupon from the form; its problems show beside their fields. */
async function saveCoupon(runtime: Runtime, request: Request, h: ResponseToolkit, before: Coupon | null) {
  const storeId = storeIdOf(request);
  const store = await runtime.dukaan.stores.get(storeId);
  const values = formValues(request.payload, texts, boxes) as unknown as CouponFormValues;
  const { input, refused } = couponInput(values, store.currency, store.timeZone);
  const errors = allErrors(input, refused);
  if (Object.keys(errors).length > 0) return couponForm(runtime, request, h, before, 400, { values, errors });
  try {
    if (before) await runtime.dukaan.coupons.update(storeId, before.id, input);
    else await runtime.dukaan.coupons.create(storeId, input);
  } catch (error) {
    const problem = formProblem(error); // rethrows anything but a validation or conflict error
    return couponForm(runtime, request, h, before, problem.status, { values, errors: problem.errors });
  }
  return seeOther(runtime, h, `/dashboard/coupons?done=${before ? 'saved' : 'created'}`);
}

/** Pause or resume from the list. */
async function setActive(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const coupon = await ownCoupon(runtime, request);
  await orNotFound(runtime.dukaan.coupons.update(storeIdOf(request), coupon.id, { active: field(request.payload, 'active') === 'yes' }), couponGone);
  return seeOther(runtime, h, '/dashboard/coupons?done=saved');
}

async function deleteCoupon(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const coupon = await ownCoupon(runtime, request);
  if (field(request.payload, 'confirm') !== 'yes') return couponForm(runtime, request, h, coupon, 400, { deleteError: 'catalog.error.tickToDelete' });
  await orNotFound(runtime.dukaan.coupons.delete(storeIdOf(request), coupon.id), couponGone);
  return seeOther(runtime, h, '/dashboard/coupons?done=deleted');
}

/** The dashboard's coupons: the list, a new one, editing, pausing, deleting (with a ticked confirmation). */
export function dashboardCouponRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/dashboard/coupons', auth: 'vendor', handler: (request, h) => couponsPage(runtime, request, h) }),
    pageRoute(runtime, { method: 'GET', path: '/dashboard/coupons/new', auth: 'vendor', handler: (request, h) => couponForm(runtime, request, h, null) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/coupons', auth: 'vendor', handler: (request, h) => saveCoupon(runtime, request, h, null) }),
    pageRoute(runtime, {
      method: 'GET',
      path: '/dashboard/coupons/{id}',
      auth: 'vendor',
      handler: async (request, h) => couponForm(runtime, request, h, await ownCoupon(runtime, request)),
    }),
    pageRoute(runtime, {
      method: 'POST',
      path: '/dashboard/coupons/{id}',
      auth: 'vendor',
      handler: async (request, h) => saveCoupon(runtime, request, h, await ownCoupon(runtime, request)),
    }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/coupons/{id}/active', auth: 'vendor', handler: (request, h) => setActive(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/coupons/{id}/delete', auth: 'vendor', handler: (request, h) => deleteCoupon(runtime, request, h) }),
  ];
}
