import type { Knex } from 'knex';
import type { Order, OrderInvoice, OrderStatus, OrderSummary } from '../../orders/order.js';
import { assignInvoiceNumber } from './invoice-numbers.js';
import { noWrites, type CustomerMatch, type NumberedOrder, type OrderListQuery, type OrderRepository, type PaymentChange, type PlacedOrderWrites } from '../../orders/order-repository.js';
import { encodeCursor } from '../../shared/page.js';
import type { Page } from '../../shared/page.js';
import { atomically } from './atomically.js';
import { canBeStored, columnLimits } from './column-limits.js';
import type { Dialect } from './dialect.js';
import { finalStatuses } from '../../orders/status-machine.js';
import { OrderModel } from './models/order-model.js';
import { OrderStatusModel } from './models/order-status-model.js';
import { applyOrderListFilters } from './order-list-filters.js';
import { uniqueFields, withUniqueFields } from './unique-violation.js';

/** OrderRepository on `orders`, `order_items` and `order_status_history`, scoped to the store. */
export class ObjectionOrderRepository implements OrderRepository {
  constructor(
    private readonly db: Knex,
    private readonly dialect: Dialect,
  ) {}

  async insertWithNextNumber(order: Order): Promise<number> {
    return (await this.insertPlaced(order, noWrites)).number;
  }

  insertPlaced(order: Order, writes: PlacedOrderWrites): Promise<NumberedOrder> {
    return withUniqueFields([uniqueFields.idempotencyKey], () => this.dialect.insertNumberedOrder(this.db, order, writes));
  }

  assignInvoice(storeId: string, orderId: string, financialYear: string, at: string): Promise<OrderInvoice> {
    return assignInvoiceNumber(this.db, storeId, orderId, financialYear, at);
  }

  findById(storeId: string, id: string): Promise<Order | null> {
    // The store id too: a payment provider's notification names both.
    if (!canBeStored(id, columnLimits.id) || !canBeStored(storeId, columnLimits.id)) return Promise.resolve(null);
    return this.findOne({ store_id: storeId, id });
  }

  async findByIds(storeId: string, ids: string[]): Promise<Order[]> {
    const known = [...new Set(ids)].filter((id) => canBeStored(id, columnLimits.id));
    if (known.length === 0 || !canBeStored(storeId, columnLimits.id)) return [];
    return this.dialect.loadOrders(this.db, (builder) => builder.where('orders.store_id', storeId).whereIn('orders.id', known));
  }

  findByToken(storeId: string, token: string): Promise<Order | null> {
    if (!canBeStored(token, columnLimits.token)) return Promise.resolve(null);
    return this.findOne({ store_id: storeId, token });
  }

  findByIdempotencyKey(storeId: string, key: string): Promise<Order | null> {
    if (!canBeStored(key, columnLimits.idempotencyKey)) return Promise.resolve(null);
    return this.findOne({ store_id: storeId, idempotency_key: key });
  }

