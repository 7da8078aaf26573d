import type { Pojo } from 'objection';

/** The statics of BaseModel that say how its columns are stored (base-model.ts). */
export interface StoredTypes {
  readonly columnNameMappers: { parse(json: Pojo): Pojo };
  readonly jsonAttributes?: readonly string[] | null;
  readonly booleanProperties: readonly string[];
  readonly bigintProperties: readonly string[];
  readonly basisPointProperties: readonly string[];
}

/**
 * How one column becomes its property: its name, and the conversion BaseModel.$parseDatabaseJson
 * makes from the same property lists (booleans SQLite hands back as 0/1, int8 that pg hands back
 * as strings, tax rates stored as basis points, JSON columns that arrive as text).
 * order-list-mapping.test.ts compares the two on rows of both databases.
 */
interface ColumnPlan {
  property: string;
  kind: 'plain' | 'json' | 'boolean' | 'bigint' | 'basisPoints';
}

/**
 * Per model, per column name: decided once, so reading a row is one lookup and one conversion
 * per column (a list page reads ~1,000 columns). Names come from the model's own column mapper.
 */
const plans = new WeakMap<StoredTypes, Map<string, ColumnPlan>>();

function planOf(model: StoredTypes, column: string): ColumnPlan {
  let columns = plans.get(model);
  if (columns === undefined) {
    columns = new Map();
    plans.set(model, columns);
  }
  let plan = columns.get(column);
  if (plan === undefined) {
    const named = Object.keys(model.columnNameMappers.parse({ [column]: null }))[0] ?? column;
    const rate = model.basisPointProperties.find((key) => `${key}Bp` === named);
    if (rate !== undefined) plan = { property: rate, kind: 'basisPoints' };
    else if ((model.jsonAttributes ?? []).includes(named)) plan = { property: named, kind: 'json' };
    else if (model.booleanProperties.includes(named)) plan = { property: named, kind: 'boolean' };
    else if (model.bigintProperties.includes(named)) plan = { property: named, kind: 'bigint' };
    else plan = { property: named, kind: 'plain' };
    columns.set(column, plan);
  }
  return plan;
}

/**
 * A row's properties exactly as `Model.fromDatabaseJson(row)` would set them (column names
 * mapped, JSON columns that arrive as text parsed, stored types converted), as a
 * plain object: reads of many rows (the order list) skip building a model instance per row,
 * per line and per history entry, and objection's per-row bookkeeping with it.
 */
export function fieldsOfRow(model: StoredTypes, row: Record<string, unknown>): Pojo {
  const fields: Pojo = {};
  for (const column in row) {
    const value = row[column];
    const { property, kind } = planOf(model, column);
    if (kind === 'plain') fields[property] = value;
    else if (kind === 'bigint') fields[property] = typeof value === 'string' || typeof value === 'bigint' ? Number(value) : value;
    else if (kind === 'boolean') fields[property] = typeof value === 'number' ? value !== 0 : value;
    else if (kind === 'basisPoints') fields[property] = value === null ? null : Number(value as number | string) / 100;
    else fields[property] = typeof value === 'string' ? parsedJson(value) : value;
  }
  return fields;
}

/** As objection does: text that is not JSON stays text. */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
