import type { Knex } from 'knex';
import { outboxEventTypes, type OutboxEventType } from '../../outbox/outbox-event.js';
import type { WebhookRecord } from '../../webhooks/webhook.js';
import type { WebhookRepository } from '../../webhooks/webhook-repository.js';
import { atomically } from './atomically.js';
import type { Dialect } from './dialect.js';

interface WebhookRow {
  id: string;
  store_id: string;
  url: string;
  events: string;
  secret: string;
  created_at: string;
}

function fromRow(row: WebhookRow): WebhookRecord {
  const parsed = JSON.parse(row.events) as unknown;
  // Only known types: a type retired in a later release must not break the listing.
  const events = Array.isArray(parsed) ? parsed.filter((type): type is OutboxEventType => (outboxEventTypes as readonly unknown[]).includes(type)) : [];
  return { id: row.id, storeId: row.store_id, url: row.url, events, secret: row.secret, createdAt: row.created_at };
}

/** WebhookRepository on the `webhooks` table. */
export class ObjectionWebhookRepository implements WebhookRepository {
  constructor(
    private readonly db: Knex,
    private readonly dialect: Dialect,
  ) {}

  async insertUnlessFull(record: WebhookRecord, max: number): Promise<boolean> {
    return atomically(this.db, async (trx) => {
      // The store's row is the lock: concurrent creations for one store take turns on PostgreSQL.
      await this.dialect.lockRows(trx('stores').select('id').where('id', record.storeId));
      const row = (await trx('webhooks').where('store_id', record.storeId).count({ n: '*' }).first()) as { n: unknown } | undefined;
      if (Number(row?.n ?? 0) >= max) return false;
      await trx('webhooks').insert({
        id: record.id,
        store_id: record.storeId,
        url: record.url,
        events: JSON.stringify(record.events),
        secret: record.secret,
        created_at: record.createdAt,
      });
      return true;
    });
  }

  async listByStore(storeId: string): Promise<WebhookRecord[]> {
    const rows = (await this.db('webhooks').where('store_id', storeId).orderBy('id')) as WebhookRow[];
    return rows.map(fromRow);
  }

  async findById(storeId: string, id: string): Promise<WebhookRecord | null> {
    const row = (await this.db('webhooks').where({ store_id: storeId, id }).first()) as WebhookRow | undefined;
    return row ? fromRow(row) : null;
  }

  async remove(storeId: string, id: string): Promise<boolean> {
    return atomically(this.db, async (trx) => {
      // Explicitly as well as by the foreign key: the deliveries must go with their webhook.
      await trx('outbox_deliveries').where({ store_id: storeId, webhook_id: id }).delete();
      return (await trx('webhooks').where({ store_id: storeId, id }).delete()) > 0;
    });
  }

  async removeAllByStore(storeId: string): Promise<number> {
    return atomically(this.db, async (trx) => {
      // Every webhook delivery of the store, pending ones included, then the webhooks themselves
      // (the foreign key would cascade; explicit, as in remove()).
      await trx('outbox_deliveries').where('store_id', storeId).whereNotNull('webhook_id').delete();
      return trx('webhooks').where('store_id', storeId).delete();
    });
  }

  async subscribedTo(storeId: string, type: OutboxEventType): Promise<WebhookRecord[]> {
    return (await this.listByStore(storeId)).filter((webhook) => webhook.events.includes(type));
  }
}
