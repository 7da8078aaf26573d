import type { Order, OrderCharge, OrderLine, OrderStatus, OrderStatusChange, PaymentMethod, PaymentStatus } from '../../../orders/order.js';
import type { DeliveryMethod } from '../../../pricing/index.js';
import { splitTax } from '../../../orders/tax-split.js';
import { BaseModel } from './base-model.js';
import { fieldsOfRow } from './row-fields.js';

/**
 * A row of `orders`; the customer is flattened into `customer_*` columns. The model is the
 * one place that maps an order to its row and back: raw SQL takes `$toDatabaseJson()`.
 */
export class OrderModel extends BaseModel {
  static override tableName = 'orders';
  static override bigintProperties = ['subtotal', 'deliveryFee', 'total', 'discount', 'packagingFee', 'codFee', 'taxTotal'];
  static override booleanProperties = ['igst', 'pricesIncludeTax'];
  static override jsonAttributes = ['charges'];

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
  declare customerHouse: string | null;
  declare customerStreet: string | null;
  declare customerLandmark: string | null;
  declare customerCity: string | null;
  declare customerState: string | null;
  declare deliveryMethod: DeliveryMethod;
  declare discount: number;
  declare couponCode: string | null;
  declare packagingFee: number;
  declare codFee: number;
  declare charges: OrderCharge[];
  declare taxTotal: number;
  /** Whether the tax is IGST (another state) rather than CGST + SGST. */
  declare igst: boolean;
  declare pricesIncludeTax: boolean;
  declare sellerGstin: string | null;
  declare placeOfSupply: string | null;
  declare invoiceNumber: number | null;
  declare invoiceFinancialYear: string | null;
  declare invoicedAt: string | null;
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
    const { customer, items: _items, history: _history, payment, coupon, tax, invoice, ...columns } = order;
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
        customerHouse: customer.house ?? null,
        customerStreet: customer.street ?? null,
        customerLandmark: customer.landmark ?? null,
        customerCity: customer.city ?? null,
        customerState: customer.state ?? null,
        couponCode: coupon?.code ?? null,
        igst: tax.igst > 0,
        invoiceNumber: invoice?.number ?? null,
        invoiceFinancialYear: invoice?.financialYear ?? null,
        invoicedAt: invoice?.issuedAt ?? null,
        // `?? null`: every row of a batch must have the same columns.
        idempotencyFingerprint: order.idempotencyFingerprint ?? null,
        customerErasedAt: order.customerErasedAt ?? null,
      },
      { skipValidation: true },
    );
  }

  /** The domain order of this row with its lines and history. */
  toOrder(items: OrderLine[], history: OrderStatusChange[]): Order {
    return orderOf(this, items, history);
  }
}

/** What an order row holds, by property: a model, or a row's fields read without one (fieldsOfRow). */
export type OrderFields = Omit<OrderModel, keyof BaseModel | 'toOrder'>;

/**
 * The domain order of a row's fields with its lines and history: the one mapping, for a model
 * (`toOrder`) and for rows read without model instances (orderOfRow).
 */
export function orderOf(fields: OrderFields, items: OrderLine[], history: OrderStatusChange[]): Order {
  return {
    id: fields.id,
    storeId: fields.storeId,
    number: fields.number,
    token: fields.token,
    status: fields.status,
    customer: {
      name: fields.customerName,
      phone: fields.customerPhone,
      email: fields.customerEmail,
      address: fields.customerAddress,
      pincode: fields.customerPincode,
      house: fields.customerHouse ?? null,
      street: fields.customerStreet ?? null,
      landmark: fields.customerLandmark ?? null,
      city: fields.customerCity ?? null,
      state: fields.customerState ?? null,
    },
    items,
    subtotal: fields.subtotal,
    deliveryFee: fields.deliveryFee,
    deliveryMethod: fields.deliveryMethod ?? 'delivery',
    discount: fields.discount ?? 0,
    coupon: fields.couponCode ? { code: fields.couponCode } : null,
    packagingFee: fields.packagingFee ?? 0,
    codFee: fields.codFee ?? 0,
    charges: fields.charges ?? [],
    taxTotal: fields.taxTotal ?? 0,
    tax: splitTax(fields.taxTotal ?? 0, fields.igst === true),
    pricesIncludeTax: fields.pricesIncludeTax ?? true,
    sellerGstin: fields.sellerGstin ?? null,
    placeOfSupply: fields.placeOfSupply ?? null,
    invoice:
      fields.invoiceNumber !== null && fields.invoiceNumber !== undefined && fields.invoiceFinancialYear && fields.invoicedAt
        ? { number: Number(fields.invoiceNumber), financialYear: fields.invoiceFinancialYear, issuedAt: fields.invoicedAt }
        : null,
    total: fields.total,
    currency: fields.currency,
    paymentMethod: fields.paymentMethod,
    payment: {
      method: fields.paymentMethod,
      status: fields.paymentStatus ?? 'pending',
      reference: fields.paymentReference ?? null,
      updatedAt: fields.paymentUpdatedAt ?? fields.createdAt,
    },
    note: fields.note,
    idempotencyKey: fields.idempotencyKey,
    idempotencyFingerprint: fields.idempotencyFingerprint ?? null,
    customerErasedAt: fields.customerErasedAt ?? null,
    history,
    createdAt: fields.createdAt,
    updatedAt: fields.updatedAt,
  };
}

/** The domain order of a raw `orders` row (column names), as `OrderModel.fromDatabaseJson(row).toOrder(…)` gives it. */
export function orderOfRow(row: Record<string, unknown>, items: OrderLine[], history: OrderStatusChange[]): Order {
  // fieldsOfRow gives the model's properties with the model's types (it shares their conversion).
  return orderOf(fieldsOfRow(OrderModel, row) as OrderFields, items, history);
}
