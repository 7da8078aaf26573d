import Joi from 'joi';
import { cursorField, emailField, idField, moneyField, pageLimitField, phoneField, textField } from '../shared/fields.js';
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
  /** The total (minor units) the customer was shown; when given, a different total refuses the order. */
  expectedTotal?: number;
}

export interface OrderListInput {
  limit: number;
  cursor?: string;
  status?: OrderStatus;
}

export interface OrderStatusInput {
  status: OrderStatus;
}

export const pincodeField = textField
  .trim()
  .pattern(/^[1-9]\d{5}$/, 'pincode')
  .label('PIN code')
  .messages({ 'string.pattern.name': '{#label} must be a 6-digit PIN code' });

export const placeOrderSchema = Joi.object<PlaceOrderInput>({
  customer: Joi.object({
    name: textField.trim().min(1).max(100).label('Name').required(),
    phone: phoneField.required(),
    email: emailField.allow(null, ''),
    address: textField.trim().min(5).max(500).label('Address').required(),
    pincode: pincodeField.required(),
  })
    .label('Customer')
    .required(),
  items: Joi.array()
    .items(
      Joi.object({
        productId: idField.label('Product').required(),
        quantity: Joi.number().strict().integer().min(1).max(1000).label('Quantity').required(),
      }),
    )
    .min(1)
    .max(100)
    .label('Items')
    .required()
    .messages({ 'array.min': 'Add at least one product to the order' }),
  note: textField.trim().max(500).allow(null, '').label('Note'),
  paymentMethod: Joi.string()
    .valid(...paymentMethods)
    .label('Payment method')
    .required(),
  expectedTotal: moneyField.label('Expected total'),
});

/** Printable ASCII, as Stripe and the IETF draft allow; long enough for a UUID or a hash. The column holds 255. */
export const idempotencyKeySchema = Joi.string()
  .pattern(/^[\x21-\x7e]{1,255}$/, 'idempotency key')
  .label('Idempotency-Key')
  .messages({ 'string.pattern.name': '{#label} must be 1-255 printable ASCII characters' });

export const orderListSchema = Joi.object<OrderListInput>({
  limit: pageLimitField,
  cursor: cursorField,
  status: Joi.string().valid(...orderStatuses).label('Status'),
});

export const orderStatusSchema = Joi.object<OrderStatusInput>({
  status: Joi.string()
    .valid(...orderStatuses)
    .label('Status')
    .required(),
});
