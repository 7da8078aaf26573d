import type { Product, ProductImage } from '../../../catalog/product.js';
import type { ProductPatch } from '../../../catalog/product-repository.js';
import { BaseModel } from './base-model.js';
import { pick } from './pick.js';

/** The columns a patch may change. */
const patchKeys = ['name', 'description', 'price', 'compareAtPrice', 'stock', 'sku', 'categoryId', 'active', 'position',
  'images'] as const satisfies readonly (keyof ProductPatch)[];
const productKeys = ['id', 'storeId', ...patchKeys, 'createdAt', 'updatedAt'] as const satisfies readonly (keyof Product)[];

/** A row of `products`; `images` is JSON text. */
export class ProductModel extends BaseModel {
  static override tableName = 'products';
  static override booleanProperties = ['active'];
  static override bigintProperties = ['price', 'compareAtPrice'];
  static override jsonAttributes = ['images'];

  declare id: string;
  declare storeId: string;
  declare name: string;
  declare description: string;
  declare price: number;
  declare compareAtPrice: number | null;
  declare stock: number | null;
  declare sku: string | null;
  declare categoryId: string | null;
  declare active: boolean;
  declare position: number;
  declare images: ProductImage[];
  declare createdAt: string;
  declare updatedAt: string;

  /** The row of a new product. */
  static fromProduct(product: Product): ProductModel {
    return ProductModel.fromJson(pick(product, productKeys), { skipValidation: true });
  }

  /** The changes of a patch; anything but a patchable field (the id, the store) is left out. */
  static patchOf(patch: ProductPatch): Partial<ProductModel> {
    return pick(patch, patchKeys) as Partial<ProductModel>;
  }

  /** The domain product of this row. */
  toProduct(): Product {
    const product = pick(this, productKeys) as unknown as Product;
    // Only the image fields the domain knows, whatever else the JSON holds.
    return { ...product, images: this.images.map((image) => ({ key: image.key, url: image.url })) };
  }
}
