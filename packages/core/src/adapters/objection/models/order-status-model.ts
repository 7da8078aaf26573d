import type { OrderStatus, OrderStatusChange } from '../../../orders/order.js';
import { BaseModel } from './base-model.js';

/** A row of `order_status_history`; the serial id keeps entries in the order they were written. */
export class OrderStatusModel extends BaseModel {
  static override tableName = 'order_status_history';

  declare id: number;
  declare orderId: string;
  declare status: OrderStatus;
  declare at: string;
}

/** The domain status change of a history row. */
export function toStatusChange(m: OrderStatusModel): OrderStatusChange {
  return { status: m.status, at: m.at };
}
