import type { ProductOption, VariantOptions } from '../catalog/product.js';
import type { VendorStoreView } from '../stores/store-view.js';

/**
 * The store as any customer may see it: the vendor's view without vendor-only settings. The
 * payment methods are public (checkout offers them); the UPI ID is shown only with an order to pay.
 */
export type PublicStore = Omit<VendorStoreView, 'autoAcceptOrders' | 'upiId' | 'timeZone' | 'newOrderEmails' | 'serviceArea'>;

export interface PublicCategory {
  id: string;
  name: string;
  position: number;
}

/** An image as pages show it: the main URL with its size, and `srcset` lists of its renditions. */
export interface PublicImage {
  url: string;
  /** Pixel size of `url`; null for images stored before resizing (no renditions either). */
  width: number | null;
  height: number | null;
  /** `"<url> 200w, <url> 480w, …"`; '' when the image has no renditions. */
  srcsetWebp: string;
  srcsetJpeg: string;
}

/** A variant a customer can pick; switched-off variants are left out. */
export interface PublicVariant {
  id: string;
  /** `{}` for the default variant of a product without options. */
  options: VariantOptions;
  price: number;
  compareAtPrice: number | null;
  sku: string | null;
  /** Units left; null when not tracked. */
  stock: number | null;
  inStock: boolean;
  /** Index into the product's `images` of this variant's picture; null: the cover. */
  image: number | null;
}

/** An active product as listed on the store page. Sold-out products stay, with inStock false. */
export interface PublicProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  /** The lowest price among the variants (what "from ₹X" shows), and that variant's MRP. */
  price: number;
  compareAtPrice: number | null;
  /** True when the variants do not all cost the same: the card says "from". */
  priceVaries: boolean;
  currency: string;
  categoryId: string | null;
  /** Image URLs, first is the cover (the same images as `pictures`). */
  images: string[];
  pictures: PublicImage[];
  options: ProductOption[];
  variants: PublicVariant[];
  /** Units left over all variants; null when any variant does not track stock. */
  stock: number | null;
  /** Some variant can be bought. */
  inStock: boolean;
  /** GST rate (percent) of this product; null: the store's default. The checkout prices with it. */
  taxRate: number | null;
}

/** Everything the public store page shows; what the cache holds. */
export interface StoreView {
  store: PublicStore;
  categories: PublicCategory[];
  products: PublicProduct[];
}
