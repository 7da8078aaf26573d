// The map from each facade method to the file holding its use case (the core README lists it too).
import { changePassword } from './accounts/change-password.js';
import { updateAccount } from './accounts/update-account.js';
import { checkLinkToken } from './accounts/check-link-token.js';
import { closeAccount } from './accounts/close-account.js';
import { confirmEmailChange } from './accounts/confirm-email-change.js';
import { exportAccount } from './accounts/export-account.js';
import { listApiTokens } from './accounts/list-api-tokens.js';
import { listSessions } from './accounts/list-sessions.js';
import { requestEmailChange } from './accounts/request-email-change.js';
import { requestPasswordReset } from './accounts/request-password-reset.js';
import { resetPassword } from './accounts/reset-password.js';
import { revokeOtherSessions } from './accounts/revoke-other-sessions.js';
import { revokeSessionById } from './accounts/revoke-session-by-id.js';
import { addProductImage, addProductImages } from './catalog/add-product-image.js';
import { adjustStock } from './catalog/adjust-stock.js';
import { bulkProducts } from './catalog/bulk-products.js';
import { createCategory } from './catalog/create-category.js';
import { createProduct } from './catalog/create-product.js';
import { exportProducts } from './catalog/csv/export-products.js';
import { importProducts } from './catalog/csv/import-products.js';
import { productCsvTemplate } from './catalog/csv/product-csv-template.js';
import { deleteCategory } from './catalog/delete-category.js';
import { deleteProduct } from './catalog/delete-product.js';
import { getProduct } from './catalog/get-product.js';
import { listCategories } from './catalog/list-categories.js';
import { listProducts } from './catalog/list-products.js';
import { removeProductImage } from './catalog/remove-product-image.js';
import { reorderProductImages } from './catalog/reorder-product-images.js';
import { updateCategory } from './catalog/update-category.js';
import { updateProduct } from './catalog/update-product.js';
import type { CoreContext } from './context.js';
import { checkCoupon, createCoupon, currentOffers, currentOffersOfStore, deleteCoupon, getCoupon, listCoupons, updateCoupon } from './coupons/index.js';
import { changeOrderStatus } from './orders/change-order-status.js';
import { changePayment } from './orders/change-payment.js';
import { confirmPayment } from './payments/confirm-payment.js';
import { paymentFor } from './payments/payment-for.js';
import { eraseCustomer } from './orders/erase-customer.js';
import { getOrder } from './orders/get-order.js';
import { getOrderByToken } from './orders/get-order-by-token.js';
import { listOrders } from './orders/list-orders.js';
import { exportOrders } from './orders/export-orders.js';
import { orderSummary } from './orders/order-summary.js';
import { placeOrder } from './orders/place-order.js';
import { cachedForStore, cachedIfPresent, peekCachedForSlug } from './storefront/cached-for-store.js';
import { getStoreView, getStoreViewById, peekStoreViewById } from './storefront/get-store-view.js';
import { getProductPage } from './storefront/product-page.js';
import { resolveStoreSlug } from './storefront/resolve-store-slug.js';
import { getStore } from './stores/get-store.js';
import { saveStoreLogo } from './stores/save-store-logo.js';
import { updateStore } from './stores/update-store.js';
import { createApiToken } from './vendors/create-api-token.js';
import { createSession } from './vendors/create-session.js';
import { getAccount } from './vendors/get-account.js';
import { logIn } from './vendors/log-in.js';
import { resolveApiToken } from './vendors/resolve-api-token.js';
import { resolveSession } from './vendors/resolve-session.js';
import { revokeAllSessions } from './vendors/revoke-all-sessions.js';
import { revokeApiToken } from './vendors/revoke-api-token.js';
import { revokeSession } from './vendors/revoke-session.js';
import { signUp } from './vendors/sign-up.js';
import { sweepExpiredSessions } from './vendors/sweep-expired-sessions.js';
import { createWebhook } from './webhooks/create-webhook.js';
import { listDeliveries } from './webhooks/list-deliveries.js';
import { listWebhooks } from './webhooks/list-webhooks.js';
import { removeWebhook } from './webhooks/remove-webhook.js';
import { retryDelivery } from './webhooks/retry-delivery.js';
import { checkPincode } from './stores/check-pincode.js';

type Tail<F> = F extends (context: CoreContext, ...rest: infer R) => infer Result ? (...rest: R) => Result : never;

function bind<F extends (context: CoreContext, ...rest: never[]) => unknown>(context: CoreContext, fn: F): Tail<F> {
  return ((...rest: never[]) => fn(context, ...rest)) as Tail<F>;
}

