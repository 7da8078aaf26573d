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

  /**
   * bigint (money) properties: pg hands int8 back as strings. They are parsed here, in the
   * model, rather than by a pg type parser, so that a knex the host application made (and
   * its other pools) is never changed. The schemas keep amounts at or below 2^53 − 1, so
   * Number is exact.
   */
  static bigintProperties: readonly string[] = [];

  override $parseDatabaseJson(json: Pojo): Pojo {
    const parsed = super.$parseDatabaseJson(json);
    const model = this.constructor as typeof BaseModel;
    for (const key of model.booleanProperties) {
      if (typeof parsed[key] === 'number') parsed[key] = parsed[key] !== 0;
    }
    for (const key of model.bigintProperties) {
      if (typeof parsed[key] === 'string' || typeof parsed[key] === 'bigint') parsed[key] = Number(parsed[key]);
    }
    return parsed;
  }
}
