/**
 * How a stream's JSON Schema becomes typed columns (the mapping and its sources are written down at the top of
 * scripts/typed-load.ts and in the README, "Your data in SQL").
 */

/** What a column holds, as the destination types it. */
export type ColumnKind = 'integer' | 'number' | 'boolean' | 'string' | 'date-time' | 'date' | 'object' | 'array' | 'json';

export interface ColumnType {
  kind: ColumnKind;
  /** The DuckDB type of the column. */
  sqlType: string;
  /** Whether the schema allows null (a type plus `null`, or a `null` branch of anyOf/oneOf). */
  nullable: boolean;
}

const SQL_TYPES: Record<ColumnKind, string> = {
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  string: 'VARCHAR',
  'date-time': 'TIMESTAMPTZ',
  date: 'DATE',
  object: 'JSON',
  array: 'JSON',
  json: 'JSON',
};

type Schema = Record<string, unknown>;

/** The typed column of each top-level property of a stream schema, in the schema's order. */
export function columnsOf(streamSchema: Schema): Map<string, ColumnType> {
  const properties = (streamSchema['properties'] ?? {}) as Record<string, Schema>;
  const columns = new Map<string, ColumnType>();
  for (const [name, property] of Object.entries(properties)) columns.set(name, columnTypeOf(property, streamSchema));
  return columns;
}

/** The column type of one property schema; `root` resolves local `$ref`s (`#/definitions/...`). */
export function columnTypeOf(property: Schema, root: Schema = property): ColumnType {
  const options = typeOptions(resolve(property, root), root, 0);
  const nullable = options.has('null') || options.size === 0;
  const kinds = [...options].filter((kind): kind is ColumnKind => kind !== 'null');
  const kind: ColumnKind = kinds.length === 1 ? kinds[0]! : 'json';
  return { kind, sqlType: SQL_TYPES[kind], nullable };
}

/** The distinct kinds a schema allows (`null` included); an empty set when the schema says nothing of its type. */
function typeOptions(schema: Schema, root: Schema, depth: number): Set<ColumnKind | 'null'> {
  if (depth > 20) throw new Error('The schema nests anyOf/oneOf/$ref more than 20 deep (a $ref cycle?)');
  const branches = (schema['anyOf'] ?? schema['oneOf']) as Schema[] | undefined;
  if (branches !== undefined) {
    const union = new Set<ColumnKind | 'null'>();
    for (const branch of branches) {
      const kinds = typeOptions(resolve(branch, root), root, depth + 1);
      // A branch without a type admits anything, null included: the union is untyped.
      if (kinds.size === 0) return new Set(['json', 'null']);
      for (const kind of kinds) union.add(kind);
    }
    return union;
  }
  const declared = schema['type'];
  const types = typeof declared === 'string' ? [declared] : Array.isArray(declared) ? (declared as string[]) : [];
  return new Set(types.map((type) => kindOf(type, schema['format'])));
}

function kindOf(type: string, format: unknown): ColumnKind | 'null' {
  switch (type) {
    case 'null':
    case 'integer':
    case 'number':
    case 'boolean':
    case 'object':
    case 'array':
      return type;
    case 'string':
      return format === 'date-time' ? 'date-time' : format === 'date' ? 'date' : 'string';
    default:
      return 'json';
  }
}

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  const match = /^#\/(definitions|\$defs)\/(.+)$/.exec(ref);
  const target = match === null ? undefined : ((root[match[1]!] ?? {}) as Record<string, Schema>)[match[2]!];
  if (target === undefined) throw new Error(`Cannot resolve ${ref}: only local #/definitions/… and #/$defs/… references are supported`);
  return target;
}
