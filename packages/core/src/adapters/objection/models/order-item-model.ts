import type { OrderLine } from '../../../orders/order.js';
import { BaseModel } from './base-model.js';
import { fieldsOfRow } from './row-fields.js';

/** A row of `order_items`: a line as sold, with no reference kept to the product row. */
export class OrderItemModel extends BaseModel {
  static override tableName = 'order_items';
  static override idColumn = ['orderId', 'position'];
  static override bigintProperties = ['unitPrice', 'lineTotal', 'discount', 'taxableValue', 'tax'];
  static override jsonAttributes = ['options'];
  static override basisPointProperties = ['taxRate'];

  declare orderId: string;
  declare position: number;
  declare productId: string;
  /** Null only between migration 010's column and its backfill. */
  declare variantId: string | null;
  declare name: string;
  declare options: Record<string, string>;
  declare sku: string | null;
  declare unitPrice: number;
  declare quantity: number;
  declare lineTotal: number;
  /** Percent, in `tax_rate_bp` (see basisPointProperties). */
  declare taxRate: number;
  declare hsnCode: string | null;
  declare discount: number;
  /** Null on lines sold before GST: the line total then. */
  declare taxableValue: number | null;
  declare tax: number;

  /** The rows of an order's lines; the position keeps them in the order they were sold. */
  static fromLines(orderId: string, lines: OrderLine[]): OrderItemModel[] {
    return lines.map((line, position) =>
      OrderItemModel.fromJson(
        {
          orderId,
          position,
          productId: line.productId,
          variantId: line.variantId,
          name: line.name,
          options: line.options,
          sku: line.sku,
          unitPrice: line.unitPrice,
          quantity: line.quantity,
          lineTotal: line.lineTotal,
          taxRate: line.taxRate,
          hsnCode: line.hsnCode,
          discount: line.discount,
          taxableValue: line.taxableValue,
          tax: line.tax,
        },
        { skipValidation: true },
      ),
    );
  }

  /** The domain line of this row. */
  toLine(): OrderLine {
    return lineOf(this);
  }
}

/** What a line row holds, by property: a model, or a row's fields read without one. */
export type LineFields = Omit<OrderItemModel, keyof BaseModel | 'toLine'>;

/** The domain line of a row's fields: the one mapping, for a model (`toLine`) and for rows read without one. */
export function lineOf(fields: LineFields): OrderLine {
  return {
    productId: fields.productId,
    variantId: fields.variantId ?? fields.productId,
    name: fields.name,
    options: fields.options,
    sku: fields.sku,
    unitPrice: fields.unitPrice,
    quantity: fields.quantity,
    lineTotal: fields.lineTotal,
    taxRate: fields.taxRate ?? 0,
    hsnCode: fields.hsnCode ?? null,
    discount: fields.discount ?? 0,
    taxableValue: fields.taxableValue ?? fields.lineTotal - (fields.discount ?? 0),
    tax: fields.tax ?? 0,
  };
}

/** The domain line of a raw `order_items` row, as `OrderItemModel.fromDatabaseJson(row).toLine()` gives it. */
export function lineOfRow(row: Record<string, unknown>): OrderLine {
  return lineOf(fieldsOfRow(OrderItemModel, row) as LineFields);
}
