import { UniqueViolationError } from 'objection';
import { ConflictError } from '../../errors.js';

/** Which field a unique column stands for, and what to tell the person. */
export interface UniqueField {
  column: string;
  path: 'email' | 'slug' | 'sku' | 'idempotencyKey';
  message: string;
}

interface DriverError {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  constraint?: unknown;
}

/**
 * The columns of the unique constraint a driver error broke, or null when it is not a unique
 * violation. Reads objection's UniqueViolationError, pg's 23505 and better-sqlite3's
 * SQLITE_CONSTRAINT_UNIQUE (db-errors does not recognise better-sqlite3's errors).
 */
export function uniqueViolationColumns(error: unknown): string[] | null {
  if (error instanceof UniqueViolationError) {
    if (error.columns.length > 0) return error.columns;
    return uniqueViolationColumns(error.nativeError) ?? (error.constraint ? [error.constraint] : []);
  }
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, detail, constraint } = error as DriverError;
  if (code === '23505') {
    const match = typeof detail === 'string' ? /^Key \(([^)]*)\)=/.exec(detail) : null;
    if (match) return splitColumns(match[1] ?? '');
    return typeof constraint === 'string' ? [constraint] : [];
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const match = typeof message === 'string' ? /UNIQUE constraint failed: (.+)$/.exec(message) : null;
    // "table.column, table.column"
    return match ? splitColumns(match[1] ?? '').map((column) => column.split('.').pop() ?? column) : [];
  }
  return null;
}

function splitColumns(list: string): string[] {
  return list.split(',').map((column) => column.trim().replace(/^"|"$/g, ''));
}

/**
 * Turns a unique violation on one of `fields` into a ConflictError naming the field; returns
 * any other error unchanged. The driver's message (which holds SQL) is kept only as `cause`.
 */
export function translateUniqueViolation(error: unknown, fields: UniqueField[]): unknown {
  const columns = uniqueViolationColumns(error);
  if (columns === null) return error;
  const field = fields.find((f) => columns.some((column) => column === f.column || column.includes(f.column)));
  return field ? conflictOn(field, error) : error;
}

/** The ConflictError for a taken value of `field`. */
export function conflictOn(field: UniqueField, cause?: unknown): ConflictError {
  return new ConflictError(field.message, [{ path: field.path, message: field.message }], { cause });
}

/** Runs `write`, rethrowing a unique violation on one of `fields` as a ConflictError. */
export async function withUniqueFields<T>(fields: UniqueField[], write: () => PromiseLike<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw translateUniqueViolation(error, fields);
  }
}

/** The unique fields of the schema, by what a person calls them. */
export const uniqueFields = {
  email: { column: 'email', path: 'email', message: 'This email is already registered' },
  slug: { column: 'slug', path: 'slug', message: 'This store link is already taken' },
  sku: { column: 'sku', path: 'sku', message: 'Another product already has this SKU' },
  productSlug: { column: 'slug', path: 'slug', message: 'Another product of the store already has this link' },
  idempotencyKey: {
    column: 'idempotency_key',
    path: 'idempotencyKey',
    message: 'An order was already placed with this idempotency key',
  },
} satisfies Record<string, UniqueField>;
