import Joi from 'joi';
import { cursorField, idField, maxStock, moneyField, pageLimitField, stockField, textField } from '../shared/fields.js';

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

const position = Joi.number().strict().integer().min(0).max(1_000_000).label('Position');
const categoryName = textField.trim().min(1).max(60).label('Name');

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
  name: textField.trim().min(1).max(120).label('Name'),
  description: textField.trim().max(5000).allow('').label('Description'),
  price: moneyField.label('Price'),
  // The MRP must be above the price when both are given; otherwise there is no discount to show.
  compareAtPrice: moneyField
    .allow(null)
    .when('price', { is: Joi.exist(), then: Joi.number().greater(Joi.ref('price')) })
    .label('MRP')
    .messages({ 'number.greater': '{#label} must be more than the price' }),
  stock: stockField.allow(null).label('Stock'),
  sku: textField.trim().min(1).max(64).pattern(/^[\w.\-/]+$/, 'sku').allow(null).label('SKU').messages({
    'string.pattern.name': '{#label} may use letters, digits, and . _ - /',
  }),
  categoryId: idField.allow(null).label('Category'),
  active: Joi.boolean().strict().label('Visible in the store'),
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
  q: textField.trim().max(100).allow('').label('Search'),
  categoryId: idField.label('Category'),
  active: Joi.boolean().label('Visible in the store'),
});

/** A change to a tracked stock; the result is checked against the column by adjustStock. */
export const stockAdjustmentSchema = Joi.object<StockAdjustmentInput>({
  delta: Joi.number().strict().integer().min(-maxStock).max(maxStock).invalid(0).label('Stock change').required(),
});
