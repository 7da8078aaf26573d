import type { Product, ProductImage } from '../../../catalog/product.js';
import { BaseModel } from './base-model.js';

/** A row of `products`; `images` is JSON text. */
export class ProductModel extends BaseModel {
  static override tableName = 'products';
  static override booleanProperties = ['active'];
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
}

/** The domain product of a product row. */
export function toProduct(m: ProductModel): Product {
  return {
    id: m.id,
    storeId: m.storeId,
    name: m.name,
    description: m.description,
    price: m.price,
    compareAtPrice: m.compareAtPrice,
    stock: m.stock,
    sku: m.sku,
    categoryId: m.categoryId,
    active: m.active,
    position: m.position,
    images: m.images.map((image) => ({ key: image.key, url: image.url })),
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}