  async list(storeId: string, query: OrderListQuery): Promise<Page<Order>> {
    const all = await this.dialect.loadOrders(this.db, (builder) => {
      applyOrderListFilters(builder, storeId, query);
      // One row more than asked tells whether there is a next page.
      builder.orderBy('orders.id', 'desc').limit(query.limit + 1);
    });
    const items = all.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: all.length > query.limit && last ? encodeCursor(last.id) : null };
  }

  async changeStatus(storeId: string, id: string, from: OrderStatus, to: OrderStatus, at: string, reason: string | null): Promise<boolean> {
    return atomically(this.db, async (trx) => {
      // Compare-and-set: a concurrent change that got there first leaves nothing to update.
      const moved = await OrderModel.query(trx).patch({ status: to, updatedAt: at }).where({ store_id: storeId, id, status: from });
      if (moved === 0) return false;
      await OrderStatusModel.query(trx).insert(OrderStatusModel.fromHistory(id, [{ status: to, at, reason }]));
      return true;
    });
  }

  async changePayment(storeId: string, id: string, change: PaymentChange): Promise<boolean> {
    if (!canBeStored(id, columnLimits.id) || !canBeStored(storeId, columnLimits.id)) return false;
    const patch: Partial<OrderModel> = { paymentStatus: change.to, paymentUpdatedAt: change.at, updatedAt: change.at };
    if (change.reference !== undefined) patch.paymentReference = change.reference;
    // Compare-and-set: a concurrent change that got there first leaves nothing to update.
    const moved = await OrderModel.query(this.db).patch(patch).where({ store_id: storeId, id, payment_status: change.from });
    return moved > 0;
  }

  async eraseCustomer(storeId: string, match: CustomerMatch, at: string): Promise<{ erased: number; erasedIds: string[]; open: number }> {
    const customer = match.phone !== undefined ? { customer_phone: match.phone } : { customer_email: match.email };
    const where = { store_id: storeId, ...customer };
    return atomically(this.db, async (trx) => {
      const rows = await OrderModel.query(trx)
        .patch(erasedCustomer(at))
        .where(where)
        .whereNull('customer_erased_at')
        .whereIn('status', finalStatuses)
        .returning('id');
      await eraseReasons(trx, storeId, at);
      const row = (await trx('orders').where(where).whereNull('customer_erased_at').whereNotIn('status', finalStatuses).count({ n: '*' }).first()) as
        | { n: unknown }
        | undefined;
      const erasedIds = rows.map((r) => r.id).sort();
      return { erased: erasedIds.length, erasedIds, open: Number(row?.n ?? 0) };
    });
  }

  async eraseAllCustomers(storeId: string, at: string): Promise<number> {
    return atomically(this.db, async (trx) => {
      const erased = await OrderModel.query(trx).patch(erasedCustomer(at)).where('store_id', storeId).whereNull('customer_erased_at');
      await eraseReasons(trx, storeId, at);
      return erased;
    });
  }

  async summary(storeId: string, since: string): Promise<OrderSummary> {
    const row = (await this.db('orders')
      .where('store_id', storeId)
      .andWhere((where) => where.where('created_at', '>=', since).orWhere('status', 'pending'))
      .first(
        this.db.raw('sum(case when created_at >= ? then 1 else 0 end) as orders', [since]),
        this.db.raw("sum(case when created_at >= ? and status not in ('rejected', 'cancelled', 'returned') then total else 0 end) as revenue", [since]),
        this.db.raw("sum(case when status = 'pending' then 1 else 0 end) as pending"),
      )) as { orders: unknown; revenue: unknown; pending: unknown } | undefined;
    // PostgreSQL sums come back as strings (bigint, numeric), and as NULL over no rows.
    return { orders: Number(row?.orders ?? 0), revenue: Number(row?.revenue ?? 0), pending: Number(row?.pending ?? 0) };
  }

  private async findOne(where: Record<string, string>): Promise<Order | null> {
    const [order] = await this.dialect.loadOrders(this.db, (builder) => builder.where(where).limit(1));
    return order ?? null;
  }
}

/**
 * The customer columns of an erased order. The idempotency key and fingerprint go too: the
 * fingerprint is a hash of the request, which held the customer's details. Not-null columns get
 * '' rather than a placeholder that could be mistaken for data.
 */
/**
 * A reason for a cancel, reject or return is the vendor's free text about the customer ("said
 * he moved to Pune"): it goes with the customer's details, from the orders erased at `at`.
 */
async function eraseReasons(db: Knex, storeId: string, at: string): Promise<void> {
  await db('order_status_history')
    .update({ reason: null })
    .whereIn('order_id', db('orders').select('id').where({ store_id: storeId, customer_erased_at: at }))
    .whereNotNull('reason');
  // The coupon uses stay counted (the order was discounted) but no longer say by whom.
  await db('coupon_uses')
    .update({ phone: '' })
    .whereIn('order_id', db('orders').select('id').where({ store_id: storeId, customer_erased_at: at }));
}

function erasedCustomer(at: string): Partial<OrderModel> {
  return {
    customerName: '',
    customerPhone: '',
    customerEmail: null,
    customerAddress: '',
    customerPincode: '',
    customerHouse: null,
    customerStreet: null,
    customerLandmark: null,
    customerCity: null,
    customerState: null,
    note: null,
    idempotencyKey: null,
    idempotencyFingerprint: null,
    customerErasedAt: at,
  };
}
