import Joi from 'joi';
import { idField, stockField } from '../shared/fields.js';

/** What one bulk change does to every selected product. */
export const bulkActions = ['show', 'hide', 'set-stock', 'move-category', 'delete'] as const;
export type BulkAction = (typeof bulkActions)[number];

/** The most products one bulk change may touch: a dashboard page of selections, bounded work per request. */
export const maxBulkIds = 200;

/**
 * A bulk change. `stock` goes with `set-stock` only (null: stop counting), `categoryId` with
 * `move-category` only (null: no category).
 */
export interface BulkProductsInput {
  action: BulkAction;
  ids: string[];
  stock?: number | null;
  categoryId?: string | null;
}

/** How many of the selected products the change reached (ids of other stores or deleted ones are skipped). */
export interface BulkProductsResult {
  action: BulkAction;
  count: number;
}

export const bulkProductsSchema = Joi.object<BulkProductsInput>({
  action: Joi.string()
    .valid(...bulkActions)
    .label('Action')
    .required()
    .messages({ 'any.only': `{#label} must be one of ${bulkActions.join(', ')}` }),
  ids: Joi.array()
    .items(idField.label('Product'))
    .min(1)
    .max(maxBulkIds)
    .unique()
    .label('Products')
    .required()
    .messages({
      'array.min': 'Select at least one product',
      'array.max': `Select at most ${maxBulkIds} products at a time`,
      'array.unique': 'A product is selected twice',
    }),
  stock: Joi.when('action', {
    is: 'set-stock',
    then: stockField.allow(null).label('Stock').required().messages({ 'any.required': 'Enter the stock, or null to stop counting it' }),
    otherwise: Joi.forbidden().messages({ 'any.unknown': 'Stock goes with the set-stock action only' }),
  }),
  categoryId: Joi.when('action', {
    is: 'move-category',
    then: idField.allow(null).label('Category').required().messages({ 'any.required': 'Choose the category, or null for none' }),
    otherwise: Joi.forbidden().messages({ 'any.unknown': 'Category goes with the move-category action only' }),
  }),
});
