import type { OutboxEventInput } from './outbox-event.js';

/**
 * The transactional outbox. `add` is called inside the transaction of the change the event
 * describes (through `Repositories.outbox` of `persistence.transaction`), so the event exists
 * exactly when the change committed; a dispatcher delivers it afterwards, at least once.
 */
export interface OutboxRepository {
  /** Stores the event; resolves its id. */
  add(event: OutboxEventInput): Promise<string>;
}
