import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import { storeUpdateSchema } from '@dukaan-kit/core';
import { parseMoney, type FieldErrors, type SettingsValues } from '@dukaan-kit/storefront-ui';
import { baseUrl, type Runtime } from '../runtime.js';
import { storeView, vendorPage } from './context.js';
import { formProblem, uploadFormErrors } from './dashboard-forms.js';
import { privateHtml, storeIdOf } from './dashboard-page.js';
import { pageRoute, seeOther } from './define.js';
import { file, formValues } from './forms.js';

/** Valid stand-ins for fields the plugin already refused, so the schema reports only the others. */
const settingsPlaceholders: Record<string, unknown> = { deliveryFee: 0, freeDeliveryAbove: null, minOrderValue: 0, logo: undefined };

/** What the settings form sent, as text for re-rendering. */
function settingsValues(payload: unknown): SettingsValues {
  const texts = ['name', 'slug', 'description', 'phone', 'pickupAddress', 'currency', 'deliveryFee', 'freeDeliveryAbove', 'minOrderValue'] as const;
  return formValues(payload, texts, ['isOpen', 'autoAcceptOrders'] as const);
}

/** The settings form as the core's input, or the amounts the plugin itself can already refuse. */
function settingsInput(values: SettingsValues): { input: Record<string, unknown>; errors: FieldErrors } {
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
  };
  return { input, errors };
}

/** The store's settings form, with its public link. */
async function settingsPage(runtime: Runtime, request: Request, h: ResponseToolkit, status = 200, extra: { values?: SettingsValues; errors?: FieldErrors } = {}) {
  const { ctx, store } = await vendorPage(runtime, request, h);
  return privateHtml(h, { page: 'settings', props: { ctx, store: storeView(store), publicUrl: baseUrl(runtime, request), ...extra } }, status);
}

async function saveSettings(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const { stores } = runtime.dukaan;
  const storeId = storeIdOf(request);
  const values = settingsValues(request.payload);
  const { input, errors: refused } = settingsInput(values);
  const logo = file(request.payload, 'logo');
  const errors = uploadFormErrors({ schema: storeUpdateSchema, input, refused, image: logo, imageField: 'logo', placeholders: settingsPlaceholders });
  if (Object.keys(errors).length > 0) return settingsPage(runtime, request, h, 400, { values, errors });
  try {
    await stores.update(storeId, input);
    if (logo) await stores.saveLogo(storeId, logo);
  } catch (error) {
    const problem = formProblem(error);
    return settingsPage(runtime, request, h, problem.status, { values, errors: problem.errors });
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
