import type { Knex } from 'knex';
import type { Order, OrderStatus, OrderSummary } from '../../orders/order.js';
import type { OrderListQuery, OrderRepository } from '../../orders/order-repository.js';
import { encodeCursor } from '../../shared/page.js';
import type { Page } from '../../shared/page.js';
import { atomically } from './atomically.js';
import { OrderItemModel, orderItemRows, toOrderLine } from './models/order-item-model.js';
import { OrderModel, fromOrder, toOrder } from './models/order-model.js';
import { OrderStatusModel, toStatusChange } from './models/order-status-model.js';
import { insertWithNextNumberPostgres } from './numbered-order-insert.js';
import { nextOrderNumber } from './objection-store-repository.js';
import { uniqueFields, withUniqueFields } from './unique-violation.js';

/** OrderRepository on `orders`, `order_items` and `order_status_history`, scoped to the store. */
export class ObjectionOrderRepository implements OrderRepository {
  constructor(private readonly db: Knex) {}

  async insert(order: Order): Promise<void> {
    // The order row goes first: a concurrent duplicate key waits on its unique index there
    // (PostgreSQL) and fails once the first commits, before writing anything else.
    await withUniqueFields([uniqueFields.idempotencyKey], () =>
      atomically(this.db, async (trx) => {
        await OrderModel.query(trx).insert(fromOrder(order));
        if (order.items.length > 0) await trx(OrderItemModel.tableName).insert(orderItemRows(order.id, order.items));
        const history = order.history.map((change) => ({ order_id: order.id, status: change.status, at: change.at }));
        if (history.length > 0) await trx(OrderStatusModel.tableName).insert(history);
      }),
    );
  }

  async insertWithNextNumber(order: Order): Promise<number> {
    if (this.db.client.config.client === 'pg') {
      return withUniqueFields([uniqueFields.idempotencyKey], () => insertWithNextNumberPostgres(this.db, order));
    }
    // SQLite has one writer at a time: two statements cost no contention.
    const number = await nextOrderNumber(this.db, order.storeId);
    await this.insert({ ...order, number });
    return number;
  }

  findById(storeId: string, id: string): Promise<Order | null> {
    return this.findOne({ store_id: storeId, id });
  }

  findByToken(storeId: string, token: string): Promise<Order | null> {
    return this.findOne({ store_id: storeId, token });
  }

  findByIdempotencyKey(storeId: string, key: string): Promise<Order | null> {
    return this.findOne({ store_id: storeId, idempotency_key: key });
  }

  async list(storeId: string, query: OrderListQuery): Promise<Page<Order>> {
    const filter = (builder: Knex.QueryBuilder) => {
      builder.where('store_id', storeId);
      if (query.status !== undefined) builder.where('status', query.status);
      if (query.after !== undefined) builder.where('id', '<', query.after);
      // One row more than asked tells whether there is a next page.
      builder.orderBy('id', 'desc').limit(query.limit + 1);
    };
    const all = await this.load(filter);
    const items = all.slice(0, query.limit);
    const last = items[items.length - 1];
    return { items, nextCursor: all.length > query.limit && last ? encodeCursor(last.id) : null };
  }

  async changeStatus(storeId: string, id: string, from: OrderStatus, to: OrderStatus, at: string): Promise<boolean> {
    return atomically(this.db, async (trx) => {
      // Compare-and-set: a concurrent change that got there first leaves nothing to update.
      const moved = await OrderModel.query(trx).patch({ status: to, updatedAt: at }).where({ store_id: storeId, id, status: from });
      if (moved === 0) return false;
      await OrderStatusModel.query(trx).insert({ orderId: id, status: to, at });
      return true;
    });
  }

  async summary(storeId: string, since: string): Promise<OrderSummary> {
    const row = (await this.db('orders')
      .where('store_id', storeId)
      .andWhere((where) => where.where('created_at', '>=', since).orWhere('status', 'pending'))
      .first(
        this.db.raw('sum(case when created_at >= ? then 1 else 0 end) as orders', [since]),
        this.db.raw("sum(case when created_at >= ? and status not in ('rejected', 'cancelled') then total else 0 end) as revenue", [since]),
        this.db.raw("sum(case when status = 'pending' then 1 else 0 end) as pending"),
      )) as { orders: unknown; revenue: unknown; pending: unknown } | undefined;
    // PostgreSQL sums come back as strings (bigint), and as NULL over no rows.
    return { orders: Number(row?.orders ?? 0), revenue: Number(row?.revenue ?? 0), pending: Number(row?.pending ?? 0) };
  }

  private async findOne(where: Record<string, string>): Promise<Order | null> {
    const [order] = await this.load((builder) => builder.where(where).limit(1));
    return order ?? null;
  }

  /**
   * Orders matching `filter`, with lines and history: on PostgreSQL in one query (the lines and
   * history aggregated as JSON beside each row), elsewhere in three.
   */
  private async load(filter: (builder: Knex.QueryBuilder) => void): Promise<Order[]> {
    if (this.db.client.config.client !== 'pg') {
      const builder = OrderModel.query(this.db);
      filter(builder as unknown as Knex.QueryBuilder);
      return this.withLines(await builder);
    }
    const builder = this.db('orders').select('orders.*', this.db.raw(ordersWithLinesSql));
    filter(builder);
    const rows = (await builder) as Array<Record<string, unknown> & { dk_items: LineTuple[]; dk_history: ChangeTuple[] }>;
    return rows.map(({ dk_items, dk_history, ...row }) =>
      toOrder(
        OrderModel.fromDatabaseJson(row),
        dk_items.map(([productId, name, unitPrice, quantity, lineTotal]) => ({ productId, name, unitPrice, quantity, lineTotal })),
        dk_history.map(([status, at]) => ({ status, at })),
      ),
    );
  }

  /** Orders with lines and history: two queries however many orders. */
  private async withLines(rows: OrderModel[]): Promise<Order[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [items, history] = await Promise.all([
      OrderItemModel.query(this.db).whereIn('order_id', ids).orderBy(['order_id', 'position']),
      OrderStatusModel.query(this.db).whereIn('order_id', ids).orderBy(['order_id', 'id']),
    ]);
    const lines = groupBy(items, (item) => item.orderId, toOrderLine);
    const changes = groupBy(history, (change) => change.orderId, toStatusChange);
    return rows.map((row) => toOrder(row, lines.get(row.id) ?? [], changes.get(row.id) ?? []));
  }
}

function groupBy<M, T>(models: M[], key: (m: M) => string, map: (m: M) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const model of models) {
    const group = groups.get(key(model));
    if (group) group.push(map(model));
    else groups.set(key(model), [map(model)]);
  }
  return groups;
}

type LineTuple = [string, string, number, number, number];
type ChangeTuple = [OrderStatus, string];

/** PostgreSQL: each order's lines and history as JSON arrays, in their stored order. */
const ordersWithLinesSql = `
  COALESCE((SELECT json_agg(json_build_array(i.product_id, i.name, i.unit_price, i.quantity, i.line_total) ORDER BY i.position)
    FROM order_items i WHERE i.order_id = orders.id), '[]'::json) AS dk_items,
  COALESCE((SELECT json_agg(json_build_array(h.status, h.at) ORDER BY h.id)
    FROM order_status_history h WHERE h.order_id = orders.id), '[]'::json) AS dk_history`;
