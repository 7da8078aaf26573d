// The wired core
export { createDukaan } from './dukaan.js';
export type { Dukaan, DukaanOptions } from './dukaan.js';
// The live order feed of dashboards (live/)
export { liveChannel, defaultLiveLimits } from './live/live-hub.js';
export type { LiveOrderListener, LiveStateListener, LiveLimits } from './live/live-hub.js';
export type { LiveOrderEvent } from './live/live-order-event.js';
export type { LiveFacade, LiveOptions } from './live/live-feed.js';
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
export type { ReadReplica, StorefrontReads } from './storefront/replica-reads.js';
export type { Cache, Counters, Bus, CacheStores } from './cache/ports.js';
export type { EventBus, DomainEvent, DomainEventHandler } from './events.js';
export type { Clock } from './shared/clock.js';
export type { ImageStore, ImageType, StoredImageType } from './catalog/image-store.js';
export type { PasswordHasher } from './vendors/password-hasher.js';
export type { VendorRepository } from './vendors/vendor-repository.js';
export type { StoreRepository, SlugResolution } from './vendors/store-repository.js';
export type { SessionRepository, ApiTokenRepository } from './vendors/session-repository.js';
export type { AccountTokenRepository, AccountTokenRecord, AccountTokenPurpose } from './vendors/account-token-repository.js';
export type { Mailer, MailKind, MailMessage } from './mail/mailer.js';
export type { Outgoing, MailQueueOptions } from './mail/index.js';
export type { CategoryRepository } from './catalog/category-repository.js';
export type { ProductRepository, ProductListQuery, ProductPatch, ProductBulkPatch, SlugMatch } from './catalog/product-repository.js';
export type { OrderRepository, OrderListQuery, CustomerMatch, NumberedOrder, PlacedOrderWrites } from './orders/order-repository.js';

// Port implementations that need no driver
export { inProcessEventBus } from './events.js';
export { mailQueue, MailSendError } from './mail/index.js';
export { systemClock } from './shared/clock.js';
export { scryptPasswordHasher } from './vendors/password-hasher.js';

// Entities and views
export type { Vendor, VendorRecord, Store, StoreSettings, SessionRecord, ApiTokenRecord, VendorPrincipal } from './vendors/vendor.js';
export type { VendorStoreView } from './stores/store-view.js';
export type { Account } from './vendors/get-account.js';
export { toVendorStoreView } from './stores/store-view.js';
export type { Category } from './catalog/category.js';
export type { Product, ProductImage, ProductOption, ProductVariant, VariantOptions, StockLine } from './catalog/product.js';
export { summarizeVariants, findVariant, isBuyable, describeOptions, variantLabel } from './catalog/variant-summary.js';
export { slugify as slugifyProductName, freeSlug } from './catalog/slugify.js';
export type { VendorProductView, VendorVariantView } from './catalog/product-view.js';
export { toVendorProductView } from './catalog/product-view.js';
export type { Order, OrderCustomer, OrderLine, OrderStatus, OrderStatusChange, OrderSummary, PaymentMethod, OrderCharge, OrderTax, OrderInvoice } from './orders/order.js';
export type { ServiceArea } from './stores/service-area.js';
export { storeServes, maxServiceAreaValues } from './stores/service-area.js';
export type { PincodeCheck } from './stores/check-pincode.js';
export { defaultCheckoutSettings } from './stores/checkout-settings.js';
export { deliveryMethods } from './stores/schemas.js';
export { addressLine } from './orders/checkout-customer.js';
export { taxRateField, hsnCodeField, gstinField, indianStateField, chargeRuleField, serviceAreaField } from './shared/tax-fields.js';
export { CouponNotApplicableError, NotServiceableError } from './errors.js';
export type { CouponRefusal } from './errors.js';
export { orderStatuses, paymentMethods } from './orders/order.js';
// Payments: the order's payment, the provider port and the manual UPI adapter (docs/payments.md)
export type { PaymentStatus, OrderPayment } from './orders/order.js';
export { paymentStatuses } from './orders/order.js';
export { paymentMoveRefusal, refundableStatuses } from './orders/payment-machine.js';
export type { PaymentProvider, PaymentStart, PaymentNotification, PaymentConfirmation, PaymentRefund } from './payments/payment-provider.js';
export { manualUpi, upiPayUri } from './payments/manual-upi.js';
export type { PaymentView } from './payments/payment-for.js';
export type { PaymentChange } from './orders/order-repository.js';
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
  newOrderMail,
  orderConfirmationMail,
  orderStatusMail,
} from './mail/index.js';
export { describeUserAgent } from './accounts/user-agent.js';
export type { SignUpOptions } from './vendors/sign-up.js';
export type { StoreView, PublicStore, PublicCategory, PublicProduct, PublicVariant, PublicImage } from './storefront/store-view.js';
export { searchProducts, storeOrder, matchProducts, queryWords, defaultSearchLimit, maxSearchLimit, maxQueryLength } from './storefront/search-products.js';
export type { ProductSearch, ProductSearchPage } from './storefront/search-products.js';
export type { ProductPageData } from './storefront/product-page.js';
export type { Page } from './shared/page.js';

