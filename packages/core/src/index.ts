// The wired core
export { createDukaan } from './dukaan.js';
export type { Dukaan, DukaanOptions } from './dukaan.js';
export type { Limits } from './context.js';

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
  IdempotencyKeyReusedError,
  PriceChangedError,
  TokenInvalidError,
  MailUnavailableError,
  isDomainError,
} from './errors.js';
export type { ErrorCode, FieldError, Quote, QuoteLine } from './errors.js';

// Ports
export type { Persistence, Repositories } from './persistence.js';
export type { Cache, Counters, Bus, CacheStores } from './cache/ports.js';
export type { EventBus, DomainEvent, DomainEventHandler } from './events.js';
export type { Clock } from './shared/clock.js';
export type { ImageStore, ImageType } from './catalog/image-store.js';
export type { PasswordHasher } from './vendors/password-hasher.js';
export type { VendorRepository } from './vendors/vendor-repository.js';
export type { StoreRepository, SlugResolution } from './vendors/store-repository.js';
export type { SessionRepository, ApiTokenRepository } from './vendors/session-repository.js';
export type { AccountTokenRepository, AccountTokenRecord, AccountTokenPurpose } from './vendors/account-token-repository.js';
export type { Mailer, MailKind, MailMessage } from './mail/mailer.js';
export type { Outgoing, MailQueueOptions } from './mail/index.js';
export type { CategoryRepository } from './catalog/category-repository.js';
export type { ProductRepository, ProductListQuery, ProductPatch } from './catalog/product-repository.js';
export type { OrderRepository, OrderListQuery, CustomerMatch } from './orders/order-repository.js';

// Port implementations that need no driver
export { inProcessEventBus } from './events.js';
export { mailQueue, MailSendError } from './mail/index.js';
export { systemClock } from './shared/clock.js';
export { scryptPasswordHasher } from './vendors/password-hasher.js';

// Entities and views
export type { Vendor, VendorRecord, Store, StoreSettings, SessionRecord, ApiTokenRecord, VendorPrincipal } from './vendors/vendor.js';
export type { VendorStoreView } from './stores/store-view.js';
export { toVendorStoreView } from './stores/store-view.js';
export type { Category } from './catalog/category.js';
export type { Product, ProductImage, StockLine } from './catalog/product.js';
export type { VendorProductView } from './catalog/product-view.js';
export { toVendorProductView } from './catalog/product-view.js';
export type { Order, OrderCustomer, OrderLine, OrderStatus, OrderStatusChange, OrderSummary, PaymentMethod } from './orders/order.js';
export { orderStatuses, paymentMethods } from './orders/order.js';
export type { CustomerOrderView, VendorOrderView } from './orders/order-view.js';
export { toCustomerOrderView, toVendorOrderView } from './orders/order-view.js';
export { nextStatuses, canMove } from './orders/status-machine.js';
export type { PlaceOrderResult, PlaceOrderOptions } from './orders/place-order.js';
export type { LogInOptions } from './vendors/login-throttle.js';
export type { CreateSessionOptions } from './vendors/create-session.js';
export type { PasswordResetOptions } from './accounts/request-password-reset.js';
export type { SessionView, ApiTokenView } from './accounts/credential-views.js';
export { exportsPerHour } from './accounts/export-account.js';
export type { ExportContext } from './accounts/export-account.js';
// Mail builders: pure functions, so an app can preview each message.
export {
  passwordResetMail,
  passwordChangedMail,
  emailChangeConfirmMail,
  emailChangeNoticeMail,
  emailTakenMail,
  newDeviceMail,
  accountClosedMail,
} from './mail/index.js';
export { describeUserAgent } from './accounts/user-agent.js';
export type { SignUpOptions } from './vendors/sign-up.js';
export type { StoreView, PublicStore, PublicCategory, PublicProduct } from './storefront/store-view.js';
export type { Page } from './shared/page.js';

// Validation: one schema per input, shared with the HTTP layer
export { validate, validationOptions } from './shared/validate.js';
export { signUpSchema, logInSchema, apiTokenSchema } from './vendors/schemas.js';
export type { SignUpInput, LogInInput, ApiTokenInput } from './vendors/schemas.js';
export {
  passwordResetRequestSchema,
  passwordResetSchema,
  passwordChangeSchema,
  emailChangeSchema,
  emailConfirmSchema,
  closeAccountSchema,
  customerEraseSchema,
} from './accounts/schemas.js';
export type {
  PasswordResetRequestInput,
  PasswordResetInput,
  PasswordChangeInput,
  EmailChangeInput,
  EmailConfirmInput,
  CloseAccountInput,
  CustomerEraseInput,
} from './accounts/schemas.js';
export { storeUpdateSchema } from './stores/schemas.js';
export type { StoreUpdateInput } from './stores/schemas.js';
export {
  categoryCreateSchema,
  categoryUpdateSchema,
  productCreateSchema,
  productUpdateSchema,
  productListSchema,
  stockAdjustmentSchema,
} from './catalog/schemas.js';
export type { CategoryInput, ProductInput, ProductListInput, StockAdjustmentInput } from './catalog/schemas.js';
export { placeOrderSchema, idempotencyKeySchema, orderListSchema, orderExportSchema, orderStatusSchema, pincodeField } from './orders/schemas.js';
export type { PlaceOrderInput, OrderListInput, OrderFilterInput, OrderStatusInput } from './orders/schemas.js';
export type { OrderExport } from './orders/export-orders.js';
export type { OrderSearch } from './orders/order-repository.js';
export { defaultStoreTimeZone } from './shared/time-zone.js';
export {
  textField,
  slugField,
  slugPattern,
  slugMinLength,
  slugMaxLength,
  isWellFormedSlug,
  phoneField,
  emailField,
  moneyField,
  stockField,
  maxStock,
  currencyField,
  idField,
  imageUrlField,
  reservedSlugs,
} from './shared/fields.js';
export { isCommonPassword } from './vendors/password-policy.js';
export { slugify } from './vendors/slugify.js';
export { sniffImageType } from './catalog/image-type.js';
export { readImageSize } from './catalog/image-dimensions.js';
export type { ImageSize } from './catalog/image-dimensions.js';
export { checkImage, maxImageBytes, maxImageSide, maxImagePixels } from './catalog/check-image.js';
