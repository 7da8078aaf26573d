/**
 * A JSON-schema check for the subset the OpenAPI document uses (type, nullable, enum,
 * properties, required, additionalProperties: false, items, anyOf/oneOf, $ref to
 * #/components/schemas): enough to hold real answers against the document. Returns the problems.
 */
export type Schema = Record<string, unknown>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(wanted: unknown, value: unknown): boolean {
  const actual = typeOf(value);
  const types = [wanted].flat() as string[];
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

export function check(schema: Schema, value: unknown, root: Schema, at = '$'): string[] {
  if (typeof schema['$ref'] === 'string') {
    const name = (schema['$ref'] as string).replace('#/components/schemas/', '');
    return check(((root['components'] as Schema)['schemas'] as Record<string, Schema>)[name] ?? {}, value, root, at);
  }
  if (value === null && (schema['nullable'] === true || [schema['type']].flat().includes('null'))) return [];
  const alternatives = (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined;
  if (alternatives) return alternatives.some((s) => check(s, value, root, at).length === 0) ? [] : [`${at}: matches none of the alternatives`];
  if (schema['type'] !== undefined && !typeMatches(schema['type'], value)) return [`${at}: ${typeOf(value)} is not ${String(schema['type'])}`];
  if (Array.isArray(schema['enum']) && !(schema['enum'] as unknown[]).includes(value)) return [`${at}: ${String(value)} not in enum`];
  const problems: string[] = [];
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    for (const name of (schema['required'] ?? []) as string[]) if (!(name in object)) problems.push(`${at}.${name}: missing`);
    for (const [name, item] of Object.entries(object)) {
      if (properties[name]) problems.push(...check(properties[name], item, root, `${at}.${name}`));
      else if (schema['additionalProperties'] === false) problems.push(`${at}.${name}: not allowed`);
    }
  }
  if (Array.isArray(value) && schema['items']) value.forEach((item, i) => problems.push(...check(schema['items'] as Schema, item, root, `${at}[${i}]`)));
  return problems;
}
