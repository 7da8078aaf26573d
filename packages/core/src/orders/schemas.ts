import Joi from 'joi';
import { cursorField, emailField, idField, pageLimitField, phoneField } from '../shared/fields.js';
import { orderStatuses, paymentMethods, type OrderStatus, type PaymentMethod } from './order.js';

export interface PlaceOrderInput {
  customer: {
    name: string;
    phone: string;
    email?: string | null;
    address: string;
    pincode: string;
  };
  items: Array<{ productId: string; quantity: number }>;
  note?: string | null;
  paymentMethod: PaymentMethod;
}

export interface OrderListInput {
  limit: number;
  cursor?: string;
  status?: OrderStatus;
}

export interface OrderStatusInput {
  status: OrderStatus;
}

export const placeOrderSchema = Joi.object<PlaceOrderInput>({
  customer: Joi.object({
    name: Joi.string().trim().min(1).max(100).required(),
    phone: phoneField.required(),
    email: emailField.allow(null, ''),
    address: Joi.string().trim().min(5).max(500).required(),
    pincode: Joi.string()
      .trim()
      .pattern(/^[1-9]\d{5}$/, 'pincode')
      .required()
      .messages({ 'string.pattern.name': '{#label} must be a 6-digit PIN code' }),
  }).required(),
  items: Joi.array()
    .items(
      Joi.object({
        productId: idField.required(),
        quantity: Joi.number().strict().integer().min(1).max(1000).required(),
      }),
    )
    .min(1)
    .max(100)
    .required()
    .messages({ 'array.min': 'Add at least one product to the order' }),
  note: Joi.string().trim().max(500).allow(null, ''),
  paymentMethod: Joi.string()
    .valid(...paymentMethods)
    .required(),
});

/** Printable ASCII, as Stripe and the IETF draft allow; long enough for a UUID or a hash. */
export const idempotencyKeySchema = Joi.string()
  .pattern(/^[\x21-\x7e]{1,255}$/, 'idempotency key')
  .label('Idempotency-Key')
  .messages({ 'string.pattern.name': '{#label} must be 1-255 printable ASCII characters' });

export const orderListSchema = Joi.object<OrderListInput>({
  limit: pageLimitField,
  cursor: cursorField,
  status: Joi.string().valid(...orderStatuses),
});

export const orderStatusSchema = Joi.object<OrderStatusInput>({
  status: Joi.string()
    .valid(...orderStatuses)
    .required(),
});
