import type { PublicImage, PublicProduct, PublicVariant } from '../storefront/store-view.js';
import type { Product, ProductImage, ProductOption, ProductVariant } from './product.js';
import { toPublicImage } from './public-image.js';

/** A variant as its vendor sees it: its picture as the image's URL. */
export interface VendorVariantView extends Omit<ProductVariant, 'imageKey'> {
  image: string | null;
}

/** A product as its vendor sees it through the API: image URLs, and the store's currency beside the money. */
export type VendorProductView = Omit<Product, 'storeId' | 'images' | 'variants'> & {
  currency: string;
  images: string[];
  pictures: PublicImage[];
  variants: VendorVariantView[];
};

/** What every view of a product starts with: what it is and what it costs, in the store's currency. */
function productBasics(product: Product, currency: string) {
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    description: product.description,
    price: product.price,
    compareAtPrice: product.compareAtPrice,
    currency,
  };
}

function imageUrl(images: ProductImage[], key: string | null): string | null {
  return key === null ? null : (images.find((image) => image.key === key)?.url ?? null);
}

function copyOptions(options: ProductOption[]): ProductOption[] {
  return options.map(({ name, values }) => ({ name, values: [...values] }));
}

export function toVendorProductView(product: Product, currency: string): VendorProductView {
  return {
    ...productBasics(product, currency),
    stock: product.stock,
    sku: product.sku,
    categoryId: product.categoryId,
    taxRate: product.taxRate,
    hsnCode: product.hsnCode,
    active: product.active,
    position: product.position,
    options: copyOptions(product.options),
    variants: product.variants.map(({ imageKey, ...variant }) => ({ ...variant, image: imageUrl(product.images, imageKey) })),
    images: product.images.map((image) => image.url),
    pictures: product.images.map(toPublicImage),
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}

function toPublicVariant(variant: ProductVariant, images: ProductImage[]): PublicVariant {
  const index = variant.imageKey === null ? -1 : images.findIndex((image) => image.key === variant.imageKey);
  return {
    id: variant.id,
    options: { ...variant.options },
    price: variant.price,
    compareAtPrice: variant.compareAtPrice,
    sku: variant.sku,
    stock: variant.stock,
    inStock: variant.stock === null || variant.stock > 0,
    image: index < 0 ? null : index,
  };
}

/**
 * An active product as the store page lists it: no position or dates, the variants a customer
 * can pick (switched-off ones left out), and whether any of them can be bought.
 */
export function toPublicProduct(product: Product, currency: string): PublicProduct {
  const variants = product.variants.filter((v) => v.active).map((v) => toPublicVariant(v, product.images));
  const prices = new Set(variants.map((v) => v.price));
  return {
    ...productBasics(product, currency),
    priceVaries: prices.size > 1,
    categoryId: product.categoryId,
    images: product.images.map((image) => image.url),
    pictures: product.images.map(toPublicImage),
    options: copyOptions(product.options),
    variants,
    stock: product.stock,
    inStock: variants.some((v) => v.inStock),
    taxRate: product.taxRate,
  };
}
