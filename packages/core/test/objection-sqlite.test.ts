import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { createKnex, migrateLatest, objectionPersistence } from '../src/adapters/objection/index.js';
import { persistenceConformance } from '../src/testing/persistence/index.js';

// A real file, not :memory:, so WAL and the one-connection pool are what the suite exercises.
const dir = mkdtempSync(join(tmpdir(), 'dukaan-sqlite-'));
const url = `sqlite:${join(dir, 'test.db')}`;
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

t.before(async () => {
  const knex = createKnex(url);
  await migrateLatest(knex);
  await knex.destroy();
});

persistenceConformance(t, async () => {
  const persistence = objectionPersistence(createKnex(url));
  return { persistence, cleanup: () => persistence.close() };
});
