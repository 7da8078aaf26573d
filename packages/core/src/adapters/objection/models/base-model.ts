import { Model, snakeCaseMappers } from 'objection';
import type { Pojo } from 'objection';

/**
 * camelCase properties over snake_case columns. Never bound to a global knex: repositories
 * always pass theirs (`Model.query(db)`), so two persistences never share state.
 */
export abstract class BaseModel extends Model {
  static override columnNameMappers = snakeCaseMappers();

  /** Properties that SQLite hands back as 0/1. */
  static booleanProperties: readonly string[] = [];

  override $parseDatabaseJson(json: Pojo): Pojo {
    const parsed = super.$parseDatabaseJson(json);
    for (const key of (this.constructor as typeof BaseModel).booleanProperties) {
      if (typeof parsed[key] === 'number') parsed[key] = parsed[key] !== 0;
    }
    return parsed;
  }
}
