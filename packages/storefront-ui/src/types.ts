// View models. The entities are core's own types (a type-only import: erased, it adds nothing to
// the browser bundle); the plugin passes core objects as they are.
import type {
  CustomerOrderView,
  OrderCustomer,
  OrderLine,
  OrderStatus,
  OrderStatusChange,
  PaymentMethod,
  PaymentStatus,
  Product,
  ProductImage,
  PublicCategory,
  PublicProduct,
  SessionView as CoreSessionView,
  Store,
  StoreSettings,
} from '@dukaan-kit/core';
import type { Locale } from '@dukaan-kit/core/i18n';

/** An order's state: core's own type, so the two can never list different states. */
export type { OrderStatus };

/** How an order is paid and how far its payment got: core's own types. */
export type { PaymentMethod, PaymentStatus };

/** Built asset file names, relative to `${basePath}/static/`. */
export interface AssetManifest {
  css: string;
  js: string;
}

/** The signed-in vendor, for the dashboard navigation. */
export interface VendorNav {
  email: string;
  storeName: string;
  storeSlug: string;
  /** Shown as a badge on the Orders link. */
  pendingOrders: number;
}

/** What every page needs besides its data. */
export interface PageContext {
  /** '' or a mount prefix such as '/shop'; every link, action and asset URL starts with it. */
  basePath: string;
  assets: AssetManifest;
  /** When set, every POST form carries it as a hidden `crumb` field. */
  csrfToken: string | null;
  vendor?: VendorNav;
  /** A one-off message shown at the top of the page (e.g. "Product saved"). */
  flash?: string;
  /** IANA zone for dates and times; default 'Asia/Kolkata'. */
  timeZone?: string;
  /** The language the page is written in; default 'en'. */
  locale?: Locale;
  /**
   * Where the language chooser's links lead: this page's own URL with `lang=` set per language.
   * Absent: no chooser is shown.
   */
  languageLinks?: Readonly<Record<Locale, string>>;
}

/**
 * A store as pages show it: its settings and current slug, without the vendor-only ones the
 * public store view leaves out (the settings page adds them: `StoreSettingsView`). The service
 * area is one of them: up to 2,000 pincodes, asked about one at a time (`checkPincode`).
 */
export type StoreView = Omit<StoreSettings, 'upiId' | 'timeZone' | 'newOrderEmails' | 'serviceArea'> & Pick<Store, 'slug'>;

/** A store with every setting, for its own settings page. */
export type StoreSettingsView = StoreView & Pick<StoreSettings, 'upiId' | 'timeZone' | 'newOrderEmails' | 'serviceArea'>;

/** A category. */
export type CategoryView = PublicCategory;

/** A product as customers see it (the public store API shape, the currency is the store's); images are URLs. */
export type StoreProductView = Omit<PublicProduct, 'currency'>;

/** An uploaded image: `key` identifies it for removal, `url` shows it. */
export type ProductImageView = ProductImage;

/** A product as the vendor sees it. */
export type ProductView = Pick<
  Product,
  'id' | 'name' | 'slug' | 'description' | 'price' | 'compareAtPrice' | 'stock' | 'sku' | 'categoryId' | 'active' | 'images' | 'options' | 'variants' | 'taxRate' | 'hsnCode'
>;

/** The customer on an order. */
export type OrderCustomerView = OrderCustomer;

/** One order line as sold. */
export type OrderLineView = OrderLine;

/** One status change. */
export type OrderStatusChangeView = OrderStatusChange;

/**
 * An order as the customer sees it; `history` and the payment's `reference` (a UPI transaction
 * id the vendor noted) only on the vendor's view.
 */
export type OrderView = Omit<CustomerOrderView, 'updatedAt' | 'payment'> & {
  payment: CustomerOrderView['payment'] & { reference?: string | null };
  history?: OrderStatusChange[];
};

/** Today's figures. */
export type { OrderSummary } from '@dukaan-kit/core';

/** A cart line: resolved against the catalogue (the plugin's cookie cart), or as the browser cart stores it. */
export interface CartLineView {
  productId: string;
  /** The variant bought (the product's own id for a product without options): what keys the line. */
  variantId: string;
  name: string;
  /** The chosen option values, e.g. `{ Weight: '500 g' }`; `{}` for a product without options. */
  options: Record<string, string>;
  /** Current unit price, minor units. */
  price: number;
  quantity: number;
  image: string | null;
  /** Units that may be bought; null when not tracked. */
  maxQuantity: number | null;
  /**
   * The product's GST rate (percent); null: the store's default. Absent on lines stored by the
   * browser before taxes: the catalogue on the checkout page fills it in.
   */
  taxRate?: number | null;
}

/** Count and subtotal of the server-side cart, for the cart bar without JavaScript. */
export interface CartSummary {
  count: number;
  subtotal: number;
}

/** Field name -> message. */
export type FieldErrors = Record<string, string>;

/**
 * One signed-in session of the vendor, as the account page lists it. Core's own type, with
 * `lastSeenAt` widened to allow null (a session not seen since login shows a dash), so callers may
 * pass either.
 */
export type SessionView = Omit<CoreSessionView, 'lastSeenAt'> & { lastSeenAt: string | null };

/** An API token without its secret: core's own type. */
export type { ApiTokenView } from '@dukaan-kit/core';
