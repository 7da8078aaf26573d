import Joi from 'joi';
import { currencyField, emailField, moneyField, phoneField, slugField } from '../shared/fields.js';

export interface SignUpInput {
  email: string;
  password: string;
  storeName: string;
  slug?: string;
  phone?: string | null;
}

export interface LogInInput {
  email: string;
  password: string;
}

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

export interface ApiTokenInput {
  name: string;
}

const storeName = Joi.string().trim().min(1).max(80);

export const signUpSchema = Joi.object<SignUpInput>({
  email: emailField.required(),
  password: Joi.string().min(8).max(200).required(),
  storeName: storeName.required(),
  slug: slugField,
  phone: phoneField.allow(null),
});

export const logInSchema = Joi.object<LogInInput>({
  email: emailField.required(),
  password: Joi.string().min(1).max(200).required(),
});

export const storeUpdateSchema = Joi.object<StoreUpdateInput>({
  name: storeName,
  slug: slugField,
  description: Joi.string().trim().max(2000).allow(''),
  phone: phoneField.allow(null),
  pickupAddress: Joi.string().trim().max(500).allow(''),
  logoUrl: Joi.string().trim().max(2000).uri({ allowRelative: true }).allow(null),
  currency: currencyField,
  deliveryFee: moneyField,
  freeDeliveryAbove: moneyField.allow(null),
  minOrderValue: moneyField,
  isOpen: Joi.boolean().strict(),
  autoAcceptOrders: Joi.boolean().strict(),
})
  .min(1)
  .messages({ 'object.min': 'Send at least one field to change' });

export const apiTokenSchema = Joi.object<ApiTokenInput>({
  name: Joi.string().trim().min(1).max(60).required(),
});
