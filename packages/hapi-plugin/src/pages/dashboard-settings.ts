import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { gstinState, indianStates, isValidGstin, storeUpdateSchema, type Store } from '@dukaan-kit/core';
import type { ChargeRule } from '@dukaan-kit/core/pricing';
import { parseMoney, type FieldErrors, type SettingsValues } from '@dukaan-kit/storefront-ui';
import { baseUrl, type Runtime } from '../runtime.js';
import { storeView, vendorPage } from './context.js';
import { formProblem, uploadFormErrors } from './dashboard-forms.js';
import { privateHtml, storeIdOf } from './dashboard-page.js';
import { pageRoute, seeOther } from './define.js';
import { field, fields, file, formValues } from './forms.js';

/** Valid stand-ins for fields the plugin already refused, so the schema reports only the others. */
const settingsPlaceholders: Record<string, unknown> = { deliveryFee: 0, freeDeliveryAbove: null, minOrderValue: 0, logo: undefined, packagingFee: null, codFee: null, defaultTaxRate: 0 };

/** What the settings form sent, as text for re-rendering (the payment methods as the boxes ticked, at most a few). */
function settingsValues(payload: unknown): SettingsValues {
  const texts = ['name', 'slug', 'description', 'phone', 'pickupAddress', 'currency', 'deliveryFee', 'freeDeliveryAbove', 'minOrderValue', 'upiId', 'timeZone', 'gstin', 'state', 'defaultTaxRate'] as const;
  return {
    ...formValues(payload, texts, ['isOpen', 'autoAcceptOrders', 'newOrderEmails', 'pricesIncludeTax'] as const),
    paymentMethods: fields(payload, 'paymentMethods').slice(0, 10),
    packagingFeeType: chargeKindOf(field(payload, 'packagingFee.type')),
    packagingFeeValue: field(payload, 'packagingFee.value'),
    codFeeType: chargeKindOf(field(payload, 'codFee.type')),
    codFeeValue: field(payload, 'codFee.value'),
    deliveryMethods: fields(payload, 'deliveryMethods').slice(0, 10),
    serviceAreaType: field(payload, 'serviceArea.type') || 'all',
    serviceAreaValues: field(payload, 'serviceArea.values'),
    locale: field(payload, 'locale'),
  };
}

type ChargeKind = SettingsValues['packagingFeeType'];

function chargeKindOf(text: string): ChargeKind {
  return text === 'flat' || text === 'percent' ? text : 'none';
}

/** The pincodes as typed: separated by commas, spaces or new lines (a pasted column or sentence alike). */
function areaValues(text: string): string[] {
  return text.split(/[\s,;]+/).filter((v) => v !== '');
}

/**
 * Core paths as the page's fields: `paymentMethods.1` -> `paymentMethods`, `packagingFee.value`
 * -> `packagingFee` (each group is one field on the page). A bad pincode is named, since the
 * vendor looks for it in a list of hundreds.
 */
function byFormField(errors: FieldErrors, values?: SettingsValues): FieldErrors {
  const out: FieldErrors = {};
  const typed = values ? areaValues(values.serviceAreaValues) : [];
  for (const [path, message] of Object.entries(errors)) {
    const at = /^serviceArea\.values\.(\d+)$/.exec(path);
    const value = at ? typed[Number(at[1])] : undefined;
    out[path.split('.')[0]!] ??= value !== undefined && !message.includes(value) ? `“${value}”: ${message}` : message;
  }
  return out;
}

