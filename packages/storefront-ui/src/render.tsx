import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { IslandsUsed } from './components/island.js';
// The form parts' own texts ("(optional)", the error summary) in the page's language, server side only.
import './components/form-i18n.js';
import { I18nContext, i18nOf } from './i18n/context.js';
import { AccountPage, type AccountPageProps } from './pages/account.js';
import { CategoriesPage, type CategoriesPageProps } from './pages/categories.js';
import { CouponFormPage, type CouponFormPageProps } from './pages/coupon-form.js';
import { CouponsPage, type CouponsPageProps } from './pages/coupons.js';
import { CheckoutPage, type CheckoutPageProps } from './pages/checkout.js';
import { CloseAccountPage, type CloseAccountPageProps } from './pages/close-account.js';
import { ConfirmEmailPage, type ConfirmEmailPageProps } from './pages/confirm-email.js';
import { DashboardPage, type DashboardPageProps } from './pages/dashboard.js';
import { ErrorPage, type ErrorPageProps } from './pages/error.js';
import { ForgotPasswordPage, type ForgotPasswordPageProps } from './pages/forgot-password.js';
import { InvoicePage, type InvoicePageProps } from './pages/invoice.js';
import { LandingPage, type LandingPageProps } from './pages/landing.js';
import { LoginPage, type LoginPageProps } from './pages/login.js';
import { NotFoundPage, type NotFoundPageProps } from './pages/not-found.js';
import { OrderDetailPage, type OrderDetailPageProps } from './pages/order-detail.js';
import { OrderPage, type OrderPageProps } from './pages/order.js';
import { OrdersPage, type OrdersPageProps } from './pages/orders.js';
import { ProductFormPage, type ProductFormPageProps } from './pages/product-form.js';
import { ProductPhotosPage, type ProductPhotosPageProps } from './pages/product-photos.js';
import { ProductImportPage, type ProductImportPageProps } from './pages/product-import.js';
import { ProductPage, type ProductPageProps } from './pages/product.js';
import { ProductsPage, type ProductsPageProps } from './pages/products.js';
import { ResetPasswordPage, type ResetPasswordPageProps } from './pages/reset-password.js';
import { SettingsPage, type SettingsPageProps } from './pages/settings.js';
import { SignupPage, type SignupPageProps } from './pages/signup.js';
import { StorePage, type StorePageProps } from './pages/store.js';
import { WebhooksPage, type WebhooksPageProps } from './pages/webhooks.js';

/** Props of each page, by its name in `PageView.page`. */
export interface PagePropsMap {
  store: StorePageProps;
  product: ProductPageProps;
  checkout: CheckoutPageProps;
  order: OrderPageProps;
  'not-found': NotFoundPageProps;
  error: ErrorPageProps;
  signup: SignupPageProps;
  login: LoginPageProps;
  dashboard: DashboardPageProps;
  products: ProductsPageProps;
  'product-form': ProductFormPageProps;
  'product-photos': ProductPhotosPageProps;
  'product-import': ProductImportPageProps;
  categories: CategoriesPageProps;
  coupons: CouponsPageProps;
  'coupon-form': CouponFormPageProps;
  orders: OrdersPageProps;
  'order-detail': OrderDetailPageProps;
  invoice: InvoicePageProps;
  settings: SettingsPageProps;
  'forgot-password': ForgotPasswordPageProps;
  'reset-password': ResetPasswordPageProps;
  'confirm-email': ConfirmEmailPageProps;
  account: AccountPageProps;
  'close-account': CloseAccountPageProps;
  webhooks: WebhooksPageProps;
  landing: LandingPageProps;
}

/** A page name. */
export type PageName = keyof PagePropsMap;

/** What to render: `{ page: 'store', props: StorePageProps }` and so on for every page. */
export type PageView = { [N in PageName]: { page: N; props: PagePropsMap[N] } }[PageName];

const pages: { [N in PageName]: (props: PagePropsMap[N]) => VNode } = {
  store: StorePage,
  product: ProductPage,
  checkout: CheckoutPage,
  order: OrderPage,
  'not-found': NotFoundPage,
  error: ErrorPage,
  signup: SignupPage,
  login: LoginPage,
  dashboard: DashboardPage,
  products: ProductsPage,
  'product-form': ProductFormPage,
  'product-photos': ProductPhotosPage,
  'product-import': ProductImportPage,
  categories: CategoriesPage,
  coupons: CouponsPage,
  'coupon-form': CouponFormPage,
  orders: OrdersPage,
  'order-detail': OrderDetailPage,
  invoice: InvoicePage,
  settings: SettingsPage,
  'forgot-password': ForgotPasswordPage,
  'reset-password': ResetPasswordPage,
  'confirm-email': ConfirmEmailPage,
  account: AccountPage,
  'close-account': CloseAccountPage,
  webhooks: WebhooksPage,
  landing: LandingPage,
};

/** Renders a page to a complete HTML5 document (`<!doctype html>…`). */
export function renderPage(view: PageView): string {
  const Page = pages[view.page] as (props: PageView['props']) => VNode;
  if (!Page) throw new TypeError(`Unknown page: ${String((view as { page: unknown }).page)}`);
  // A fresh set per render: which islands appeared decides whether the script tag is written.
  const { ctx } = view.props;
  const html = renderToString(
    <I18nContext.Provider value={i18nOf(ctx.locale, ctx.timeZone)}>
      <IslandsUsed.Provider value={new Set<string>()}>
        <Page {...view.props} />
      </IslandsUsed.Provider>
    </I18nContext.Provider>,
  );
  return `<!doctype html>${html}`;
}
