import Joi from 'joi';
import { cursorField, idField, moneyField, pageLimitField } from '../shared/fields.js';

export interface CategoryInput {
  name: string;
  position?: number;
}

export interface ProductInput {
  name: string;
  description?: string;
  price: number;
  compareAtPrice?: number | null;
  stock?: number | null;
  sku?: string | null;
  categoryId?: string | null;
  active?: boolean;
  position?: number;
}

export interface ProductListInput {
  limit: number;
  cursor?: string;
  q?: string;
  categoryId?: string;
  active?: boolean;
}

export interface StockAdjustmentInput {
  delta: number;
}

const position = Joi.number().strict().integer().min(0).max(1_000_000);
const categoryName = Joi.string().trim().min(1).max(60);

export const categoryCreateSchema = Joi.object<CategoryInput>({
  name: categoryName.required(),
  position,
});

export const categoryUpdateSchema = Joi.object<Partial<CategoryInput>>({
  name: categoryName,
  position,
})
  .min(1)
  .messages({ 'object.min': 'Send at least one field to change' });

const productFields = {
  name: Joi.string().trim().min(1).max(120),
  description: Joi.string().trim().max(5000).allow(''),
  price: moneyField,
  // The MRP must be above the price when both are given; otherwise there is no discount to show.
  compareAtPrice: moneyField
    .allow(null)
    .when('price', { is: Joi.exist(), then: Joi.number().greater(Joi.ref('price')) })
    .messages({ 'number.greater': '{#label} (MRP) must be more than the price' }),
  stock: Joi.number().strict().integer().min(0).max(1_000_000_000).allow(null),
  sku: Joi.string().trim().min(1).max(64).pattern(/^[\w.\-/]+$/, 'sku').allow(null).messages({
    'string.pattern.name': '{#label} may use letters, digits, and . _ - /',
  }),
  categoryId: idField.allow(null),
  active: Joi.boolean().strict(),
  position,
};

export const productCreateSchema = Joi.object<ProductInput>({
  ...productFields,
  name: productFields.name.required(),
  price: productFields.price.required(),
});

export const productUpdateSchema = Joi.object<Partial<ProductInput>>(productFields)
  .min(1)
  .messages({ 'object.min': 'Send at least one field to change' });

export const productListSchema = Joi.object<ProductListInput>({
  limit: pageLimitField,
  cursor: cursorField,
  q: Joi.string().trim().max(100).allow(''),
  categoryId: idField,
  active: Joi.boolean(),
});

export const stockAdjustmentSchema = Joi.object<StockAdjustmentInput>({
  delta: Joi.number().strict().integer().min(-1_000_000_000).max(1_000_000_000).invalid(0).required(),
});
