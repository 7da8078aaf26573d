import type { Knex } from 'knex';
import type { ClaimedDelivery, DeliveryInput, DeliveryOutcome, DeliveryRecord, DeliveryStatus, DeliveryTarget } from '../../outbox/delivery.js';
import { eraseEventData } from '../../outbox/erase-event-data.js';
import type { OutboxEvent, OutboxEventInput, OutboxEventType } from '../../outbox/outbox-event.js';
import type { OutboxRepository, RetryResult } from '../../outbox/outbox-repository.js';
import { newId } from '../../shared/id.js';
import type { Dialect } from './dialect.js';
import { outboxEventRow } from './outbox-rows.js';
import { changedCount, rowsOf } from './raw-statements.js';

interface EventRow {
  id: string;
  store_id: string;
  type: string;
  order_id: string | null;
  product_id: string | null;
  data: string;
  created_at: string;
}

interface DeliveryRow {
  id: string;
  event_id: string;
  store_id: string;
  target: string;
  webhook_id: string | null;
  status: string;
  attempt: number | string;
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  status_code: number | null;
  duration_ms: number | null;
  error: string | null;
  created_at: string;
  delivered_at: string | null;
  event_type: string;
}

function eventOf(row: EventRow): OutboxEvent {
  return {
    id: row.id,
    type: row.type as OutboxEventType,
    storeId: row.store_id,
    orderId: row.order_id,
    productId: row.product_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    createdAt: row.created_at,
  };
}

