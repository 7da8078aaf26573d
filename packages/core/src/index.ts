// The wired core
export { createDukaan } from './dukaan.js';
export type { Dukaan, DukaanOptions } from './dukaan.js';
export type { CoreContext } from './context.js';

// Errors
export {
  DomainError,
  ValidationFailedError,
  NotFoundError,
  ConflictError,
  UnauthenticatedError,
  ForbiddenError,
  OutOfStockError,
  StoreClosedError,
  BelowMinimumOrderError,
  InvalidTransitionError,
  RateLimitedError,
  isDomainError,
} from './errors.js';
export type { ErrorCode, FieldError } from './errors.js';

// Ports
export type { Persistence, Repositories } from './persistence.js';
export type { Cache } from './cache/cache.js';
export type { EventBus, DomainEvent, DomainEventHandler } from './events.js';
export type { Clock } from './shared/clock.js';
export type { ImageStore, ImageType } from './catalog/image-store.js';
export type { PasswordHasher } from './vendors/password-hasher.js';
export type { VendorRepository } from './vendors/vendor-repository.js';
export type { StoreRepository, SlugResolution } from './vendors/store-repository.js';
export type { SessionRepository, ApiTokenRepository } from './vendors/session-repository.js';
export type { CategoryRepository } from './catalog/category-repository.js';
export type { ProductRepository, ProductListQuery, ProductPatch } from './catalog/product-repository.js';
export type { OrderRepository, OrderListQuery } from './orders/order-repository.js';

// Port implementations that need no driver
export { inProcessEventBus } from './events.js';
export { systemClock } from './shared/clock.js';
export { scryptPasswordHasher } from './vendors/password-hasher.js';
export { resilientCache } from './cache/resilient-cache.js';
export type { ResilientCacheOptions } from './cache/resilient-cache.js';
export { singleFlight } from './cache/memoize.js';
export type { SingleFlight } from './cache/memoize.js';
export { RateLimiter } from './cache/rate-limiter.js';
export { DurableWrites } from './cache/durable-writes.js';
export type { DurableWritesOptions } from './cache/durable-writes.js';
export { StoreCache } from './storefront/store-cache.js';

// Entities and views
export type { Vendor, VendorRecord, Store, StoreSettings, SessionRecord, ApiTokenRecord, VendorPrincipal } from './vendors/vendor.js';
export type { VendorStoreView } from './vendors/store-view.js';
export { toVendorStoreView } from './vendors/store-view.js';
export type { Category } from './catalog/category.js';
export type { Product, ProductImage, StockLine } from './catalog/product.js';
export type { Order, OrderCustomer, OrderLine, OrderStatus, OrderStatusChange, OrderSummary, PaymentMethod } from './orders/order.js';
export { orderStatuses, paymentMethods } from './orders/order.js';
export type { CustomerOrderView, VendorOrderView } from './orders/order-view.js';
export { toCustomerOrderView, toVendorOrderView } from './orders/order-view.js';
export { nextStatuses, canMove } from './orders/status-machine.js';
export { deliveryFeeFor } from './orders/pricing.js';
export type { PlaceOrderResult } from './orders/place-order.js';
export type { StoreView, PublicStore, PublicCategory, PublicProduct } from './storefront/store-view.js';
export type { Page } from './shared/page.js';

// Validation: one schema per input, shared with the HTTP layer
export { validate, toFieldErrors, validationOptions } from './shared/validate.js';
export { signUpSchema, logInSchema, storeUpdateSchema, apiTokenSchema } from './vendors/schemas.js';
export type { SignUpInput, LogInInput, StoreUpdateInput, ApiTokenInput } from './vendors/schemas.js';
export {
  categoryCreateSchema,
  categoryUpdateSchema,
  productCreateSchema,
  productUpdateSchema,
  productListSchema,
  stockAdjustmentSchema,
} from './catalog/schemas.js';
export type { CategoryInput, ProductInput, ProductListInput, StockAdjustmentInput } from './catalog/schemas.js';
export { placeOrderSchema, idempotencyKeySchema, orderListSchema, orderStatusSchema } from './orders/schemas.js';
export type { PlaceOrderInput, OrderListInput, OrderStatusInput } from './orders/schemas.js';
export { slugField, phoneField, emailField, moneyField, currencyField, idField, reservedSlugs } from './shared/fields.js';
export { slugify } from './vendors/sign-up.js';
export { hashToken } from './vendors/credentials.js';
export { sniffImageType } from './catalog/image-type.js';
export { checkImage, maxImageBytes } from './catalog/product-images.js';
export { newId, newToken } from './shared/id.js';
