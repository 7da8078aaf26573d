import { createKnex, migrateLatest } from '@dukaan-kit/core/objection';
import { readConfig } from './config.js';

const knex = createKnex(readConfig().databaseUrl);
await migrateLatest(knex);
await knex.destroy();
console.log('migrations are up to date');
