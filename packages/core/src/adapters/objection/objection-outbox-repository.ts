import type { Knex } from 'knex';
import type { OutboxEventInput } from '../../outbox/outbox-event.js';
import type { OutboxRepository } from '../../outbox/outbox-repository.js';
import { newId } from '../../shared/id.js';

/** OutboxRepository on the `outbox_events` table. */
export class ObjectionOutboxRepository implements OutboxRepository {
  constructor(private readonly db: Knex) {}

  async add(event: OutboxEventInput): Promise<string> {
    const id = newId();
    await this.db('outbox_events').insert({
      id,
      store_id: event.storeId,
      type: event.type,
      order_id: event.orderId,
      product_id: event.productId,
      data: JSON.stringify(event.data),
      created_at: event.createdAt,
      dispatched_at: null,
    });
    return id;
  }
}
