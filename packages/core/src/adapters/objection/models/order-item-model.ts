import type { OrderLine } from '../../../orders/order.js';
import { BaseModel } from './base-model.js';

/** A row of `order_items`: a line as sold, with no reference kept to the product row. */
export class OrderItemModel extends BaseModel {
  static override tableName = 'order_items';
  static override idColumn = ['orderId', 'position'];

  declare orderId: string;
  declare position: number;
  declare productId: string;
  declare name: string;
  declare unitPrice: number;
  declare quantity: number;
  declare lineTotal: number;
}

/** The domain line of an order item row. */
export function toOrderLine(m: OrderItemModel): OrderLine {
  return { productId: m.productId, name: m.name, unitPrice: m.unitPrice, quantity: m.quantity, lineTotal: m.lineTotal };
}

/** The database rows (snake_case, for one batch insert) of an order's lines. */
export function orderItemRows(orderId: string, lines: OrderLine[]): Record<string, unknown>[] {
  return lines.map((line, position) => ({
    order_id: orderId,
    position,
    product_id: line.productId,
    name: line.name,
    unit_price: line.unitPrice,
    quantity: line.quantity,
    line_total: line.lineTotal,
  }));
}
