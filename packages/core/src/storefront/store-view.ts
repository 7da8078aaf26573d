import type { VendorStoreView } from '../stores/store-view.js';

/**
 * The store as any customer may see it: the vendor's view without vendor-only settings. The
 * payment methods are public (checkout offers them); the UPI ID is shown only with an order to pay.
 */
export type PublicStore = Omit<VendorStoreView, 'autoAcceptOrders' | 'upiId' | 'timeZone' | 'newOrderEmails'>;

export interface PublicCategory {
  id: string;
  name: string;
  position: number;
}

/** An active product as listed on the store page. Sold-out products stay, with inStock false. */
export interface PublicProduct {
  id: string;
  name: string;
  description: string;
  price: number;
  compareAtPrice: number | null;
  currency: string;
  categoryId: string | null;
  /** Image URLs, first is the cover. */
  images: string[];
  /** Units left; null when not tracked. */
  stock: number | null;
  inStock: boolean;
}

/** Everything the public store page shows; what the cache holds. */
export interface StoreView {
  store: PublicStore;
  categories: PublicCategory[];
  products: PublicProduct[];
}
