import type { OrderLine } from '../../../orders/order.js';
import { BaseModel } from './base-model.js';

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
    return {
      productId: this.productId,
      variantId: this.variantId ?? this.productId,
      name: this.name,
      options: this.options,
      sku: this.sku,
      unitPrice: this.unitPrice,
      quantity: this.quantity,
      lineTotal: this.lineTotal,
      taxRate: this.taxRate ?? 0,
      hsnCode: this.hsnCode ?? null,
      discount: this.discount ?? 0,
      taxableValue: this.taxableValue ?? this.lineTotal - (this.discount ?? 0),
      tax: this.tax ?? 0,
    };
  }
}
