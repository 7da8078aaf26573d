/**
 * The length, in characters, of the text columns looked up by values that come from outside
 * (URLs, headers, forms). A value that cannot be stored cannot be found either.
 */
export const columnLimits = {
  id: 36,
  slug: 64,
  token: 64,
  idempotencyKey: 255,
  email: 254,
} as const;

/** The largest value of an int4 column (stock, quantities, positions). */
export const maxInt4 = 2_147_483_647;

/**
 * Whether a lookup by `value` can match a column of `maxLength` characters. PostgreSQL
 * refuses a NUL byte in any text parameter (the query fails), so such a value, like one too
 * long for the column, is answered "not found" without asking the database, on both databases.
 */
export function canBeStored(value: string, maxLength: number): boolean {
  if (value.includes('\0')) return false;
  // Columns count characters (code points), JavaScript counts UTF-16 units: cheap test first.
  return value.length <= maxLength || [...value].length <= maxLength;
}