function deliveryOf(row: DeliveryRow): DeliveryRecord {
  return {
    id: row.id,
    eventId: row.event_id,
    storeId: row.store_id,
    target: row.target as DeliveryTarget,
    webhookId: row.webhook_id,
    eventType: row.event_type as OutboxEventType,
    status: row.status as DeliveryStatus,
    attempt: Number(row.attempt),
    nextAttemptAt: row.next_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    statusCode: row.status_code === null ? null : Number(row.status_code),
    durationMs: row.duration_ms === null ? null : Number(row.duration_ms),
    error: row.error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}

/** An outcome's column values, in the order finish and finishMany write them (status … delivered_at). */
function outcomeValues(outcome: DeliveryOutcome): Array<string | number | null> {
  return [
    outcome.status,
    outcome.nextAttemptAt,
    outcome.attemptedAt,
    outcome.statusCode,
    outcome.durationMs,
    outcome.error === null ? null : outcome.error.slice(0, 200),
    outcome.status === 'delivered' ? outcome.attemptedAt : null,
  ];
}

const deliveryColumns = [
  'd.id',
  'd.event_id',
  'd.store_id',
  'd.target',
  'd.webhook_id',
  'd.status',
  'd.attempt',
  'd.next_attempt_at',
  'd.last_attempt_at',
  'd.status_code',
  'd.duration_ms',
  'd.error',
  'd.created_at',
  'd.delivered_at',
  'e.type as event_type',
];

/** OutboxRepository on the `outbox_events` and `outbox_deliveries` tables. */
export class ObjectionOutboxRepository implements OutboxRepository {
  constructor(
    private readonly db: Knex,
    private readonly dialect: Dialect,
  ) {}

  async add(event: OutboxEventInput): Promise<string> {
    const row = outboxEventRow(event);
    await this.db('outbox_events').insert(row);
    return row.id;
  }

  async claimUndispatched(limit: number): Promise<OutboxEvent[]> {
    const query = this.db('outbox_events').whereNull('dispatched_at').orderBy('id').limit(limit);
    // Another dispatcher skips the events this one holds instead of waiting for them.
    if (this.dialect.name === 'postgresql') void query.forUpdate().skipLocked();
    return ((await query) as EventRow[]).map(eventOf);
  }

  async addDeliveries(deliveries: DeliveryInput[]): Promise<void> {
    if (deliveries.length === 0) return;
    const rows = deliveries.map((delivery) => ({
      id: newId(),
      event_id: delivery.eventId,
      store_id: delivery.storeId,
      target: delivery.target,
      webhook_id: delivery.webhookId,
      status: 'pending',
      attempt: 0,
      next_attempt_at: delivery.createdAt,
      created_at: delivery.createdAt,
    }));
    // In chunks: SQLite caps the variables of one statement.
    for (let start = 0; start < rows.length; start += 50) await this.db('outbox_deliveries').insert(rows.slice(start, start + 50));
  }

  async markDispatched(eventIds: string[], at: string): Promise<void> {
    if (eventIds.length === 0) return;
    await this.db('outbox_events').whereIn('id', eventIds).update({ dispatched_at: at });
  }

  async claimDue(now: string, leaseUntil: string, claimant: string, limit: number): Promise<ClaimedDelivery[]> {
    // One statement: picking and leasing cannot be split by another dispatcher. On PostgreSQL the
    // rows another dispatcher is leasing right now are skipped, not waited for; SQLite has one writer.
    const lock = this.dialect.name === 'postgresql' ? ' for update skip locked' : '';
    const claimed = rowsOf<{ id: string }>(
      await this.db.raw(
        `update outbox_deliveries set attempt = attempt + 1, lease_until = ?, locked_by = ?
         where id in (
           select id from outbox_deliveries
           where status = 'pending' and next_attempt_at <= ? and (lease_until is null or lease_until <= ?)
           order by next_attempt_at limit ?${lock}
         )
         returning id`,
        [leaseUntil, claimant, now, now, limit],
      ),
    );
    if (claimed.length === 0) return [];
    const rows = (await this.db('outbox_deliveries as d')
      .join('outbox_events as e', 'e.id', 'd.event_id')
      .leftJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .whereIn(
        'd.id',
        claimed.map((row) => row.id),
      )
      .where('d.locked_by', claimant)
      .select(
        'd.id',
        'd.target',
        'd.attempt',
        'e.id as e_id',
        'e.store_id as e_store_id',
        'e.type as e_type',
        'e.order_id as e_order_id',
        'e.product_id as e_product_id',
        'e.data as e_data',
        'e.created_at as e_created_at',
        'w.id as w_id',
        'w.url as w_url',
        'w.secret as w_secret',
      )) as Array<Record<string, string | number | null>>;
    return rows.map((row) => ({
      id: String(row['id']),
      target: row['target'] as DeliveryTarget,
      attempt: Number(row['attempt']),
      event: eventOf({
        id: String(row['e_id']),
        store_id: String(row['e_store_id']),
        type: String(row['e_type']),
        order_id: (row['e_order_id'] as string | null) ?? null,
        product_id: (row['e_product_id'] as string | null) ?? null,
        data: String(row['e_data']),
        created_at: String(row['e_created_at']),
      }),
      webhook: row['w_id'] ? { id: String(row['w_id']), url: String(row['w_url']), secret: String(row['w_secret']) } : null,
    }));
  }

  async finish(deliveryId: string, claimant: string, outcome: DeliveryOutcome): Promise<boolean> {
    // Written out rather than built (raw-statements.ts).
    const result = await this.db.raw(
      `UPDATE outbox_deliveries SET status = ?, next_attempt_at = ?, last_attempt_at = ?, status_code = ?, duration_ms = ?, error = ?, delivered_at = ?, lease_until = NULL, locked_by = NULL
       WHERE id = ? AND locked_by = ?`,
      [...outcomeValues(outcome), deliveryId, claimant],
    );
    return changedCount(result) > 0;
  }

  async finishMany(claimant: string, finished: ReadonlyArray<{ deliveryId: string; outcome: DeliveryOutcome }>): Promise<number> {
    if (finished.length === 0) return 0;
    if (this.dialect.name === 'sqlite') {
      // In-process statements cost no round trip: one each, as finish writes them.
      let written = 0;
      for (const { deliveryId, outcome } of finished) if (await this.finish(deliveryId, claimant, outcome)) written += 1;
      return written;
    }
    // One statement for the batch: a round trip per delivery was the dispatcher's largest share of
    // statements under a checkout load. The casts give the parameters their columns' types.
    const row = '(CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS text), CAST(? AS integer), CAST(? AS integer), CAST(? AS text), CAST(? AS text))';
    const result = await this.db.raw(
      `UPDATE outbox_deliveries AS d SET status = v.status, next_attempt_at = v.next_attempt_at, last_attempt_at = v.last_attempt_at, status_code = v.status_code,
         duration_ms = v.duration_ms, error = v.error, delivered_at = v.delivered_at, lease_until = NULL, locked_by = NULL
       FROM (VALUES ${finished.map(() => row).join(', ')}) AS v(id, status, next_attempt_at, last_attempt_at, status_code, duration_ms, error, delivered_at)
       WHERE d.id = v.id AND d.locked_by = ?`,
      [...finished.flatMap(({ deliveryId, outcome }) => [deliveryId, ...outcomeValues(outcome)]), claimant],
    );
    return changedCount(result);
  }

  async listDeliveries(storeId: string, webhookId: string, limit: number): Promise<DeliveryRecord[]> {
    const rows = (await this.db('outbox_deliveries as d')
      .join('outbox_events as e', 'e.id', 'd.event_id')
      .where({ 'd.store_id': storeId, 'd.webhook_id': webhookId })
      .orderBy('d.id', 'desc')
      .limit(limit)
      .select(deliveryColumns)) as DeliveryRow[];
    return rows.map(deliveryOf);
  }

  async retryDelivery(storeId: string, webhookId: string, deliveryId: string, at: string): Promise<RetryResult | null> {
    // One conditional statement: only a dead or pending delivery that no dispatcher holds (no
    // lease, or one that ran out) is made due; a delivered one or one in flight is left alone.
    // Clearing the lease makes a late finish by a dispatcher that lost it a no-op.
    const changed = await this.db('outbox_deliveries')
      .where({ id: deliveryId, store_id: storeId, webhook_id: webhookId })
      .whereIn('status', ['dead', 'pending'])
      .where((q) => void q.whereNull('lease_until').orWhere('lease_until', '<=', at))
      .update({ status: 'pending', next_attempt_at: at, delivered_at: null, lease_until: null, locked_by: null });
    const row = (await this.db('outbox_deliveries as d')
      .join('outbox_events as e', 'e.id', 'd.event_id')
      .where({ 'd.id': deliveryId, 'd.store_id': storeId, 'd.webhook_id': webhookId })
      .first([...deliveryColumns, 'd.lease_until as lease_until'])) as (DeliveryRow & { lease_until: string | null }) | undefined;
    if (!row) return null;
    const inFlight = row.lease_until !== null && row.lease_until > at;
    return { retried: changed > 0, inFlight: changed === 0 && inFlight, record: deliveryOf(row) };
  }

  async cleanUp(before: string): Promise<number> {
    const finished = this.db('outbox_events')
      .select('id')
      .whereNotNull('dispatched_at')
      .where('created_at', '<', before)
      .whereNotExists((sub) => {
        void sub.select(this.db.raw('1')).from('outbox_deliveries').whereRaw('outbox_deliveries.event_id = outbox_events.id').where('outbox_deliveries.status', 'pending');
      });
    const ids = ((await finished) as Array<{ id: string }>).map((row) => row.id);
    let deleted = 0;
    for (let start = 0; start < ids.length; start += 200) {
      const chunk = ids.slice(start, start + 200);
      await this.db('outbox_deliveries').whereIn('event_id', chunk).delete();
      deleted += await this.db('outbox_events').whereIn('id', chunk).delete();
    }
    return deleted;
  }

  async eraseOrderData(storeId: string, orderIds: string[] | 'all'): Promise<number> {
    // In chunks of ids: SQLite caps the variables of one statement.
    const chunks = orderIds === 'all' ? ['all' as const] : Array.from({ length: Math.ceil(orderIds.length / 500) }, (_, i) => orderIds.slice(i * 500, i * 500 + 500));
    let changed = 0;
    for (const chunk of chunks) {
      const query = this.db('outbox_events').select('id', 'data').where('store_id', storeId);
      if (chunk === 'all') void query.whereNotNull('order_id');
      else void query.whereIn('order_id', chunk);
      const rows = (await query) as Array<{ id: string; data: string }>;
      for (const row of rows) {
        const data = eraseEventData(JSON.parse(row.data) as Record<string, unknown>);
        await this.db('outbox_events').where('id', row.id).update({ data: JSON.stringify(data) });
      }
      changed += rows.length;
    }
    return changed;
  }
}
