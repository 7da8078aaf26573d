import type { Order, OrderCharge, OrderLine, OrderStatus, OrderStatusChange, PaymentMethod, PaymentStatus } from '../../../orders/order.js';
import type { DeliveryMethod } from '../../../pricing/index.js';
import { splitTax } from '../../../orders/tax-split.js';
import { BaseModel } from './base-model.js';

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
        house: this.customerHouse ?? null,
        street: this.customerStreet ?? null,
        landmark: this.customerLandmark ?? null,
        city: this.customerCity ?? null,
        state: this.customerState ?? null,
      },
      items,
      subtotal: this.subtotal,
      deliveryFee: this.deliveryFee,
      deliveryMethod: this.deliveryMethod ?? 'delivery',
      discount: this.discount ?? 0,
      coupon: this.couponCode ? { code: this.couponCode } : null,
      packagingFee: this.packagingFee ?? 0,
      codFee: this.codFee ?? 0,
      charges: this.charges ?? [],
      taxTotal: this.taxTotal ?? 0,
      tax: splitTax(this.taxTotal ?? 0, this.igst === true),
      pricesIncludeTax: this.pricesIncludeTax ?? true,
      sellerGstin: this.sellerGstin ?? null,
      placeOfSupply: this.placeOfSupply ?? null,
      invoice:
        this.invoiceNumber !== null && this.invoiceNumber !== undefined && this.invoiceFinancialYear && this.invoicedAt
          ? { number: Number(this.invoiceNumber), financialYear: this.invoiceFinancialYear, issuedAt: this.invoicedAt }
          : null,
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
