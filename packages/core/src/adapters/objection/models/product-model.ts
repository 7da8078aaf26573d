import type { Product, ProductImage, ProductOption, ProductVariant } from '../../../catalog/product.js';
import type { ProductPatch } from '../../../catalog/product-repository.js';
import { summarizeVariants } from '../../../catalog/variant-summary.js';
import { BaseModel } from './base-model.js';
import { pick } from './pick.js';

/** The product columns a patch may change (variants live in their own table). */
const patchKeys = ['name', 'slug', 'description', 'options', 'categoryId', 'taxRate', 'hsnCode', 'active', 'position', 'images'] as const satisfies readonly (keyof ProductPatch)[];
const productKeys = ['id', 'storeId', ...patchKeys, 'createdAt', 'updatedAt'] as const satisfies readonly (keyof Product)[];

/** An image as stored: older rows hold only `key` and `url`. */
export type StoredImage = Pick<ProductImage, 'key' | 'url'> & Partial<ProductImage>;

export function toImage(image: StoredImage): ProductImage {
  return {
    key: image.key,
    url: image.url,
    width: image.width ?? null,
    height: image.height ?? null,
    renditions: (image.renditions ?? []).map(({ width, height, webpUrl, jpegUrl }) => ({ width, height, webpUrl, jpegUrl })),
    fileKeys: image.fileKeys ?? [image.key],
  };
}

/** A row of `products`; `images` and `options` are JSON text. */
export class ProductModel extends BaseModel {
  static override tableName = 'products';
  static override booleanProperties = ['active'];
  static override jsonAttributes = ['images', 'options'];
  static override basisPointProperties = ['taxRate'];

  declare id: string;
  declare storeId: string;
  declare name: string;
  declare slug: string;
  declare description: string;
  declare options: ProductOption[];
  declare categoryId: string | null;
  /** Percent, in `tax_rate_bp` (see basisPointProperties). */
  declare taxRate: number | null;
  declare hsnCode: string | null;
  declare active: boolean;
  declare position: number;
  declare images: StoredImage[];
  declare createdAt: string;
  declare updatedAt: string;

  /** The row of a new product (its variants are rows of their own). */
  static fromProduct(product: Product): ProductModel {
    return ProductModel.fromJson(pick(product, productKeys), { skipValidation: true });
  }

  /** The product-table changes of a patch; anything else (the id, the store, the variants) is left out. */
  static patchOf(patch: ProductPatch): Partial<ProductModel> {
    return pick(patch, patchKeys) as Partial<ProductModel>;
  }

  /** The domain product of this row with its variants (in position order). */
  toProduct(variants: ProductVariant[]): Product {
    const base = pick(this, productKeys) as unknown as Omit<Product, 'variants' | 'price' | 'compareAtPrice' | 'stock' | 'sku'>;
    const options = this.options.map(({ name, values }) => ({ name, values }));
    return { ...base, options, variants, ...summarizeVariants(options, variants), images: this.images.map(toImage) };
  }
}
