export { createKnex } from './create-knex.js';
export type { CreateKnexOptions } from './create-knex.js';
export { migrateLatest } from './migrate.js';
export { objectionPersistence } from './objection-persistence.js';
export { countQueries } from './count-queries.js';
export type { QueryCounter } from './count-queries.js';
export { objectionReadReplica } from './read-replica.js';
export type { ReadReplicaOptions } from './read-replica.js';
