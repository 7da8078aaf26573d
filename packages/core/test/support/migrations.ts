import type { Knex } from 'knex';
import { migrationSource } from '../../src/adapters/objection/migrate.js';

/** Undoes migrations, newest first, until `name` is undone too: tests of one migration's down keep working as later ones are added. */
export async function migrateDownThrough(knex: Knex, name: string): Promise<void> {
  for (let guard = 0; guard < 100; guard++) {
    const [completed] = (await knex.migrate.list({ migrationSource })) as [Array<{ name: string } | string>, unknown];
    const names = completed.map((entry) => (typeof entry === 'string' ? entry : entry.name));
    if (!names.includes(name)) return;
    await knex.migrate.down({ migrationSource });
  }
  throw new Error(`could not undo ${name}`);
}
