/**
 * The typed load: the records of a read in a real database, one table per stream, typed from the stream's JSON
 * Schema as Airbyte's typed destinations (Destinations V2, "typing and deduping") type them, with every value
 * that a typed destination would null counted per stream and column.
 *
 *   node dist/scripts/typed-load.js --catalog <discover output> --messages <read output, or - for stdin> --db <file.duckdb>
 *
 * Column types (a property's `type` plus "null" is that type, nullable):
 *
 *   JSON Schema                        DuckDB        Airbyte type / BigQuery, Snowflake, Postgres
 *   integer                            BIGINT        Integer / INT64, NUMBER, bigint
 *   number                             DOUBLE        Number / NUMERIC, FLOAT, decimal
 *   boolean                            BOOLEAN       Boolean / BOOL, BOOLEAN, boolean
 *   string                             VARCHAR       String / STRING, VARCHAR, varchar
 *   string, format date-time           TIMESTAMPTZ   Timestamp with timezone / TIMESTAMP, TIMESTAMP_TZ, timestamptz
 *   string, format date                DATE          Date / DATE
 *   object, array                      JSON          Object, Array / JSON, VARIANT (or OBJECT, ARRAY), jsonb
 *   several types, anyOf/oneOf, none   JSON          Union, Unknown / JSON, VARIANT, jsonb
 *
 * Sources: docs.airbyte.com "Data Types in Records" (understanding-airbyte/supported-data-types) for the types,
 * the BigQuery destination's "Data type map", and the Airbyte CDK's AirbyteType / AirbyteValueCoercer (a legacy
 * union `type: [a, b]` is jsonb in Postgres and VARIANT in Snowflake; BigQuery picks one member instead, array >
 * object > string > number > integer > boolean). Columns are the schema's top-level properties; an undeclared
 * field is no column (Airbyte keeps it only in the raw table) and is reported per stream.
 *
 * A value fails when its cast fails or would change it: a JSON value of another type (a string in a numeric
 * column, an object where an array is declared), an integer column's fraction (87.1; DuckDB itself would round
 * it to 87), a number out of its column's range, a date-time string DuckDB cannot read. Stricter than Airbyte in
 * two places, on purpose: Airbyte parses a numeric string ("1700000000") into an integer or number column and
 * writes any value into a string column as its JSON text; both are counted here: the schema is then wrong about
 * the value, and a target that validates records against it (Singer SDK targets do by default) rejects it.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Command } from 'commander';
import { streamsOfCatalog } from './typed-load/catalog.js';
import { loadTyped, type MessageInput, type TypedLoadReport } from './typed-load/load.js';
import { formatReport, problemsOf, type DuplicatePolicy } from './typed-load/report.js';

export { streamsOfCatalog, type LoadStream } from './typed-load/catalog.js';
export { columnsOf, columnTypeOf, type ColumnKind, type ColumnType } from './typed-load/column-types.js';
export {
  ident,
  loadTyped,
  type ColumnReport,
  type DuplicateKey,
  type FailedValue,
  type MessageInput,
  type StreamReport,
  type TypedLoadReport,
} from './typed-load/load.js';
export { formatReport, problemsOf, type DuplicatePolicy } from './typed-load/report.js';

/** A DuckDB database (a file, or `:memory:`) and one connection to it. */
export interface Database {
  connection: DuckDBConnection;
  close(): void;
}

export async function openDatabase(path: string): Promise<Database> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Loads a read's messages into the database file at `path` (created if absent), typed by `catalog` (see streamsOfCatalog). */
export async function typedLoad(
  path: string,
  catalog: unknown,
  messages: Iterable<MessageInput> | AsyncIterable<MessageInput>,
): Promise<TypedLoadReport> {
  const streams = streamsOfCatalog(catalog);
  const database = await openDatabase(path);
  try {
    return await loadTyped(database.connection, streams, messages);
  } finally {
    database.close();
  }
}

/** The lines of a file, or of stdin for `-`, read once iteration starts (readline drops lines read before that). */
export async function* messageLines(path: string): AsyncGenerator<string> {
  yield* createInterface({ input: path === '-' ? process.stdin : createReadStream(path), crlfDelay: Infinity });
}

/** A catalog file's JSON, or the CATALOG message among the lines `discover` printed. */
function catalogOfFile(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    const catalog = lines.map((line) => JSON.parse(line) as { type?: unknown }).find((message) => message.type === 'CATALOG');
    if (catalog === undefined) throw new Error('The catalog file holds no CATALOG message');
    return catalog;
  }
}

async function main(argv: string[]): Promise<void> {
  const options = new Command('typed-load')
    .description('Load the records of a read into DuckDB, one typed table per stream, and report what does not fit')
    .requiredOption('--catalog <file>', 'the output of discover (its CATALOG message), or a configured catalog')
    .requiredOption('--messages <file>', 'the output of read: Airbyte messages, one per line; - reads stdin')
    .requiredOption('--db <file>', 'the DuckDB database file to write (tables of the same name are replaced)')
    .option('--keep-last', 'the messages are several reads (a resumed or incremental sync): a repeated key keeps its last record')
    .option('--columns', 'list every column with its type')
    .option('--json', 'print the report as JSON')
    .parse(argv)
    .opts<{ catalog: string; messages: string; db: string; keepLast?: boolean; columns?: boolean; json?: boolean }>();
  const report = await typedLoad(options.db, catalogOfFile(await readFile(options.catalog, 'utf8')), messageLines(options.messages));
  const duplicates: DuplicatePolicy = options.keepLast === true ? 'keep-last' : 'error';
  process.stdout.write(
    options.json === true
      ? `${JSON.stringify(report, null, 2)}\n`
      : `${formatReport(report, { columns: options.columns === true, duplicates })}\nTables are in ${options.db}.\n`,
  );
  process.exitCode = problemsOf(report, duplicates).length === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv).catch((error: unknown) => {
    process.stderr.write(`typed-load: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
