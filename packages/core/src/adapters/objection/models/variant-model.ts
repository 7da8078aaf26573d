import type { ProductVariant } from '../../../catalog/product.js';
import { BaseModel } from './base-model.js';
import { pick } from './pick.js';

const variantKeys = ['id', 'options', 'price', 'compareAtPrice', 'stock', 'sku', 'active', 'imageKey', 'position'] as const satisfies readonly (keyof ProductVariant)[];

/** A row of `product_variants`; `options` is JSON text. */
export class VariantModel extends BaseModel {
  static override tableName = 'product_variants';
  static override booleanProperties = ['active'];
  static override bigintProperties = ['price', 'compareAtPrice'];
  static override jsonAttributes = ['options'];

  declare id: string;
  declare storeId: string;
  declare productId: string;
  declare position: number;
  declare options: Record<string, string>;
  declare price: number;
  declare compareAtPrice: number | null;
  declare stock: number | null;
  declare sku: string | null;
  declare active: boolean;
  declare imageKey: string | null;
  declare createdAt: string;
  declare updatedAt: string;

  /** The database row of a variant of `productId`. */
  static rowOf(storeId: string, productId: string, variant: ProductVariant, at: { createdAt?: string; updatedAt: string }): Record<string, unknown> {
    const model = VariantModel.fromJson({ ...pick(variant, variantKeys), storeId, productId, ...at }, { skipValidation: true });
    return model.$toDatabaseJson();
  }

  /** The domain variant of this row. */
  toVariant(): ProductVariant {
    return pick(this, variantKeys) as unknown as ProductVariant;
  }
}
