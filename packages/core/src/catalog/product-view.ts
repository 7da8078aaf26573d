import type { PublicProduct } from '../storefront/store-view.js';
import type { Product } from './product.js';

/** A product as its vendor sees it through the API: image URLs, and the store's currency beside the money. */
export type VendorProductView = Omit<Product, 'storeId' | 'images'> & { currency: string; images: string[] };

/** What every view of a product starts with: what it is and what it costs, in the store's currency. */
function productBasics(product: Product, currency: string) {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    price: product.price,
    compareAtPrice: product.compareAtPrice,
    currency,
  };
}

export function toVendorProductView(product: Product, currency: string): VendorProductView {
  return {
    ...productBasics(product, currency),
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

/** An active product as the store page lists it: no SKU, position or dates, and whether it can be bought. */
export function toPublicProduct(product: Product, currency: string): PublicProduct {
  return {
    ...productBasics(product, currency),
    categoryId: product.categoryId,
    images: product.images.map((image) => image.url),
    stock: product.stock,
    inStock: product.stock === null || product.stock > 0,
  };
}