/** A percent as typed ("2.5", "2.5 %"): a number, or null when it is none. */
function percentOf(text: string): number | null {
  const t = text.trim().replace(/\s*%$/, '');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/**
 * A fee's kind and amount as the core's `ChargeRule` (null for no fee). Kind chosen, amount
 * missing or unreadable: the plugin says so, as the core cannot tell what was meant.
 */
function chargeInput(kind: ChargeKind, text: string, currency: string, what: string, errors: FieldErrors, name: 'packagingFee' | 'codFee'): ChargeRule | null {
  if (kind === 'none') return null;
  const typed = text.trim();
  if (typed === '') {
    errors[name] = `Enter the ${what} ${kind === 'flat' ? 'amount' : 'percent'}, or choose “No fee”`;
    return null;
  }
  let value: number | null = null;
  if (kind === 'percent') value = percentOf(typed);
  else {
    try {
      value = parseMoney(typed, currency);
    } catch {
      value = null; // an unknown currency: the core names that field
    }
  }
  if (value === null) {
    errors[name] = kind === 'flat' ? `Enter the ${what} as an amount like 20 or 20.50` : `Enter the ${what} as a percent like 2 or 2.5`;
    return null;
  }
  if (value === 0) {
    errors[name] = `For no ${what}, choose “No fee”`;
    return null;
  }
  return { type: kind, value };
}

/**
 * The GST fields as the core's input. Left empty, the state is the GSTIN's (the core does the
 * same, but the page shows it then, even when another field is refused).
 */
function gstInput(values: SettingsValues, errors: FieldErrors): Record<string, unknown> {
  const gstin = values.gstin.trim().toUpperCase();
  let state = values.state.trim();
  if (state === '' && isValidGstin(gstin)) state = gstinState(gstin)?.name ?? '';
  values.gstin = gstin;
  values.state = state;
  const rate = Number(values.defaultTaxRate);
  if (values.defaultTaxRate.trim() === '' || !Number.isFinite(rate)) errors['defaultTaxRate'] = 'Choose a GST rate';
  return { gstin: gstin === '' ? null : gstin, state: state === '' ? null : state, pricesIncludeTax: values.pricesIncludeTax, defaultTaxRate: Number.isFinite(rate) ? rate : 0 };
}

/** Delivery methods, service area and fees as the core's input. */
function checkoutInput(values: SettingsValues, currency: string, errors: FieldErrors): Record<string, unknown> {
  const type = values.serviceAreaType === 'pincodes' || values.serviceAreaType === 'prefixes' ? values.serviceAreaType : 'all';
  return {
    deliveryMethods: values.deliveryMethods,
    // "All of India" keeps no list: typed pincodes left behind would only be refused.
    serviceArea: { type, values: type === 'all' ? [] : areaValues(values.serviceAreaValues) },
    packagingFee: chargeInput(values.packagingFeeType, values.packagingFeeValue, currency, 'packaging fee', errors, 'packagingFee'),
    codFee: chargeInput(values.codFeeType, values.codFeeValue, currency, 'cash on delivery fee', errors, 'codFee'),
  };
}

/** Which groups the posted form had: unticked boxes send nothing, so a missing group must not read as "all off". */
interface FormGroups {
  payment: boolean;
  gst: boolean;
  checkout: boolean;
}

/** The settings form as the core's input, or the amounts the plugin itself can already refuse. */
function settingsInput(values: SettingsValues, groups: FormGroups): { input: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const currency = values.currency.trim().toUpperCase() || 'INR';
  const money = (name: 'deliveryFee' | 'freeDeliveryAbove' | 'minOrderValue', empty: number | null) => {
    const text = values[name].trim();
    if (text === '') return empty;
    let amount: number | null = null;
    try {
      amount = parseMoney(text, currency);
    } catch {
      amount = null; // an unknown currency: the core names that field
    }
    if (amount === null) errors[name] = 'Enter an amount like 40 or 40.50';
    return amount;
  };
  const input = {
    name: values.name,
    slug: values.slug,
    description: values.description,
    phone: values.phone.trim() === '' ? null : values.phone,
    pickupAddress: values.pickupAddress,
    currency,
    deliveryFee: money('deliveryFee', 0),
    freeDeliveryAbove: money('freeDeliveryAbove', null),
    minOrderValue: money('minOrderValue', 0),
    isOpen: values.isOpen,
    autoAcceptOrders: values.autoAcceptOrders,
    // Only a form that had the payment fields changes them (unticked boxes send nothing at all).
    ...(groups.payment ? { upiId: values.upiId.trim(), paymentMethods: values.paymentMethods, newOrderEmails: values.newOrderEmails } : {}),
    ...(groups.gst ? gstInput(values, errors) : {}),
    ...(groups.checkout ? checkoutInput(values, currency, errors) : {}),
    // A form from before the setting existed sends none: keep the store's.
    ...(values.timeZone.trim() ? { timeZone: values.timeZone.trim() } : {}),
    // A form from before the setting existed sends none: keep the store's.
    ...(values.locale ? { locale: values.locale } : {}),
  };
  return { input, errors };
}

/** The settings of issue 13 the form shows, whatever the public store view carries. */
function checkoutSettings(store: Store) {
  const { gstin, state, pricesIncludeTax, defaultTaxRate, packagingFee, codFee, deliveryMethods, serviceArea } = store;
  return { gstin, state, pricesIncludeTax, defaultTaxRate, packagingFee, codFee, deliveryMethods, serviceArea };
}

/** The store's settings form, with its public link. */
async function settingsPage(runtime: Runtime, request: Request, h: ResponseToolkit, status = 200, extra: { values?: SettingsValues; errors?: FieldErrors } = {}) {
  const { ctx, store } = await vendorPage(runtime, request, h);
  const settings = { ...storeView(store), upiId: store.upiId, timeZone: store.timeZone, newOrderEmails: store.newOrderEmails, ...checkoutSettings(store) };
  return privateHtml(h, { page: 'settings', props: { ctx, store: settings, publicUrl: baseUrl(runtime, request), indianStates, ...extra } }, status);
}

async function saveSettings(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { stores } = runtime.dukaan;
  const storeId = storeIdOf(request);
  const values = settingsValues(request.payload);
  const has = (name: string) => field(request.payload, name) !== '';
  const { input, errors: refused } = settingsInput(values, { payment: has('paymentFields'), gst: has('gstFields'), checkout: has('checkoutFields') });
  const logo = file(request.payload, 'logo');
  const errors = uploadFormErrors({ schema: storeUpdateSchema, input, refused, image: logo, imageField: 'logo', placeholders: settingsPlaceholders });
  if (Object.keys(errors).length > 0) return settingsPage(runtime, request, h, 400, { values, errors: byFormField(errors, values) });
  try {
    await stores.update(storeId, input);
    if (logo) await stores.saveLogo(storeId, logo);
  } catch (error) {
    const problem = formProblem(error);
    return settingsPage(runtime, request, h, problem.status, { values, errors: byFormField(problem.errors, values) });
  }
  return seeOther(runtime, h, '/dashboard/settings?done=saved');
}

/** The dashboard's store settings: the form and saving it (with an optional new logo). */
export function dashboardSettingsRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, { method: 'GET', path: '/dashboard/settings', auth: 'vendor', handler: (request, h) => settingsPage(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/settings', auth: 'vendor', body: 'upload', handler: (request, h) => saveSettings(runtime, request, h) }),
  ];
}
