import type { DeliveryMethod } from '../pricing/index.js';
import Joi from 'joi';
import { cursorField, emailField, idField, moneyField, pageLimitField, phoneField, textField } from '../shared/fields.js';
import { orderStatuses, paymentMethods, paymentStatuses, type OrderStatus, type PaymentMethod, type PaymentStatus } from './order.js';
import { isCalendarDate } from '../shared/time-zone.js';
import { reasonStatuses } from './status-machine.js';

/** The customer as a checkout sends them; which address fields are required depends on the store (see checkoutCustomer). */
export interface CustomerInput {
  name: string;
  phone: string;
  email?: string | null;
  house?: string | null;
  street?: string | null;
  landmark?: string | null;
  city?: string | null;
  state?: string | null;
  pincode?: string | null;
  /** The one-line address of clients written before the address had parts (kept for one minor version). */
  address?: string | null;
}

export interface PlaceOrderInput {
  customer: CustomerInput;
  /** `variantId` is required for a product with options; without options it may be left out (the default variant). */
  items: Array<{ productId: string; variantId?: string; quantity: number }>;
  note?: string | null;
  paymentMethod: PaymentMethod;
  /** The total (minor units) the customer was shown; when given, a different total refuses the order. */
  expectedTotal?: number;
  /** A coupon code, any case; '' is none. */
  couponCode?: string;
  /** Default 'delivery'. */
  deliveryMethod?: DeliveryMethod;
}

/** The filters of the order list and its CSV export. */
export interface OrderFilterInput {
  /** An order number (`1001`, `#1001`), part of a customer's name, or a phone number. */
  q?: string;
  status?: OrderStatus;
  paymentStatus?: PaymentStatus;
  /** `YYYY-MM-DD`, the first day included, in the store's time zone. */
  from?: string;
  /** `YYYY-MM-DD`, the last day included, in the store's time zone. */
  to?: string;
}

export interface OrderListInput extends OrderFilterInput {
  limit: number;
  cursor?: string;
}

export interface OrderStatusInput {
  status: OrderStatus;
  /** Why (cancelled, rejected, returned only); '' or null is no reason. */
  reason?: string | null;
}

/** What the vendor sends to change an order's payment. */
export interface PaymentChangeInput {
  status: 'paid' | 'refunded';
  /** The UPI transaction id, a receipt number, a refund reference; '' or null is none (the stored one is kept). */
  reference?: string | null;
}

/** The longest payment reference (the column holds 100: a UTR is 12 digits, a gateway id about 30). */
export const maxPaymentReferenceLength = 100;

/** The longest reason a status change may carry (the column holds it; a line, not a letter). */
export const maxReasonLength = 200;

export const pincodeField = textField
  .trim()
  .pattern(/^[1-9]\d{5}$/, 'pincode')
  .label('PIN code')
  .messages({ 'string.pattern.name': '{#label} must be 6 digits and cannot start with 0' });

const oneLineAddress = textField.trim().min(5).max(500);

/**
 * The one-line address of older clients: required for a delivery that sends none of the address
 * parts (house, street, city, state), optional otherwise. Asked here rather than in core so that
 * a checkout sent with nothing is told every missing field at once.
 */
const addressField = ['house', 'street', 'city', 'state']
  .reduceRight<Joi.Schema>(
    (otherwise, part) => Joi.when(part, { is: Joi.string().min(1).required(), then: oneLineAddress.allow(null, ''), otherwise }),
    Joi.when('/deliveryMethod', { is: 'pickup', then: oneLineAddress.allow(null, ''), otherwise: oneLineAddress.required() }),
  )
  .label('Address');

