import { ValidationFailedError } from '../errors.js';

/** One page of a keyset-paginated list. `nextCursor` is opaque and null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(id: string): string {
  return Buffer.from(id, 'utf8').toString('base64url');
}

/** Returns null for a cursor that was not made by encodeCursor, so callers can reject it. */
export function decodeCursor(cursor: string): string | null {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  return /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

/** The id a request's cursor stands for (undefined for the first page); VALIDATION_FAILED for a forged one. */
export function afterCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const after = decodeCursor(cursor);
  if (after === null) {
    throw new ValidationFailedError('Some fields are not valid', [{ path: 'cursor', message: 'Cursor is not one this API gave out' }]);
  }
  return after;
}
