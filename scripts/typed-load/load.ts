import type { DuckDBConnection } from '@duckdb/node-api';
import type { LoadStream } from './catalog.js';
import { columnsOf, type ColumnKind, type ColumnType } from './column-types.js';

/** A value that did not survive its cast: the message line it came from, its record's key, its JSON text. */
export interface FailedValue {
  line: number;
  key: Record<string, unknown>;
  value: string;
}

export interface ColumnReport {
  name: string;
  sqlType: string;
  nullable: boolean;
  /** Values that are not null in the record and null in the table: the count a typed destination nulls. */
  failed: number;
  /** The first few failed values, in message order. */
  examples: FailedValue[];
}

export interface DuplicateKey {
  key: Record<string, unknown>;
  records: number;
  /** Whether every record with this key is the same JSON text (a replay) rather than a changed version. */
  identical: boolean;
}

export interface StreamReport {
  stream: string;
  /** RECORD messages of the stream. */
  records: number;
  /** Rows in its table (one per key: the last record of each key). */
  rows: number;
  primaryKey: string[];
  columns: ColumnReport[];
  duplicateKeys: DuplicateKey[];
  /** Records whose key has a null or failed value: they cannot be keyed and are not in the table. */
  recordsWithoutKey: number;
  /** Top-level fields the schema does not declare, with how many records carry each: they are no column. */
  undeclaredFields: Array<{ field: string; records: number }>;
}

export interface TypedLoadReport {
  streams: StreamReport[];
  /** Records of streams the catalog does not list (not loaded). */
  unknownStreams: Array<{ stream: string; records: number }>;
  seconds: number;
}

/** One Airbyte message: a parsed object, or a line of text holding one (blank lines are skipped). */
export type MessageInput = string | object;

const EXAMPLES_PER_COLUMN = 3;
const MESSAGES = '__typed_load_messages';
const RECORDS = '__typed_load_records';
const CELLS = '__typed_load_cells';

/**
 * Loads the RECORD messages among `messages` into one typed table per stream of `streams` (replacing a table of
 * the same name) and reports what did not fit. Casting happens in DuckDB: each record is staged as JSON, each
 * declared field is cast strictly to its column type, and a value whose cast fails or changes it is counted and
 * stored as NULL, as a typed destination does. Each table keeps the last record of each primary key. Sets the
 * connection's TimeZone to UTC (date-time strings without an offset are UTC, as Airbyte reads them).
 */
export async function loadTyped(
  connection: DuckDBConnection,
  streams: LoadStream[],
  messages: Iterable<MessageInput> | AsyncIterable<MessageInput>,
): Promise<TypedLoadReport> {
  const started = performance.now();
  await connection.run(`SET TimeZone = 'UTC'`);
  try {
    await stageRecords(connection, messages);
    const reports: StreamReport[] = [];
    for (const stream of streams) reports.push(await loadStream(connection, stream));
    const known = streams.map((stream) => literal(stream.name)).join(', ');
    const unknown = await rows(
      connection,
      `SELECT stream, count(*)::INTEGER AS records FROM ${RECORDS} ${known === '' ? '' : `WHERE stream NOT IN (${known})`} GROUP BY stream ORDER BY stream`,
    );
    return {
      streams: reports,
      unknownStreams: unknown.map((row) => ({ stream: String(row['stream']), records: Number(row['records']) })),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const table of [MESSAGES, RECORDS, CELLS]) await connection.run(`DROP TABLE IF EXISTS temp.${table}`);
  }
}

