import type { Store } from './vendor.js';

/** A store as its vendor sees it through the API (the plugin adds `url`). */
export interface VendorStoreView {
  id: string;
  name: string;
  slug: string;
  description: string;
  phone: string | null;
  pickupAddress: string;
  logoUrl: string | null;
  currency: string;
  deliveryFee: number;
  freeDeliveryAbove: number | null;
  minOrderValue: number;
  isOpen: boolean;
  autoAcceptOrders: boolean;
}

export function toVendorStoreView(store: Store): VendorStoreView {
  return {
    id: store.id,
    name: store.name,
    slug: store.slug,
    description: store.description,
    phone: store.phone,
    pickupAddress: store.pickupAddress,
    logoUrl: store.logoUrl,
    currency: store.currency,
    deliveryFee: store.deliveryFee,
    freeDeliveryAbove: store.freeDeliveryAbove,
    minOrderValue: store.minOrderValue,
    isOpen: store.isOpen,
    autoAcceptOrders: store.autoAcceptOrders,
  };
}