export const placeOrderSchema = Joi.object<PlaceOrderInput>({
  customer: Joi.object({
    name: textField.trim().min(1).max(100).label('Name').required(),
    phone: phoneField.required(),
    email: emailField.allow(null, ''),
    house: textField.trim().max(200).allow(null, '').label('House or flat'),
    street: textField.trim().max(200).allow(null, '').label('Street or area'),
    landmark: textField.trim().max(200).allow(null, '').label('Landmark'),
    city: textField.trim().max(100).allow(null, '').label('City'),
    state: textField.trim().max(60).allow(null, '').label('State'),
    // Delivery needs somewhere to go: a PIN code, and the address in parts or on one line. Which
    // parts are required depends on the store (see checkoutCustomer).
    address: addressField,
    pincode: Joi.when('/deliveryMethod', { is: 'pickup', then: pincodeField.allow(null, ''), otherwise: pincodeField.required() }),
  })
    .label('Customer')
    .required(),
  items: Joi.array()
    .items(
      Joi.object({
        productId: idField.label('Product').required(),
        variantId: idField.label('Variant'),
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
  couponCode: textField.trim().uppercase().max(32).allow('').label('Coupon code'),
  deliveryMethod: Joi.string().valid('delivery', 'pickup').label('Delivery method').messages({ 'any.only': '{#label} must be delivery or pickup' }),
});

/** Printable ASCII, as Stripe and the IETF draft allow; long enough for a UUID or a hash. The column holds 255. */
export const idempotencyKeySchema = Joi.string()
  .pattern(/^[\x21-\x7e]{1,255}$/, 'idempotency key')
  .label('Idempotency-Key')
  .messages({ 'string.pattern.name': '{#label} must be 1-255 printable ASCII characters' });

const dateMessage = '{#label} must be a date written YYYY-MM-DD, such as 2026-01-31';

/** A calendar day, `YYYY-MM-DD`; '' is no date (what an empty form field sends). */
const dayField = textField
  .trim()
  .allow('')
  .custom((value: string, helpers) => (isCalendarDate(value) ? value : helpers.error('date.day')))
  .messages({ 'date.day': dateMessage });

/** The search and filters the order list and its export share. `to` before `from` is refused, not answered with nothing. */
const orderFilterKeys = {
  q: textField.trim().max(100).allow('').label('Search'),
  status: Joi.string().valid(...orderStatuses).label('Status'),
  paymentStatus: Joi.string().valid(...paymentStatuses).label('Payment status'),
  from: dayField.label('from'),
  to: dayField.label('to').custom((value: string, helpers) => {
    // Keys are validated in order, so `from` is already trimmed here (and left as sent when it was refused).
    const from = (helpers.state.ancestors[0] as { from?: unknown } | undefined)?.from;
    return value !== '' && typeof from === 'string' && isCalendarDate(from) && from > value ? helpers.error('date.range') : value;
  }).messages({ 'date.range': 'to must be on or after from (both days are included)' }),
};

export const orderListSchema = Joi.object<OrderListInput>({
  limit: pageLimitField,
  cursor: cursorField,
  ...orderFilterKeys,
});

/** The filters of `GET /api/v1/orders/export`: the list's, without paging (the export holds every match). */
export const orderExportSchema = Joi.object<OrderFilterInput>(orderFilterKeys);

export const orderStatusSchema = Joi.object<OrderStatusInput>({
  status: Joi.string()
    .valid(...orderStatuses)
    .label('Status')
    .required(),
  // Only a move that stops the order has something to explain; a reason elsewhere is a
  // mistake (a client sending it with the wrong move), not something to drop silently.
  reason: Joi.when('status', {
    is: Joi.valid(...reasonStatuses),
    then: textField.trim().max(maxReasonLength).allow(null, ''),
    otherwise: textField.trim().valid(null, '').messages({ 'any.only': 'A reason can only be given to cancel, reject or return an order' }),
  }).label('Reason'),
});

/** `POST /api/v1/orders/{id}/payment`: only the vendor's own moves (pending is where every order starts). */
export const paymentChangeSchema = Joi.object<PaymentChangeInput>({
  status: Joi.string()
    .valid('paid', 'refunded')
    .label('Payment status')
    .required()
    .messages({ 'any.only': '{#label} must be paid or refunded' }),
  reference: textField.trim().max(maxPaymentReferenceLength).allow(null, '').label('Reference'),
});
