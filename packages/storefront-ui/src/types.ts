// View models: structural subsets of @dukaan-kit/core's entities, so the
// plugin can pass core objects as they are while this package compiles alone.

/** The six order states, in the order the dashboard tabs list them. */
export const orderStatuses = ['pending', 'accepted', 'shipped', 'delivered', 'rejected', 'cancelled'] as const;
/** An order's state (core's OrderStatus). */
export type OrderStatus = (typeof orderStatuses)[number];

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
}

/** A store as pages show it (subset of core's Store). */
export interface StoreView {
  name: string;
  slug: string;
  description: string;
  logoUrl: string | null;
  phone: string | null;
  pickupAddress: string;
  currency: string;
  deliveryFee: number;
  freeDeliveryAbove: number | null;
  minOrderValue: number;
  isOpen: boolean;
  autoAcceptOrders: boolean;
}

/** A category (subset of core's Category). */
export interface CategoryView {
  id: string;
  name: string;
  position: number;
}

/** A product as customers see it (the public store API shape); images are URLs. */
export interface StoreProductView {
  id: string;
  name: string;
  description: string;
  price: number;
  compareAtPrice: number | null;
  categoryId: string | null;
  /** Image URLs, absolute where they are used for Open Graph. */
  images: string[];
  /** Units left; null when not tracked. */
  stock: number | null;
  inStock: boolean;
}

/** An uploaded image: `key` identifies it for removal, `url` shows it. */
export interface ProductImageView {
  key: string;
  url: string;
}

/** A product as the vendor sees it (subset of core's Product). */
export interface ProductView {
  id: string;
  name: string;
  description: string;
  price: number;
  compareAtPrice: number | null;
  stock: number | null;
  sku: string | null;
  categoryId: string | null;
  active: boolean;
  images: ProductImageView[];
}

/** The customer on an order. */
export interface OrderCustomerView {
  name: string;
  phone: string;
  email: string | null;
  address: string;
  pincode: string;
}

/** One order line as sold. */
export interface OrderLineView {
  productId: string;
  name: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
}

/** One status change. */
export interface OrderStatusChangeView {
  status: OrderStatus;
  at: string;
}

/** An order (subset of core's Order); `history` only on the vendor's view. */
export interface OrderView {
  id: string;
  number: number;
  token: string;
  status: OrderStatus;
  customer: OrderCustomerView;
  items: OrderLineView[];
  subtotal: number;
  deliveryFee: number;
  total: number;
  currency: string;
  paymentMethod: string;
  note: string | null;
  history?: OrderStatusChangeView[];
  createdAt: string;
}

/** Today's figures (core's OrderSummary). */
export interface OrderSummary {
  orders: number;
  revenue: number;
  pending: number;
}

/** A cart line resolved against the catalogue (the plugin's cookie cart). */
export interface CartLineView {
  productId: string;
  name: string;
  /** Current unit price, minor units. */
  price: number;
  quantity: number;
  image: string | null;
  /** Units that may be bought; null when not tracked. */
  maxQuantity: number | null;
}

/** Count and subtotal of the server-side cart, for the cart bar without JavaScript. */
export interface CartSummary {
  count: number;
  subtotal: number;
}

/** Field name -> message. */
export type FieldErrors = Record<string, string>;
