/**
 * Chrome's managed-storage schema format (a subset of JSON Schema draft 03), checked the way
 * Chrome checks it: the schema's own rules (an invalid schema stops the extension loading) and
 * a policy against it (Chrome drops values that do not match).
 */

type Schema = Record<string, unknown>;

const KNOWN = new Set([
  'type',
  'title',
  'description',
  'properties',
  'additionalProperties',
  'patternProperties',
  'items',
  'enum',
  'pattern',
  'minimum',
  'maximum',
  'required',
  'id',
  '$ref',
]);
const TYPES = new Set(['object', 'array', 'string', 'boolean', 'integer', 'number', 'any']);

/** What Chrome would refuse in the schema itself; empty when it loads. */
export function schemaProblems(schema: Schema, path = 'schema', top = true): string[] {
  const problems: string[] = [];
  if (top && schema.type !== 'object') problems.push(`${path}: the top level must be an object`);
  if (top && 'additionalProperties' in schema)
    problems.push(`${path}: the top level cannot have additionalProperties`);
  if (('type' in schema ? 1 : 0) + ('$ref' in schema ? 1 : 0) !== 1)
    problems.push(`${path}: needs exactly one of type and $ref`);
  if ('type' in schema && !TYPES.has(String(schema.type)))
    problems.push(`${path}: unknown type ${String(schema.type)}`);
  for (const key of Object.keys(schema))
    if (!KNOWN.has(key)) problems.push(`${path}: unknown attribute ${key}`);
  for (const [name, sub] of Object.entries((schema.properties ?? {}) as Record<string, Schema>))
    problems.push(...schemaProblems(sub, `${path}.${name}`, false));
  if (schema.items) problems.push(...schemaProblems(schema.items as Schema, `${path}[]`, false));
  return problems;
}

function typeOf(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return value === null ? 'null' : typeof value;
}

/** Why a policy value does not match; empty when Chrome would pass all of it on. */
export function policyProblems(schema: Schema, value: unknown, path = 'policy'): string[] {
  const type = schema.type as string;
  const actual = typeOf(value);
  if (type !== 'any' && actual !== type && !(type === 'number' && actual === 'integer'))
    return [`${path}: expected ${type}, got ${actual}`];
  const problems: string[] = [];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value))
    problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(String(value)))
    problems.push(`${path}: does not match ${schema.pattern}`);
  if (type === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const [key, sub] of Object.entries(value as Record<string, unknown>)) {
      if (properties[key]) problems.push(...policyProblems(properties[key], sub, `${path}.${key}`));
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
        problems.push(
          ...policyProblems(schema.additionalProperties as Schema, sub, `${path}.${key}`),
        );
      else problems.push(`${path}.${key}: not in the schema`);
    }
  }
  if (type === 'array')
    (value as unknown[]).forEach((item, i) => {
      problems.push(...policyProblems(schema.items as Schema, item, `${path}[${i}]`));
    });
  return problems;
}
