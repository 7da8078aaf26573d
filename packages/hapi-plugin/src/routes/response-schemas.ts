import Joi from 'joi';

// The bodies the API answers with, as joi schemas: the OpenAPI document is generated from them
// (joi-to-json, like the request schemas), and the tests check real answers against it.
// Objects allow keys beyond those listed, so adding a field later is not a breaking change.

const id = Joi.string();
const money = Joi.number().integer().min(0);
const timestamp = Joi.string().isoDate();
const text = Joi.string().allow('');
const object = (keys: Record<string, Joi.Schema>) => Joi.object(keys).unknown(true);
const page = (item: Joi.Schema) => object({ items: Joi.array().items(item).required(), nextCursor: Joi.string().allow(null).required() });

const fieldError = object({ path: Joi.string().required(), message: Joi.string().required() });

/** `{ statusCode, error, message, code, details? }`: every error under /api/v1. */
export const errorBody = object({
  statusCode: Joi.number().integer().min(400).max(599).required(),
  error: Joi.string().required(),
  message: Joi.string().required(),
  code: Joi.string().pattern(/^[A-Z_]+$/).required(),
  details: Joi.alternatives().try(Joi.array().items(fieldError), Joi.object().unknown(true)).description('Field errors, or for PRICE_CHANGED the new quote'),
}).label('Error');

export const vendorBody = object({ id: id.required(), email: Joi.string().required() });

export const storeBody = object({
  id: id.required(),
  name: Joi.string().required(),
  slug: Joi.string().required(),
  url: Joi.string().required(),
  description: text.required(),
  phone: Joi.string().allow(null).required(),
  pickupAddress: text.required(),
  logoUrl: Joi.string().allow(null).required(),
  currency: Joi.string().length(3).required(),
  deliveryFee: money.required(),
  freeDeliveryAbove: money.allow(null).required(),
  minOrderValue: money.required(),
  isOpen: Joi.boolean().required(),
  autoAcceptOrders: Joi.boolean().required(),
}).label('Store');

export const meBody = object({ vendor: vendorBody.required(), store: storeBody.required() }).label('Me');

export const tokenBody = object({ id: id.required(), name: Joi.string().required(), token: Joi.string().required(), createdAt: timestamp.required() }).label('ApiToken');

/** A listed API token: never its secret, only the first characters the vendor recognises it by. */
export const apiTokenViewBody = object({
  id: id.required(),
  name: Joi.string().required(),
  prefix: Joi.string().allow(null).required(),
  createdAt: timestamp.required(),
  lastUsedAt: timestamp.allow(null).required(),
}).label('ApiTokenView');
export const apiTokenListBody = object({ items: Joi.array().items(apiTokenViewBody).required() });

/** One signed-in session of the vendor; `current` marks the one asking. */
export const sessionBody = object({
  id: id.required(),
  device: Joi.string().required(),
  createdAt: timestamp.required(),
  lastSeenAt: timestamp.allow(null).required(),
  current: Joi.boolean().required(),
}).label('Session');
export const sessionListBody = object({ items: Joi.array().items(sessionBody).required() });

/** What a step that sends mail answers (the same words whether or not an account matched). */
export const acceptedBody = object({ message: Joi.string().required() }).label('Accepted');
export const emailChangeBody = object({ pendingEmail: Joi.string().required(), message: Joi.string().required() }).label('EmailChange');
export const customerErasedBody = object({
  ordersErased: Joi.number().integer().min(0).required().description('Finished orders (delivered, rejected, cancelled, returned) whose customer details were erased'),
  ordersOpen: Joi.number().integer().min(0).required().description('Orders of that customer still being worked: kept whole until they finish, so erase again then'),
}).label('CustomerErased');

export const categoryBody = object({ id: id.required(), name: Joi.string().required(), position: Joi.number().integer().required() }).label('Category');
export const categoryListBody = object({ items: Joi.array().items(categoryBody).required() });

export const productBody = object({
  id: id.required(),
  name: Joi.string().required(),
  description: text.required(),
  price: money.required(),
  compareAtPrice: money.allow(null).required(),
  currency: Joi.string().length(3).required(),
  stock: Joi.number().integer().min(0).allow(null).required(),
  sku: Joi.string().allow(null).required(),
  categoryId: Joi.string().allow(null).required(),
  active: Joi.boolean().required(),
  position: Joi.number().integer().required(),
  images: Joi.array().items(Joi.string()).required(),
  createdAt: timestamp.required(),
  updatedAt: timestamp.required(),
}).label('Product');
export const productListBody = page(productBody);
export const imageBody = object({ url: Joi.string().required() });

const orderLine = object({
  productId: Joi.string().allow(null).required(),
  name: Joi.string().required(),
  unitPrice: money.required(),
  quantity: Joi.number().integer().min(1).required(),
  lineTotal: money.required(),
});

/** An order as the customer sees it. */
export const customerOrderBody = object({
  id: id.required(),
  number: Joi.number().integer().required(),
  token: Joi.string().required(),
  status: Joi.string().required(),
  statusReason: Joi.string().allow(null).required().description('Why the order was cancelled, rejected or returned, when the vendor said; null otherwise'),
  customer: object({ name: Joi.string().required(), phone: Joi.string().required(), email: Joi.string().allow(null), address: Joi.string().required(), pincode: Joi.string().required() }).required(),
  items: Joi.array().items(orderLine).required(),
  subtotal: money.required(),
  deliveryFee: money.required(),
  total: money.required(),
  currency: Joi.string().length(3).required(),
  paymentMethod: Joi.string().required(),
  note: Joi.string().allow(null, '').required(),
  createdAt: timestamp.required(),
  updatedAt: timestamp.required(),
}).label('CustomerOrder');

/** The vendor's view adds the status history. */
export const vendorOrderBody = customerOrderBody
  .keys({
    history: Joi.array()
      .items(object({ status: Joi.string().required(), at: timestamp.required(), reason: Joi.string().allow(null).required() }))
      .required(),
  })
  .label('VendorOrder');
export const orderListBody = page(vendorOrderBody);

export const publicStoreBody = object({
  store: object({ name: Joi.string().required(), slug: Joi.string().required(), currency: Joi.string().required() }).required(),
  categories: Joi.array().items(object({ id: id.required(), name: Joi.string().required(), position: Joi.number().integer().required() })).required(),
  products: Joi.array()
    .items(object({ id: id.required(), name: Joi.string().required(), price: money.required(), stock: Joi.number().integer().allow(null).required(), inStock: Joi.boolean().required() }))
    .required(),
}).label('PublicStore');

export const healthBody = object({ status: Joi.string().valid('ok').required() });
export const readyBody = object({ status: Joi.string().valid('ready').required() });
export const unreadyBody = object({ status: Joi.string().valid('unavailable').required(), reason: Joi.string().required() });
export const openApiBody = Joi.object().unknown(true);