/** Every use case bound to the context: what adapters call. Nothing here reaches past a use case. */
export function facade(context: CoreContext) {
  return {
    vendors: {
      signUp: bind(context, signUp),
      logIn: bind(context, logIn),
      getAccount: bind(context, getAccount),
      /** The vendor's own settings (`{ locale }`), at once. */
      updateAccount: bind(context, updateAccount),
      requestPasswordReset: bind(context, requestPasswordReset),
      resetPassword: bind(context, resetPassword),
      changePassword: bind(context, changePassword),
      requestEmailChange: bind(context, requestEmailChange),
      confirmEmailChange: bind(context, confirmEmailChange),
      checkLinkToken: bind(context, checkLinkToken),
      exportData: bind(context, exportAccount),
      closeAccount: bind(context, closeAccount),
    },
    stores: {
      get: bind(context, getStore),
      update: bind(context, updateStore),
      saveLogo: bind(context, saveStoreLogo),
      /** Whether the store delivers to a pincode (`checkPincode(slug, pincode)`), for the store page's check. */
      checkPincode: bind(context, checkPincode),
    },
    auth: {
      createSession: bind(context, createSession),
      resolveSession: bind(context, resolveSession),
      revokeSession: bind(context, revokeSession),
      revokeAllSessions: bind(context, revokeAllSessions),
      listSessions: bind(context, listSessions),
      revokeSessionById: bind(context, revokeSessionById),
      revokeOtherSessions: bind(context, revokeOtherSessions),
      listApiTokens: bind(context, listApiTokens),
      createApiToken: bind(context, createApiToken),
      resolveApiToken: bind(context, resolveApiToken),
      revokeApiToken: bind(context, revokeApiToken),
      sweepExpiredSessions: bind(context, sweepExpiredSessions),
    },
    catalog: {
      listCategories: bind(context, listCategories),
      createCategory: bind(context, createCategory),
      updateCategory: bind(context, updateCategory),
      deleteCategory: bind(context, deleteCategory),
      listProducts: bind(context, listProducts),
      getProduct: bind(context, getProduct),
      createProduct: bind(context, createProduct),
      updateProduct: bind(context, updateProduct),
      deleteProduct: bind(context, deleteProduct),
      adjustStock: bind(context, adjustStock),
      /** Show, hide, set stock, move to a category or delete many products at once. */
      bulkProducts: bind(context, bulkProducts),
      addProductImage: bind(context, addProductImage),
      /** Several photos at once, all or none (`addProductImages(storeId, productId, files, field?)`). */
      addProductImages: bind(context, addProductImages),
      removeProductImage: bind(context, removeProductImage),
      /** A catalogue CSV in (`importProducts(storeId, csv, { dryRun, onProgress })`): all or nothing, problems by row and column. */
      importProducts: bind(context, importProducts),
      /** The whole catalogue as CSV, in the import's format (streamed). */
      exportProducts: bind(context, exportProducts),
      /** The import's template file (header and examples). */
      productCsvTemplate,
      /** New picture order, first is the cover; listed keys (or URLs) first, the rest after. */
      reorderProductImages: bind(context, reorderProductImages),
    },
    orders: {
      place: bind(context, placeOrder),
      get: bind(context, getOrder),
      getByToken: bind(context, getOrderByToken),
      list: bind(context, listOrders),
      /** The filtered list as a CSV file, streamed (`GET /api/v1/orders/export`). */
      export: bind(context, exportOrders),
      changeStatus: bind(context, changeOrderStatus),
      /** Marks the payment paid or refunded (`POST /api/v1/orders/{id}/payment`). */
      changePayment: bind(context, changePayment),
      summary: bind(context, orderSummary),
      eraseCustomer: bind(context, eraseCustomer),
    },
    storefront: {
      view: bind(context, getStoreView),
      /** `view` of a store already resolved by `resolveSlug` (its id): no second slug lookup. */
      viewById: bind(context, getStoreViewById),
      /** `viewById` when this process holds the view and trusts it current (no round trip); undefined otherwise, never loads. */
      peekViewById: (storeId: string) => peekStoreViewById(context, storeId),
      /** A product page by the product's current or earlier slug or id (`movedTo` set: answer 301). */
      product: bind(context, getProductPage),
      /** How the customer pays the order behind a tracking link (the UPI link and QR code). */
      paymentFor: bind(context, paymentFor),
      resolveSlug: bind(context, resolveStoreSlug),
      /** Caches anything derived from a store's public data (e.g. rendered HTML) under its versions. */
      cached: <T>(storeId: string, name: string, load: () => Promise<T>) => cachedForStore(context, storeId, name, load),
      /** What `cached` holds for the store when current, from either cache layer; undefined on a miss, never loads. */
      cachedIfPresent: <T>(storeId: string, name: string) => cachedIfPresent<T>(context, storeId, name),
      /** What `cached` holds for the store at this current slug, when current without a round trip (the hot path); never loads. */
      peekCached: <T>(slug: string, name: string) => peekCachedForSlug<T>(context, slug, name),
    },
    payments: {
      /** Applies a payment provider's verified notification (its webhook) to the order it names. */
      confirm: bind(context, confirmPayment),
    },
    webhooks: {
      create: bind(context, createWebhook),
      list: bind(context, listWebhooks),
      remove: bind(context, removeWebhook),
      deliveries: bind(context, listDeliveries),
      retry: bind(context, retryDelivery),
    },
    coupons: {
      list: bind(context, listCoupons),
      get: bind(context, getCoupon),
      create: bind(context, createCoupon),
      update: bind(context, updateCoupon),
      delete: bind(context, deleteCoupon),
      /** Whether a code applies to a cart (`check(slug, code, subtotal?, { clientAddress })`): its terms, or COUPON_NOT_APPLICABLE. */
      check: bind(context, checkCoupon),
      /** The store page's current offers (public terms only). */
      currentOffers: bind(context, currentOffers),
      /** currentOffers of a store already resolved (its id from the store view): no second slug lookup. */
      currentOffersOfStore: bind(context, currentOffersOfStore),
    },
    mail: {
      /** Resolves when no mail is being prepared, delivered or retried (tests, a graceful shutdown). */
      idle: () => context.mail.idle(),
    },
  };
}
