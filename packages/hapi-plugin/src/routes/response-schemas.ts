import Joi from 'joi';
import { locales } from '@dukaan-kit/core/i18n';

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
  reason: Joi.string()
    .valid('unknown', 'not_started', 'expired', 'below_minimum', 'used_up', 'per_customer_limit', 'first_order_only')
    .description('COUPON_NOT_APPLICABLE only: why the code does not apply'),
}).label('Error');

const chargeRule = object({
  type: Joi.string().valid('flat', 'percent').required(),
  value: Joi.number().required().description('flat: minor units; percent: a percent of the items (up to 2 decimals)'),
}).label('ChargeRule');

/** The settings that price a checkout: GST and the extra charges. */
const pricingSettings = {
  gstin: Joi.string().allow(null).required().description("The store's GSTIN; null: it charges no GST"),
  state: Joi.string().allow(null).required().description('The state or union territory the store is in (GST state-code list name)'),
  pricesIncludeTax: Joi.boolean().required().description('Whether prices and charges include GST (default true)'),
  defaultTaxRate: Joi.number().required().description('GST rate in percent of products without their own, and of the charges'),
  packagingFee: chargeRule.allow(null).required(),
  codFee: chargeRule.allow(null).required(),
  deliveryMethods: Joi.array().items(Joi.string().valid('delivery', 'pickup')).required(),
};

const locale = Joi.string().valid(...locales);

export const vendorBody = object({
  id: id.required(),
  email: Joi.string().required(),
  locale: locale.required().description("The vendor's language: the dashboard's and their mails' (en English, hi Hindi)"),
});

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
  upiId: Joi.string().allow(null).required().description("The store's UPI ID (name@bank) customers pay to; null for none"),
  paymentMethods: Joi.array().items(Joi.string().valid('cod', 'upi')).required().description('How customers may pay at checkout'),
  timeZone: Joi.string().required().description('IANA time zone the order list dates and the CSV use'),
  newOrderEmails: Joi.boolean().required().description('Whether the vendor gets an email for each new order'),
  ...pricingSettings,
  serviceArea: object({
    type: Joi.string().valid('all', 'pincodes', 'prefixes').required(),
    values: Joi.array().items(Joi.string()).required().description('Six-digit PIN codes, or prefixes of 1-5 digits'),
  }).required(),
  locale: locale.required().description("The language customers see the store and get their order mails in until they choose one (en English, hi Hindi)"),
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

const optionValues = Joi.object().pattern(Joi.string(), Joi.string()).description('Option name to chosen value, e.g. {"Weight": "500 g"}; {} for a product without options');

/** An image as pages show it: the largest JPEG with its size, and srcset lists of its resized copies. */
export const pictureBody = object({
  url: Joi.string().required(),
  width: Joi.number().integer().allow(null).required(),
  height: Joi.number().integer().allow(null).required(),
  srcsetWebp: text.required(),
  srcsetJpeg: text.required(),
}).label('Picture');

const productOptionBody = object({ name: Joi.string().required(), values: Joi.array().items(Joi.string()).required() }).label('ProductOption');

export const variantBody = object({
  id: id.required(),
  options: optionValues.required(),
  price: money.required(),
  compareAtPrice: money.allow(null).required(),
  stock: Joi.number().integer().min(0).allow(null).required(),
  sku: Joi.string().allow(null).required(),
  active: Joi.boolean().required(),
  image: Joi.string().allow(null).required().description("URL of one of the product's images; null: the cover"),
  position: Joi.number().integer().required(),
}).label('Variant');

export const productBody = object({
  id: id.required(),
  slug: Joi.string().required().description('The readable link part: /{store}/p/{slug}'),
  name: Joi.string().required(),
  description: text.required(),
  price: money.required().description("The default variant's price; with options, the lowest among the available variants"),
  compareAtPrice: money.allow(null).required(),
  currency: Joi.string().length(3).required(),
  stock: Joi.number().integer().min(0).allow(null).required().description('With options, summed over the available variants (null when any does not track stock)'),
  sku: Joi.string().allow(null).required().description("The default variant's SKU; null for a product with options"),
  categoryId: Joi.string().allow(null).required(),
  taxRate: Joi.number().allow(null).required().description("GST rate in percent; null: the store's default"),
  hsnCode: Joi.string().allow(null).required().description('HSN code printed on tax invoices'),
  active: Joi.boolean().required(),
  position: Joi.number().integer().required(),
  options: Joi.array().items(productOptionBody).required(),
  variants: Joi.array().items(variantBody).min(1).required(),
  images: Joi.array().items(Joi.string()).required(),
  pictures: Joi.array().items(pictureBody).required(),
  createdAt: timestamp.required(),
  updatedAt: timestamp.required(),
}).label('Product');
export const productListBody = page(productBody);
/** The photos just uploaded: `url` is the first (as before several could come at once), `urls` each. */
export const imageBody = object({ url: Joi.string().required(), urls: Joi.array().items(Joi.string()).required() });

