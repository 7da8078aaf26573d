import type { Order, OrderLine, OrderStatus, OrderStatusChange, PaymentMethod, PaymentStatus } from '../../../orders/order.js';
import { BaseModel } from './base-model.js';

/**
 * A row of `orders`; the customer is flattened into `customer_*` columns. The model is the
 * one place that maps an order to its row and back: raw SQL takes `$toDatabaseJson()`.
 */
export class OrderModel extends BaseModel {
  static override tableName = 'orders';
  static override bigintProperties = ['subtotal', 'deliveryFee', 'total'];

  declare id: string;
  declare storeId: string;
  declare number: number;
  declare token: string;
  declare status: OrderStatus;
  declare customerName: string;
  declare customerPhone: string;
  declare customerEmail: string | null;
  declare customerAddress: string;
  declare customerPincode: string;
  declare subtotal: number;
  declare deliveryFee: number;
  declare total: number;
  declare currency: string;
  declare paymentMethod: PaymentMethod;
  declare paymentStatus: PaymentStatus;
  declare paymentReference: string | null;
  /** Null only on rows the 009 migration has not backfilled: the order's creation then. */
  declare paymentUpdatedAt: string | null;
  declare note: string | null;
  declare idempotencyKey: string | null;
  declare idempotencyFingerprint: string | null;
  declare customerErasedAt: string | null;
  declare createdAt: string;
  declare updatedAt: string;

  /** The order row of a domain order (lines and history go to their own tables). */
  static fromOrder(order: Order): OrderModel {
    // Every other column is named as the order's field.
    const { customer, items: _items, history: _history, payment, ...columns } = order;
    return OrderModel.fromJson(
      {
        ...columns,
        paymentMethod: payment.method,
        paymentStatus: payment.status,
        paymentReference: payment.reference,
        paymentUpdatedAt: payment.updatedAt,
        customerName: customer.name,
        customerPhone: customer.phone,
        customerEmail: customer.email,
        customerAddress: customer.address,
        customerPincode: customer.pincode,
        // `?? null`: every row of a batch must have the same columns.
        idempotencyFingerprint: order.idempotencyFingerprint ?? null,
        customerErasedAt: order.customerErasedAt ?? null,
      },
      { skipValidation: true },
    );
  }

  /** The domain order of this row with its lines and history. */
  toOrder(items: OrderLine[], history: OrderStatusChange[]): Order {
    return {
      id: this.id,
      storeId: this.storeId,
      number: this.number,
      token: this.token,
      status: this.status,
      customer: {
        name: this.customerName,
        phone: this.customerPhone,
        email: this.customerEmail,
        address: this.customerAddress,
        pincode: this.customerPincode,
      },
      items,
      subtotal: this.subtotal,
      deliveryFee: this.deliveryFee,
      total: this.total,
      currency: this.currency,
      paymentMethod: this.paymentMethod,
      payment: {
        method: this.paymentMethod,
        status: this.paymentStatus ?? 'pending',
        reference: this.paymentReference ?? null,
        updatedAt: this.paymentUpdatedAt ?? this.createdAt,
      },
      note: this.note,
      idempotencyKey: this.idempotencyKey,
      idempotencyFingerprint: this.idempotencyFingerprint ?? null,
      customerErasedAt: this.customerErasedAt ?? null,
      history,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
    };
  }
}
