import { Model, snakeCaseMappers } from 'objection';
import type { Pojo } from 'objection';
import { rateToBasisPoints } from '../../../pricing/index.js';

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

  /**
   * Tax rates (percent) stored as whole basis points in a column named for the property plus
   * `_bp` (`taxRate` in `tax_rate_bp`: 18 % is 1800, 0.25 % is 25), so both databases hold and
   * compare them exactly. null stays null.
   */
  static basisPointProperties: readonly string[] = [];

  override $formatDatabaseJson(json: Pojo): Pojo {
    const model = this.constructor as typeof BaseModel;
    const row: Pojo = { ...json };
    for (const key of model.basisPointProperties) {
      if (!(key in row)) continue;
      const rate = row[key] as unknown;
      delete row[key];
      if (rate !== undefined) row[`${key}Bp`] = typeof rate === 'number' ? rateToBasisPoints(rate) : null;
    }
    return super.$formatDatabaseJson(row);
  }

  override $parseDatabaseJson(json: Pojo): Pojo {
    const parsed = super.$parseDatabaseJson(json);
    const model = this.constructor as typeof BaseModel;
    for (const key of model.booleanProperties) {
      if (typeof parsed[key] === 'number') parsed[key] = parsed[key] !== 0;
    }
    for (const key of model.bigintProperties) {
      if (typeof parsed[key] === 'string' || typeof parsed[key] === 'bigint') parsed[key] = Number(parsed[key]);
    }
    for (const key of model.basisPointProperties) {
      const column = `${key}Bp`;
      if (!(column in parsed)) continue;
      const bp = parsed[column] as number | string | null;
      parsed[key] = bp === null ? null : Number(bp) / 100;
      delete parsed[column];
    }
    return parsed;
  }
}