const orderLine = object({
  productId: Joi.string().allow(null).required(),
  variantId: Joi.string().required().description("The variant sold (for a product without options, its default variant: the product's id)"),
  name: Joi.string().required(),
  options: optionValues.required(),
  sku: Joi.string().allow(null).required(),
  unitPrice: money.required(),
  quantity: Joi.number().integer().min(1).required(),
  lineTotal: money.required(),
  taxRate: Joi.number().required().description('GST rate in percent (0 without GST)'),
  hsnCode: Joi.string().allow(null).required(),
  discount: money.required().description("This line's share of the coupon discount"),
  taxableValue: money.required().description('What GST is charged on'),
  tax: money.required(),
});

const orderCharge = object({
  kind: Joi.string().valid('delivery', 'packaging', 'cod').required(),
  amount: money.required(),
  taxRate: Joi.number().required(),
  taxableValue: money.required(),
  tax: money.required(),
}).label('OrderCharge');

/** An order as the customer sees it. */
export const customerOrderBody = object({
  id: id.required(),
  number: Joi.number().integer().required(),
  token: Joi.string().required(),
  status: Joi.string().required(),
  statusReason: Joi.string().allow(null).required().description('Why the order was cancelled, rejected or returned, when the vendor said; null otherwise'),
  customer: object({
    name: Joi.string().required(),
    phone: Joi.string().required(),
    email: Joi.string().allow(null),
    address: text.required().description('The whole address on one line (for clients written before the parts)'),
    house: Joi.string().allow(null).required(),
    street: Joi.string().allow(null).required(),
    landmark: Joi.string().allow(null).required(),
    city: Joi.string().allow(null).required(),
    state: Joi.string().allow(null).required(),
    pincode: text.required(),
  }).required(),
  items: Joi.array().items(orderLine).required(),
  subtotal: money.required(),
  deliveryMethod: Joi.string().valid('delivery', 'pickup').required(),
  discount: money.required(),
  coupon: object({ code: Joi.string().required() }).allow(null).required(),
  deliveryFee: money.required(),
  packagingFee: money.required(),
  codFee: money.required(),
  charges: Joi.array().items(orderCharge).required(),
  taxTotal: money.required().description('Inside total when pricesIncludeTax, added to it otherwise'),
  tax: object({ cgst: money.required(), sgst: money.required(), igst: money.required() }).required(),
  pricesIncludeTax: Joi.boolean().required(),
  sellerGstin: Joi.string().allow(null).required(),
  placeOfSupply: Joi.string().allow(null).required(),
  invoice: object({ number: Joi.number().integer().min(1).required(), financialYear: Joi.string().required(), issuedAt: timestamp.required() })
    .allow(null)
    .required()
    .description('Issued when the order is accepted'),
  total: money.required(),
  currency: Joi.string().length(3).required(),
  paymentMethod: Joi.string().required().description('The same as payment.method (kept for older clients)'),
  payment: object({
    method: Joi.string().valid('cod', 'upi').required(),
    status: Joi.string().valid('pending', 'paid', 'refunded').required().description('Separate from the order status: pending until paid (cash on delivery too)'),
  }).required(),
  note: Joi.string().allow(null, '').required(),
  createdAt: timestamp.required(),
  updatedAt: timestamp.required(),
}).label('CustomerOrder');

/** The vendor's view adds the status history and the payment's reference. */
export const vendorOrderBody = customerOrderBody
  .keys({
    payment: object({
      method: Joi.string().valid('cod', 'upi').required(),
      status: Joi.string().valid('pending', 'paid', 'refunded').required(),
      reference: Joi.string().allow(null).required().description('What the vendor noted when marking it (a UPI transaction id), or a refund reference'),
    }).required(),
    history: Joi.array()
      .items(object({ status: Joi.string().required(), at: timestamp.required(), reason: Joi.string().allow(null).required() }))
      .required(),
  })
  .label('VendorOrder');
export const orderListBody = page(vendorOrderBody);