/** Every message as JSON text with its line number, then the RECORDs' stream and data as DuckDB parsed them. */
async function stageRecords(connection: DuckDBConnection, messages: Iterable<MessageInput> | AsyncIterable<MessageInput>): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${MESSAGES} (line BIGINT, message VARCHAR)`);
  const appender = await connection.createAppender(MESSAGES, 'main', 'temp');
  let line = 0;
  for await (const message of messages) {
    line++;
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    if (text.trim() === '') continue;
    appender.appendBigInt(BigInt(line));
    appender.appendVarchar(text);
    appender.endRow();
  }
  appender.closeSync();
  try {
    // One parse per message: its type, stream and data in one json_extract.
    await connection.run(`
      CREATE OR REPLACE TEMP TABLE ${RECORDS} AS
      SELECT line, parts[2] ->> '$' AS stream, parts[3] AS data
      FROM (SELECT line, json_extract(message, ['$.type', '$.record.stream', '$.record.data']) AS parts FROM ${MESSAGES})
      WHERE parts[1] ->> '$' = 'RECORD'`);
  } catch (error) {
    const [invalid] = await rows(connection, `SELECT line FROM ${MESSAGES} WHERE NOT json_valid(message) ORDER BY line LIMIT 1`);
    if (invalid !== undefined) throw new Error(`Message ${String(invalid['line'])} is not JSON: give one Airbyte message per line`);
    throw error;
  }
  await connection.run(`DROP TABLE temp.${MESSAGES}`);
}

interface Column extends ColumnType {
  name: string;
  /** The raw JSON value, its cast value, and whether the cast failed, in the staging table. */
  raw: string;
  typed: string;
  bad: string;
}

async function loadStream(connection: DuckDBConnection, stream: LoadStream): Promise<StreamReport> {
  const columns = [...columnsOf(stream.jsonSchema)].map(([name, type], i): Column => ({
    name,
    ...type,
    raw: `r${i}`,
    typed: `t${i}`,
    bad: `b${i}`,
  }));
  if (columns.length === 0) throw new Error(`${stream.name}: the schema declares no properties, so there is no column to load`);
  const keyColumns = stream.primaryKey.map((field) => {
    const column = columns.find((c) => c.name === field);
    if (column === undefined) throw new Error(`${stream.name}: the primary key field ${field} is not a property of the schema`);
    return column;
  });

  await stageCells(connection, stream.name, columns);
  const keyed = keyColumns.length === 0 ? 'TRUE' : keyColumns.map((c) => `${c.typed} IS NOT NULL`).join(' AND ');
  const [counts] = await rows(
    connection,
    `SELECT count(*)::INTEGER AS records, count(*) FILTER (WHERE NOT (${keyed}))::INTEGER AS without_key,
       ${columns.map((c) => `count(*) FILTER (WHERE ${c.bad})::INTEGER AS ${c.bad}`).join(', ')}
     FROM ${CELLS}`,
  );

  const columnReports: ColumnReport[] = [];
  for (const column of columns) {
    const failed = Number(counts?.[column.bad] ?? 0);
    const examples = failed === 0 ? [] : await failedExamples(connection, column, keyColumns);
    columnReports.push({ name: column.name, sqlType: column.sqlType, nullable: column.nullable, failed, examples });
  }

  await createTable(connection, stream.name, columns, keyColumns);
  const latestPerKey =
    keyColumns.length === 0
      ? ''
      : `QUALIFY row_number() OVER (PARTITION BY ${keyColumns.map((c) => c.typed).join(', ')} ORDER BY line DESC) = 1`;
  await connection.run(
    `INSERT INTO ${ident(stream.name)} SELECT ${columns.map((c) => c.typed).join(', ')} FROM ${CELLS} WHERE ${keyed} ${latestPerKey}`,
  );
  const [loaded] = await rows(connection, `SELECT count(*)::INTEGER AS n FROM ${ident(stream.name)}`);

  return {
    stream: stream.name,
    records: Number(counts?.['records'] ?? 0),
    rows: Number(loaded?.['n'] ?? 0),
    primaryKey: stream.primaryKey,
    columns: columnReports,
    duplicateKeys: keyColumns.length === 0 ? [] : await duplicateKeys(connection, keyColumns, keyed),
    recordsWithoutKey: Number(counts?.['without_key'] ?? 0),
    undeclaredFields: await undeclaredFields(connection, stream.name, columns),
  };
}

/** One row per record of the stream: each declared field's raw JSON value, its strict cast, and whether that failed. */
async function stageCells(connection: DuckDBConnection, stream: string, columns: Column[]): Promise<void> {
  const paths = columns.map((c) => literal(`$."${c.name.replace(/["\\]/g, '\\$&')}"`)).join(', ');
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${CELLS} AS
     WITH extracted AS (SELECT line, json_extract(data, [${paths}]) AS v FROM ${RECORDS} WHERE stream = $stream),
     cells AS MATERIALIZED (
       SELECT line, ${columns.map((c, i) => `v[${i + 1}] AS ${c.raw}, json_type(v[${i + 1}]) AS j${i}`).join(', ')} FROM extracted
     ),
     typed AS (SELECT *, ${columns.map((c, i) => `${strictCast(c.kind, c.raw, `j${i}`)} AS ${c.typed}`).join(', ')} FROM cells)
     SELECT line, ${columns.map((c, i) => `${c.raw}, ${c.typed}, (j${i} <> 'NULL' AND ${c.typed} IS NULL) AS ${c.bad}`).join(', ')}
     FROM typed`,
    { stream },
  );
}

/**
 * The value of `raw` (JSON, of JSON type `jsonType`) in a column of `kind`, or NULL when it is null or does not
 * fit: a JSON value of another type, a number out of range, an integer column's fraction (DuckDB would round
 * 87.1 to 87, so the cast is checked against the value before it), a date-time string DuckDB cannot read.
 */
function strictCast(kind: ColumnKind, raw: string, jsonType: string): string {
  const whole = `${jsonType} IN ('BIGINT', 'UBIGINT')`;
  switch (kind) {
    case 'integer':
      return `CASE WHEN ${whole} OR (${jsonType} = 'DOUBLE' AND TRY_CAST(TRY_CAST(${raw} AS BIGINT) AS DOUBLE) = TRY_CAST(${raw} AS DOUBLE))
        THEN TRY_CAST(${raw} AS BIGINT) END`;
    case 'number':
      return `CASE WHEN (${jsonType} = 'DOUBLE' AND isfinite(TRY_CAST(${raw} AS DOUBLE)))
          OR (${whole} AND TRY_CAST(TRY_CAST(${raw} AS DOUBLE) AS HUGEINT) = TRY_CAST(${raw} AS HUGEINT))
        THEN TRY_CAST(${raw} AS DOUBLE) END`;
    case 'boolean':
      return `CASE WHEN ${jsonType} = 'BOOLEAN' THEN TRY_CAST(${raw} AS BOOLEAN) END`;
    case 'string':
      return `CASE WHEN ${jsonType} = 'VARCHAR' THEN ${raw} ->> '$' END`;
    case 'date-time':
      return `CASE WHEN ${jsonType} = 'VARCHAR' THEN TRY_CAST(${raw} ->> '$' AS TIMESTAMPTZ) END`;
    case 'date':
      return `CASE WHEN ${jsonType} = 'VARCHAR' THEN TRY_CAST(${raw} ->> '$' AS DATE) END`;
    case 'object':
      return `CASE WHEN ${jsonType} = 'OBJECT' THEN ${raw} END`;
    case 'array':
      return `CASE WHEN ${jsonType} = 'ARRAY' THEN ${raw} END`;
    case 'json':
      return `CASE WHEN ${jsonType} <> 'NULL' THEN ${raw} END`;
  }
}

async function failedExamples(connection: DuckDBConnection, column: Column, keyColumns: Column[]): Promise<FailedValue[]> {
  const found = await rows(
    connection,
    `SELECT line, ${column.raw}::VARCHAR AS value, ${keyColumns.map((c, i) => `${c.raw}::VARCHAR AS k${i}`).join(', ') || 'NULL AS k'}
     FROM ${CELLS} WHERE ${column.bad} ORDER BY line LIMIT ${EXAMPLES_PER_COLUMN}`,
  );
  return found.map((row) => ({ line: Number(row['line']), key: keyOf(row, keyColumns), value: String(row['value']) }));
}

async function duplicateKeys(connection: DuckDBConnection, keyColumns: Column[], keyed: string): Promise<DuplicateKey[]> {
  const keys = keyColumns.map((c) => c.typed).join(', ');
  // Repeated keys first (usually none); only their records' data is compared.
  const found = await rows(
    connection,
    `WITH repeated AS (SELECT ${keys} FROM ${CELLS} WHERE ${keyed} GROUP BY ${keys} HAVING count(*) > 1)
     SELECT ${keyColumns.map((c, i) => `arg_min(${c.raw}, cells.line)::VARCHAR AS k${i}`).join(', ')},
       count(*)::INTEGER AS records, count(DISTINCT records.data::VARCHAR) = 1 AS identical
     FROM ${CELLS} AS cells JOIN repeated USING (${keys}) JOIN ${RECORDS} AS records ON records.line = cells.line
     GROUP BY ${keyColumns.map((c) => `cells.${c.typed}`).join(', ')} ORDER BY min(cells.line)`,
  );
  return found.map((row) => ({ key: keyOf(row, keyColumns), records: Number(row['records']), identical: row['identical'] === true }));
}

async function undeclaredFields(
  connection: DuckDBConnection,
  stream: string,
  columns: Column[],
): Promise<Array<{ field: string; records: number }>> {
  const found = await rows(
    connection,
    `SELECT field, count(*)::INTEGER AS records FROM (SELECT unnest(json_keys(data)) AS field FROM ${RECORDS} WHERE stream = ${literal(stream)})
     WHERE field NOT IN (${columns.map((c) => literal(c.name)).join(', ')}) GROUP BY field ORDER BY records DESC, field`,
  );
  return found.map((row) => ({ field: String(row['field']), records: Number(row['records']) }));
}

async function createTable(connection: DuckDBConnection, name: string, columns: Column[], keyColumns: Column[]): Promise<void> {
  const definitions = columns.map((c) => `${ident(c.name)} ${c.sqlType}${keyColumns.includes(c) ? ' NOT NULL' : ''}`);
  if (keyColumns.length > 0) definitions.push(`PRIMARY KEY (${keyColumns.map((c) => ident(c.name)).join(', ')})`);
  await connection.run(`CREATE OR REPLACE TABLE ${ident(name)} (${definitions.join(', ')})`);
}

function keyOf(row: Record<string, unknown>, keyColumns: Column[]): Record<string, unknown> {
  return Object.fromEntries(keyColumns.map((c, i) => [c.name, JSON.parse(String(row[`k${i}`])) as unknown]));
}

async function rows(connection: DuckDBConnection, sql: string): Promise<Array<Record<string, unknown>>> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS();
}

/** A SQL identifier, quoted. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
