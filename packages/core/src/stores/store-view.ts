import type { Store, StoreSettings } from '../vendors/vendor.js';

/** A store as its vendor sees it through the API (the plugin adds `url`). */
export type VendorStoreView = Pick<Store, 'id' | 'slug'> & StoreSettings;

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
    upiId: store.upiId,
    paymentMethods: store.paymentMethods,
    timeZone: store.timeZone,
    newOrderEmails: store.newOrderEmails,
    gstin: store.gstin,
    state: store.state,
    pricesIncludeTax: store.pricesIncludeTax,
    defaultTaxRate: store.defaultTaxRate,
    packagingFee: store.packagingFee,
    codFee: store.codFee,
    deliveryMethods: store.deliveryMethods,
    serviceArea: store.serviceArea,
    locale: store.locale,
  };
}