// Coupons (coupons/): the vendor's codes, the public check, the store page's offers, the pure refusal rules
export type { Coupon, CouponAtCheckout, CouponOffer, CouponStatus, CouponType, CouponUse, CouponView, ClaimResult, CouponRepository, RefusalMessageOptions, CouponInput, CouponCheckInput, CheckCouponOptions } from './coupons/index.js';
export {
  couponTypes,
  limitsNothing,
  couponTerms,
  couponOffer,
  couponStatus,
  toCouponView,
  normalizeCouponCode,
  couponCodePattern,
  couponRefusals,
  couponRefusal,
  publicCouponRefusal,
  couponRefusalMessage,
  couponNotApplicable,
  couponCreateSchema,
  couponUpdateSchema,
  couponCheckSchema,
  assertCouponRules,
} from './coupons/index.js';

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
  accountUpdateSchema,
  accountPatchSchema,
  customerEraseSchema,
} from './accounts/schemas.js';
export type {
  PasswordResetRequestInput,
  PasswordResetInput,
  PasswordChangeInput,
  EmailChangeInput,
  EmailConfirmInput,
  CloseAccountInput,
  AccountUpdateInput,
  AccountPatchInput,
  CustomerEraseInput,
} from './accounts/schemas.js';
export { localeField } from './shared/locale-field.js';
export { storeUpdateSchema, upiIdField, upiIdPattern, timeZoneField, paymentMethodsField } from './stores/schemas.js';
export type { StoreUpdateInput } from './stores/schemas.js';
export {
  categoryCreateSchema,
  categoryUpdateSchema,
  productCreateSchema,
  productUpdateSchema,
  productListSchema,
  stockAdjustmentSchema,
} from './catalog/schemas.js';
export type { CategoryInput, ProductInput, ProductListInput, StockAdjustmentInput, VariantInput, ProductOptionInput } from './catalog/schemas.js';
export { maxOptions, maxOptionValues, maxVariants, productSlugPattern } from './catalog/schemas.js';
export { productCsvColumns, maxImportRows } from './catalog/csv/index.js';
export type { ImportError, ImportResult, ImportProgress, ImportOptions, ProductExport, ProductCsvColumn } from './catalog/csv/index.js';
export { bulkProductsSchema, bulkActions, maxBulkIds } from './catalog/bulk-schemas.js';
export type { BulkAction, BulkProductsInput, BulkProductsResult } from './catalog/bulk-schemas.js';
export { placeOrderSchema, idempotencyKeySchema, orderListSchema, orderExportSchema, orderStatusSchema, pincodeField, paymentChangeSchema } from './orders/schemas.js';
export type { PaymentChangeInput } from './orders/schemas.js';
export type { PlaceOrderInput, CustomerInput, OrderListInput, OrderFilterInput, OrderStatusInput } from './orders/schemas.js';
export type { OrderExport } from './orders/export-orders.js';
export type { OrderSearch } from './orders/order-repository.js';
export { canonicalTimeZone, defaultStoreTimeZone, isTimeZone, localDate, startOfDay } from './shared/time-zone.js';
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
export { addProductImages, addProductImage, maxImagesPerProduct } from './catalog/add-product-image.js';
export { reorderProductImages } from './catalog/reorder-product-images.js';
export { removeProductImage } from './catalog/remove-product-image.js';
export { processImage, renditionWidths } from './catalog/image-pipeline.js';
export type { ProcessedImage, ProcessedRendition, RenditionFile, ImagePipelineOptions } from './catalog/image-pipeline.js';
export { imageFileKeys } from './catalog/image-record.js';
export { deleteImageFiles } from './catalog/image-files.js';
export { toPublicImage } from './catalog/public-image.js';
export type { ImageRendition } from './catalog/product.js';

// Outbox and webhooks
export type { OutboxEvent, OutboxEventInput, OutboxEventType } from './outbox/outbox-event.js';
export { outboxEventTypes } from './outbox/outbox-event.js';
export type { OutboxRepository } from './outbox/outbox-repository.js';
export type { DeliveryView, DeliveryStatus, DeliveryTarget, DeliveryRecord, DeliveryInput, DeliveryOutcome, ClaimedDelivery } from './outbox/delivery.js';
export { deliveryStatuses, deliveryTargets } from './outbox/delivery.js';
export type { OutboxOptions, OutboxControls } from './outbox/dispatcher.js';
export { outboxRetentionMs } from './outbox/dispatcher.js';
export type { RetrySchedule } from './outbox/retry-schedule.js';
export { defaultRetrySchedule, retryDelayMs } from './outbox/retry-schedule.js';
export type { WebhookView, WebhookCreated, WebhookRecord } from './webhooks/webhook.js';
export { maxWebhooksPerStore } from './webhooks/webhook.js';
export type { WebhookRepository } from './webhooks/webhook-repository.js';
export type { WebhookOptions } from './webhooks/webhook-settings.js';
export { webhookCreateSchema, webhookDeliveriesQuerySchema } from './webhooks/schemas.js';
export type { WebhookCreateInput, WebhookDeliveriesQuery } from './webhooks/schemas.js';
export { signWebhookBody, verifyWebhookSignature } from './webhooks/signature.js';
export { isPublicAddress } from './webhooks/ip-ranges.js';

// Tax invoices (invoices/)
export { invoiceData, requireInvoice, invoicePdf, noInvoiceYet, erasedBuyerName } from './invoices/index.js';
export type { InvoiceData, InvoiceParty, InvoiceRow, InvoiceRowKind } from './invoices/index.js';

// India's rules for INR stores (india/)
export { indianStates, matchIndianState, stateByCode, stateByName, isValidGstin, gstinState, gstinCheckChar, normalizeIndianMobile, financialYearOf, amountInWords } from './india/index.js';
export type { IndianState } from './india/index.js';
