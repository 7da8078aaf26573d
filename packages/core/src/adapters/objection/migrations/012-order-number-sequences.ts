import type { Knex } from 'knex';
import { dialectFor } from '../dialect.js';

/**
 * PostgreSQL: order numbers from one sequence per store, and statistics on `orders` kept fresh.
 *
 * Until 011 a checkout took its number with `UPDATE stores SET next_order_number = …`, whose row
 * lock lasted through the commit and its WAL flush: the checkouts of one store queued behind each
 * other. `nextval()` locks nothing until commit, so they no longer do. A sequence does not roll
 * back: a checkout that fails after taking its number (a failed commit, a replayed idempotency key
 * that meets the first order's row) leaves a gap. Tax invoice numbers (`invoice_counters`) are not
 * affected and stay gapless.
 *
 * The sequence of a store is named by `order_number_sequence(store_id)` (the store id's 32 hex
 * digits for a lowercase UUID, which every id the app makes is, or the first 32 hex digits of its
 * SHA-256: always a plain identifier under 63 bytes, whatever the id holds). A trigger creates it
 * with the store row, starting at `next_order_number` (1001 for a new store), and drops it with the
 * row, so stores inserted by any path (seeds, scripts, tests) can take orders. On PostgreSQL
 * `next_order_number` then only records where the store's numbering started; `down` writes the
 * sequences' next values back into it before dropping them. SQLite has one writer: it keeps the
 * store-row counter, and this migration changes nothing there.
 *
 * Statistics: `orders` grows fast and unevenly (one busy store gains thousands of orders between
 * two autovacuum runs), and stale statistics on `store_id` once made the planner read a store's
 * orders through the wrong index. Analyse after 1 % of the table (plus 1,000 rows) has changed
 * rather than the default 10 %, and keep more common store ids in the statistics.
 */
export async function up(knex: Knex): Promise<void> {
  if (dialectFor(knex).name !== 'postgresql') return;
  await knex.raw(`
    CREATE FUNCTION order_number_sequence(store_id text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
      SELECT 'order_numbers_' || CASE
        WHEN store_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN replace(store_id, '-', '')
        ELSE left(encode(sha256(convert_to(store_id, 'UTF8')), 'hex'), 32)
      END
    $fn$`);
  // SET search_path FROM CURRENT: the trigger finds order_number_sequence() whatever the search
  // path of the session inserting the store; the sequence goes into the stores table's schema.
  await knex.raw(`
    CREATE FUNCTION order_numbers_follow_store() RETURNS trigger
    LANGUAGE plpgsql SET search_path FROM CURRENT AS $fn$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        EXECUTE format('CREATE SEQUENCE %I.%I AS integer START WITH %s', TG_TABLE_SCHEMA, order_number_sequence(NEW.id), NEW.next_order_number);
        RETURN NEW;
      END IF;
      EXECUTE format('DROP SEQUENCE IF EXISTS %I.%I', TG_TABLE_SCHEMA, order_number_sequence(OLD.id));
      RETURN OLD;
    END
    $fn$`);
  await knex.raw(`
    DO $do$
    DECLARE store record;
    BEGIN
      FOR store IN
        SELECT s.id, GREATEST(s.next_order_number, COALESCE((SELECT max(o."number") + 1 FROM orders o WHERE o.store_id = s.id), 0)) AS start_at
        FROM stores s
      LOOP
        EXECUTE format('CREATE SEQUENCE %I AS integer START WITH %s', order_number_sequence(store.id), store.start_at);
      END LOOP;
    END
    $do$`);
  await knex.raw('CREATE TRIGGER order_numbers_follow_store AFTER INSERT OR DELETE ON stores FOR EACH ROW EXECUTE FUNCTION order_numbers_follow_store()');
  await knex.raw('ALTER TABLE orders SET (autovacuum_analyze_scale_factor = 0.01, autovacuum_analyze_threshold = 1000)');
  await knex.raw('ALTER TABLE orders ALTER COLUMN store_id SET STATISTICS 1000');
}

export async function down(knex: Knex): Promise<void> {
  if (dialectFor(knex).name !== 'postgresql') return;
  await knex.raw('ALTER TABLE orders ALTER COLUMN store_id SET STATISTICS -1');
  await knex.raw('ALTER TABLE orders RESET (autovacuum_analyze_scale_factor, autovacuum_analyze_threshold)');
  await knex.raw('DROP TRIGGER IF EXISTS order_numbers_follow_store ON stores');
  // Numbers stay unique after the way back: the store-row counter continues past the sequence
  // and past every number in use.
  await knex.raw(`
    DO $do$
    DECLARE store record; following integer;
    BEGIN
      FOR store IN SELECT id, order_number_sequence(id) AS seq FROM stores LOOP
        IF to_regclass(quote_ident(store.seq)) IS NOT NULL THEN
          EXECUTE format('SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM %I', store.seq) INTO following;
          UPDATE stores SET next_order_number = GREATEST(next_order_number, following) WHERE id = store.id;
          EXECUTE format('DROP SEQUENCE %I', store.seq);
        END IF;
        UPDATE stores SET next_order_number = GREATEST(next_order_number, COALESCE((SELECT max(o."number") + 1 FROM orders o WHERE o.store_id = store.id), 0))
        WHERE id = store.id;
      END LOOP;
    END
    $do$`);
  await knex.raw('DROP FUNCTION IF EXISTS order_numbers_follow_store()');
  await knex.raw('DROP FUNCTION IF EXISTS order_number_sequence(text)');
}