export const publicStoreBody = object({
  store: object({
    name: Joi.string().required(),
    slug: Joi.string().required(),
    currency: Joi.string().required(),
    paymentMethods: Joi.array().items(Joi.string().valid('cod', 'upi')).required().description('How customers may pay at checkout'),
    ...pricingSettings,
  }).required(),
  categories: Joi.array().items(object({ id: id.required(), name: Joi.string().required(), position: Joi.number().integer().required() })).required(),
  products: Joi.array()
    .items(
      object({
        id: id.required(),
        slug: Joi.string().required(),
        name: Joi.string().required(),
        price: money.required(),
        priceVaries: Joi.boolean().required().description('The variants cost different amounts: show "from" the price'),
        taxRate: Joi.number().allow(null).required().description("GST rate in percent; null: the store's default"),
        stock: Joi.number().integer().allow(null).required(),
        inStock: Joi.boolean().required(),
        options: Joi.array().items(productOptionBody).required(),
        variants: Joi.array()
          .items(
            object({
              id: id.required(),
              options: optionValues.required(),
              price: money.required(),
              compareAtPrice: money.allow(null).required(),
              stock: Joi.number().integer().allow(null).required(),
              inStock: Joi.boolean().required(),
              image: Joi.number().integer().min(0).allow(null).required().description('Index into images of its picture; null: the cover'),
            }).label('PublicVariant'),
          )
          .required(),
        pictures: Joi.array().items(pictureBody).required(),
      }),
    )
    .required(),
  productsPage: object({
    page: Joi.number().integer().min(1).required(),
    pageSize: Joi.number().integer().min(1).required(),
    total: Joi.number().integer().min(0).required().description('Active products in the store'),
    next: Joi.string().allow(null).required().description("The next page's path (`?page=`); null on the last"),
  })
    .label('PublicStorePage')
    .description('Only for a store of more than one page of products: which page `products` is'),
}).label('PublicStore');

/** A product as the public search lists it (the store page's own shape; more fields may come). */
const publicProductBody = object({
  id: id.required(),
  slug: Joi.string().required(),
  name: Joi.string().required(),
  description: text.required(),
  price: money.required().description('The lowest price among the variants'),
  compareAtPrice: money.allow(null).required(),
  priceVaries: Joi.boolean().required().description('The variants do not all cost the same: show "from"'),
  currency: Joi.string().length(3).required(),
  categoryId: Joi.string().allow(null).required(),
  images: Joi.array().items(Joi.string()).required(),
  options: Joi.array().items(object({ name: Joi.string().required(), values: Joi.array().items(Joi.string()).required() })).required(),
  variants: Joi.array()
    .items(
      object({
        id: id.required(),
        options: Joi.object().pattern(Joi.string(), Joi.string()).required(),
        price: money.required(),
        compareAtPrice: money.allow(null).required(),
        sku: Joi.string().allow(null).required(),
        stock: Joi.number().integer().allow(null).required(),
        inStock: Joi.boolean().required(),
      }),
    )
    .required(),
  stock: Joi.number().integer().allow(null).required(),
  inStock: Joi.boolean().required(),
}).label('PublicProduct');
export const publicProductPageBody = object({
  items: Joi.array().items(publicProductBody).required(),
  nextCursor: Joi.string().allow(null).required(),
  total: Joi.number().integer().min(0).required().description('Products matching, over all pages'),
}).label('PublicProductPage');

/** A webhook as listed (never its secret). */
export const webhookBody = object({
  id: id.required(),
  url: Joi.string().required(),
  events: Joi.array().items(Joi.string().valid('order.placed', 'order.status_changed', 'order.payment_changed', 'product.low_stock')).required(),
  createdAt: timestamp.required(),
}).label('Webhook');
/** A new webhook with its signing secret, shown this once. */
export const webhookCreatedBody = webhookBody
  .keys({ secret: Joi.string().required().description('Signs each delivery (Dukaan-Signature); shown only now, keep it') })
  .label('WebhookCreated');
export const webhookListBody = object({ items: Joi.array().items(webhookBody).required() });
/** One delivery of an event to a webhook, with its latest attempt. */
export const deliveryBody = object({
  id: id.required(),
  eventId: id.required().description('The Dukaan-Event-Id receivers use to drop duplicates'),
  eventType: Joi.string().required(),
  status: Joi.string().valid('pending', 'delivered', 'dead').required(),
  attempt: Joi.number().integer().min(0).required().description('Attempts made so far'),
  statusCode: Joi.number().integer().allow(null).required().description("The receiver's HTTP status at the latest attempt; null when it did not answer"),
  durationMs: Joi.number().integer().min(0).allow(null).required(),
  error: Joi.string().allow(null).required().description('Why the latest attempt failed; null when it did not'),
  createdAt: timestamp.required(),
  lastAttemptAt: timestamp.allow(null).required(),
  nextAttemptAt: timestamp.allow(null).required().description('When a pending delivery is tried again'),
}).label('WebhookDelivery');
export const deliveryListBody = object({ items: Joi.array().items(deliveryBody).required() });

export const healthBody = object({ status: Joi.string().valid('ok').required() });
export const readyBody = object({ status: Joi.string().valid('ready').required() });
export const unreadyBody = object({ status: Joi.string().valid('unavailable').required(), reason: Joi.string().required() });
export const openApiBody = Joi.object().unknown(true);

/** What a bulk change did: the action and how many of the selected products it reached. */
export const productBulkBody = object({
  action: Joi.string().valid('show', 'hide', 'set-stock', 'move-category', 'delete').required(),
  count: Joi.number().integer().min(0).required().description('Products changed; ids of other stores or already deleted ones are skipped'),
}).label('ProductBulkResult');
