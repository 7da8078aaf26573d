import type { Knex } from 'knex';

/** A running count of the queries a knex instance has sent. */
export interface QueryCounter {
  /** Queries sent since creation or the last reset. */
  readonly count: number;
  /** Starts counting from zero again. */
  reset(): void;
}

/** Counts every query the knex instance (and its transactions) sends, for tests and benchmarks. */
export function countQueries(knex: Knex): QueryCounter {
  let count = 0;
  knex.on('query', () => {
    count += 1;
  });
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}
