import type { OrderStatus, OrderStatusChange } from '../../../orders/order.js';
import { BaseModel } from './base-model.js';

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
    // Rows written before 006 (and PostgreSQL's json_agg of them) have no reason.
    return { status: this.status, at: this.at, reason: this.reason ?? null };
  }
}
