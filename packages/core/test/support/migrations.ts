import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { Test } from 'tap';
import type { Knex } from 'knex';
import { createKnex } from '../../src/adapters/objection/index.js';
import { migrationSource } from '../../src/adapters/objection/migrate.js';
import { testServices, uniqueTestName } from '../../src/testing/services.js';

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

/**
 * Registers `run` twice, as `SQLite: <title>` on a scratch database file and as `PostgreSQL:
 * <title>` in a scratch schema (skipped without PostgreSQL), each dropped afterwards: the two
 * places every upgrade test of a migration must pass.
 */
export function onBothDatabases(title: string, prefix: string, run: (t: Test, knex: Knex) => Promise<void>): void {
  t.test(`SQLite: ${title}`, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), `dukaan-${prefix}-`));
    const knex = createKnex(`sqlite:${join(dir, 'upgrade.db')}`);
    t.teardown(async () => {
      await knex.destroy();
      rmSync(dir, { recursive: true, force: true });
    });
    await run(t, knex);
  });
  const { postgresUrl } = testServices();
  t.test(`PostgreSQL: ${title}`, { skip: postgresUrl === null && 'PostgreSQL not configured' }, async (t) => {
    const schema = uniqueTestName(prefix);
    const knex = createKnex(postgresUrl ?? '', { schema, poolMax: 2 });
    t.teardown(async () => {
      await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
      await knex.destroy();
    });
    await run(t, knex);
  });
}
