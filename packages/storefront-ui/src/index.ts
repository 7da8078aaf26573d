export { renderPage } from './render.js';
export type { PageView, PageName, PagePropsMap } from './render.js';
export { formatMoney, parseMoney, moneyInputValue, currencyExponent } from './money.js';
// Cart totals come from the one pricing module (`priceCart` in @dukaan-kit/core/pricing); the
// types are re-exported because page props use them. `summariseLines` is the cart bar's one
// count and subtotal, used by the pages here and by the plugin's no-JavaScript cart alike.
export { priceLines, storePricingRules, summariseLines } from './cart-pricing.js';
export type { UiPricedLine } from './cart-pricing.js';
export type { CartTotals, DeliveryRules } from '@dukaan-kit/core/pricing';
export { assetDir, loadAssetManifest } from './assets.js';
export { islandJson } from './island-json.js';
export type {
  ApiTokenView,
  AssetManifest,
  CartLineView,
  CartSummary,
  CategoryView,
  FieldErrors,
  OrderCustomerView,
  OrderLineView,
  OrderStatus,
  OrderStatusChangeView,
  OrderSummary,
  OrderView,
  PageContext,
  PaymentMethod,
  PaymentStatus,
  ProductImageView,
  ProductView,
  SessionView,
  StoreProductView,
  StoreSettingsView,
  StoreView,
  VendorNav,
} from './types.js';
export type { StorePageProps } from './pages/store.js';
export type { PincodeAnswer } from './components/delivery-check.js';
export type { ProductPageProps } from './pages/product.js';
export type { CheckoutPageProps } from './pages/checkout.js';
export type { CheckoutValues } from './islands/checkout.js';
export type { OrderPageProps } from './pages/order.js';
export type { NotFoundPageProps } from './pages/not-found.js';
export type { ErrorPageProps } from './pages/error.js';
export type { SignupPageProps } from './pages/signup.js';
export type { LoginPageProps } from './pages/login.js';
export type { DashboardPageProps } from './pages/dashboard.js';
export type { ProductsPageProps } from './pages/products.js';
export type { ProductFormPageProps, ProductFormValues, OptionFormValues, VariantFormValues, KeptImage } from './pages/product-form.js';
export type { ProductPhotosPageProps, PhotoView } from './pages/product-photos.js';
export type { ProductImportPageProps } from './pages/product-import.js';
export type { ImportReportView } from './islands/import-report.js';
export { Picture } from './components/picture.js';
export type { PictureProps } from './components/picture.js';
export type { CategoriesPageProps } from './pages/categories.js';
export type { CouponsPageProps } from './pages/coupons.js';
export type { CouponFormPageProps, CouponFormValues } from './pages/coupon-form.js';
export { CouponOffers, discountText, offerConditions } from './components/coupon-offers.js';
export type { CouponOffersProps } from './components/coupon-offers.js';
export type { OrdersPageProps } from './pages/orders.js';
export type { OrderDetailPageProps, PaymentFormState } from './pages/order-detail.js';
export type { InvoicePageProps, InvoiceFormat } from './pages/invoice.js';
export type { UpiPayView } from './components/upi-pay.js';
export type { SettingsPageProps, SettingsValues } from './pages/settings.js';
export type { ForgotPasswordPageProps } from './pages/forgot-password.js';
export type { ResetPasswordPageProps } from './pages/reset-password.js';
export type { ConfirmEmailPageProps } from './pages/confirm-email.js';
export type { AccountPageProps, AccountForm } from './pages/account.js';
export type { CloseAccountPageProps } from './pages/close-account.js';
export type { WebhooksPageProps, WebhookWithDeliveries } from './pages/webhooks.js';
export type { LiveOrdersProps } from './islands/live-orders.js';
export type { LandingPageProps } from './pages/landing.js';
// The plugin writes the messages it hands to pages (field errors, form errors) in the page's language.
export { i18nOf } from './i18n/context.js';
export type { I18n } from './i18n/context.js';
export type { MessageKey } from './i18n/catalogue.js';
