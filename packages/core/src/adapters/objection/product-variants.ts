import type { Knex } from 'knex';
import type { ProductVariant } from '../../catalog/product.js';
import { VariantModel } from './models/variant-model.js';
import { uniqueFields, withUniqueFields } from './unique-violation.js';

/** The variants of each of `productIds`, in position order, grouped by product. */
export async function variantsOf(db: Knex, storeId: string, productIds: string[]): Promise<Map<string, ProductVariant[]>> {
  const grouped = new Map<string, ProductVariant[]>();
  if (productIds.length === 0) return grouped;
  const rows = await VariantModel.query(db)
    .where('store_id', storeId)
    .whereIn('product_id', productIds)
    .orderBy([{ column: 'product_id' }, { column: 'position' }, { column: 'id' }]);
  for (const row of rows) {
    const list = grouped.get(row.productId) ?? [];
    list.push(row.toVariant());
    grouped.set(row.productId, list);
  }
  return grouped;
}

/** Inserts a new product's variants; ConflictError (path `sku`) on a SKU taken in the store. */
export async function insertVariants(db: Knex, storeId: string, productId: string, variants: ProductVariant[], at: string): Promise<void> {
  if (variants.length === 0) return;
  const rows = variants.map((v) => VariantModel.rowOf(storeId, productId, v, { createdAt: at, updatedAt: at }));
  await withUniqueFields([uniqueFields.sku], () => db(VariantModel.tableName).insert(rows));
}

/**
 * Makes the product's variants exactly `wanted`: the ones it has by id are updated, the rest
 * inserted, and its variants missing from the list deleted. Deletes go first, so a SKU moving
 * from a removed variant to a new one does not collide with itself. The stock of the kept
 * variants in `keepStockOf` is not written (see ProductPatch).
 */
export async function replaceVariants(
  db: Knex,
  storeId: string,
  productId: string,
  wanted: ProductVariant[],
  at: string,
  keepStockOf: ReadonlySet<string> = new Set(),
): Promise<void> {
  const existing = (await db(VariantModel.tableName).where({ store_id: storeId, product_id: productId }).select('id')) as { id: string }[];
  const kept = new Set(wanted.map((v) => v.id));
  const gone = existing.map((row) => row.id).filter((id) => !kept.has(id));
  if (gone.length > 0) await db(VariantModel.tableName).where({ store_id: storeId, product_id: productId }).whereIn('id', gone).delete();
  const have = new Set(existing.map((row) => row.id));
  await withUniqueFields([uniqueFields.sku], async () => {
    // SKUs are cleared first on the kept variants, so two variants swapping SKUs do not collide midway.
    const keptIds = wanted.filter((v) => have.has(v.id)).map((v) => v.id);
    if (keptIds.length > 1) await db(VariantModel.tableName).where('store_id', storeId).whereIn('id', keptIds).update({ sku: null });
    for (const variant of wanted) {
      if (!have.has(variant.id)) continue;
      const { created_at: _created, store_id: _store, product_id: _product, id: _id, stock, ...changes } = VariantModel.rowOf(storeId, productId, variant, { updatedAt: at });
      const columns = keepStockOf.has(variant.id) ? changes : { ...changes, stock };
      await db(VariantModel.tableName).where({ store_id: storeId, id: variant.id }).update(columns);
    }
    const fresh = wanted.filter((v) => !have.has(v.id)).map((v) => VariantModel.rowOf(storeId, productId, v, { createdAt: at, updatedAt: at }));
    if (fresh.length > 0) await db(VariantModel.tableName).insert(fresh);
  });
}
