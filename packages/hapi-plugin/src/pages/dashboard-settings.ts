import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { storeUpdateSchema } from '@dukaan-kit/core';
import { parseMoney, type FieldErrors, type SettingsValues } from '@dukaan-kit/storefront-ui';
import { baseUrl, type Runtime } from '../runtime.js';
import { storeView, vendorPage } from './context.js';
import { formProblem, uploadFormErrors } from './dashboard-forms.js';
import { privateHtml, storeIdOf } from './dashboard-page.js';
import { pageRoute, seeOther } from './define.js';
import { field, fields, file, formValues } from './forms.js';

/** Valid stand-ins for fields the plugin already refused, so the schema reports only the others. */
const settingsPlaceholders: Record<string, unknown> = { deliveryFee: 0, freeDeliveryAbove: null, minOrderValue: 0, logo: undefined };

/** What the settings form sent, as text for re-rendering (the payment methods as the boxes ticked, at most a few). */
function settingsValues(payload: unknown): SettingsValues {
  const texts = ['name', 'slug', 'description', 'phone', 'pickupAddress', 'currency', 'deliveryFee', 'freeDeliveryAbove', 'minOrderValue', 'upiId', 'timeZone'] as const;
  return { ...formValues(payload, texts, ['isOpen', 'autoAcceptOrders', 'newOrderEmails'] as const), paymentMethods: fields(payload, 'paymentMethods').slice(0, 10) };
}

/** `paymentMethods.1` -> `paymentMethods`: the boxes are one field on the page. */
function byFormField(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) out[path.split('.')[0]!] ??= message;
  return out;
}

/** The settings form as the core's input, or the amounts the plugin itself can already refuse. */
function settingsInput(values: SettingsValues, paymentFields: boolean): { input: Record<string, unknown>; errors: FieldErrors } {
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
    ...(paymentFields ? { upiId: values.upiId.trim(), paymentMethods: values.paymentMethods, newOrderEmails: values.newOrderEmails } : {}),
    // A form from before the setting existed sends none: keep the store's.
    ...(values.timeZone.trim() ? { timeZone: values.timeZone.trim() } : {}),
  };
  return { input, errors };
}

/** The store's settings form, with its public link. */
async function settingsPage(runtime: Runtime, request: Request, h: ResponseToolkit, status = 200, extra: { values?: SettingsValues; errors?: FieldErrors } = {}) {
  const { ctx, store } = await vendorPage(runtime, request, h);
  const settings = { ...storeView(store), upiId: store.upiId, timeZone: store.timeZone, newOrderEmails: store.newOrderEmails };
  return privateHtml(h, { page: 'settings', props: { ctx, store: settings, publicUrl: baseUrl(runtime, request), ...extra } }, status);
}

async function saveSettings(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { stores } = runtime.dukaan;
  const storeId = storeIdOf(request);
  const values = settingsValues(request.payload);
  const { input, errors: refused } = settingsInput(values, field(request.payload, 'paymentFields') !== '');
  const logo = file(request.payload, 'logo');
  const errors = uploadFormErrors({ schema: storeUpdateSchema, input, refused, image: logo, imageField: 'logo', placeholders: settingsPlaceholders });
  if (Object.keys(errors).length > 0) return settingsPage(runtime, request, h, 400, { values, errors: byFormField(errors) });
  try {
    await stores.update(storeId, input);
    if (logo) await stores.saveLogo(storeId, logo);
  } catch (error) {
    const problem = formProblem(error);
    return settingsPage(runtime, request, h, problem.status, { values, errors: byFormField(problem.errors) });
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
