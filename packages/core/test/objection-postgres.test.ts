import t from 'tap';
import { createKnex, migrateLatest, objectionPersistence } from '../src/adapters/objection/index.js';
import { persistenceConformance } from '../src/testing/persistence/index.js';
import { testServices, uniqueTestName } from '../src/testing/services.js';

const { postgresUrl } = testServices();

if (postgresUrl === null) {
  t.plan(0, 'PostgreSQL not configured');
} else {
  // A schema of its own: tap runs test files in parallel against one database.
  const schema = uniqueTestName('t');

  t.before(async () => {
    const knex = createKnex(postgresUrl, { schema });
    await migrateLatest(knex);
    await knex.destroy();
  });

  t.teardown(async () => {
    const knex = createKnex(postgresUrl);
    await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
    await knex.destroy();
  });

  persistenceConformance(t, async () => {
    const persistence = objectionPersistence(createKnex(postgresUrl, { schema }));
    return { persistence, cleanup: () => persistence.close() };
    // Order numbers come from a per-store sequence (migration 012): a failure after it leaves a gap.
  }, { orderNumbers: 'gaps after a failure' });
}
