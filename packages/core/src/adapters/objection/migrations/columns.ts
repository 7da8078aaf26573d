import type { Knex } from 'knex';

// Ids are UUIDv7 text and instants ISO-8601 UTC text of fixed width, so that both
// databases sort and compare them the same way, byte by byte.

/** A UUIDv7 primary key. */
export function idColumn(table: Knex.CreateTableBuilder): void {
  table.string('id', 36).primary();
}

/** A UUIDv7 reference to `parent.id`, deleted with the parent. */
export function ownerColumn(table: Knex.CreateTableBuilder, name: string, parent: string): void {
  table.string(name, 36).notNullable().references('id').inTable(parent).onDelete('CASCADE');
}

/** An instant as `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function instantColumn(table: Knex.CreateTableBuilder, name: string): Knex.ColumnBuilder {
  return table.string(name, 24).notNullable();
}

/** created_at and updated_at. */
export function timestampColumns(table: Knex.CreateTableBuilder): void {
  instantColumn(table, 'created_at');
  instantColumn(table, 'updated_at');
}
