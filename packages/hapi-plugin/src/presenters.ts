import type { Product, Store } from '@dukaan-kit/core';
import { toVendorStoreView } from '@dukaan-kit/core';

/** A product as the API returns it: image URLs, and the store's currency beside the money. */
export function presentProduct(product: Product, currency: string) {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    price: product.price,
    compareAtPrice: product.compareAtPrice,
    currency,
    stock: product.stock,
    sku: product.sku,
    categoryId: product.categoryId,
    active: product.active,
    position: product.position,
    images: product.images.map((image) => image.url),
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}

/** A store as its vendor sees it, with the public link customers use. */
export function presentStore(store: Store, origin: string) {
  return { ...toVendorStoreView(store), url: `${origin}/${store.slug}` };
}
