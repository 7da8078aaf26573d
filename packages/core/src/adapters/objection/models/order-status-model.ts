import type { OrderStatus, OrderStatusChange } from '../../../orders/order.js';
import { BaseModel } from './base-model.js';
import { fieldsOfRow } from './row-fields.js';

/** A row of `order_status_history`; the serial id keeps entries in the order they were written. */
export class OrderStatusModel extends BaseModel {
  static override tableName = 'order_status_history';

  declare id: number;
  declare orderId: string;
  declare status: OrderStatus;
  declare at: string;
  declare reason: string | null;

  /** The rows of an order's history, without ids (the database numbers them in this order). */
  static fromHistory(orderId: string, history: OrderStatusChange[]): OrderStatusModel[] {
    return history.map((change) => OrderStatusModel.fromJson({ orderId, status: change.status, at: change.at, reason: change.reason }, { skipValidation: true }));
  }

  /** The domain status change of this row. */
  toStatusChange(): OrderStatusChange {
    return statusChangeOf(this);
  }
}

/** The domain status change of a history row's fields: the one mapping, for a model and for rows read without one. */
export function statusChangeOf(fields: Pick<OrderStatusModel, 'status' | 'at' | 'reason'>): OrderStatusChange {
  // Rows written before 006 (and PostgreSQL's json_agg of them) have no reason.
  return { status: fields.status, at: fields.at, reason: fields.reason ?? null };
}

/** The domain status change of a raw `order_status_history` row, as `OrderStatusModel.fromDatabaseJson(row).toStatusChange()` gives it. */
export function statusChangeOfRow(row: Record<string, unknown>): OrderStatusChange {
  return statusChangeOf(fieldsOfRow(OrderStatusModel, row) as Pick<OrderStatusModel, 'status' | 'at' | 'reason'>);
}
