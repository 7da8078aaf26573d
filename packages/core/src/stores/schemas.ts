import Joi from 'joi';
import { currencyField, imageUrlField, moneyField, phoneField, slugField, textField } from '../shared/fields.js';
import { storeNameField } from '../vendors/schemas.js';
import { paymentMethods, type PaymentMethod } from '../orders/order.js';
import { canonicalTimeZone, maxTimeZoneLength } from '../shared/time-zone.js';
import { chargeRuleField, gstinField, indianStateField, serviceAreaField, taxRateField } from '../shared/tax-fields.js';
import type { ChargeRule, DeliveryMethod } from '../pricing/index.js';
import type { ServiceArea } from './service-area.js';
import type { Locale } from '../i18n/locales.js';
import { localeField } from '../shared/locale-field.js';

export const deliveryMethods = ['delivery', 'pickup'] as const;

/**
 * A UPI ID (VPA): a handle of letters, digits, dots, hyphens and underscores, `@`, and the
 * bank's or app's name (`asha.rao@okhdfcbank`, `9876543210@ybl`). At most 100 characters.
 */
export const upiIdPattern = /^[a-zA-Z0-9._-]{2,256}@[a-zA-Z][a-zA-Z0-9.-]{1,63}$/;
export const maxUpiIdLength = 100;

/** The store's UPI ID; null or '' removes it. */
export const upiIdField = textField
  .trim()
  .max(maxUpiIdLength)
  .pattern(upiIdPattern, 'UPI ID')
  .label('UPI ID')
  .messages({ 'string.pattern.name': '{#label} must look like name@bank, such as asha.rao@okhdfcbank' });

/** An IANA time zone name, as the runtime lists it; kept in the listed spelling (`asia/kolkata` is stored `Asia/Kolkata`). */
export const timeZoneField = textField
  .trim()
  .max(maxTimeZoneLength)
  .custom((value: string, helpers) => canonicalTimeZone(value) ?? helpers.error('timeZone.unknown'))
  .label('Time zone')
  .messages({ 'timeZone.unknown': '{#label} must be a time zone name such as Asia/Kolkata' });

/** The methods a store offers: at least one, each once (one value alone is read as a list, as a form sends it). */
export const paymentMethodsField = Joi.array()
  .items(Joi.string().valid(...paymentMethods).label('Payment method'))
  .min(1)
  .unique()
  .single()
  .label('Payment methods')
  .messages({ 'array.min': 'Offer at least one payment method', 'array.unique': 'Each payment method may be listed once' });

export interface StoreUpdateInput {
  name?: string;
  slug?: string;
  description?: string;
  phone?: string | null;
  pickupAddress?: string;
  logoUrl?: string | null;
  currency?: string;
  deliveryFee?: number;
  freeDeliveryAbove?: number | null;
  minOrderValue?: number;
  isOpen?: boolean;
  autoAcceptOrders?: boolean;
  /** null or '' removes it. */
  upiId?: string | null;
  paymentMethods?: PaymentMethod[];
  timeZone?: string;
  newOrderEmails?: boolean;
  /** null or '' removes it. */
  gstin?: string | null;
  /** null or '' removes it; prefilled from the GSTIN when left out. */
  state?: string | null;
  pricesIncludeTax?: boolean;
  defaultTaxRate?: number;
  packagingFee?: ChargeRule | null;
  codFee?: ChargeRule | null;
  deliveryMethods?: DeliveryMethod[];
  serviceArea?: ServiceArea;
  /** The language customers see the store and their order mails in, until they choose one. */
  locale?: Locale;
}

export const storeUpdateSchema = Joi.object<StoreUpdateInput>({
  name: storeNameField,
  slug: slugField,
  description: textField.trim().max(2000).allow('').label('Description'),
  phone: phoneField.allow(null),
  pickupAddress: textField.trim().max(500).allow('').label('Pickup address'),
  logoUrl: imageUrlField.allow(null).label('Logo URL'),
  currency: currencyField,
  deliveryFee: moneyField.label('Delivery fee'),
  freeDeliveryAbove: moneyField.allow(null).label('Free delivery above'),
  minOrderValue: moneyField.label('Minimum order'),
  isOpen: Joi.boolean().strict().label('Open for orders'),
  autoAcceptOrders: Joi.boolean().strict().label('Accept orders automatically'),
  upiId: upiIdField.allow(null, ''),
  paymentMethods: paymentMethodsField,
  timeZone: timeZoneField,
  newOrderEmails: Joi.boolean().strict().label('Email me each new order'),
  gstin: gstinField.allow(null, ''),
  state: indianStateField.allow(null, ''),
  pricesIncludeTax: Joi.boolean().strict().label('Prices include GST'),
  defaultTaxRate: taxRateField.label('Default GST rate'),
  packagingFee: chargeRuleField.allow(null).label('Packaging fee'),
  codFee: chargeRuleField.allow(null).label('Cash on delivery fee'),
  deliveryMethods: Joi.array()
    .items(Joi.string().valid(...deliveryMethods).label('Delivery method'))
    .min(1)
    .unique()
    .single()
    .label('Delivery methods')
    .messages({ 'array.min': 'Offer delivery, pickup or both', 'array.unique': 'Each delivery method may be listed once' }),
  serviceArea: serviceAreaField,
  locale: localeField.label("Customers' language"),
})
  .min(1)
  .messages({ 'object.min': 'Send at least one field to change' });
