import Joi from 'joi';
import { currencyField, imageUrlField, moneyField, phoneField, slugField, textField } from '../shared/fields.js';
import { storeNameField } from '../vendors/schemas.js';

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
})
  .min(1)
  .messages({ 'object.min': 'Send at least one field to change' });
