/**
 * The defined properties of `source` among `keys`. Models whose properties are named as
 * the domain's use it both ways, so each of their columns is spelt once, in one key list.
 */
export function pick<K extends string>(source: Partial<Record<K, unknown>>, keys: readonly K[]): Partial<Record<K, unknown>> {
  const picked: Partial<Record<K, unknown>> = {};
  for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
  return picked;
}
